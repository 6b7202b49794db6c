import FramstegCore

/// Every text of the interface, Swedish first. One table so each key has both languages.
enum Texts {
    static func table(_ language: Language) -> [String: String] {
        switch language {
        case .swedish: swedish
        case .english: english
        }
    }

    static func text(_ key: String, _ language: Language) -> String {
        table(language)[key] ?? key
    }

    /// A text with its placeholders filled in. Every placeholder is a name in braces, `{n}`, the one
    /// style all texts use: `Texts.text("problemTooLong", language, ["n": "200"])`.
    static func text(_ key: String, _ language: Language, _ values: [String: String]) -> String {
        values.reduce(text(key, language)) { text, value in text.replacingOccurrences(of: "{" + value.key + "}", with: value.value) }
    }

    /// A count with its noun in the right number: `key + ".one"` for exactly one, `key + ".other"`
    /// otherwise, each with `{n}` ("1 flerpartsmöte", "3 flerpartsmöten").
    static func counted(_ count: Int, _ key: String, _ language: Language) -> String {
        text(key + (count == 1 ? ".one" : ".other"), language, ["n": String(count)])
    }

    private static let swedish = entries.mapValues(\.sv)
    private static let english = entries.mapValues(\.en)

    /// The general texts and those of the activity pages. A key in both is a mistake that stops the
    /// first page any test renders.
    static let entries = generalEntries.merging(activityEntries) { _, _ in preconditionFailure("a text key is defined twice") }
        .merging(measurementEntries) { _, _ in preconditionFailure("a text key is defined twice") }
        .merging(surveyEntries) { _, _ in preconditionFailure("a text key is defined twice") }
        .merging(accessibilityEntries) { _, _ in preconditionFailure("a text key is defined twice") }
        .merging(followUpEntries) { _, _ in preconditionFailure("a text key is defined twice") }
        .merging(problemEntries) { _, _ in preconditionFailure("a text key is defined twice") }
        .merging(rightsEntries) { _, _ in preconditionFailure("a text key is defined twice") }
        .merging(secondFactorEntries) { _, _ in preconditionFailure("a text key is defined twice") }
        .merging(identityProviderEntries) { _, _ in preconditionFailure("a text key is defined twice") }
        .merging(dutiesEntries) { _, _ in preconditionFailure("a text key is defined twice") }
        .merging(recordEntries) { _, _ in preconditionFailure("a text key is defined twice") }
        .merging(meetingEntries) { _, _ in preconditionFailure("a text key is defined twice") }
        .merging(sessionEntries) { _, _ in preconditionFailure("a text key is defined twice") }
        .merging(goalEntries) { _, _ in preconditionFailure("a text key is defined twice") }

