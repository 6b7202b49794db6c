extension Texts {
    /// The second factor (tvåstegsverifiering): the code at sign-in, enrolling an authenticator app,
    /// the recovery codes, the settings, an admin's reset and the association's requirement.
    static let secondFactorEntries: [String: (sv: String, en: String)] = [
        "signInRestart": (
            "Inloggningen avbröts eller tog för lång tid. Börja om med e-postadress och lösenord.",
            "The sign-in was interrupted or took too long. Start again with your e-mail address and password."
        ),
        "secondFactor": ("Tvåstegsverifiering", "Two-step verification"),
        "secondFactorTitle": ("Ange koden från din app", "Enter the code from your app"),
        "secondFactorIntro": (
            "Lösenordet stämmer. Öppna autentiseringsappen i din telefon och skriv koden den visar för Framsteg.",
            "The password is right. Open the authenticator app on your phone and type the code it shows for Framsteg."
        ),
        "code": ("Kod", "Code"),
        "codeHelp": (
            "Sex siffror från appen, eller en av dina engångskoder för återställning (xxxx-xxxx-xxxx).",
            "Six digits from the app, or one of your one-time recovery codes (xxxx-xxxx-xxxx)."
        ),
        "verifyCode": ("Fortsätt", "Continue"),
        "lostSecondFactor": (
            "Har du tappat bort telefonen och dina engångskoder? Be en administratör i ditt förbund att återställa din tvåstegsverifiering. Du får då en engångslänk; ingen kan läsa upp en kod för dig.",
            "Lost your phone and your recovery codes? Ask an administrator of your association to reset your two-step verification. You then get a one-time link; nobody can read a code out to you."
        ),
        "enrolTitle": ("Ställ in tvåstegsverifiering", "Set up two-step verification"),
        "enrolAtSignIn": (
            "Ditt konto måste ha tvåstegsverifiering. Det tar en minut och görs en gång.",
            "Your account must have two-step verification. It takes a minute and is done once."
        ),
        "enrolStepApp": (
            "Installera en autentiseringsapp i telefonen om du inte har någon (till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP).",
            "Install an authenticator app on your phone if you have none (for example Microsoft Authenticator, Google Authenticator or FreeOTP)."
        ),
        "enrolStepScan": ("Lägg till ett konto i appen genom att skanna QR-koden.", "Add an account in the app by scanning the QR code."),
        "enrolTypeInstead": ("Går det inte att skanna? Skriv in den här nyckeln i appen:", "Cannot scan? Type this key into the app:"),
        "enrolStepCode": ("Skriv koden som appen nu visar.", "Type the code the app now shows."),
        "enrolCodeHelp": ("Sex siffror. Koden byts var 30:e sekund.", "Six digits. The code changes every 30 seconds."),
        "confirmCode": ("Bekräfta", "Confirm"),
        "qrCodeLabel": ("QR-kod att skanna med autentiseringsappen", "QR code to scan with the authenticator app"),
        "recoveryCodesTitle": ("Dina engångskoder", "Your recovery codes"),
        "secondFactorEnrolledNow": ("Tvåstegsverifieringen är inställd.", "Two-step verification is set up."),
        "recoveryCodesIntro": (
            "Om du tappar bort telefonen kan du logga in med en av de här koderna i stället för appens kod. Varje kod fungerar en gång.",
            "If you lose your phone you can sign in with one of these codes instead of the app's code. Each code works once."
        ),
        "recoveryCodesOnce": (
            "Koderna visas bara nu. Skriv ut dem eller skriv av dem och förvara dem säkert, inte i telefonen.",
            "The codes are shown only now. Print them or write them down and keep them safe, not on the phone."
        ),
        "continue": ("Fortsätt till Framsteg", "Continue to Framsteg"),
        "secondFactorEnrolled": (
            "Tvåstegsverifiering är på. Du har {n} oanvända engångskoder kvar.",
            "Two-step verification is on. You have {n} unused recovery codes left."
        ),
        "secondFactorMissingRequired": (
            "Tvåstegsverifiering krävs för ditt konto och ställs in nästa gång du loggar in, eller här nu.",
            "Two-step verification is required for your account and is set up the next time you sign in, or here now."
        ),
        "secondFactorMissing": ("Tvåstegsverifiering är inte på.", "Two-step verification is off."),
        "enrolSecondFactorHelp": (
            "Ange ditt lösenord för att ställa in en autentiseringsapp.",
            "Enter your password to set up an authenticator app."
        ),
        "replaceSecondFactorHelp": (
            "Byter du telefon? Ange lösenordet och en kod från den nuvarande appen (eller en engångskod) för att ställa in en ny. Du får nya engångskoder, de gamla slutar gälla och du loggas ut på andra enheter.",
            "Changing phones? Enter your password and a code from the current app (or a recovery code) to set up a new one. You get new recovery codes, the old ones stop working and you are signed out on other devices."
        ),
        "currentCode": ("Kod från appen", "Code from the app"),
        "enrolSecondFactor": ("Ställ in tvåstegsverifiering", "Set up two-step verification"),
        "replaceSecondFactor": ("Ställ in en ny app", "Set up a new app"),
        "userSecondFactorEnrolled": (
            "Tvåstegsverifiering är på ({n} oanvända engångskoder kvar).",
            "Two-step verification is on ({n} unused recovery codes left)."
        ),
        "userSecondFactorMissingRequired": (
            "Tvåstegsverifiering krävs och ställs in vid nästa inloggning.",
            "Two-step verification is required and is set up at the next sign-in."
        ),
        "userSecondFactorMissing": ("Tvåstegsverifiering är inte på.", "Two-step verification is off."),
        "ownSecondFactorInSettings": ("Din egen tvåstegsverifiering byter du under", "You change your own two-step verification under"),
        "resetSecondFactorHelp": (
            "Om personen har tappat bort telefonen och engångskoderna: tvåstegsverifieringen och lösenordet tas bort, personen loggas ut och du får en engångslänk att ge dem. Med länken väljer de ett nytt lösenord och ställer sedan in en ny app. Bekräfta med ditt eget lösenord och din egen kod.",
            "If the person has lost their phone and recovery codes: the two-step verification and the password are removed, the person is signed out and you get a one-time link to give them. With it they choose a new password and then set up a new app. Confirm with your own password and code."
        ),
        "yourPassword": ("Ditt lösenord", "Your password"),
        "yourCode": ("Din kod från appen", "Your code from the app"),
        "resetSecondFactor": ("Återställ tvåstegsverifieringen", "Reset two-step verification"),
        "setupLinkSecondFactorReset": (
            "Tvåstegsverifieringen för {name} är återställd", "Two-step verification for {name} is reset"
        ),
        "requireSecondFactor": (
            "Kräv tvåstegsverifiering av all personal", "Require two-step verification of all staff"
        ),
        "requireSecondFactorHelp": (
            "Administratörer har alltid tvåstegsverifiering. Med rutan ikryssad måste även kansli, chefer och handledare ange en kod från en app efter lösenordet; den som inte har ställt in någon gör det vid nästa inloggning.",
            "Administrators always have two-step verification. With the box ticked the office, managers and counsellors too must type a code from an app after the password; whoever has none sets it up at their next sign-in."
        ),
        "takeReturnCode": ("Kod från appen", "Code from the app"),
        "takeReturnCodeHelp": (
            "Med lösenordet skriver du också koden från din autentiseringsapp.",
            "With the password you also type the code from your authenticator app."
        ),
        "takeReturnCodeHelpPIN": (
            "Bara om du använder ditt lösenord: koden från din autentiseringsapp. Med PIN-koden behövs ingen.",
            "Only if you use your password: the code from your authenticator app. With the PIN none is needed."
        ),
        "problemWrongCode": (
            "Koden stämmer inte. Skriv den kod appen visar just nu (eller en oanvänd engångskod).",
            "The code is not right. Type the code the app shows right now (or an unused recovery code)."
        ),
        "problemTooManyAttempts": (
            "För många felaktiga försök. Vänta en stund och försök igen.",
            "Too many wrong attempts. Wait a while and try again."
        ),
    ]
}
