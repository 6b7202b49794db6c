extension Texts {
    /// Interventions, meetings, activity hours, the working view's due items and the printable summaries.
    static let activityEntries: [String: (sv: String, en: String)] = [
        "problemBeforeStart": ("Datumet kan inte vara före {day}.", "The date cannot be before {day}."),
        "problemTooFarAhead": ("Datumet ligger för långt fram.", "The date is too far ahead."),
        "problemEndBeforeStart": ("Slutdatumet kan inte vara före startdatumet.", "The end date cannot be before the start date."),
        "problemWeek": ("Ange en vecka som ÅÅÅÅ-Vnn, till exempel 2026-W47.", "Enter a week as YYYY-Wnn, for example 2026-W47."),
        "problemNotANumber": ("Ange ett antal timmar, till exempel 12 eller 12,5.", "Enter a number of hours, for example 12 or 12.5."),
        "problemHoursRange": ("Ange mellan {min} och {max} timmar.", "Enter between {min} and {max} hours."),
        "problemNotActive": ("Det går bara medan deltagaren är inskriven.", "This is only possible while the participant is enrolled."),
        "problemAlreadyEnded": ("Insatsen är redan avslutad.", "The intervention has already ended."),

        "interventionType.job": ("Arbetsinriktad", "Job-focused"),
        "interventionType.competence": ("Kompetenshöjande", "Competence-raising"),
        "interventionType.health": ("Hälsa", "Health"),
        "interventionType.social": ("Social", "Social"),
        "provider.unit": ("Enheten", "The unit"),
        "provider.af": ("Arbetsförmedlingen", "Employment Service"),
        "provider.fk": ("Försäkringskassan", "Social Insurance Agency"),
        "provider.region": ("Regionen", "Region"),
        "provider.municipality": ("Kommunen", "Municipality"),
        "provider.employer": ("Arbetsgivare", "Employer"),
        "mix.none": ("Inga insatser pågår.", "No interventions running."),
        "mix.supportive": (
            "Bara stödjande insatser pågår (hälsa, socialt, kompetens).",
            "Only supportive interventions running (health, social, competence)."
        ),
        "mix.job-only": ("Bara arbetsinriktade insatser pågår.", "Only job-focused interventions running."),
        "mix.combined": (
            "Kombinerade insatser: arbetsinriktat tillsammans med annat stöd.",
            "Combined interventions: job-focused together with other support."
        ),
        "interventions": ("Insatser", "Interventions"),
        "addIntervention": ("Lägg till insats", "Add intervention"),
        "interventionType": ("Typ av insats", "Type of intervention"),
        "provider": ("Utförare", "Provider"),
        "interventionTitle": ("Beskrivning", "Description"),
        "placement": ("Praktik hos en arbetsgivare", "Placement at an employer"),
        "employerName": ("Arbetsgivarens namn", "Employer's name"),
        "employerNameHelp": (
            "Krävs för praktik och när utföraren är en arbetsgivare.", "Required for a placement and when the provider is an employer."
        ),
        "startDay": ("Startdatum", "Start date"),
        "endDay": ("Slutdatum", "End date"),
        "endDayHelp": ("Lämna tomt om insatsen pågår.", "Leave empty while the intervention runs."),
        "ongoing": ("pågår", "running"),
        "runningNow": ("Pågår nu", "Running now"),
        "endIntervention": ("Avsluta", "End"),
        "noInterventions": ("Inga insatser registrerade.", "No interventions recorded."),
        "combinedDays": ("Dagar med kombinerade insatser", "Days with combined interventions"),
        "interventionAdded": ("Insatsen är tillagd.", "The intervention is added."),
        "interventionEnded": ("Insatsen är avslutad.", "The intervention is ended."),
        "endInterventionNamed": ("Avsluta {title}", "End {title}"),
        "endInterventionHelp": (
            "Ange den sista dagen insatsen pågick. Ett avslut som blev fel kan tas tillbaka.",
            "Give the last day the intervention ran. An end recorded by mistake can be taken back."
        ),
        "correctIntervention": ("Rätta…", "Correct…"),
        "correctInterventionNamed": ("Rätta {title}", "Correct {title}"),
        "correctionChange": ("Vad ska rättas?", "What is to be corrected?"),
        "correction.withdrawn": (
            "Ta bort insatsen – den registrerades av misstag", "Withdraw the intervention – it was recorded by mistake"
        ),
        "correction.end-taken-back": (
            "Ta tillbaka avslutet – insatsen pågår fortfarande", "Take back the end – the intervention still runs"
        ),
        "correctionReason": ("Varför?", "Why?"),
        "correctionReasonHelp": (
            "Syns på akten och i loggen. Det som stod finns kvar.", "Shown on the record and in the log. What it said is kept."
        ),
        "correctionSave": ("Spara rättelsen", "Save the correction"),
        "withdrawnInterventions": ("Borttagna insatser", "Withdrawn interventions"),
        "withdrawnBy": ("Borttagen av {name} {time}: {reason}", "Withdrawn by {name} {time}: {reason}"),
        "endTakenBackBy": (
            "Avslutet {day} togs tillbaka av {name} {time}: {reason}", "The end on {day} was taken back by {name} {time}: {reason}"
        ),
        "interventionWithdrawn": ("Insatsen är borttagen. Den räknas inte längre.", "The intervention is withdrawn. It no longer counts."),
        "interventionEndTakenBack": (
            "Avslutet är taget tillbaka. Insatsen pågår igen.", "The end is taken back. The intervention runs again."
        ),
        "problemInterventionNotEnded": (
            "Insatsen är inte avslutad: det finns inget avslut att ta tillbaka.",
            "The intervention has not ended: there is no end to take back."
        ),
        "problemInterventionWithdrawn": ("Insatsen är redan borttagen.", "The intervention is already withdrawn."),

        "meetingKind.information": ("Informationssamtal", "Information conversation"),
        "meetingKind.individual": ("Individuellt samtal", "Individual conversation"),
        "meetingKind.multi-party": ("Flerpartsmöte", "Multi-party meeting"),
        "meetingKind.check-in": ("Avstämningsmöte", "Check-in meeting"),
        "meetingKind.exit": ("Avslutsmöte", "Exit meeting"),
        "attendee.participant": ("Deltagaren", "The participant"),
        "attendee.counsellor": ("Handledare", "Counsellor"),
        "attendee.referrer": ("Remittent", "Referrer"),
        "attendee.authorities": ("Andra myndigheter", "Other authorities"),
        "meetings": ("Möten", "Meetings"),
        "addMeeting": ("Registrera ett hållet möte", "Record a held meeting"),
        "meetingKind": ("Typ av möte", "Type of meeting"),
        "attendees": ("Deltog", "Took part"),
        "notes": ("Anteckningar", "Notes"),
        "notesHelp": ("Sparas krypterat. Skriv bara det som behövs för arbetet.", "Stored encrypted. Write only what the work needs."),
        "decisions": ("Beslut", "Decisions"),
        "planned": ("planerat", "planned"),
        "noMeetings": ("Inga möten registrerade.", "No meetings recorded."),
        "saveMeeting": ("Spara mötet", "Save the meeting"),
        "meetingSaved": ("Mötet är sparat.", "The meeting is saved."),

        "activityHours": ("Aktivitetstimmar", "Activity hours"),
        "hoursGoal": ("Mål i timmar per vecka", "Goal in hours per week"),
        "hoursGoalHelp": (
            "Sätts i introduktionen och höjs gradvis, högst till halvtid (20 timmar).",
            "Set in the introduction and raised gradually, at most to half time (20 hours)."
        ),
        "fromWeek": ("Från vecka", "From week"),
        "week": ("Vecka", "Week"),
        "weekHelp": ("Till exempel 2026-W47.", "For example 2026-W47."),
        "hours": ("Timmar", "Hours"),
        "attendedHours": ("Närvarotimmar", "Hours attended"),
        "saveGoal": ("Spara målet", "Save the goal"),
        "saveHours": ("Spara närvaron", "Save the attendance"),
        "hoursChart": ("Närvaro per vecka och mål", "Attendance per week and goal"),
        "goal": ("Mål", "Goal"),
        "attended": ("Närvaro", "Attended"),
        "noHours": ("Inga timmar registrerade.", "No hours recorded."),
        "currentGoal": ("Nuvarande mål", "Current goal"),
        "hoursPerWeek": ("timmar per vecka", "hours per week"),
        "goalSaved": ("Målet är sparat.", "The goal is saved."),
        "hoursSaved": ("Närvaron är sparad.", "The attendance is saved."),
        "totalHours": ("Timmar totalt", "Hours in total"),

        "dueItems": ("På tur", "Due"),
        "due.registration": ("Intresseanmälan väntar på beslut", "Registration waiting for a decision"),
        "due.multi-party": ("Flerpartsmöte (introduktionen slutar)", "Multi-party meeting (end of introduction)"),
        "due.check-in": ("Avstämningsmöte, block {n}", "Check-in meeting, block {n}"),
        "due.meetingOutcome": ("Registrera utfallet: {kind}", "Record what happened: {kind}"),
        "dueGroup.today": ("I dag", "Today"),
        "dueGroup.thisWeek": ("Den här veckan", "This week"),
        "dueGroup.overdue": ("Försenat", "Overdue"),
        "dueGroup.later": ("Närmaste två veckorna", "The next two weeks"),
        "dueOn": ("Datum", "Date"),
        "what": ("Vad", "What"),
        "noDueItems": ("Inget är på tur just nu.", "Nothing is due right now."),

        "problemDuplicateInFile": ("Samma person finns redan på rad {line}.", "The same person is already on line {line}."),
        "problemColumnCount": (
            "Raden har {found} fält men rubrikraden har {expected}.", "The row has {found} fields but the header has {expected}."
        ),
        "changeContact": ("Ändra kontaktuppgifter", "Change contact details"),
        "apiUnauthenticated": (
            "Logga in först; API:t använder samma inloggning som webbsidorna.",
            "Sign in first; the API uses the same sign-in as the web pages."
        ),
        "apiMalformed": ("Begäran kunde inte läsas som JSON av rätt form.", "The request could not be read as JSON of the right shape."),
        "referrerSummary": ("Besked till remittent", "Summary for the referrer"),
        "referrerSummaryIntro": ("Besked om intresseanmälan till", "Decision on the interest registration for"),
        "decision": ("Beslut", "Decision"),
        "referrerSummaryNotYet": ("Något beslut om start eller avböjande finns inte.", "There is no decision to start or decline."),
        "meetingsHeld": ("Möten", "Meetings"),
        "count.meetings.one": ("{n} möte", "{n} meeting"),
        "count.meetings.other": ("{n} möten", "{n} meetings"),
        "count.multiParty.one": ("{n} flerpartsmöte", "{n} multi-party meeting"),
        "count.multiParty.other": ("{n} flerpartsmöten", "{n} multi-party meetings"),
        "count.checkIns.one": ("{n} avstämningsmöte", "{n} check-in"),
        "count.checkIns.other": ("{n} avstämningsmöten", "{n} check-ins"),
        "count.weeks.one": ("{n} vecka", "{n} week"),
        "count.weeks.other": ("{n} veckor", "{n} weeks"),
        "count.days.one": ("{n} dag", "{n} day"),
        "count.days.other": ("{n} dagar", "{n} days"),
        "meetingsHeldText": (
            "{count}, varav {multi} och {checkins}.",
            "{count}, of which {multi} and {checkins}."
        ),
        "decisionStarted": ("Deltagaren är inskriven och har börjat.", "The participant is enrolled and has started."),
        "decisionDeclined": ("Intresseanmälan är avböjd.", "The interest registration is declined."),
        "contactPerson": ("Kontaktperson", "Contact person"),
        "planAfterExit": ("Planering framåt", "The plan ahead"),
        "hoursSummary": ("Aktivitetstimmar", "Activity hours"),
        "hoursSummaryText": (
            "{hours} timmar under {weeks} med registrerad närvaro; mål {first} → {last} timmar per vecka.",
            "{hours} hours over {weeks} with attendance recorded; goal {first} → {last} hours per week."
        ),
    ]
}
