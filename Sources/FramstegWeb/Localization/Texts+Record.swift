extension Texts {
    /// The record's summary, its tabs and what is due for one participant.
    static let recordEntries: [String: (sv: String, en: String)] = [
        "recordSummary": ("Sammanfattning", "Summary"),
        "recordParts": ("Journalens delar", "Parts of the record"),
        "recordTab.overview": ("Översikt", "Overview"),
        "recordTab.measurements": ("Mätningar och plan", "Measurements and plan"),
        "recordTab.activities": ("Insatser och timmar", "Interventions and hours"),
        "recordTab.meetings": ("Möten", "Meetings"),
        "recordTab.journey": ("Resan", "Journey"),
        "recordTab.details": ("Uppgifter", "Details"),
        "personDetails": ("Personuppgifter", "Personal details"),
        "titleRefused": ("Fel i formuläret", "Error in the form"),
        "weekInProgramme": ("vecka {week} i programmet", "week {week} in the programme"),
        "noHoursGoal": ("Inget timmål satt", "No hours goal set"),
        "hoursGoalPerWeek": ("Mål {hours} h/vecka", "Goal {hours} h/week"),
        "noPlanYet": ("Inga mål ännu", "No goals yet"),
        "hoursAttendedWeek": ("vecka {week}: {hours} h", "week {week}: {hours} h"),
        "latestMeasurement": ("Senaste mätning", "Latest measurement"),
        "noMeasurementYet": ("Ingen mätning ännu", "No measurement yet"),
        "measurementOngoing": ("pågår", "in progress"),
        "openPlanSteps.one": ("{n} öppet steg", "{n} open step"),
        "openPlanSteps.other": ("{n} öppna steg", "{n} open steps"),
        "overdueSteps.one": ("{n} försenat", "{n} overdue"),
        "overdueSteps.other": ("{n} försenade", "{n} overdue"),
        "dueForParticipant": ("Att göra", "To do"),
        "nothingDue": ("Inget att göra just nu.", "Nothing to do right now."),
        "dueMeasurement": ("{instrument}: {occasion}", "{instrument}: {occasion}"),
        "dueEligibility": ("Pröva målgruppskriterierna innan start", "Check the eligibility criteria before the start"),
        "dueSurvey": ("Enkät erbjuden, inte besvarad: {survey}", "Survey offered, not answered: {survey}"),
        "latestSteps": ("Senaste stegen", "Latest steps"),
        "wholeJourney": ("Hela resan och nästa steg", "The whole journey and the next step"),

        "problemEligibilityUnconfirmed.one": (
            "{n} målgruppskriterium är inte bekräftat. Bekräfta det, eller skriv här varför deltagaren ändå börjar (ett undantag).",
            "{n} eligibility criterion is not confirmed. Confirm it, or write here why the participant starts anyway (an exception)."
        ),
        "problemEligibilityUnconfirmed.other": (
            "{n} målgruppskriterier är inte bekräftade. Bekräfta dem, eller skriv här varför deltagaren ändå börjar (ett undantag).",
            "{n} eligibility criteria are not confirmed. Confirm them, or write here why the participant starts anyway (an exception)."
        ),
        "startNeedsException.one": (
            "{n} kriterium är inte bekräftat: start kräver då en anledning till undantaget.",
            "{n} criterion is not confirmed: starting then needs a reason for the exception."
        ),
        "startNeedsException.other": (
            "{n} kriterier är inte bekräftade: start kräver då en anledning till undantaget.",
            "{n} criteria are not confirmed: starting then needs a reason for the exception."
        ),

        // The unit's participant list.
        "listFilter": ("Urval av deltagare", "Choice of participants"),
        "listShowLabel": ("Visa", "Show"),
        "listShow.ongoing": ("Pågående (ej avslutade)", "Ongoing (not ended)"),
        "listShow.waiting": ("Väntar på start", "Waiting to start"),
        "listShow.active": ("Inskrivna", "Enrolled"),
        "listShow.ended": ("Avslutade", "Ended"),
        "listShow.all": ("Alla", "All"),
        "listCounsellor.anyone": ("Alla handledare", "All counsellors"),
        "listCounsellor.mine": ("Mina deltagare", "My participants"),
        "listCounsellor.none": ("Ingen ansvarig", "No one responsible"),
        "listSortLabel": ("Ordning", "Order"),
        "listSort.newest": ("Senast registrerade först", "Latest registered first"),
        "listSort.oldest": ("Först registrerade först", "First registered first"),
        "listSort.name": ("Namn", "Name"),
        "listSort.state": ("Läge i resan", "Stage of the journey"),
        "listApply": ("Visa urvalet", "Show"),
        "listShown": ("Visar {from}–{to} av {total} deltagare.", "Showing {from}–{to} of {total} participants."),
        "listNoneShown": ("Inga deltagare i urvalet.", "No participants in this choice."),
        "listPages": ("Sidor", "Pages"),
        "listPrevious": ("Föregående", "Previous"),
        "listNext": ("Nästa", "Next"),
        // Taking back a step recorded by mistake.
        "withdrawnSteps": ("Steg som tagits tillbaka", "Steps taken back"),
        "stepWithdrawnLine": ("taget tillbaka {at} av {by}: {reason}", "taken back {at} by {by}: {reason}"),
        "withdrawStep": ("Rätta: ta tillbaka senaste steget", "Correct: take back the latest step"),
        "reopenJourney": ("Öppna resan igen (ta tillbaka avslutet)", "Reopen the journey (take back the ending)"),
        "withdrawStepIntro": ("Senaste steget:", "Latest step:"),
        "withdrawReason": ("Varför steget tas tillbaka", "Why the step is taken back"),
        "withdrawReasonHelp": (
            "Steget finns kvar i journalen som tillbakataget, med orsaken, och deltagaren är tillbaka där hen var före steget. Registrera sedan rätt steg.",
            "The step stays on the record as taken back, with the reason, and the participant is back where they were before it. Then record the right step."
        ),
        "withdrawStepButton": ("Ta tillbaka steget", "Take back the step"),
        "stepWithdrawn": ("Steget är taget tillbaka.", "The step is taken back."),
        "problemStepNotWithdrawable": ("Registreringen kan inte tas tillbaka.", "The registration cannot be taken back."),
        "problemWithdrawalWindow": (
            "Ett steg kan bara tas tillbaka inom {n} dagar från att det registrerades.",
            "A step can only be taken back within {n} days of being recorded."
        ),
        "problemOnlyResponsibleReopens": (
            "Bara deltagarens ansvariga handledare eller enhetens chef kan öppna en avslutad resa igen.",
            "Only the participant's responsible counsellor or the unit's manager can reopen an ended journey."
        ),
        // Mina framsteg and the printed documents.
        "myProgressTitle": ("Mina framsteg", "My progress"),
        "myProgressIntro": (
            "Så här har du själv skattat dig under tiden hos oss, och det här är din plan: dina mål och stegen dit.",
            "This is how you have rated yourself during your time with us, and this is your plan: your goals and the steps towards them."
        ),
        "myProgressAnswers": ("Dina svar över tid", "Your answers over time"),
        "myProgressPlan": ("Din plan", "Your plan"),
        "myProgressStep": ("Steg", "Step"),
        "myProgressBy": ("Klart senast", "Done by"),
        "myProgressLink": ("Mina framsteg (för deltagaren)", "My progress (for the participant)"),
        "signatures": ("Underskrifter", "Signatures"),
        "signatureParticipant": ("Deltagarens underskrift", "Participant's signature"),
        "signatureCounsellor": ("Handledarens underskrift", "Counsellor's signature"),
    ]
}
