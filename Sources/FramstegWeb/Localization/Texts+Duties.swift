import FramstegCore

extension Texts {
    /// The duties of a register of sensitive personal data: log review, watch list, extracts,
    /// retention, access review and protected personal data.
    static let dutiesEntries: [String: (sv: String, en: String)] = [
        // The log review.
        "logReview": ("Loggkontroll", "Log review"),
        "logReviewIntro": (
            "Sök i loggen efter användare, deltagare, händelse, verksamhet och period. Gör regelbundet en stickprovskontroll av läsningar och registrera vad du kom fram till, så att förbundet kan visa att kontrollerna görs.",
            "Search the log by user, participant, event, unit and period. Check a sample of reads regularly and record what you found, so the association can show that the checks are done."
        ),
        "logSampleLink": ("Stickprov av läsningar", "Sample of reads"),
        "auditSearch": ("Sök i loggen", "Search the log"),
        "auditAnyone": ("Alla användare", "All users"),
        "auditAnyUnit": ("Alla verksamheter", "All units"),
        "auditAnyEvent": ("Alla händelser", "All events"),
        "auditEvent": ("Händelse", "Event"),
        "auditParticipant": ("Deltagare", "Participant"),
        "auditParticipantHelp": (
            "Personnummer eller deltagarens nummer i loggen. Lämna tomt för alla.",
            "Personal identity number, or the participant's number in the log. Leave empty for everyone."
        ),
        "auditParticipantNumbered": ("Deltagare {id}", "Participant {id}"),
        "auditNoRows": ("Inga händelser i loggen matchar sökningen.", "No events in the log match the search."),
        "auditSearchResult": ("Händelser, nyaste först", "Events, newest first"),
        "auditPage": ("sida", "page"),
        "auditSystem": ("Systemet", "The system"),
        "previousPage": ("Föregående sida", "Previous page"),
        "nextPage": ("Nästa sida", "Next page"),
        "dayThrough": ("Till och med datum", "Through day"),
        "logReviews": ("Genomförda loggkontroller", "Log reviews done"),
        "logReviewsNone": ("Ingen loggkontroll är registrerad än.", "No log review has been recorded yet."),
        "reviewer": ("Granskare", "Reviewer"),
        "reviewChecked": ("Kontrollerade rader", "Rows checked"),
        "reviewConclusion": ("Slutsats", "Conclusion"),
        "reviewConclusionHelp": (
            "Vad du kontrollerade och vad du kom fram till, till exempel att varje läsning hade ett tjänstebehov, eller vad som ska utredas.",
            "What you checked and what you found, for example that every read had a need in the work, or what is to be looked into."
        ),
        "logSample": ("Stickprov av läsningar", "Sample of reads"),
        "logSampleIntro": (
            "Läsningar av journaler under perioden: alla läsningar av personer på bevakningslistan och ett slumpat urval av de andra. Kontrollera att varje läsning hade ett tjänstebehov och registrera slutsatsen.",
            "Reads of records in the period: every read of people on the watch list and a random selection of the others. Check that each read had a need in the work and record your conclusion."
        ),
        "sampleSize": ("Antal slumpade läsningar", "Number of reads drawn at random"),
        "drawSample": ("Dra nytt stickprov", "Draw a new sample"),
        "sampleReadCount": ("Läsningar under perioden:", "Reads in the period:"),
        "sampleEmpty": ("Inga läsningar av journaler under perioden.", "No reads of records in the period."),
        "sampleCaption": ("Läsningar att kontrollera", "Reads to check"),
        "recordReview": ("Registrera kontrollen", "Record the review"),
        "recordReviewButton": ("Registrera", "Record"),
        "reviewRecorded": ("Kontrollen är registrerad.", "The review is recorded."),
        // The watch list.
        "watchList": ("Bevakningslista", "Watch list"),
        "watchListIntro": (
            "Varje läsning av de här personernas journaler kommer med i varje stickprov. Personer med skyddade personuppgifter står alltid med.",
            "Every read of these people's records is in every sample. People with protected personal data are always on it."
        ),
        "watchListEmpty": ("Ingen står på bevakningslistan.", "Nobody is on the watch list."),
        "watchReason": ("Skäl", "Reason"),
        "watchReason.protected-identity": ("Skyddade personuppgifter", "Protected personal data"),
        "watchReason.staff-relative": ("Anhörig till personal", "Relative of staff"),
        "watchReason.particular-interest": ("Person av särskilt intresse", "Person of particular interest"),
        "watchAdd": ("Lägg till på listan", "Add to the list"),
        "watchAddButton": ("Lägg till", "Add"),
        "remove": ("Ta bort", "Remove"),
        // The extracts.
        "extracts": ("Logg- och registerutdrag", "Log and register extracts"),
        "extractsIntro": (
            "När en person begär det tar du här fram vem som har läst eller ändrat uppgifter om hen (loggutdrag) och allt Framsteg har om hen (registerutdrag enligt artikel 15 i dataskyddsförordningen). Varje utdrag loggas.",
            "When a person asks, this is where you make who read or changed their data (log extract) and everything Framsteg holds about them (register extract under article 15 of the GDPR). Every extract is logged."
        ),
        "logExtract": ("Loggutdrag", "Log extract"),
        "logExtractHelp": (
            "Vem som har läst eller ändrat personens uppgifter under perioden.", "Who read or changed the person's data in the period."
        ),
        "logExtractLead": (
            "Här står varje gång någon i personalen har läst eller ändrat uppgifter om dig i Framsteg under perioden: vem, i vilken roll och verksamhet, vad och när (svensk tid).",
            "This lists every time a member of staff read or changed data about you in Framsteg in the period: who, in which role and unit, what, and when (Swedish time)."
        ),
        "logExtractCaption": ("Läsningar och ändringar", "Reads and changes"),
        "logExtractEmpty": (
            "Ingen har läst eller ändrat uppgifter om personen under perioden.",
            "Nobody read or changed data about the person in the period."
        ),
        "logExtractListsNote": (
            "Dessutom ser personalen i din verksamhet ditt namn i verksamhetens deltagarlista och arbetslista; de visningarna loggas per verksamhet.",
            "In addition, the staff of your unit see your name in the unit's list of participants and work list; those views are logged per unit."
        ),
        "registerExtract": ("Registerutdrag", "Register extract"),
        "registerExtractHelp": (
            "Allt Framsteg har om personen, och vem som har läst det.", "Everything Framsteg holds about the person, and who read it."
        ),
        "registerExtractLead": (
            "Det här är alla uppgifter om dig som finns i Framsteg, och vem som har läst eller ändrat dem.",
            "These are all the data about you that Framsteg holds, and who read or changed them."
        ),
        "extractMadeAt": ("Utdraget togs fram", "Extract made"),
        "extractNothing": ("Inga uppgifter.", "No data."),
        "showExtract": ("Visa utdraget", "Show the extract"),
        "downloadCSV": ("Ladda ner (CSV)", "Download (CSV)"),
        "downloadJSON": ("Ladda ner (JSON)", "Download (JSON)"),
        "backToExtracts": ("Tillbaka till utdragen", "Back to the extracts"),
        "auditColumnTime": ("Tid (svensk tid)", "Time (Swedish time)"),
        "auditColumnUser": ("Vem", "Who"),
        "auditColumnRole": ("Roll", "Role"),
        "auditColumnUnit": ("Verksamhet", "Unit"),
        "auditColumnEvent": ("Vad", "What"),
        "auditColumnResult": ("Utfall", "Result"),
        "extractDetails": ("Personuppgifter", "Personal details"),
        "extractField": ("Uppgift", "Item"),
        "extractValue": ("Värde", "Value"),
        "extractSteps": ("Insatsens steg", "Steps of the journey"),
        "extractEvent": ("Steg", "Step"),
        "extractEligibility": ("Behörighetskontroll", "Eligibility check"),
        "extractCriterion": ("Villkor", "Criterion"),
        "extractAnswer": ("Uppfyllt", "Met"),
        "extractBy": ("Av", "By"),
        "extractCounsellors": ("Ansvariga handledare", "Responsible counsellors"),
        "extractFrom": ("Från", "From"),
        "extractThrough": ("Till", "Through"),
        "extractMeetings": ("Möten", "Meetings"),
        "extractKind": ("Slag", "Kind"),
        "extractAttendees": ("Deltog", "Attended"),
        "extractInterventions": ("Insatser", "Interventions"),
        "extractProvider": ("Anordnare", "Provider"),
        "extractTitle": ("Benämning", "Title"),
        "extractEmployer": ("Arbetsgivare", "Employer"),
        "extractHours": ("Timmar", "Hours"),
        "extractWeek": ("Vecka", "Week"),
        "extractHoursGoal": ("Mål per vecka", "Goal per week"),
        "extractHoursAttended": ("Närvaro", "Attended"),
        "extractPlan": ("Handlingsplan", "Action plan"),
        "extractGoal": ("Mål", "Goal"),
        "extractStep": ("Steg", "Step"),
        "extractDue": ("Datum", "Date"),
        "extractStatus": ("Läge", "Status"),
        "extractMeasurements": ("Skattningar", "Ratings"),
        "extractInstrument": ("Instrument", "Instrument"),
        "extractOccasion": ("Tillfälle", "Occasion"),
        "extractAnswers": ("Svar", "Answers"),
        "extractSurveys": (
            "Erbjudna enkäter (svaren är anonyma och finns inte kopplade till dig)",
            "Surveys offered (the answers are anonymous and not linked to you)"
        ),
        "extractAnswered": ("Besvarad", "Answered"),
        "extractCorrections": ("Rättelser", "Corrections"),
        "extractLog": ("Vem som har läst eller ändrat uppgifterna", "Who read or changed the data"),
        "protectedIdentity": ("Skyddade personuppgifter", "Protected personal data"),
        // Retention.
        "retention": ("Gallring", "Retention"),
        "retentionIntro": (
            "Hur länge förbundet behåller uppgifterna. När tiden har gått tar gallringen bort namn, personnummer, kontaktuppgifter och fritext ur journalen, men behåller de avidentifierade uppgifterna som statistiken bygger på, så att tidigare års siffror inte ändras. Gallringen körs varje natt och med framsteg retention run.",
            "How long the association keeps the data. When the time has passed, retention removes name, personal identity number, contact details and free text from the record, but keeps the de-identified facts the figures are made of, so earlier years' figures do not change. It runs every night and with framsteg retention run."
        ),
        "retentionRecordMonths": ("Journalen efter avslut, månader", "The record after exit, months"),
        "retentionRecordMonthsHelp": ("Minst {min} och högst {max} månader.", "At least {min} and at most {max} months."),
        "retentionAuditYears": ("Loggen, år", "The log, years"),
        "retentionAuditYearsHelp": (
            "Minst {min} år (HSLF-FS 2016:40) och högst {max} år.",
            "At least {min} years (HSLF-FS 2016:40) and at most {max} years."
        ),
        "retentionDue": ("Om gallringen kördes i dag", "If retention ran today"),
        "retentionDueRecords": ("Journaler som gallras", "Records thinned"),
        "retentionDueAudit": ("Loggrader som tas bort", "Log rows removed"),
        "retentionWhatGoes": (
            "Det som tas bort: namn, personnummer, telefon, e-post, remittentens namn, skäl, mötesdeltagare, anteckningar och beslut, insatsernas benämningar och arbetsgivare, handlingsplanens texter. Det som finns kvar: kön, födelseår, verksamhet, kommun, insatsens steg och datum, utfall, timmar och skattningarnas svar.",
            "What goes: name, personal identity number, phone, e-mail, the referrer's name, reasons, meeting attendees, notes and decisions, intervention titles and employers, the action plan's texts. What stays: gender, birth year, unit, municipality, the journey's steps and days, outcomes, hours and the ratings' answers."
        ),
        // The access review.
        "accessReview": ("Behörighetsgenomgång", "Access review"),
        "accessReviewIntro": (
            "Alla användare med roll, verksamheter, särskilda rättigheter, tvåstegsverifiering, senaste inloggning och status. Gå igenom listan regelbundet, stäng av konton som inte behövs och registrera genomgången.",
            "Every user with role, units, special rights, second factor, last sign-in and status. Go through the list regularly, disable accounts that are not needed and record the review."
        ),
        "accessReviewCaption": ("Användare och behörigheter", "Users and access rights"),
        "accessRights": ("Särskilda rättigheter", "Special rights"),
        "secondFactorColumn": ("Tvåstegsverifiering", "Second factor"),
        "lastSignIn": ("Senaste inloggning", "Last sign-in"),
        "neverSignedIn": ("Aldrig", "Never"),
        "userActiveStatus": ("Aktiv", "Active"),
        "userDisabledStatus": ("Avstängd", "Disabled"),
        "rightOpenRecords": ("Öppna journaler", "Open records"),
        "accessReviewConclusionHelp": (
            "Vad du gick igenom och vad du ändrade, till exempel vilka konton du stängde av.",
            "What you went through and what you changed, for example which accounts you disabled."
        ),
        "accessReviews": ("Genomförda behörighetsgenomgångar", "Access reviews done"),
        "accessReviewsNone": ("Ingen behörighetsgenomgång är registrerad än.", "No access review has been recorded yet."),
        "accessReviewRecorded": ("Genomgången är registrerad.", "The review is recorded."),
        // Protected personal data on the record.
        "contactWithheld": (
            "Skyddade personuppgifter: kontaktuppgifterna visas bara för den ansvariga handledaren.",
            "Protected personal data: the contact details are shown only to the responsible counsellor."
        ),
        "protectedBadge": ("Skyddade personuppgifter", "Protected personal data"),
        "protectedHelp": (
            "Markera när personen har skyddade personuppgifter (sekretessmarkering, skyddad folkbokföring). Då ser bara den ansvariga handledaren kontaktuppgifterna, andra ser initialer i listor, dokument som lämnar verksamheten kräver ett aktivt val och varje läsning kommer med i loggkontrollen.",
            "Mark when the person has protected personal data (confidentiality mark, protected registration). Then only the responsible counsellor sees the contact details, others see initials in lists, documents that leave the unit need an explicit choice and every read is in the log review."
        ),
        "markProtected": ("Markera skyddade personuppgifter", "Mark protected personal data"),
        "unmarkProtected": ("Ta bort markeringen", "Remove the mark"),
        "protectedDocument": ("Personen har skyddade personuppgifter", "The person has protected personal data"),
        "protectedDocumentLead": (
            "Det här dokumentet lämnar verksamheten. Skriv bara ut det om mottagaren behöver det och kan hantera skyddade personuppgifter. Utskriften loggas.",
            "This document leaves the unit. Print it only if the recipient needs it and can handle protected personal data. The print is logged."
        ),
        "printAnyway": ("Visa dokumentet ändå", "Show the document anyway"),
        "participantProtectionChanged": ("Markeringen är ändrad.", "The mark is changed."),
        "timeSwedish": ("Tid (svensk tid)", "Time (Swedish time)"),
        "scrollableTable": ("Tabell, rulla i sidled", "Table, scroll sideways"),
    ]
}
