extension Texts {
    /// Measurements, participant mode, charts, the action plan and instrument administration.
    static let measurementEntries: [String: (sv: String, en: String)] = [
        "problemAnswerMissing": ("Välj ett svar innan du går vidare.", "Choose an answer before you go on."),
        "problemPIN": (
            "En PIN-kod är 4–8 siffror. Lämna fältet tomt för att använda ditt lösenord.",
            "A PIN is 4–8 digits. Leave it empty to use your password."
        ),
        "problemWrongPIN": ("Det stämmer inte. Försök igen eller be handledaren.", "That is not right. Try again or ask the counsellor."),
        "problemDefinition": ("Definitionen gick inte att läsa: {problem}", "The definition could not be read: {problem}"),
        "problemVersionExists": (
            "{id} version {version} finns redan. Ge den nya definitionen ett högre versionsnummer.",
            "{id} version {version} already exists. Give the new definition a higher version number."
        ),
        "apiParticipantMode": (
            "Enheten är lämnad till en deltagare. Handledaren behöver ta tillbaka den först.",
            "The device is handed to a participant. The counsellor must take it back first."
        ),

        "answersSaved": ("Svaren är sparade.", "The answers are saved."),
        "deviceReturned": ("Du har tagit tillbaka enheten.", "You have the device back."),
        "planGoalAdded": ("Målet är tillagt i handlingsplanen.", "The goal is added to the action plan."),
        "planStepAdded": ("Steget är tillagt.", "The step is added."),
        "planStepChanged": ("Stegets status är ändrad.", "The step's status is changed."),
        "instrumentAdded": ("Instrumentet är tillagt.", "The instrument is added."),
        "scheduleSaved": ("Mätintervallet är sparat.", "The measurement interval is saved."),

        "occasion": ("Tillfälle", "Occasion"),
        "occasion.start": ("Start", "Start"),
        "occasion.periodic": ("Uppföljning", "Follow-up"),
        "occasion.exit": ("Avslut", "Exit"),
        "occasion.other": ("Annat", "Other"),
        "series.first": ("Första", "First"),
        "series.previous": ("Förra", "Previous"),
        "series.latest": ("Senaste", "Latest"),
        "language.sv": ("Svenska", "Swedish"),
        "language.en": ("Engelska", "English"),
        "version": ("version", "version"),

        "measurementsAndPlan": ("Mätningar och handlingsplan", "Measurements and action plan"),
        "progression": ("Progression", "Progression"),
        "measurementsList": ("Mätningar", "Measurements"),
        "noMeasurements": ("Inga mätningar ännu.", "No measurements yet."),
        "startMeasurement": ("Starta mätning", "Start a measurement"),
        "instrument": ("Instrument", "Instrument"),
        "open": ("Öppna", "Open"),
        "lateBadge": ("Försenad", "Overdue"),
        "nextMeasurement": (
            "Nästa mätning med {instrument}: {day} ({occasion}).", "Next measurement with {instrument}: {day} ({occasion})."
        ),
        "measurementComplete": ("Klar", "Complete"),
        "measurementOpen": ("Pågår", "In progress"),
        "participantPart": ("Deltagarens del", "The participant's part"),
        "answeredOf": ("{n} av {m} besvarade", "{n} of {m} answered"),
        "screenOf": ("Sida {n} av {m}", "Page {n} of {m}"),
        "handOverTitle": ("Lämna över till deltagaren", "Hand over to the participant"),
        "handOverHelp": (
            "Deltagaren svarar själv på sina frågor på den här enheten. Inget annat i systemet går att nå förrän du tar tillbaka enheten med din PIN-kod eller ditt lösenord.",
            "The participant answers their own questions on this device. Nothing else in the system can be reached until you take the device back with your PIN or password."
        ),
        "pinOptional": ("PIN-kod för att ta tillbaka enheten (valfri)", "PIN to take the device back (optional)"),
        "pinHelp": (
            "4–8 siffror, bara för den här överlämningen. Utan PIN-kod använder du ditt lösenord.",
            "4–8 digits, for this hand-over only. Without a PIN you use your password."
        ),
        "participantLanguage": ("Deltagarens språk", "The participant's language"),
        "handOver": ("Lämna över", "Hand over"),
        "counsellorItems": ("Handledarens skattning", "The counsellor's rating"),
        "counsellorItemsHelp": ("Besvaras av dig, utan deltagaren.", "Answered by you, without the participant."),
        "saveAnswers": ("Spara svaren", "Save the answers"),
        "participantAnswers": ("Deltagarens svar", "The participant's answers"),
        "item": ("Fråga", "Question"),
        "answer": ("Svar", "Answer"),
        "notAnswered": ("Vill inte svara", "Prefer not to answer"),
        "preferNotToAnswer": ("Vill inte svara", "Prefer not to answer"),

        "answerEveryQuestion": (
            "Svara på frågorna som är markerade. Dina andra svar är sparade.",
            "Answer the questions that are marked. Your other answers are saved."
        ),
        "saving": ("Sparar …", "Saving …"),
        "savedAnswer": ("Sparat", "Saved"),
        "notSaved": ("Inte sparat – svaret sparas när du går vidare.", "Not saved – the answer is saved when you go on."),
        "next": ("Nästa", "Next"),
        "finish": ("Klar", "Done"),
        "giveBack": ("Lämna tillbaka till handledaren", "Give back to the counsellor"),
        "takeDoneTitle": ("Tack för dina svar!", "Thank you for your answers!"),
        "takeDoneText": (
            "Här ser du hur dina svar har förändrats över tid. Lämna sedan tillbaka enheten till din handledare.",
            "Here you can see how your answers have changed over time. Then give the device back to your counsellor."
        ),
        "changeAnswers": ("Ändra mina svar", "Change my answers"),
        "takeReturnTitle": ("Ta tillbaka enheten", "Take the device back"),
        "takeReturnPIN": (
            "Handledaren skriver in PIN-koden från överlämningen, eller sitt lösenord.",
            "The counsellor enters the PIN from the hand-over, or their password."
        ),
        "takeReturnPassword": ("Handledaren skriver in sitt lösenord.", "The counsellor enters their password."),
        "pinOrPassword": ("PIN-kod eller lösenord", "PIN or password"),
        "takeBackDevice": ("Ta tillbaka", "Take back"),
        "backToQuestions": ("Tillbaka till frågorna", "Back to the questions"),

        "chartTitle": ("{instrument}: skattningar över tid", "{instrument}: ratings over time"),
        "chartSummary": (
            "Spindeldiagram med {n} indikatorer och {m} mätningar på skalan {min}–{max}. Samma siffror finns i tabellen.",
            "Spider chart with {n} indicators and {m} measurements on the scale {min}–{max}. The same figures are in the table."
        ),
        "measurementTable": ("Alla mätningar", "Every measurement"),
        "indicator": ("Indikator", "Indicator"),
        "trend": ("Trend", "Trend"),
        "trendOf": ("Trend för", "Trend of"),
        "hasGoal": ("har ett mål i handlingsplanen", "has a goal in the action plan"),
        "latestScores": ("Senaste mätningens poäng", "The latest measurement's scores"),
        "subscale": ("Delskala", "Subscale"),
        "score": ("Poäng", "Score"),
        "itemsAnswered": ("Besvarade", "Answered"),
        "reading": ("Tolkning", "Reading"),
        "disagreementTitle": ("Deltagarens och handledarens bild", "The participant's and the counsellor's view"),
        "difference": ("skillnad", "difference"),
        "talkAboutIt": ("Prata om skillnaden", "Talk about the difference"),

        "actionPlan": ("Handlingsplan", "Action plan"),
        "noPlan": ("Inga mål ännu.", "No goals yet."),
        "planGoal": ("Mål", "Goal"),
        "addPlanGoal": ("Lägg till mål", "Add a goal"),
        "goalIndicators": ("Följs upp med", "Followed by"),
        "goalIndicatorsHelp": (
            "Välj en eller flera indikatorer. De markeras med ◆ i diagrammet.",
            "Choose one or more indicators. They are marked ◆ on the chart."
        ),
        "addPlanStep": ("Lägg till steg", "Add a step"),
        "stepText": ("Vad ska göras", "What is to be done"),
        "stepOwner": ("Vem", "Who"),
        "stepDue": ("Klart senast", "Due"),
        "changeStatus": ("Ändra", "Change"),
        "owner.participant": ("Deltagaren", "The participant"),
        "owner.counsellor": ("Handledaren", "The counsellor"),
        "stepStatus.planned": ("Planerat", "Planned"),
        "stepStatus.started": ("Påbörjat", "Started"),
        "stepStatus.done": ("Klart", "Done"),
        "stepStatus.cancelled": ("Struket", "Cancelled"),
        "due.measurement": ("Mätning ({occasion})", "Measurement ({occasion})"),
        "due.plan-step": ("Steg i handlingsplanen: {step}", "Action plan step: {step}"),

        "measurementIntervalWeeks": ("Veckor mellan mätningarna", "Weeks between measurements"),
        "measurementSchedule": ("Mätschema", "Measurement schedule"),
        "measurementScheduleHelp": (
            "BIP-mätning vid start, sedan var N:e vecka och vid avslut.", "A BIP measurement at the start, then every N weeks, and at exit."
        ),
        "saveSchedule": ("Spara mätschemat", "Save the schedule"),
        "instruments": ("Instrument", "Instruments"),
        "instrumentsHelp": (
            "Instrumenten är data: en definitionsfil med frågor, skalor, delskalor, omvända frågor och tolkningsgränser. En ny version ändrar aldrig gamla mätningar.",
            "Instruments are data: a definition file with items, scales, subscales, reverse-scored items and thresholds. A new version never changes old measurements."
        ),
        "uploadInstrument": ("Lägg till instrument eller version", "Add an instrument or version"),
        "chooseDefinitionFile": ("Välj en definitionsfil", "Choose a definition file"),
        "definitionFile": ("Definition (JSON)", "Definition (JSON)"),
        "definitionHelp": (
            "Klistra in definitionen. Den kontrolleras och visas innan den sparas.",
            "Paste the definition. It is checked and shown before it is saved."
        ),
        "preview": ("Förhandsgranska", "Preview"),
        "saveInstrument": ("Spara instrumentet", "Save the instrument"),
        "previewOf": ("Förhandsgranskning", "Preview"),
        "storedProblems": ("Sparade definitioner som inte kunde läsas vid start", "Stored definitions that could not be read at start-up"),
        "items": ("Frågor", "Items"),
        "respondent": ("Besvaras av", "Answered by"),
        "respondent.participant": ("Deltagaren", "The participant"),
        "respondent.counsellor": ("Handledaren", "The counsellor"),
        "reversed": ("omvänd", "reversed"),
        "scale": ("Skala", "Scale"),
        "versions": ("Versioner", "Versions"),
    ]
}
