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
