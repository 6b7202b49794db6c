extension Texts {
    /// What is wrong with a field, as `FieldProblem.message` says it beside the field.
    static let problemEntries: [String: (sv: String, en: String)] = [
        "problemChangedMeanwhile": (
            "Någon annan ändrade samma sak samtidigt, och den ändringen gäller. Sidan visar nu hur det ser ut: gör om din ändring om den fortfarande behövs.",
            "Someone else changed the same thing at the same moment, and their change stands. The page now shows how things are: make your change again if it is still needed."
        ),
        "contactChangedMeanwhile": (
            "Någon annan sparade kontaktuppgifterna medan du skrev, så inget av ditt sparades. Nu sparat: {saved}. Det du skrev finns kvar i fälten: spara igen om det ska gälla.",
            "Someone else saved the contact details while you typed, so nothing of yours was saved. Saved now: {saved}. What you typed is still in the fields: save again if it should stand."
        ),
        "alreadySent": (
            "Det här skickades redan en gång och sparades då. Inget har sparats två gånger.",
            "This was sent once already and saved then. Nothing was saved twice."
        ),
        "problemNotFound": (
            "Det finns ingen deltagare med det numret i förbundet.", "There is no participant with that number in the association."
        ),
        "problemContactProtected": (
            "Personen har skyddade personuppgifter: bara den ansvariga handledaren kan ändra kontaktuppgifterna.",
            "The person has protected personal data: only the responsible counsellor can change the contact details."
        ),
        "problemRequired": ("Fyll i det här fältet.", "Fill in this field."),
        "problemAnonymityLocked": (
            "{id} besvaras anonymt, och varje ny version måste också vara anonym.",
            "{id} is answered anonymously, and every new version must be anonymous too."
        ),
        "problemSurveyDraftTooLarge": (
            "{id} är en anonym enkät med för många frågor (eller för långa svarsvärden): svaren sparas i deltagarens webbläsare tills de skickas in, i högst {max} byte, och den här kan behöva {n}. Dela upp enkäten eller korta frågornas id och svarsvärden.",
            "{id} is an anonymous survey with too many questions (or answer values too long): the answers are kept in the participant's browser until they are sent, in at most {max} bytes, and this one may need {n}. Split the survey or shorten its question ids and answer values."
        ),
        "problemEligibilityClosed": (
            "Behörigheten kan bara ändras innan deltagaren har skrivits in.",
            "Eligibility can only be changed before the participant has started."
        ),
        "problemTooLong": ("Högst {n} tecken.", "At most {n} characters."),
        "problemNotAWholeNumber": ("Ange ett heltal, till exempel 80.", "Enter a whole number, for example 80."),
        "problemOutOfRange": ("Ange ett tal mellan {min} och {max}.", "Enter a number between {min} and {max}."),
        "problemInvalidEmail": ("Ange en e-postadress som namn@exempel.se.", "Enter an e-mail address like name@example.com."),
        "problemEmailTaken": ("E-postadressen används redan.", "The e-mail address is already in use."),
        "problemNameTaken": ("Namnet används redan.", "The name is already in use."),
        "problemUnknownChoice": ("Välj ett av alternativen.", "Choose one of the options."),
        "problemNoUnitChosen": ("Välj minst en verksamhet.", "Choose at least one unit."),
        "problemPasswordTooShort": ("Lösenordet måste ha minst {n} tecken.", "The password must have at least {n} characters."),
        "problemPasswordTooLong": ("Lösenordet får vara högst {n} byte långt.", "The password may be at most {n} bytes long."),
        "problemPasswordTooCommon": (
            "Lösenordet är för vanligt eller lätt att gissa. Välj ett annat.",
            "The password is too common or easy to guess. Choose another."
        ),
        "problemPasswordsDiffer": ("Lösenorden är inte lika.", "The passwords do not match."),
        "problemOwnAccess": (
            "Du kan inte ändra dina egna verksamheter. Be en annan administratör.",
            "You cannot change your own units. Ask another administrator."
        ),
        "problemWrongPassword": ("Det är inte ditt nuvarande lösenord.", "That is not your current password."),
        "problemPnrFormat": (
            "Skriv personnumret som ÅÅÅÅMMDD-NNNN, till exempel 19811218-9876.",
            "Write the personal identity number as YYYYMMDD-NNNN, for example 19811218-9876."
        ),
        "problemPnrDate": (
            "Datumet i personnumret finns inte. Kontrollera år, månad och dag.",
            "The date in the personal identity number does not exist. Check year, month and day."
        ),
        "problemPnrCheckDigit": (
            "Kontrollsiffran stämmer inte. Kontrollera att alla siffror är rätt.",
            "The check digit does not match. Check that every digit is right."
        ),
        "problemPnrFuture": ("Födelsedatumet ligger i framtiden.", "The date of birth is in the future."),
        "problemConsent": (
            "Samtycke krävs för att vi ska få behandla uppgifterna.", "Consent is needed for us to process the information."
        ),
        "problemDay": ("Ange ett datum som ÅÅÅÅ-MM-DD.", "Enter a date as YYYY-MM-DD."),
        "problemStepNotAllowed": (
            "Det steget kan inte tas i det här läget av resan.", "That step cannot be taken at this point of the journey."
        ),
        "problemJourneyEnded": (
            "Resan är avslutad; inga fler steg kan registreras.", "The journey has ended; no more steps can be recorded."
        ),
        "problemBeforePrevious": (
            "Datumet kan inte vara före föregående steg ({day}).", "The date cannot be before the previous step ({day})."
        ),
        "problemDayInFuture": ("Datumet kan inte ligga i framtiden.", "The date cannot be in the future."),
        "problemReasonRequired": ("Ange en anledning.", "Give a reason."),
    ]
}
