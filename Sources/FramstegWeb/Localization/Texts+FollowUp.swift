extension Texts {
    /// The dashboards, their figures and exports.
    static let followUpEntries: [String: (sv: String, en: String)] = [
        "dashboardTitle": ("Uppföljning", "Follow-up"),
        "dashboardLead": (
            "Siffrorna räknas direkt ur journalerna och visar det som registrerats till och med nu. Varje antal är slumpvis justerat med högst 2 åt något håll, och visas aldrig som 1 eller 2, så att ingen person kan räknas fram, inte heller genom att jämföra perioder eller uppdelningar: samma personer ger alltid samma siffra. Därför kan en summa skilja sig något från delarna. Medelvärden visas för grupper om minst 5.",
            "The figures are counted straight from the records and include everything entered until now. Every count is adjusted at random by at most 2 either way, and never shown as 1 or 2, so that no person can be worked out, not even by comparing periods or splits: the same people always give the same figure. So a total may differ a little from its parts. Means are shown for groups of at least 5."
        ),
        "dashboardLeadExact": (
            "Siffrorna räknas direkt ur journalerna och visar det som registrerats till och med nu. De är exakta, för verksamhetens eget bruk: lämna dem inte vidare utanför verksamheten. Förbundet och andra ser samma siffror skyddade.",
            "The figures are counted straight from the records and include everything entered until now. They are exact, for the unit's own use: do not pass them on outside the unit. The association and others see the same figures protected."
        ),
        "dashboardNoParticipants": (
            "Här finns inga deltagare ännu, så det finns inget att räkna. Siffrorna visas när de första deltagarna har registrerats.",
            "There are no participants here yet, so there is nothing to count. Figures appear once the first participants are registered."
        ),
        "dashboardBeforeFirst": (
            "Perioden ligger före den första registreringen ({day}). Välj en senare period.",
            "The period lies before the first registration ({day}). Choose a later period."
        ),
        "dashboardEmptyPeriod": (
            "Inga deltagare registrerades, startade, var aktiva eller avslutades under perioden. Välj en annan period.",
            "No participants were registered, started, active or ended in the period. Choose another period."
        ),
        "periodKind": ("Period", "Period"),
        "reportingPeriod": ("Period", "Period"),
        "periodKind.year": ("År", "Year"),
        "periodKind.half-year": ("Halvår", "Half-year"),
        "periodKind.quarter": ("Kvartal", "Quarter"),
        "periodKind.month": ("Månad", "Month"),
        "periodKind.custom": ("Egna datum", "Own dates"),
        "periodPart": ("Halvår, kvartal eller månad (nummer)", "Half-year, quarter or month (number)"),
        "dayFrom": ("Från datum", "From day"),
        "dayTo": ("Till och med datum", "Through day"),
        "figure.flow": ("Inflöde och deltagare", "Referrals and participants"),
        "figure.age": ("Aktiva deltagare efter ålder", "Active participants by age"),
        "figure.municipality": ("Aktiva deltagare efter kommun", "Active participants by municipality"),
        "figure.outcomes": ("Avslut efter utfall", "Exits by outcome"),
        "figure.coverage": ("Progressionsmätning", "Progression measurement"),
        "figure.time": ("Tid i insatsen för avslutade", "Time in the programme of those who ended"),
        "figure.waiting": ("Väntetid från anmälan till start", "Waiting time from registration to start"),
        "figure.continuity": ("Kontinuitet: byte av handledare", "Continuity: change of counsellor"),
        "figureHelp.flow": (
            "Anmälningar och starter under perioden, deltagare som var inskrivna någon gång under perioden, och avslut efter start under perioden.",
            "Registrations and starts in the period, participants enrolled at some time in the period, and exits after a start in the period."
        ),
        "figureHelp.age": ("Ålder det år deltagaren anmäldes.", "Age in the year the participant was registered."),
        "figureHelp.municipality": ("Deltagarens hemkommun.", "The participant's home municipality."),
        "figureHelp.outcomes": ("Ett avbrott efter start räknas som annat.", "Leaving after the start counts as other."),
        "figureHelp.coverage": (
            "Aktiva deltagare som har minst en avslutad BIP-mätning till och med periodens slut.",
            "Active participants with at least one completed BIP measurement by the end of the period."
        ),
        "figureHelp.time": ("Dagar från start till avslut.", "Days from start to exit."),
        "figureHelp.waiting": (
            "Deltagare som startade under perioden. Målet är start inom {days} dagar.",
            "Participants who started in the period. The goal is a start within {days} days."
        ),
        "figureHelp.continuity": (
            "Aktiva deltagare som har haft mer än en handledare.", "Active participants who have had more than one counsellor."
        ),
        "splitChoice": ("Dela upp efter", "Split by"),
        "splitNone": ("Ingen uppdelning", "No split"),
        "splitBy.age": ("Åldersgrupp", "Age band"),
        "splitBy.municipality": ("Kommun", "Municipality"),
        "splitTitle.age": ("per åldersgrupp", "by age band"),
        "splitTitle.municipality": ("per hemkommun", "by home municipality"),
        "figureRow.referrals": ("Anmälningar", "Referrals received"),
        "figureRow.started": ("Startade", "Started"),
        "figureRow.active": ("Aktiva", "Active"),
        "figureRow.ended": ("Avslutade", "Ended"),
        "figureRow.under-30": ("Under 30 år", "Under 30"),
        "figureRow.30-and-over": ("30 år och äldre", "30 and over"),
        "figureRow.measured": ("Mätta", "Measured"),
        "figureRow.not-measured": ("Inte mätta", "Not measured"),
        "figureRow.0-12": ("0–12 månader", "0–12 months"),
        "figureRow.13-24": ("13–24 månader", "13–24 months"),
        "figureRow.over-24": ("Mer än 24 månader", "More than 24 months"),
        "figureRow.within-goal": ("Inom {days} dagar", "Within {days} days"),
        "figureRow.beyond-goal": ("Efter mer än {days} dagar", "After more than {days} days"),
        "figureRow.changed": ("Har bytt handledare", "Changed counsellor"),
        "figureRow.same": ("Samma handledare", "Same counsellor"),
        "coverageShare": ("Andel mätta: {share} (mål {goal}).", "Share measured: {share} (goal {goal})."),
        "byGenderShares": ("Efter kön:", "By gender:"),
        "meanDays": ("Medeltid i dagar:", "Mean days:"),
        "meanDaysRow": ("Medeltid i dagar", "Mean days"),
        "noMeanNote": (
            "– betyder att gruppen är för liten för ett medelvärde: ingen, eller färre än fem när siffrorna är skyddade.",
            "– means the group is too small for a mean: nobody, or fewer than five where the figures are protected."
        ),
        "meanWaitingRow": ("Medelväntetid i dagar", "Mean wait in days"),
        "waitingShare": ("Andel som startade inom {days} dagar: {share}.", "Share started within {days} days: {share}."),
        "meanWaiting": ("Medelväntetid i dagar:", "Mean wait in days:"),
        "continuityShare": ("Andel som bytt handledare: {share}.", "Share who changed counsellor: {share}."),
        "shareOfTotal": ("Andel (%)", "Share (%)"),
        "placesTitle": ("Platser: använda mot budgeterade", "Places: used against budgeted"),
        "placesUsed": ("Deltagare under året", "Participants in the year"),
        "placesBudgeted": ("Budgeterade platser", "Budgeted places"),
        "placesShare": ("Andel", "Share"),
        "exportTable": ("Exportera tabellen (CSV)", "Export the table (CSV)"),
        "exportTableXLSX": ("Excel (XLSX)", "Excel (XLSX)"),
        "finsamExport": ("Uppföljning Finsam (CSV)", "Uppföljning Finsam (CSV)"),
        "finsamExact": (
            "Anmälda, startade och aktiva per verksamhet och kön, exakta antal, för inrapportering till Uppföljning Finsam. Exporten loggas.",
            "Referrals, starts and active participants per unit and gender, exact counts, for the report to Uppföljning Finsam. The export is logged."
        ),
        "finsamPerturbed": (
            "Anmälda, startade och aktiva per verksamhet och kön, skyddade som sidans siffror: inte för inrapportering. Exakta antal kräver leveransrätten, som administratören ger.",
            "Referrals, starts and active participants per unit and gender, protected like the page's figures: not for the report. Exact counts need the delivery right, which the administrator grants."
        ),
        "scope": ("Område", "Area"),
        "progressionTitle": ("Progression", "Progression"),
        "progressionHelp": (
            "Medelförändring per indikator från första till senaste mätningen, för deltagare som mätts minst två gånger och vars senaste mätning ligger i perioden.",
            "Mean change per indicator from the first to the latest measurement, for participants measured at least twice whose latest measurement falls in the period."
        ),
        "measuredTwice": ("Mätta minst två gånger", "Measured at least twice"),
        "improvedShare": (
            "Andel som förbättrats på minst {least} av {of} områden: {share}.", "Share improved on at least {least} of {of} areas: {share}."
        ),
        "improvedRow": ("Förbättrade på minst {least} områden", "Improved on at least {least} areas"),
        "figure.directions": ("Mätpunkter som ökat, är oförändrade och minskat", "Points that rose, stayed and fell"),
        "figureHelp.directions": (
            "Per område: hur många som har ett högre, samma eller lägre värde vid den senaste mätningen än vid den första, för deltagare som mätts minst två gånger och vars senaste mätning ligger i perioden. Sista raderna räknar alla områdens mätpunkter tillsammans; en deltagare räknas en gång per område.",
            "Per area: how many have a higher, the same or a lower value at the latest measurement than at the first, for participants measured at least twice whose latest measurement falls in the period. The last rows count every area's points together; a participant counts once per area."
        ),
        "allPoints": ("Alla mätpunkter", "All measurement points"),
        "direction.rose": ("ökat", "rose"),
        "direction.unchanged": ("oförändrat", "unchanged"),
        "direction.fell": ("minskat", "fell"),
        "figure.interventions": ("BIP: progression efter insatser", "BIP: progression by interventions"),
        "figureHelp.interventions": (
            "Medelförändring per skattning (alla sex indikatorer) från första till senaste BIP-mätningen, efter vilka insatser deltagaren hade mellan mätningarna. Kombinerade betyder arbetsinriktat tillsammans med hälsa, socialt eller kompetens.",
            "Mean change per rating (all six indicators) from the first to the latest BIP measurement, by the interventions the participant had between the measurements. Combined means job-focused together with health, social or competence."
        ),
        "interventionMix": ("Insatser mellan mätningarna", "Interventions between the measurements"),
        "mixRow.none": ("Inga insatser", "No interventions"),
        "mixRow.supportive": ("Bara hälsa, socialt eller kompetens", "Only health, social or competence"),
        "mixRow.job-only": ("Bara arbetsinriktade", "Only job-focused"),
        "mixRow.combined": ("Kombinerade med arbetsinriktat", "Combined with job-focused"),
        "participantsWith": ("Deltagare:", "Participants:"),
        "figure.belief": (
            "BIP: arbete eller studier efter handledarens tilltro vid start", "BIP: work or studies by the counsellor's belief at start"
        ),
        "figureHelp.belief": (
            "Andel av dem som avslutades under perioden som gick till arbete (med eller utan lönestöd) eller studier, efter handledarens tilltro vid den första BIP-mätningen (medel av de två handledarfrågorna, 1–10).",
            "Share of those who ended in the period who went to work (with or without wage subsidy) or studies, by the counsellor's belief at the first BIP measurement (mean of the two counsellor questions, 1–10)."
        ),
        "figure.belief-outcomes": ("BIP: utfall efter handledarens tilltro vid start", "BIP: outcome by the counsellor's belief at start"),
        "figureHelp.belief-outcomes": (
            "Avslutade under perioden efter utfall. Alla kön tillsammans, så att färre celler blir små.",
            "Ended in the period, by outcome. All genders together, so that fewer cells are small."
        ),
        "beliefAtStart": ("Tilltro vid start", "Belief at start"),
        "belief.low": ("Låg (under 4)", "Low (below 4)"),
        "belief.moderate": ("Måttlig (4 till under 7)", "Moderate (4 to below 7)"),
        "belief.high": ("Hög (7 eller mer)", "High (7 or more)"),
        "belief.not-measured": ("Ingen BIP-mätning", "No BIP measurement"),
        "figure.occasions": ("medelvärden vid start, halvvägs och avslut", "means at start, midway and exit"),
        "figureHelp.occasions": (
            "Medelpoäng per delskala för mätningar gjorda under perioden. Uppföljningsmätningar räknas som halvvägs.",
            "Mean score per subscale of measurements taken in the period. Follow-up measurements count as midway."
        ),
        "occasionAndScale": ("Tillfälle och delskala", "Occasion and subscale"),
        "occasionPoint.start": ("Start", "Start"),
        "occasionPoint.periodic": ("Halvvägs", "Midway"),
        "occasionPoint.exit": ("Avslut", "Exit"),
        "measurementsAt": ("Mätningar vid", "Measurements at"),
        "annualReport": ("Årsrapport", "Annual report"),
        "associationGoals": ("Förbundets mål", "The association's goals"),
        "outcomeValue": ("Utfall", "Result"),
        "goalLevel": ("Mål", "Goal"),
    ]
}