    static let generalEntries: [String: (sv: String, en: String)] = [
        "appName": ("Framsteg", "Framsteg"),
        "skipToContent": ("Hoppa till innehållet", "Skip to content"),
        "mainNavigation": ("Huvudmeny", "Main menu"),
        "signedInAs": ("Inloggad som", "Signed in as"),
        "signOut": ("Logga ut", "Sign out"),
        "signIn": ("Logga in", "Sign in"),
        "signInTitle": ("Logga in i Framsteg", "Sign in to Framsteg"),
        "signInIntro": (
            "Framsteg används för progressionsmätning och uppföljning i samordnad rehabilitering.",
            "Framsteg is used for progression measurement and follow-up in coordinated rehabilitation."
        ),
        "email": ("E-postadress", "E-mail address"),
        "password": ("Lösenord", "Password"),
        "signInFailed": ("Fel e-postadress eller lösenord.", "Wrong e-mail address or password."),
        "signInThrottled": (
            "För många misslyckade inloggningar. Vänta en stund och försök igen.",
            "Too many failed sign-ins. Wait a while and try again."
        ),
        "sessionExpired": ("Din session har avslutats. Logga in igen.", "Your session has ended. Please sign in again."),
        "signedOut": ("Du är utloggad.", "You have signed out."),
        "language": ("Språk", "Language"),
        "languageFollowBrowser": ("Som webbläsaren", "Same as the browser"),
        "swedish": ("Svenska", "Swedish"),
        "english": ("Engelska", "English"),
        "settings": ("Inställningar", "Settings"),
        "settingsSaved": ("Inställningarna är sparade.", "Your settings are saved."),
        "save": ("Spara", "Save"),
        "create": ("Skapa", "Create"),
        "cancel": ("Avbryt", "Cancel"),
        "back": ("Tillbaka", "Back"),
        "name": ("Namn", "Name"),
        "role": ("Roll", "Role"),
        "units": ("Verksamheter", "Units"),
        "unit": ("Verksamhet", "Unit"),
        "municipality": ("Kommun", "Municipality"),
        "municipalities": ("Kommuner", "Municipalities"),
        "users": ("Användare", "Users"),
        "user": ("Användare", "User"),
        "status": ("Status", "Status"),
        "active": ("Aktiv", "Active"),
        "disabled": ("Avstängd", "Disabled"),
        "year": ("År", "Year"),
        "places": ("Budgeterade platser", "Budgeted places"),
        "placesShort": ("Platser", "Places"),
        "total": ("Totalt", "Total"),
        "none": ("Inga", "None"),
        "formHasErrors": ("Formuläret har fel. Rätta de markerade fälten.", "The form has errors. Correct the marked fields."),
        "saved": ("Ändringarna är sparade.", "The changes are saved."),
        "roleAdmin": ("Administratör", "Administrator"),
        "roleOffice": ("Förbundskansli", "Association office"),
        "roleManager": ("Enhetschef", "Unit manager"),
        "roleCounsellor": ("Handledare", "Counsellor"),
        "administration": ("Administration", "Administration"),
        "adminIntro": (
            "Här hanterar du förbundets kommuner, verksamheter och användare.",
            "Here you manage the association's municipalities, units and users."
        ),
        "association": ("Förbund", "Association"),
        "associationDetails": ("Förbundets uppgifter", "Association details"),
        "organisationNumber": ("Organisationsnummer", "Organisation number"),
        "surveyShareReadingLegend": ("Deltagarenkätens mål räknas på", "The exit survey's goal counts"),
        "surveyShareReadingHelp": (
            "Resultaten visar alltid båda andelarna; det här väljer vilken som jämförs med målet.",
            "The results always show both shares; this chooses which one is compared with the goal."
        ),
        "surveyShareReading.positive": (
            "Positiva svar (Alltid, Oftast, Ofta; Helt och hållet, Till stor del)",
            "Positive answers (always, mostly, often; completely, to a large extent)"
        ),
        "surveyShareReading.with-middle": (
            "Positiva svar och mittensvaret (även Ibland och Delvis)",
            "Positive answers and the middle answer (sometimes and partly too)"
        ),
        "addMunicipality": ("Lägg till kommun", "Add municipality"),
        "rename": ("Byt namn", "Rename"),
        "addUnit": ("Lägg till verksamhet", "Add unit"),
        "editUnit": ("Ändra verksamhet", "Edit unit"),
        "setPlaces": ("Ange budgeterade platser för ett år", "Set budgeted places for a year"),
        "noPlacesYet": ("Inga budgeterade platser är angivna ännu.", "No budgeted places have been set yet."),
        "noMunicipalitiesYet": (
            "Förbundet har inga kommuner ännu. Lägg till en kommun först.",
            "The association has no municipalities yet. Add a municipality first."
        ),
        "noUnitsYet": ("Inga verksamheter ännu.", "No units yet."),
        "chooseMunicipality": ("Välj kommun", "Choose municipality"),
        "addUser": ("Lägg till användare", "Add user"),
        "editUser": ("Ändra användare", "Edit user"),
        "chooseRole": ("Välj roll", "Choose role"),
        "unitsHelp": (
            "Enhetschefer och handledare måste höra till minst en verksamhet.",
            "Unit managers and counsellors must belong to at least one unit."
        ),
        "newPassword": ("Nytt lösenord", "New password"),
        "repeatPassword": ("Upprepa lösenordet", "Repeat the password"),
        "passwordHelp": ("Minst 12 tecken. Vanliga lösenord godtas inte.", "At least 12 characters. Common passwords are refused."),
        "resetPassword": ("Återställ lösenordet", "Reset the password"),
        "resetPasswordHelp": (
            "Det nuvarande lösenordet slutar gälla och personen loggas ut. Du får en engångslänk att ge personen, så att hen själv väljer ett nytt. Du får aldrig veta lösenordet.",
            "The current password stops working and the person is signed out. You get a one-time link to give them, so that they choose a new one themselves. You never learn the password."
        ),
        "ownPasswordInSettings": ("Ditt eget lösenord byter du under", "You change your own password under"),
        "setupLinkHelp": (
            "Du anger inget lösenord. När kontot är skapat får du en engångslänk att ge personen; med den väljer hen sitt eget lösenord.",
            "You do not enter a password. When the account is created you get a one-time link to give the person; with it they choose their own password."
        ),
        "setupLinkCreated": ("Kontot för {name} är skapat", "The account for {name} is created"),
        "setupLinkReset": ("Lösenordet för {name} är återställt", "The password for {name} is reset"),
        "setupLinkInstructions": (
            "Ge länken nedan till {name} ({email}) på ett säkert sätt. Med den väljer hen sitt lösenord och loggar sedan in. Länken fungerar en gång, till och med {until}.",
            "Give the link below to {name} ({email}) in a safe way. With it they choose their password and then sign in. The link works once, until {until}."
        ),
        "setupLink": ("Engångslänk", "One-time link"),
        "setupLinkOnce": (
            "Länken visas bara nu. Om den kommer bort: återställ lösenordet igen, så slutar den här att gälla.",
            "The link is shown only now. If it is lost: reset the password again, and this one stops working."
        ),
        "chooseYourPassword": ("Välj ditt lösenord", "Choose your password"),
        "setupFor": ("Kontot:", "The account:"),
        "savePassword": ("Spara lösenordet", "Save the password"),
        "setupLinkExpired": (
            "Länken fungerar inte längre: den är redan använd, för gammal eller fel. Be administratören om en ny.",
            "The link no longer works: it has been used, is too old or is wrong. Ask the administrator for a new one."
        ),
        "passwordChosen": ("Lösenordet är sparat. Logga in med det.", "The password is saved. Sign in with it."),
        "passwordChanged": (
            "Lösenordet är bytt. Du är utloggad på alla andra enheter.",
            "The password is changed. You are signed out on every other device."
        ),
        "changePassword": ("Byt lösenord", "Change password"),
        "currentPassword": ("Nuvarande lösenord", "Current password"),
        "disableUser": ("Stäng av användaren", "Disable user"),
        "enableUser": ("Aktivera användaren", "Enable user"),
        "userDisabled": ("Användaren är avstängd och alla sessioner är avslutade.", "The user is disabled and all sessions are ended."),
        "userEnabled": ("Användaren är aktiverad.", "The user is enabled."),
        "cannotDisableSelf": ("Du kan inte stänga av ditt eget konto.", "You cannot disable your own account."),
        "auditLog": ("Granskningslogg", "Audit log"),
        "auditIntro": (
            "Alla inloggningar, ändringar, nekade försök och läsningar av personuppgifter loggas. Loggen är kedjad med nycklade hashar (nyckeln finns i nyckelfilen, inte i databasen) så att ändringar upptäcks.",
            "Every sign-in, change, refused attempt and read of personal data is logged. The log is chained with keyed hashes (the key is in the key file, not in the database) so that changes are detected."
        ),
        "auditIntact": (
            "De senaste raderna har kontrollerats och kedjan är obruten", "The newest rows have been checked and the chain is intact"
        ),
        "auditFullCheck": (
            "Hela loggen kontrolleras, mot de signerade kontrollpunkterna utanför databasen, med kommandot framsteg audit verify --checkpoints.",
            "The whole log is checked, against the signed checkpoints kept outside the database, with the command framsteg audit verify --checkpoints."
        ),
        "sourceAddress": ("Adress", "Address"),
        "auditBroken": ("Kedjan är bruten vid rad", "The chain is broken at row"),
        "time": ("Tid (UTC)", "Time (UTC)"),
        "action": ("Händelse", "Action"),
        "object": ("Objekt", "Object"),
        "result": ("Resultat", "Result"),
        "officeIntro": (
            "Förbundets organisation och budgeterade platser. Kansliet ser bara sammanställda uppgifter, aldrig enskilda deltagare.",
            "The association's organisation and budgeted places. The office sees only aggregated figures, never individual participants."
        ),
        "placesByYear": ("Budgeterade platser per år", "Budgeted places per year"),
        "myUnits": ("Mina verksamheter", "My units"),
        "myUnitsIntro": ("De verksamheter du arbetar i.", "The units you work in."),
        "staff": ("Personal", "Staff"),
        "errorForbiddenTitle": ("Åtkomst nekad", "Access denied"),
        "errorForbidden": (
            "Du har inte behörighet till den här sidan. Försöket har loggats.",
            "You do not have permission for this page. The attempt has been logged."
        ),
        "errorNotFoundTitle": ("Sidan finns inte", "Page not found"),
        "errorNotFound": (
            "Sidan du söker finns inte, eller så har du inte behörighet till den.",
            "The page you are looking for does not exist, or you do not have permission for it."
        ),
        "errorCsrfTitle": ("Formuläret kunde inte skickas", "The form could not be sent"),
        "recordsNotGranted": (
            "Deltagarnas akter öppnas av handledarna. Förbundet kan ge en enhetschef tillgång till dem; verksamhetens siffror finns under Uppföljning.",
            "Participants' records are opened by the counsellors. The association can give a unit manager access to them; the unit's figures are under Follow-up."
        ),
        "recordAccess": ("Tillgång till deltagarakter", "Access to participants' records"),
        "recordAccessLabel": ("Får öppna deltagarakter i sina verksamheter", "May open participants' records in their units"),
        "recordAccessHelp": (
            "En enhetschef ser verksamhetens siffror. Att öppna enskilda deltagares akter är en rättighet som förbundet ger per chef.",
            "A unit manager sees the unit's figures. Opening individual participants' records is a right the association grants per manager."
        ),
        "errorTooLarge": (
            "Det som skickades var för stort. Korta texten och försök igen.",
            "What was sent was too large. Shorten the text and try again."
        ),
        "errorTooLargeTitle": ("För stort", "Too large"),
        "errorCsrf": (
            "Formuläret var för gammalt eller kom inte från Framsteg. Ladda om sidan och försök igen.",
            "The form was too old or did not come from Framsteg. Reload the page and try again."
        ),
        "errorServerTitle": ("Något gick fel", "Something went wrong"),
        "errorServer": ("Ett oväntat fel inträffade. Försök igen om en stund.", "An unexpected error occurred. Try again in a moment."),
        "goHome": ("Till startsidan", "To the home page"),
        "participants": ("Deltagare", "Participants"),
        "exitDocument": ("Avslutsdokument", "Exit document"),
        "exitDocumentNotYet": (
            "Avslutsdokumentet kan tas fram när deltagaren har avslutats.", "The exit document can be made once the participant has exited."
        ),
        "backToRecord": ("Tillbaka till deltagaren", "Back to the participant"),
        "period": ("Tid i insatsen", "Time in the programme"),
        "searchTitle": ("Sök deltagare", "Find a participant"),
        "showWholeNumber": ("Visa hela personnumret", "Show the whole number"),
        "counsellorChanged": ("Deltagaren har en ny ansvarig handledare.", "The participant has a new responsible counsellor."),
        "noResponsibleCounsellor": (
            "Ingen ännu: den som startar insatsen blir ansvarig.", "None yet: whoever starts the programme becomes responsible."
        ),
        "handOverTo": ("Lämna över till", "Hand over to"),
        "handOverParticipant": ("Lämna över", "Hand over"),
        "from": ("från", "from"),
        "problemAlreadyResponsible": ("Den handledaren är redan ansvarig.", "That counsellor is already responsible."),
        "problemHandOverEnded": (
            "Insatsen är avslutad: deltagaren lämnas inte över.", "The programme has ended: the participant is not handed over."
        ),
        "searchLabel": ("Namn eller personnummer", "Name or personal identity number"),
        "searchHelp": (
            "Början av för- eller efternamnet räcker, till exempel \"an lind\". Personnumret skrivs helt, ÅÅÅÅMMDD-NNNN. Du hittar deltagare i dina verksamheter, även avslutade.",
            "The beginning of the first or last name is enough, for example \"an lind\". The personal identity number is written whole, YYYYMMDD-NNNN. You find participants of your units, ended ones too."
        ),
        "search": ("Sök", "Search"),
        "searchResults": ("Deltagare som hittades", "Participants found"),
        "searchNone": (
            "Ingen deltagare i dina verksamheter heter eller har personnummer \"{query}\".",
            "No participant in your units is called or has the number \"{query}\"."
        ),
        "searchMore": ("Fler kan finnas: skriv mer av namnet.", "There may be more: type more of the name."),
        "count.found.one": ("{n} deltagare hittades.", "{n} participant found."),
        "count.found.other": ("{n} deltagare hittades.", "{n} participants found."),
        "problemSearchTooShort": (
            "Skriv minst två bokstäver av ett namn, eller ett helt personnummer.",
            "Type at least two letters of a name, or a whole personal identity number."
        ),
        "months": ("månader", "months"),
        "blocksCompleted": ("Insatsblock", "Blocks"),
        "responsibleCounsellor": ("Ansvarig handledare", "Responsible counsellor"),
        "printedOn": ("Utskrivet", "Printed"),
        "by": ("av", "by"),
        "printHint": (
            "Skriv ut med webbläsarens utskriftsfunktion (Ctrl+P). Där kan du också spara dokumentet som PDF.",
            "Print with the browser's print function (Ctrl+P), where you can also save the document as PDF."
        ),
        "eligibility": ("Målgruppskriterier", "Eligibility"),
        "eligibilityIntro": (
            "Ålder och kommun räknas fram. Bekräfta övriga kriterier efter informationssamtalet.",
            "Age and municipality are computed. Confirm the other criteria after the information conversation."
        ),
        "eligibilityAge": ("Ålder", "Age"),
        "eligibleAges": ("{min}–{max} år", "{min}–{max}"),
        "eligibilityMunicipality": ("Folkbokförd i en av förbundets kommuner", "Registered in one of the association's municipalities"),
        "eligibilitySave": ("Spara bedömningen", "Save the assessment"),
        "eligibilitySaved": ("Bedömningen är sparad.", "The assessment is saved."),
        "yes": ("Ja", "Yes"),
        "no": ("Nej", "No"),
        "yearsOld": ("år", "years"),
        "checkedBy": ("bekräftat av", "confirmed by"),
        "notChecked": ("ej bekräftat", "not confirmed"),
        "eligibilityMet": ("Uppfyllt", "Met"),
        "eligibilityNotMet": ("Inte uppfyllt", "Not met"),
        "eligibilityNotAssessed": ("Inte bedömt", "Not assessed"),
        "eligibilityNote": ("Anteckning", "Note"),
        "eligibilityNoteHelp": (
            "Krävs när kriteriet inte är uppfyllt: vad saknas, och vad görs?",
            "Required when the criterion is not met: what is missing, and what is done?"
        ),
        "problemEligibilityNote": (
            "Skriv varför kriteriet inte är uppfyllt.", "Write why the criterion is not met."
        ),
        "waitingRegistrations": ("Väntande anmälningar", "Registrations waiting"),
        "waitingGoalPrefix": ("mål: start inom", "goal: start within"),
        "days": ("dagar", "days"),
        "daysWaited": ("Dagar i kö", "Days waiting"),
        "overdue": ("över målet", "past the goal"),
        "overdueItem": ("försenad", "overdue"),
        "noWaiting": ("Inga anmälningar väntar.", "No registrations are waiting."),
        "myParticipants": ("Mina deltagare", "My participants"),
        "noMyParticipants": ("Du är inte ansvarig för någon pågående deltagare.", "You are not responsible for any ongoing participant."),
        "publicRegisterTitle": ("Intresseanmälan", "Interest registration"),
        "publicRegisterIntro": (
            "Här anmäler du intresse för att delta i en verksamhet som förbundet finansierar. Du kan anmäla dig själv, eller som handläggare anmäla någon du arbetar med. Verksamheten hör av sig inom två veckor.",
            "Here you register interest in taking part in a programme the association funds. You can register yourself, or as a case worker register someone you work with. The unit will contact you within two weeks."
        ),
        "publicWho": ("Vem gör anmälan?", "Who is registering?"),
        "publicReferrerName": (
            "Ditt namn, din myndighet och hur vi når dig (om du anmäler någon annan)",
            "Your name, your organisation and how to reach you (if you register someone else)"
        ),
        "publicPerson": ("Personen som vill delta", "The person who wants to take part"),
        "publicUnit": ("Verksamhet", "Programme"),
        "chooseUnit": ("Välj verksamhet", "Choose a programme"),
        "publicSubmit": ("Skicka anmälan", "Send the registration"),
        "honeypotLabel": ("Lämna det här fältet tomt", "Leave this field empty"),
        "publicPrivacyTitle": ("Så behandlar vi uppgifterna", "How we handle the information"),
        "publicPrivacy1": (
            "Samordningsförbundet och verksamheten använder uppgifterna bara för att ta emot anmälan, kontakta personen och planera ett eventuellt deltagande.",
            "The association and the unit use the information only to receive the registration, contact the person and plan any participation."
        ),
        "publicPrivacy2": (
            "Personnummer och fritext lagras krypterade. Bara personalen i den valda verksamheten kan läsa dem, och varje läsning loggas.",
            "The personal identity number and free text are stored encrypted. Only the staff of the chosen unit can read them, and every read is logged."
        ),
        "publicPrivacy3": (
            "Statistik lämnas bara ut sammanställd, utan namn eller personnummer.",
            "Figures leave the unit only aggregated, without names or personal identity numbers."
        ),
        "publicPrivacyKeeping": (
            "Uppgifterna sparas medan deltagandet pågår och {months} månader efter att det har avslutats. Sedan tar Framsteg bort namn, personnummer, kontaktuppgifter och fritext; kvar finns bara avidentifierade uppgifter till statistiken. Loggen över vem som har läst uppgifterna sparas i minst fem år.",
            "The information is kept while the participation goes on and for {months} months after it ends. Then Framsteg removes name, personal identity number, contact details and free text; only de-identified facts for the figures remain. The log of who read the information is kept for at least five years."
        ),
        "publicPrivacyRights": (
            "Personen kan när som helst få ett utdrag med allt som finns om hen och vem som har läst det, och få fel rättade, genom att kontakta verksamheten. Uppgifter kan oftast inte tas bort i förtid, eftersom arkivlagen kräver att allmänna handlingar bevaras tills de gallras.",
            "The person may at any time get an extract of everything held about them and of who read it, and have mistakes corrected, by contacting the unit. Information can usually not be removed early, as the archives act requires public records to be kept until they are thinned."
        ),
        "publicConsent": (
            "Personen som ska delta samtycker till att uppgifterna behandlas så som beskrivs ovan.",
            "The person who is to take part consents to the information being handled as described above."
        ),
        "publicThanksTitle": ("Tack för din anmälan", "Thank you for your registration"),
        "publicThanks": (
            "Anmälan har skickats till verksamheten, som hör av sig inom två veckor.",
            "The registration has been sent to the unit, which will be in touch within two weeks."
        ),
        "publicTooManyTitle": ("För många anmälningar", "Too many registrations"),
        "publicTooMany": (
            "Det har kommit för många anmälningar från den här adressen. Försök igen om en timme eller ring verksamheten.",
            "Too many registrations have come from this address. Try again in an hour or call the unit."
        ),
        "participant": ("Deltagare", "Participant"),
        "noParticipantsYet": ("Inga deltagare är registrerade ännu.", "No participants are registered yet."),
        "registerParticipant": ("Registrera deltagare", "Register participant"),
        "registerParticipantIntro": (
            "Registrera en intresseanmälan som har kommit in till verksamheten.",
            "Register an interest registration that has reached the unit."
        ),
        "personalIdentityNumber": ("Personnummer eller samordningsnummer", "Personal identity number or co-ordination number"),
        "personalIdentityNumberHelp": ("ÅÅÅÅMMDD-NNNN", "YYYYMMDD-NNNN"),
        "phone": ("Telefon", "Phone"),
        "contactHelp": ("Ange telefon eller e-post, gärna båda.", "Give a phone number or e-mail address, preferably both."),
        "gender": ("Kön", "Gender"),
        "gender.woman": ("Kvinna", "Woman"),
        "gender.man": ("Man", "Man"),
        "gender.other": ("Annat eller vill inte ange", "Another, or prefers not to say"),
        "referrer": ("Remittent", "Referrer"),
        "referrerKind": ("Anmäld av", "Registered by"),
        "referrerName": ("Remittentens namn och kontakt", "The referrer's name and contact"),
        "referrer.af": ("Arbetsförmedlingen", "Public Employment Service"),
        "referrer.fk": ("Försäkringskassan", "Social Insurance Agency"),
        "referrer.region": ("Region (hälso- och sjukvård)", "Region (health care)"),
        "referrer.social-services": ("Socialtjänsten", "Social services"),
        "referrer.other": ("Annan", "Other"),
        "referrer.self": ("Personen själv (egenanmälan)", "The person themself"),
        "authorities": ("Myndigheter som är inblandade", "Authorities involved"),
        "authority.af": ("Arbetsförmedlingen", "Public Employment Service"),
        "authority.fk": ("Försäkringskassan", "Social Insurance Agency"),
        "authority.region": ("Region (hälso- och sjukvård)", "Region (health care)"),
        "authority.social-services": ("Socialtjänsten", "Social services"),
        "reason": ("Anledning till anmälan", "Reason for the registration"),
        "consent": (
            "Personen samtycker till att uppgifterna behandlas i Framsteg.",
            "The person consents to the information being processed in Framsteg."
        ),
        "privacyNotice": (
            "Uppgifterna används bara för att planera och följa upp personens deltagande. Personnummer och fritext lagras krypterade, bara personalen i verksamheten kan läsa dem och varje läsning loggas. Statistik lämnas bara ut sammanställd, utan namn.",
            "The information is used only to plan and follow up the person's participation. The personal identity number and free text are stored encrypted, only the unit's staff can read them, and every read is logged. Figures leave the unit only aggregated, without names."
        ),
        "participantRegistered": ("Deltagaren är registrerad.", "The participant is registered."),
        "alreadyRegistered": (
            "Personen har redan en pågående registrering i verksamheten.", "The person already has an ongoing registration in the unit."
        ),
        "birthYear": ("Födelseår", "Year of birth"),
        "contact": ("Kontakt", "Contact"),
        "registeredOn": ("Registrerad", "Registered"),
        "state": ("Läge", "Stage"),
        "journey": ("Resan", "The journey"),
        "day": ("Datum", "Date"),
        "step": ("Steg", "Step"),
        "recordedBy": ("Registrerat av", "Recorded by"),
        "nextStep": ("Registrera nästa steg", "Record the next step"),
        "recordStep": ("Registrera steget", "Record the step"),
        "stepRecorded": ("Steget är registrerat.", "The step is recorded."),
        "outcome": ("Utfall", "Outcome"),
        "outcomeHelp": ("Fyll i vid avslut.", "Fill in at exit."),
        "stepReason": ("Anledning", "Reason"),
        "stepReasonHelp": (
            "Krävs när någon avböjs eller avbryter, och vid start med kriterier som inte är bekräftade (undantaget).",
            "Needed when someone is declined or withdraws, and for a start with criteria not confirmed (the exception)."
        ),
        "journeyEnded": ("Resan är avslutad.", "The journey has ended."),
        "state.registered": ("Anmäld", "Registered"),
        "state.informed": ("Informationssamtal hållet", "Information conversation held"),
        "state.introduction": ("Introduktion", "Introduction"),
        "state.block": ("Insatsblock {n}", "Block {n}"),
        "state.exited": ("Avslutad", "Exited"),
        "state.declined": ("Ej påbörjad (avböjd)", "Not started (declined)"),
        "state.withdrawn": ("Avbrott", "Withdrawn"),
        "event.registered": ("Intresseanmälan", "Interest registration"),
        "event.information": ("Informationssamtal", "Information conversation"),
        "event.start": ("Inskrivning (start)", "Start (enrolment)"),
        "event.multi-party-meeting": ("Flerpartsmöte, fortsätter", "Multi-party meeting, continues"),
        "event.check-in": ("Avstämningsmöte, fortsätter", "Check-in meeting, continues"),
        "event.exit": ("Avslut", "Exit"),
        "event.decline": ("Avböjd", "Declined"),
        "event.withdraw": ("Avbrott", "Withdrawal"),
        "outcome.work": ("Arbete utan subvention", "Unsubsidised work"),
        "outcome.subsidised-work": ("Arbete med lönestöd", "Subsidised work"),
        "outcome.studies": ("Studier", "Studies"),
        "outcome.job-seeker-after-work": (
            "Aktivt arbetssökande efter arbete under insatsen", "Active job seeker after work during the programme"
        ),
        "outcome.further-rehabilitation": ("Fortsatt rehabilitering hos samverkanspart", "Further rehabilitation at a partner"),
        "outcome.other": ("Annat eller avbrott", "Other or left"),
    ]
}
