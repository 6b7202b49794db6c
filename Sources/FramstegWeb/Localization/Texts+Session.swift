extension Texts {
    /// The warning before an idle session ends, and what is said when it has.
    static let sessionEntries: [String: (sv: String, en: String)] = [
        "idleWarningTitle": ("Du loggas snart ut", "You will soon be signed out"),
        "idleWarningText": (
            "Du har inte gjort något i Framsteg på en stund och loggas ut om två minuter. Det du skriver sparas i webbläsaren tills du har skickat det.",
            "You have not done anything in Framsteg for a while and will be signed out in two minutes. What you type is kept in the browser until you have sent it."
        ),
        "staySignedIn": ("Fortsätt vara inloggad", "Stay signed in"),
        "sessionEndedTitle": ("Du har loggats ut", "You have been signed out"),
        "sessionEndedText": (
            "Logga in igen. Det du hade skrivit finns kvar i webbläsaren och kommer tillbaka när du öppnar sidan igen.",
            "Sign in again. What you had typed is kept in the browser and comes back when you open the page again."
        ),
        "sessionEndedForm": (
            "Du loggades ut eftersom du inte hade gjort något på en stund, så det du skickade är inte sparat. Logga in igen: du kommer tillbaka till sidan, och det du skrev finns kvar där.",
            "You were signed out after a while without activity, so what you sent is not saved. Sign in again: you come back to the page, and what you typed is still there."
        ),
        "draftRestored": (
            "Det du skrev här tidigare, men inte skickade, är återställt. Kontrollera och skicka.",
            "What you typed here earlier but did not send is restored. Check it and send it."
        ),
    ]
}
