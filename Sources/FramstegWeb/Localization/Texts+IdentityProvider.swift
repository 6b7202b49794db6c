extension Texts {
    /// Signing in through the association's identity provider (OpenID Connect) and its settings.
    static let identityProviderEntries: [String: (sv: String, en: String)] = [
        "signInOrganisationTitle": ("Logga in med e-legitimation", "Sign in with an e-ID"),
        "signInOrganisationHelp": (
            "Via din organisations inloggning (till exempel SITHS, Freja eID+ eller BankID).",
            "Through your organisation's sign-in (for example SITHS, Freja eID+ or BankID)."
        ),
        "signInWithOrganisation": ("Logga in via {name}", "Sign in through {name}"),
        "signInUseOrganisation": (
            "Ditt förbund loggar in via sin e-legitimation. Använd knappen nedan.",
            "Your association signs in with its e-ID. Use the button below."
        ),
        "signOutAtOrganisation": (
            "Logga ut även hos din organisations inloggning", "Also sign out at your organisation's sign-in"
        ),
        "identityProblem.provider-unavailable": (
            "Inloggningstjänsten svarar inte som den ska just nu. Försök igen om en stund, eller kontakta din IT-avdelning.",
            "The sign-in service is not answering as it should. Try again in a while, or contact your IT department."
        ),
        "identityProblem.wrong-state": (
            "Inloggningen kunde inte kopplas till den här webbläsaren, eller tog för lång tid. Börja om.",
            "The sign-in could not be matched to this browser, or took too long. Start again."
        ),
        "identityProblem.provider-refused": (
            "Inloggningen avbröts hos inloggningstjänsten.", "The sign-in was cancelled at the sign-in service."
        ),
        "identityProblem.code-refused": (
            "Inloggningstjänsten godtog inte inloggningen. Börja om; om det händer igen, kontakta din administratör.",
            "The sign-in service did not accept the sign-in. Start again; if it happens again, contact your administrator."
        ),
        "identityProblem.bad-signature": (
            "Svaret från inloggningstjänsten var inte äkta och godtas inte.",
            "The answer from the sign-in service was not genuine and is refused."
        ),
        "identityProblem.wrong-issuer": (
            "Svaret kom inte från förbundets inloggningstjänst och godtas inte.",
            "The answer did not come from the association's sign-in service and is refused."
        ),
        "identityProblem.wrong-audience": (
            "Svaret var avsett för en annan tjänst än Framsteg och godtas inte.",
            "The answer was meant for another service than Framsteg and is refused."
        ),
        "identityProblem.expired": ("Inloggningen har gått ut. Börja om.", "The sign-in has expired. Start again."),
        "identityProblem.wrong-nonce": (
            "Svaret hörde till en annan inloggning och godtas inte. Börja om.",
            "The answer belonged to another sign-in and is refused. Start again."
        ),
        "identityProblem.insufficient-assurance": (
            "Förbundet kräver en starkare e-legitimation (tillitsnivå 3). Logga in med SITHS, Freja eID+ eller BankID.",
            "The association requires a stronger e-ID (assurance level 3). Sign in with SITHS, Freja eID+ or BankID."
        ),
        "identityProblem.missing-claim": (
            "Inloggningstjänsten skickade inte uppgiften som Framsteg känner igen dig med. Kontakta din administratör.",
            "The sign-in service did not send what Framsteg knows you by. Contact your administrator."
        ),
        "identityProblem.unknown-user": (
            "Du har inget aktivt konto i Framsteg. Be din administratör lägga upp eller aktivera kontot.",
            "You have no active account in Framsteg. Ask your administrator to add or enable the account."
        ),
        "identityProviderTitle": ("Inloggning via identitetsleverantör", "Sign-in through an identity provider"),
        "identityProviderIntro": (
            "Peka förbundet mot er identitetsleverantör (till exempel Microsoft Entra ID eller Ineras IdP) med OpenID Connect. Personalen loggar då in med e-legitimation. Konton läggs fortfarande upp här i Framsteg; den första inloggningen kopplar kontot till personen.",
            "Point the association at your identity provider (for example Microsoft Entra ID or Inera's IdP) with OpenID Connect. Staff then sign in with an e-ID. Accounts are still added here in Framsteg; the first sign-in links the account to the person."
        ),
        "identityRegisterTitle": ("Uppgifter till IT-avdelningen", "For the IT department"),
        "identityRedirectURI": ("Omdirigerings-URI (redirect URI)", "Redirect URI"),
        "identityScopes": ("Scopes", "Scopes"),
        "identityFlow": ("Flöde", "Flow"),
        "identityFlowValue": (
            "Authorization code med PKCE (S256), klienthemlighet; ID-token signerat (RS256 eller ES256).",
            "Authorization code with PKCE (S256), client secret; signed ID token (RS256 or ES256)."
        ),
        "identityIssuer": ("Utfärdare (issuer)", "Issuer"),
        "identityIssuerHelp": (
            "Till exempel https://login.microsoftonline.com/KATALOG-ID/v2.0 för Entra ID. Framsteg läser /.well-known/openid-configuration under den.",
            "For example https://login.microsoftonline.com/DIRECTORY-ID/v2.0 for Entra ID. Framsteg reads /.well-known/openid-configuration below it."
        ),
        "identityClientID": ("Klient-id (application id)", "Client id (application id)"),
        "identityClientSecret": ("Klienthemlighet", "Client secret"),
        "identityClientSecretHelp": ("Visas aldrig igen; lagras krypterad.", "Never shown again; stored encrypted."),
        "identityClientSecretKept": (
            "En hemlighet är sparad. Lämna tomt för att behålla den.", "A secret is saved. Leave empty to keep it."
        ),
        "identityUserClaim": ("Uppgiften som pekar ut användaren (claim)", "The claim that names the user"),
        "identityUserClaimHelp": (
            "email jämförs med kontots e-postadress. Ett annat namn (sub, ett HSA-id) jämförs med kontots externa id.",
            "email is compared with the account's e-mail address. Another name (sub, an HSA id) is compared with the account's external id."
        ),
        "identityRequiredACR": ("Krävd tillitsnivå (acr), frivillig", "Required assurance (acr), optional"),
        "identityRequiredACRHelp": (
            "Till exempel http://id.elegnamnden.se/loa/1.0/loa3. Tomt: ingen kontroll.",
            "For example http://id.elegnamnden.se/loa/1.0/loa3. Empty: not checked."
        ),
        "identityAllowsPassword": (
            "Personalen får fortfarande logga in med lösenord (och tvåstegsverifiering)",
            "Staff may still sign in with a password (and two-step verification)"
        ),
        "userExternalID": ("Externt id (sub eller HSA-id)", "External id (sub or HSA id)"),
        "userExternalIDHelp": (
            "Behövs bara om identitetsleverantören pekar ut användaren med något annat än e-postadressen. Ändras id:t kopplas kontot till den som loggar in med det nya.",
            "Needed only if the identity provider names the user by something other than the e-mail address. When the id changes, the account is linked to whoever signs in with the new one."
        ),
        "userIdentityLinked": (
            "Kopplat: kontot öppnas bara av den person identitetsleverantören pekade ut vid första inloggningen.",
            "Linked: the account opens only for the person the identity provider named at the first sign-in."
        ),
        "userIdentityNotLinked": (
            "Inte kopplat ännu: den första inloggningen via identitetsleverantören kopplar kontot.",
            "Not linked yet: the first sign-in through the identity provider links the account."
        ),
        "problemInvalidIssuer": (
            "Ange en https://-adress utan frågetecken eller #.", "Enter an https:// address without a question mark or #."
        ),
        "problemProviderUnreachable": (
            "Ingen identitetsleverantör svarade på den adressen (/.well-known/openid-configuration).",
            "No identity provider answered at that address (/.well-known/openid-configuration)."
        ),
    ]
}
