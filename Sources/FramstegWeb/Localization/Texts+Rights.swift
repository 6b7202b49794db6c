import FramstegCore

extension Texts {
    /// The rights an admin grants to named users beyond their role: the office's national deliveries.
    static let rightsEntries: [String: (sv: String, en: String)] = [
        "deliveryRights": ("Nationella leveranser", "National deliveries"),
        "deliveryRightsHelp": (
            "Siffrorna i de här leveranserna är exakta och lämnar förbundet för de nationella systemen. Ge dem bara till den som gör leveransen.",
            "The figures in these deliveries are exact and leave the association for the national systems. Grant them only to the person who makes the delivery."
        ),
        "deliveryRightFinsam": ("Uppföljning Finsam (exakta antal per verksamhet)", "Uppföljning Finsam (exact counts per unit)"),
        "deliveryRightViolenceScreening": (
            "Våld i nära relationer, screening (NNS, exakta svar per kommun och år)",
            "Violence in close relationships, screening (NNS, exact answers per municipality and year)"
        ),
        "deliveriesLead": (
            "Det här är förbundets obligatoriska leveranser till nationella system. Siffrorna är exakta, så varje leverans är en rätt som administratören ger till den som gör den, och varje export loggas.",
            "These are the association's mandatory deliveries to national systems. The figures are exact, so each delivery is a right the administrator grants to whoever makes it, and every export is logged."
        ),
        "deliveryContents": ("Innehåll", "Contents"),
        "deliveryDestination": ("Vart den går", "Where it goes"),
        "deliveryExport": ("Hämta leveransen för", "Download the delivery for"),
        "deliveryLogged": ("Exporten loggas.", "The export is logged."),
        "deliveryNotHeld": (
            "Du har inte rätten till den här leveransen. Administratören ger den till den som gör leveransen.",
            "You do not hold the right to this delivery. The administrator grants it to whoever makes the delivery."
        ),
        "deliveryNoSurvey": (
            "Förbundet har ingen enkät som samlar in svaren till den här leveransen.",
            "The association has no survey that collects the answers for this delivery."
        ),
        "delivery.finsam": ("Uppföljning Finsam", "Uppföljning Finsam"),
        "delivery.finsam.contents": (
            "Anmälda, startade och aktiva deltagare under året per verksamhet, för kvinnor, män och annat eller ej angivet, exakta antal.",
            "Referrals, starts and active participants in the year per unit, for women, men and another or not stated, exact counts."
        ),
        "delivery.finsam.destination": (
            "Förs in i Uppföljning Finsam, det nationella uppföljningssystemet för finansiell samordning, per insats.",
            "Entered into Uppföljning Finsam, the national follow-up system for financial coordination, per programme."
        ),
        "delivery.violence-screening": ("Frågor om våld i nära relationer (NNS)", "Questions about violence in close relationships (NNS)"),
        "delivery.violence-screening.contents": (
            "Svaren på varje fråga under året per kommun, för kvinnor, män och annat eller ej angivet, exakta antal. Enskilda svar finns inte i leveransen och kan inte tas fram.",
            "The answers to each question in the year per municipality, for women, men and another or not stated, exact counts. Single answers are not in the delivery and cannot be had."
        ),
        "delivery.violence-screening.destination": (
            "Lämnas till NNS, Nationella nätverket för samordningsförbund, som sammanställer svaren från alla förbund i det nationella uppdraget.",
            "Delivered to NNS, the national network of coordination associations, which compiles the answers of every association under the national assignment."
        ),
        "screeningResponsesCaption": ("Antal svar per kommun", "Responses per municipality"),
        "responsesInAll": ("Antal svar", "Number of responses"),
    ]
}

extension NationalDelivery {
    /// The right to make this delivery, as the admin's page names it.
    func rightLabel(_ language: Language) -> String {
        switch self {
        case .finsam: Texts.text("deliveryRightFinsam", language)
        case .violenceScreening: Texts.text("deliveryRightViolenceScreening", language)
        }
    }
}
