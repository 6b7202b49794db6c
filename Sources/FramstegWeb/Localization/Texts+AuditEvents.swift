import FramstegCore

/// The audit log's events in words, Swedish and English: what the log review shows and what a
/// participant reads in the extract of who read their data.
enum AuditEventName {
    /// The event's name in `language`; an event no table names is shown as stored.
    static func label(_ action: String, _ language: Language) -> String {
        if let entry = names[action] { return language == .swedish ? entry.sv : entry.en }
        if action.hasPrefix("access.") { return language == .swedish ? "Nekades åtkomst" : "Access refused" }
        if action.hasPrefix("participant.step.") {
            return language == .swedish ? "Registrerade ett steg i insatsen" : "Recorded a step of the journey"
        }
        if action.hasPrefix("measurement.answer.") {
            return language == .swedish ? "Sparade ett svar i en skattning" : "Saved an answer of a rating"
        }
        return action
    }

    static let names: [String: (sv: String, en: String)] = [
        "sign-in": ("Loggade in", "Signed in"),
        "sign-in.throttled": ("Inloggning spärrad efter för många försök", "Sign-in blocked after too many attempts"),
        "sign-out": ("Loggade ut", "Signed out"),
        "sign-in.password": ("Angav rätt lösenord", "Gave the right password"),
        "sign-in.second-factor": ("Angav engångskod", "Gave a one-time code"),
        "sign-in.recovery-code": ("Använde en reservkod", "Used a recovery code"),
        "second-factor.enrol": ("Kopplade en autentiseringsapp", "Enrolled an authenticator"),
        "reauthenticate": ("Bekräftade sin identitet igen", "Confirmed their identity again"),
        "sign-in.identity-provider": ("Loggade in via identitetsleverantören", "Signed in through the identity provider"),
        "user.identity-link": ("Kontot kopplades till identitetsleverantören", "Account linked to the identity provider"),
        "user.external-id": ("Ändrade kontots externa id", "Changed the account's external id"),
        "settings.language": ("Bytte språk", "Changed language"),
        "audit.read": ("Läste loggen", "Read the log"),
        "audit.search": ("Sökte i loggen", "Searched the log"),
        "audit.review": ("Registrerade en loggkontroll", "Recorded a log review"),
        "association.create.cli": ("Skapade förbundet", "Created the association"),
        "association.update": ("Ändrade förbundets uppgifter", "Changed the association's details"),
        "municipality.create": ("Lade till en kommun", "Added a municipality"),
        "municipality.rename": ("Bytte namn på en kommun", "Renamed a municipality"),
        "municipality.support-contact": ("Ändrade kommunens stödkontakt", "Changed the municipality's support contact"),
        "unit.create": ("Lade till en verksamhet", "Added a unit"),
        "unit.update": ("Ändrade en verksamhet", "Changed a unit"),
        "unit.places": ("Ändrade budgeterade platser", "Changed budgeted places"),
        "unit.schedule": ("Ändrade mätintervallet", "Changed the measurement interval"),
        "participant.after-exit": ("Registrerade vad som hände efter avslut", "Recorded what happened after the exit"),
        "association.goals": ("Satte förbundets mål", "Set the association's goals"),
        "association.eligibility": ("Ändrade reglerna för att delta", "Changed the eligibility rules"),
        "user.create": ("Skapade en användare", "Created a user"),
        "user.create.cli": ("Skapade en användare (kommandoraden)", "Created a user (command line)"),
        "user.update": ("Ändrade en användare", "Changed a user"),
        "user.disable": ("Stängde av en användare", "Disabled a user"),
        "user.enable": ("Aktiverade en användare", "Enabled a user"),
        "user.password-reset": ("Återställde ett lösenord", "Reset a password"),
        "user.second-factor-reset": ("Tog bort en användares tvåstegsverifiering", "Removed a user's second factor"),
        "association.second-factor": ("Ändrade kravet på tvåstegsverifiering", "Changed the second-factor requirement"),
        "association.identity-provider": ("Ändrade identitetsleverantören", "Changed the identity provider"),
        "association.identity-provider.cli": (
            "Ändrade identitetsleverantören (kommandoraden)", "Changed the identity provider (command line)"
        ),
        "user.setup": ("Valde lösenord via inbjudan", "Chose a password through the invitation"),
        "user.password-change": ("Bytte lösenord", "Changed password"),
        "user.record-access": ("Ändrade en chefs rätt att öppna journaler", "Changed a manager's right to open records"),
        "user.deliveries": ("Ändrade rätten till nationella leveranser", "Changed the right to national deliveries"),
        "instrument.add": ("Lade till ett instrument", "Added an instrument"),
        "demo.seed": ("Skapade demodata", "Created demo data"),
        "participant.register": ("Registrerade deltagaren", "Registered the participant"),
        "participant.register.public": ("Intresseanmälan via webben", "Registered interest on the web"),
        "participant.register.public.existing": (
            "Ny intresseanmälan från en pågående deltagare", "New interest from an ongoing participant"
        ),
        "participant.import": ("Importerade deltagaren", "Imported the participant"),
        "participant.read": ("Öppnade journalen", "Opened the record"),
        "participant.contact": ("Ändrade kontaktuppgifter", "Changed contact details"),
        "participant.counsellor": ("Bytte ansvarig handledare", "Changed the responsible counsellor"),
        "participant.eligibility": ("Fyllde i behörighetskontrollen", "Filled in the eligibility check"),
        "participant.exit-document": ("Skrev ut avslutsdokumentet", "Printed the exit document"),
        "participant.referrer-summary": ("Skrev ut sammanfattningen till remittenten", "Printed the summary for the referrer"),
        "participant.intervention.add": ("Lade till en insats", "Added an intervention"),
        "participant.intervention.end": ("Avslutade en insats", "Ended an intervention"),
        "participant.intervention.withdrawn": (
            "Tog bort en insats som registrerats av misstag", "Withdrew an intervention recorded by mistake"
        ),
        "participant.intervention.end-taken-back": ("Tog tillbaka avslutet av en insats", "Took back the end of an intervention"),
        "participant.my-progress": ("Skrev ut Mina framsteg", "Printed My progress"),
        "participant.step.withdrawn": ("Tog tillbaka ett steg i resan", "Took back a step of the journey"),
        "participant.meeting.add": ("Registrerade ett möte", "Recorded a meeting"),
        "participant.meeting.move": ("Flyttade ett planerat möte", "Moved a planned meeting"),
        "participant.meeting.held": ("Registrerade ett planerat möte som hållet", "Recorded a planned meeting as held"),
        "participant.meeting.withdraw": ("Tog tillbaka ett möte registrerat av misstag", "Withdrew a meeting recorded by mistake"),
        "participant.meeting.cancel": ("Ställde in ett planerat möte", "Cancelled a planned meeting"),
        "participant.meeting.calendar": ("Hämtade kalenderfilen för ett möte", "Downloaded a meeting's calendar file"),
        "participant.meetings.read": ("Läste mötena", "Read the meetings"),
        "participant.interventions.read": ("Läste insatserna", "Read the interventions"),
        "participants.list": ("Visade en lista med deltagare", "Was shown a list of participants"),
        "participants.search": ("Sökte och fick deltagaren i träfflistan", "Searched and found the participant"),
        "participant.hours.goal": ("Satte målet för timmar", "Set the hours goal"),
        "participant.hours.attended": ("Registrerade närvaro", "Recorded attendance"),
        "participant.plan.goal": ("Lade till ett mål i handlingsplanen", "Added a goal to the action plan"),
        "participant.plan.step": ("Lade till ett steg i handlingsplanen", "Added a step to the action plan"),
        "participant.plan.status": ("Ändrade ett steg i handlingsplanen", "Changed a step of the action plan"),
        "participant.retention": ("Gallrade personuppgifterna", "Removed the personal data (retention)"),
        "participant.protected": ("Ändrade markeringen skyddade personuppgifter", "Changed the protected personal data mark"),
        "participant.log-extract": ("Tog fram ett loggutdrag", "Made a log extract"),
        "participant.register-extract": ("Tog fram ett registerutdrag", "Made a register extract"),
        "measurement.start": ("Startade en skattning", "Started a rating"),
        "measurement.complete": ("Slutförde en skattning", "Completed a rating"),
        "measurement.hand-over": ("Lämnade över enheten för skattning", "Handed the device over for a rating"),
        "measurement.take-back": ("Tog tillbaka enheten", "Took the device back"),
        "survey.offer": ("Erbjöd en enkät", "Offered a survey"),
        "survey.hand-over": ("Lämnade över enheten för enkäten", "Handed the device over for the survey"),
        "survey.take-back": ("Tog tillbaka enheten", "Took the device back"),
        "survey.complete": ("En enkät besvarades", "A survey was answered"),
        "figures.export": ("Exporterade siffror", "Exported figures"),
        "survey.export": ("Exporterade enkätresultat", "Exported survey results"),
        "delivery.export": ("Gjorde en nationell leverans", "Made a national delivery"),
        "retention.run": ("Gallring kördes", "Retention ran"),
        "retention.settings": ("Ändrade gallringsfristerna", "Changed the retention periods"),
        "watch-list": ("Ändrade bevakningslistan", "Changed the watch list"),
        "access-review.read": ("Läste behörighetslistan", "Read the list of access rights"),
        "access-review.record": ("Registrerade en behörighetsgenomgång", "Recorded an access review"),
    ]

    /// The result of an event in words.
    static func result(_ result: AuditResult, _ language: Language) -> String {
        switch (result, language) {
        case (.success, .swedish): "Genomfört"
        case (.success, .english): "Done"
        case (.denied, .swedish): "Nekat"
        case (.denied, .english): "Refused"
        case (.failure, .swedish): "Misslyckades"
        case (.failure, .english): "Failed"
        }
    }
}
