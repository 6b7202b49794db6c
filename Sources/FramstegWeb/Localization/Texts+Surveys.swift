extension Texts {
    /// Anonymous surveys: offering, answering, results, export and the support contact.
    static let surveyEntries: [String: (sv: String, en: String)] = [
        "problemWordingLocked": (
            "{id} har låst ordalydelse (den tillhör det nationella nätverket): frågan {item} får inte ändras eller tas bort. En ny version får bara rätta svarsskalan.",
            "{id} has locked wording (it belongs to the national network): question {item} may not be changed or removed. A new version may only correct the answer scale."
        ),
        "problemWordingUnlocked": (
            "{id} har låst ordalydelse: en ny version måste också vara markerad \"readOnly\": true.",
            "{id} has locked wording: a new version must also be marked \"readOnly\": true."
        ),
        "problemMonth": ("Ange en månad som ÅÅÅÅ-MM, till exempel 2026-03.", "Give a month as YYYY-MM, for example 2026-03."),
        "surveyResultsTitle": ("Enkätresultat", "Survey results"),
        "surveyResultsLead": (
            "Anonyma svar, sammanställda. Varje antal är slumpvis justerat med högst 2 åt något håll och visas aldrig som 1 eller 2, för alla, så att ingen som svarat kan kännas igen, inte heller genom att jämföra perioder: samma svar ger alltid samma siffra.",
            "Anonymous answers, compiled. Every count is adjusted at random by at most 2 either way and never shown as 1 or 2, for everyone, so that nobody who answered can be recognised, not even by comparing periods: the same answers always give the same figure."
        ),
        "surveyBatches": (
            "Svaren räknas fem i taget: ett svar sparas förseglat tills fyra till har kommit in för samma enkät och enhet, och de fem räknas sedan i månaden då det sista kom. Så kan ingen, inte heller den som sköter databasen, se vems svaret är.",
            "Answers are counted five at a time: an answer is kept sealed until four more have come in for the same survey and unit, and the five are then counted in the month the last one came. So nobody, not even whoever runs the database, can tell whose an answer is."
        ),
        "surveyTooFew": (
            "Färre än 5 svar under perioden. Resultat visas inte, för att ingen ska kunna känna igen de som svarat. Välj en längre period eller ett större område.",
            "Fewer than 5 answers in the period. No results are shown, so that nobody who answered can be recognised. Choose a longer period or a larger area."
        ),
        "surveyGoal": ("Mål: minst {share} positiva svar på {questions}.", "Goal: at least {share} positive answers on {questions}."),
        "positiveShare": ("Andel positiva", "Share positive"),
        "withMiddleShare": ("Med mittensvaret", "With the middle answer"),
        "withMiddleCounted": ("(med mittensvaret)", "(with the middle answer)"),
        "surveyGoalWithMiddle": (
            "Förbundet räknar målet med mittensvaret (Ibland, Delvis).",
            "The association counts the goal with the middle answer (sometimes, partly)."
        ),
        "hiddenShare": ("dold", "hidden"),
        "everyone": ("Alla", "Everyone"),
        "genderGroup.woman": ("Kvinnor", "Women"),
        "genderGroup.man": ("Män", "Men"),
        "genderGroup.other": ("Annat eller ej angivet", "Other or not stated"),
        "wholeAssociation": ("Hela förbundet", "The whole association"),
        "area": ("Område", "Area"),
        "periodFrom": ("Från kvartal", "From quarter"),
        "periodTo": ("Till och med kvartal", "Through quarter"),
        "problemQuarter": ("Välj ett kvartal i listan.", "Choose a quarter from the list."),
        "quarterLabel": ("Kvartal {quarter} {year}", "Q{quarter} {year}"),
        "surveyQuarters": (
            "Resultaten visas per kvartal som minst, så att månaden då fem svar räknades aldrig blir en egen period.",
            "Results are shown by the quarter at the finest, so that the month in which five answers were counted is never a period of its own."
        ),
        "question": ("Fråga", "Question"),
        "showResults": ("Visa", "Show"),
        "responses": ("Svar", "Responses"),
        "responsesByGender": ("Svar per kön", "Responses by gender"),
        "surveysOffered": ("Erbjudna enkäter", "Surveys offered"),
        "surveysCompleted": ("Besvarade enkäter", "Surveys answered"),
        "goalMet": ("Målet nått", "Goal met"),
        "goalNotMet": ("Målet inte nått", "Goal not met"),
        "exportCSV": ("Exportera CSV", "Export CSV"),
        "printableSummary": ("Utskriftsvänlig sammanställning", "Printable summary"),
        "print": ("Skriv ut", "Print"),
        "anonymousSurveys": ("Anonyma enkäter", "Anonymous surveys"),
        "anonymousSurveysHelp": (
            "Svaren sparas utan koppling till deltagaren. Journalen visar bara att enkäten erbjudits och om den besvarats.",
            "The answers are stored without any link to the participant. The record shows only that the survey was offered and whether it was answered."
        ),
        "survey": ("Enkät", "Survey"),
        "offeredOn": ("Erbjuden", "Offered"),
        "surveyOffered": ("Erbjuden, inte besvarad", "Offered, not answered"),
        "surveyCompleted": ("Besvarad", "Answered"),
        "surveyContinue": ("Fortsätt", "Continue"),
        "offerSurvey": ("Erbjud en anonym enkät", "Offer an anonymous survey"),
        "offerSurveyButton": ("Erbjud och lämna över enheten", "Offer and hand over the device"),
        "surveyAnonymousNote": (
            "Dina svar är anonyma. Din handledare kan inte se vad du svarar.",
            "Your answers are anonymous. Your counsellor cannot see what you answer."
        ),
        "sendAnswers": ("Skicka in svaren", "Send the answers"),
        "surveyDoneTitle": ("Tack för dina svar!", "Thank you for your answers!"),
        "surveyDoneText": (
            "Dina svar är sparade utan ditt namn. Lämna tillbaka enheten till din handledare.",
            "Your answers are stored without your name. Give the device back to your counsellor."
        ),
        "supportTitle": ("Om du behöver stöd", "If you need support"),
        "supportText": (
            "Om du eller någon du känner utsätts för våld eller hot kan du få stöd. Du kan berätta det för din handledare, eller kontakta:",
            "If you or someone you know is subjected to violence or threats, you can get support. You can tell your counsellor, or contact:"
        ),
        "supportEmergency": (
            "Vid akut fara: ring 112. Kvinnofridslinjen: 020-50 50 50 (dygnet runt, gratis).",
            "In immediate danger: call 112. The national women's helpline (Kvinnofridslinjen): 020-50 50 50 (around the clock, free)."
        ),
        "violenceSupportLink": (
            "Om någon svarar ja på frågorna om våld – vart hänvisar jag?",
            "If someone answers yes to the questions about violence – where do I refer?"
        ),
        "violenceSupportTitle": ("Stöd vid våld i nära relationer", "Support for violence in close relationships"),
        "violenceSupportLead": (
            "Svaren på enkäten är anonyma, så systemet kan inte säga vem som svarat ja. Om deltagaren själv berättar, eller du ser tecken på våld, hänvisar du hit.",
            "The survey's answers are anonymous, so the system cannot tell who answered yes. If the participant tells you, or you see signs of violence, refer them here."
        ),
        "violenceSupportContact": ("Kommunens kontakt", "The municipality's contact"),
        "violenceSupportMissing": (
            "Kommunen har inte angett någon kontakt ännu. Be administratören fylla i den under Kommuner.",
            "The municipality has not given a contact yet. Ask the administrator to fill it in under Municipalities."
        ),
        "violenceSupportStepsTitle": ("Så gör du", "What to do"),
        "violenceSupportStep1": (
            "Lyssna, tro på det som berättas och fråga vad personen själv vill.",
            "Listen, believe what you are told and ask what the person wants."
        ),
        "violenceSupportStep2": ("Är någon i akut fara: ring 112.", "If anyone is in immediate danger: call 112."),
        "violenceSupportStep3": (
            "Ge kontakten ovan, eller ring den tillsammans med personen om hen vill.",
            "Give the contact above, or call it together with the person if they wish."
        ),
        "violenceSupportStep4": (
            "Finns barn i hushållet ska du göra en orosanmälan till socialtjänsten.",
            "If there are children in the household, you must report your concern to social services."
        ),
        "supportContact": ("Kontakt vid våld i nära relationer", "Contact for violence in close relationships"),
        "supportContactHelp": (
            "Visas för handledare och för deltagare efter frågorna om våld: verksamhet, telefon och öppettider.",
            "Shown to counsellors, and to participants after the questions about violence: service, phone and opening hours."
        ),
        "supportContactSaved": ("Kontakten är sparad.", "The contact is saved."),
    ]
}
