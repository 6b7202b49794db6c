extension Texts {
    /// The association's goals (the admin's goals page) and the board's reports (cover, goal summary).
    static let goalEntries: [String: (sv: String, en: String)] = [
        "goalsTitle": ("Förbundets mål", "The association's goals"),
        "goalsLead": (
            "Styrelsen sätter målen för varje år. Ett år utan egna beslut följer det senaste året före det. Lämna ett fält tomt för att inte ha något mål.",
            "The board sets the goals for each year. A year without decisions of its own follows the latest year before it. Leave a field empty for no goal."
        ),
        "goalsForYear": ("Mål för år {year}", "Goals for {year}"),
        "goalsChooseYear": ("Visa år", "Show year"),
        "goalsSave": ("Spara målen", "Save the goals"),
        "goalsSaved": ("Målen är sparade.", "The goals are saved."),
        "goalsUnchanged": ("Inget mål ändrades.", "No goal was changed."),
        "goalsReferralsHeading": ("Överenskommet antal anmälningar per enhet och år", "Agreed referrals per unit and year"),
        "goalsHistory": ("Historik", "History"),
        "goalsHistoryEmpty": ("Inga mål är satta ännu.", "No goals have been set yet."),
        "goalsSetAt": ("Beslutat", "Set"),
        "goalsSetBy": ("Av", "By"),
        "goalsFromYear": ("Från år", "From year"),
        "goalRemoved": ("inget mål", "no goal"),
        "goalInForceFrom": ("gäller sedan {year}", "in force since {year}"),
        "goalKind.places-used": ("Använda platser, andel av budgeterade (%)", "Places used, share of budgeted (%)"),
        "goalKind.measurement-coverage": ("Deltagare med progressionsmätning (%)", "Participants with a progression measurement (%)"),
        "goalKind.waiting-days": ("Längsta väntetid från anmälan till start (dagar)", "Longest wait from referral to start (days)"),
        "goalKind.improved": (
            "Förbättrat på tillräckligt många områden (%)", "Improved on enough areas (%)"
        ),
        "goalKind.work-or-studies": ("Avslutade till arbete eller studier (%)", "Ended to work or studies (%)"),
        "goalKind.exit-survey": (
            "Positiva svar på deltagarenkätens målfrågor (%)", "Positive answers to the exit survey's goal questions (%)"
        ),
        "goalKind.referrals": ("Anmälningar per år", "Referrals per year"),
        "goalKindHelp.places-used": (
            "Deltagare inskrivna någon gång under året mot budgeterade platser, för förbundet och för varje kommun.",
            "Participants enrolled some time in the year against budgeted places, for the association and for each municipality."
        ),
        "goalKindHelp.measurement-coverage": (
            "Aktiva deltagare med minst en avslutad progressionsmätning.",
            "Active participants with at least one completed progression measurement."
        ),
        "goalKindHelp.waiting-days": (
            "Medelväntetiden jämförs med målet. Tabellen över väntetid delar vid samma antal dagar.",
            "The mean wait is compared with the goal. The waiting-time table splits at the same number of days."
        ),
        "goalKindHelp.improved": (
            "Av dem som mätts två gånger med instrumentet som räknar förbättring (Livshjulet: minst 3 av 8 områden).",
            "Of those measured twice with the instrument that counts improvement (Livshjulet: at least 3 of 8 areas)."
        ),
        "goalKindHelp.work-or-studies": (
            "Av dem som avslutades: arbete med eller utan subvention, eller studier.",
            "Of those who ended: work with or without subsidy, or studies."
        ),
        "goalKindHelp.exit-survey": (
            "Vilka frågor och svar som räknas bestämmer enkäten. Utan mål här används enkätens egen nivå.",
            "The survey defines which questions and answers count. Without a goal here the survey's own level is used."
        ),
        "goal.places-used": ("Använda platser mot budgeterade", "Places used against budgeted"),
        "goal.places-used-in": ("Använda platser, {municipality}", "Places used, {municipality}"),
        "goal.waiting-days": ("Väntetid från anmälan till start, medel", "Wait from referral to start, mean"),
        "goal.work-or-studies": ("Avslutade till arbete eller studier", "Ended to work or studies"),
        "goal.referrals": ("Anmälningar", "Referrals"),
        "goal.improved": (
            "{instrument}: förbättrat på minst {least} av {of} områden", "{instrument}: improved on at least {least} of {of} areas"
        ),
        "goalDays": ("{days} dagar", "{days} days"),
        "goalAtMost": ("högst", "at most"),
        "goalSoFar": ("({level} hittills)", "({level} so far)"),
        "goalStatus.met": ("Målet nått", "Goal met"),
        "goalStatus.not-met": ("Målet inte nått", "Goal not met"),
        "goalStatus.on-track": ("I fas", "On track"),
        "goalStatus.behind": ("Efter", "Behind"),
        "goalSummary": ("Måluppfyllelse", "Goal summary"),
        "goalSummaryHelp": (
            "Målen som gäller för året. Mitt i året jämförs det som växer under året (platser, anmälningar) med målets del för tiden som gått.",
            "The goals in force for the year. During the year, what grows through the year (places, referrals) is compared with the goal's part for the time passed."
        ),
        "interimReport": ("Delårsrapport", "Interim report"),
        "reportKind": ("Rapport", "Report"),
        "reportKind.year": ("Årsrapport", "Annual report"),
        "reportKind.half-year": ("Delårsrapport (halvår)", "Interim report (half-year)"),
        "reportHalf": ("Halvår (delårsrapport)", "Half-year (interim report)"),
        "reportHalf.1": ("Januari–juni", "January–June"),
        "reportHalf.2": ("Juli–december", "July–December"),
        "reportTitle.year": ("Årsrapport {year}", "Annual report {year}"),
        "reportTitle.half-year.1": ("Delårsrapport januari–juni {year}", "Interim report January–June {year}"),
        "reportTitle.half-year.2": ("Rapport juli–december {year}", "Report July–December {year}"),
        "reportPrinted": ("Utskriven {day}", "Printed {day}"),
        "printReport": ("Skriv ut rapporten", "Print the report"),
        "budget": ("Budget", "Budget"),
        "budgetField": ("Budget för året i kronor (valfri)", "The year's budget in kronor (optional)"),
        "costsTitle": ("Kostnader", "Costs"),
        "costsHelp": (
            "Årets budget per verksamhet, per budgeterad plats och per deltagare som var inskriven någon gång under året. Per deltagare räknas bara för ett helt år.",
            "The year's budget per unit, per budgeted place and per participant enrolled some time in the year. Per participant is counted for a whole year only."
        ),
        "costPerPlace": ("Kostnad per plats", "Cost per place"),
        "costParticipants": ("Deltagare", "Participants"),
        "costPerParticipant": ("Kostnad per deltagare", "Cost per participant"),
        "afterExitTitle": ("Efter avslut", "After the exit"),
        "afterExitHelp": (
            "Vad som hände under deltagandet och vad som hände sedan, registrerat en gång och räknat per kön i uppföljningen.",
            "What happened during participation and what happened next, recorded once and counted by gender in follow-up."
        ),
        "afterExitDay": ("Avslutad", "Exited"),
        "afterWorkedOrStudied": ("Har arbetat eller studerat under deltagandet", "Worked or studied during participation"),
        "afterNextStep": ("Nästa steg efter avslut", "Next step after the exit"),
        "afterNextStepOn": ("Dag då nästa steg började", "Day the next step began"),
        "afterSituation3": ("Situation 3 månader efter avslut", "Situation 3 months after the exit"),
        "afterSituation6": ("Situation 6 månader efter avslut", "Situation 6 months after the exit"),
        "afterFrom": ("Kan registreras från {day}.", "Can be recorded from {day}."),
        "afterExitSave": ("Spara", "Save"),
        "afterExitSaved": ("Uppgifterna efter avslut är sparade.", "What happened after the exit is saved."),
        "notRecorded": ("Inte registrerat", "Not recorded"),
        "extractQuestion": ("Uppgift", "Item"),
        "extractRecorded": ("Registrerat", "Recorded"),
        "nextStep.joint-assessment": ("Gemensam kartläggning", "Joint assessment"),
        "nextStep.other-intervention": ("Annan insats", "Another intervention"),
        "nextStep.employment-service": ("Arbetsförmedlingens insatser", "The Employment Service's programmes"),
        "nextStep.healthcare": ("Vård eller rehabilitering", "Healthcare or rehabilitation"),
        "nextStep.none": ("Inget nästa steg", "No next step"),
        "nextStep.not-recorded": ("Inte registrerat", "Not recorded"),
        "situation.work": ("Arbete utan subvention", "Unsubsidised work"),
        "situation.subsidised-work": ("Arbete med lönestöd", "Subsidised work"),
        "situation.studies": ("Studier", "Studies"),
        "situation.job-seeking": ("Arbetssökande", "Job seeking"),
        "situation.rehabilitation": ("Rehabilitering eller sjukskrivning", "Rehabilitation or sick leave"),
        "situation.other": ("Annat", "Other"),
        "situation.not-reached": ("Gick inte att nå", "Could not be reached"),
        "situation.not-recorded": ("Inte registrerat", "Not recorded"),
        "afterDuring.yes": ("Har arbetat eller studerat", "Worked or studied"),
        "afterDuring.no": ("Har inte arbetat eller studerat", "Neither worked nor studied"),
        "afterDuring.not-recorded": ("Inte registrerat", "Not recorded"),
        "afterPrompt.within": ("Inom 14 dagar", "Within 14 days"),
        "afterPrompt.later": ("Senare än 14 dagar", "Later than 14 days"),
        "afterDuringShare": (
            "Andel som arbetat eller studerat under deltagandet: {share}.", "Share who worked or studied during participation: {share}."
        ),
        "afterPromptShare": (
            "Andel vars nästa steg började inom 14 dagar: {share}.", "Share whose next step began within 14 days: {share}."
        ),
        "figure.after-during": ("Arbete eller studier under deltagandet", "Work or studies during participation"),
        "figure.after-next-step": ("Nästa steg efter avslut", "Next step after the exit"),
        "figure.after-prompt": ("Tid till nästa steg", "Time to the next step"),
        "figure.after-3": ("Situation 3 månader efter avslut", "Situation 3 months after the exit"),
        "figure.after-6": ("Situation 6 månader efter avslut", "Situation 6 months after the exit"),
        "figureHelp.after-during": ("Alla som avslutades efter start under perioden.", "Everyone who ended after a start in the period."),
        "figureHelp.after-next-step": (
            "Alla som avslutades efter start under perioden.", "Everyone who ended after a start in the period."
        ),
        "figureHelp.after-prompt": (
            "De som avslutades under perioden och har ett nästa steg med dag: dagar från avslut till nästa steg.",
            "Those who ended in the period with a next step and its day: days from the exit to the next step."
        ),
        "figureHelp.after-3": ("Alla som avslutades efter start under perioden.", "Everyone who ended after a start in the period."),
        "figureHelp.after-6": ("Alla som avslutades efter start under perioden.", "Everyone who ended after a start in the period."),
        "problemAvailableFrom": ("Kan registreras från {day}.", "Can be recorded from {day}."),
        "problemNotExited": ("Kan registreras först när insatsen har avslutats.", "Can be recorded only once the participation has ended."),
        "eligibilityRulesTitle": ("Regler för att delta", "Eligibility rules"),
        "eligibilityRulesLead": (
            "Förbundets egna regler: åldern räknas fram ur personnumret, kriterierna bekräftas av handledaren innan insatsen startar. Ett svar behåller formuleringen det gavs under.",
            "The association's own rules: the age is worked out from the personal identity number, the criteria are confirmed by the counsellor before the start. An answer keeps the wording it was given under."
        ),
        "eligibilityAgeRange": ("Ålder", "Age"),
        "eligibilityMinimumAge": ("Lägsta ålder", "Lowest age"),
        "eligibilityMaximumAge": ("Högsta ålder", "Highest age"),
        "eligibilityCriteria": ("Kriterier", "Criteria"),
        "eligibilityCriteriaHelp": (
            "Ett kriterium som har svar avvecklas i stället för att tas bort: det frågas inte längre, men svaren finns kvar i journalerna.",
            "A criterion with answers is retired rather than removed: it is no longer asked, but the answers stay on the records."
        ),
        "eligibilityRetired": ("Avvecklade kriterier", "Retired criteria"),
        "criterionAnswers.one": ("1 svar", "1 answer"),
        "criterionAnswers.other": ("{n} svar", "{n} answers"),
        "criterionSwedish": ("Formulering på svenska", "Wording in Swedish"),
        "criterionEnglish": ("Formulering på engelska (valfri)", "Wording in English (optional)"),
        "criterionReword": ("Spara formuleringen", "Save the wording"),
        "criterionRetire": ("Avveckla", "Retire"),
        "criterionRestore": ("Återinför", "Bring back"),
        "criterionRemove": ("Ta bort", "Remove"),
        "criterionAdd": ("Lägg till ett kriterium", "Add a criterion"),
        "problemEmptyAgeRange": ("Högsta åldern kan inte vara lägre än den lägsta.", "The highest age cannot be below the lowest."),
        "problemCriterionInUse": (
            "Kriteriet har {n} svar och kan inte tas bort. Avveckla det i stället.",
            "The criterion has {n} answers and cannot be removed. Retire it instead."
        ),
    ]
}
