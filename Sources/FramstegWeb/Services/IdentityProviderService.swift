import Crypto
import Foundation
import FramstegCore
import FramstegStore

/// Signing in through the association's identity provider (OpenID Connect, authorization code flow
/// with PKCE, `state` and `nonce`), and the admin's and operator's settings for it.
///
/// A person signs in only to an account that exists and is enabled in Framsteg (provisioning stays
/// with the admin); the first sign-in links the account to the person the provider names (issuer and
/// `sub`), and from then on only that person opens it. Every step is audited.
struct IdentityProviderService: Sendable {
    let store: Store
    let keyring: FieldKeyring
    let client: OpenIDConnectClient
    let signIn: SignInService
    /// Whether an issuer may be plain HTTP on the loopback address (the tests' provider).
    let allowsLoopbackIssuer: Bool
    let now: @Sendable () -> Date

    /// How long the provider may take between the redirect there and the callback.
    static let loginLifetime: TimeInterval = 10 * 60
    /// Where the provider sends the browser back; registered at the provider as the redirect URI.
    static let callbackPath = "/sign-in/callback"

    enum Outcome: Sendable {
        case signedIn(User, token: String)
        case refused(IdentityProviderProblem)
    }

    func settings(of associationID: AssociationID) async throws -> IdentityProviderSettings? {
        try await store.read { [keyring] db in try await IdentityProviderRepository(db, keyring: keyring).settings(of: associationID) }
    }

    func configuredAssociations() async throws -> [(id: AssociationID, name: String)] {
        try await store.read { [keyring] db in try await IdentityProviderRepository(db, keyring: keyring).configuredAssociations() }
    }

    /// Saves the provider of the association (see `IdentityProviderSetup.save`).
    func save(
        issuer: String,
        clientID: String,
        clientSecret: String,
        userClaim: String,
        requiredACR: String,
        allowsPassword: Bool,
        for associationID: AssociationID,
        by principal: Principal?
    ) async throws -> IdentityProviderSettings {
        try await IdentityProviderSetup(
            store: store,
            keyring: keyring,
            allowsLoopbackIssuer: allowsLoopbackIssuer,
            client: client,
            now: now
        )
        .save(
            issuer: issuer,
            clientID: clientID,
            clientSecret: clientSecret,
            userClaim: userClaim,
            requiredACR: requiredACR,
            allowsPassword: allowsPassword,
            for: associationID,
            by: principal
        )
    }

    /// Begins a sign-in: the provider's authorization address to send the browser to, and the token
    /// for the cookie that binds the callback to this browser.
    func start(association associationID: AssociationID, origin: String) async throws -> (location: String, browserToken: String)? {
        guard let settings = try await settings(of: associationID) else { return nil }
        let metadata = try await client.metadata(issuer: settings.issuer, now: now())
        let state = Self.randomURLSafe()
        let browserToken = Self.randomURLSafe()
        let verifier = Self.randomURLSafe() + Self.randomURLSafe()
        let nonce = Self.randomURLSafe()
        let redirectURI = origin + Self.callbackPath
        let login = IdentityProviderLogin(
            associationID: associationID,
            browserHash: Tokens.hash(browserToken),
            nonce: nonce,
            codeVerifier: verifier,
            redirectURI: redirectURI
        )
        let now = self.now()
        try await store.write { [keyring] db in
            try await IdentityProviderRepository(db, keyring: keyring).createLogin(stateHash: Tokens.hash(state), login, now: now)
        }
        let challenge = Data(SHA256.hash(data: Data(verifier.utf8))).base64URLEncoded
        let query = [
            ("response_type", "code"), ("client_id", settings.clientID), ("redirect_uri", redirectURI), ("scope", "openid email profile"),
            ("state", state), ("nonce", nonce), ("code_challenge", challenge), ("code_challenge_method", "S256"),
        ]
        let separator = metadata.authorizationEndpoint.contains("?") ? "&" : "?"
        let location =
            metadata.authorizationEndpoint + separator
            + query.map { OpenIDConnectClient.formEncoded($0.0) + "=" + OpenIDConnectClient.formEncoded($0.1) }.joined(separator: "&")
        return (location, browserToken)
    }

    /// Completes a sign-in at the callback: the state must be this browser's and unused, the code is
    /// exchanged, the ID token checked, and the account found, linked on first use, and enabled.
    func finish(
        state: String,
        code: String,
        providerError: String?,
        browserToken: String?,
        replacing oldSession: String?
    ) async throws -> Outcome {
        let now = self.now()
        let since = now.addingTimeInterval(-Self.loginLifetime)
        let login = try await store.write { [keyring] db in
            try await IdentityProviderRepository(db, keyring: keyring).takeLogin(stateHash: Tokens.hash(state), since: since)
        }
        guard let login, let browserToken, Tokens.constantTimeEquals(Tokens.hash(browserToken), login.browserHash) else {
            return try await refuse(.wrongState, association: login?.associationID, now: now)
        }
        guard providerError == nil, !code.isEmpty else {
            return try await refuse(.providerRefused, association: login.associationID, now: now)
        }
        guard let settings = try await settings(of: login.associationID) else {
            return try await refuse(.providerUnavailable, association: login.associationID, now: now)
        }
        let verified: VerifiedIDToken
        do {
            let metadata = try await client.metadata(issuer: settings.issuer, now: now)
            let token = try await client.idToken(
                code: code,
                verifier: login.codeVerifier,
                redirectURI: login.redirectURI,
                settings: settings,
                metadata: metadata
            )
            verified = try await client.verify(token, settings: settings, metadata: metadata, nonce: login.nonce, now: now)
        } catch let problem as IdentityProviderProblem {
            return try await refuse(problem, association: login.associationID, now: now)
        }
        guard let value = verified.claims[settings.userClaim], !value.isEmpty else {
            return try await refuse(.missingClaim, association: login.associationID, now: now)
        }
        // An address the provider itself calls unverified names nobody (providers that do not say are believed).
        if settings.userClaim == "email", verified.claims["email_verified"] == "false" || verified.claims["email_verified"] == "0" {
            return try await refuse(.missingClaim, association: login.associationID, now: now)
        }
        return try await openSession(
            verified,
            claimValue: value,
            settings: settings,
            association: login.associationID,
            replacing: oldSession
        )
    }

    private func openSession(
        _ verified: VerifiedIDToken,
        claimValue: String,
        settings: IdentityProviderSettings,
        association associationID: AssociationID,
        replacing oldSession: String?
    ) async throws -> Outcome {
        let now = self.now()
        let subject = verified.issuer + " " + verified.subject
        let found = try await store.read { [keyring] db -> (User, String?)? in
            guard
                let account = try await IdentityProviderRepository(db, keyring: keyring).account(
                    in: associationID,
                    matching: claimValue,
                    byEmail: settings.userClaim == "email"
                ),
                let user = try await UserRepository(db).user(account.id)
            else { return nil }
            return (user, account.subject)
        }
        // Disabled in Framsteg ends access, whatever the provider says; a linked account opens only to its person.
        guard let (user, linked) = found, !user.isDisabled, linked == nil || linked == subject else {
            return try await refuse(.unknownUser, association: associationID, now: now)
        }
        let token = try await signIn.openSession(for: user, replacing: oldSession, now: now) { [keyring] db in
            let providers = IdentityProviderRepository(db, keyring: keyring)
            if linked == nil {
                try await providers.link(user.id, subject: subject)
                try await AuditLog(db).append(
                    AuditEntry(at: now, by: user.principal, action: .identityLink, objectType: "user", objectID: user.id.description)
                )
            }
            try await AuditLog(db).append(
                AuditEntry(at: now, by: user.principal, action: .signInIdentityProvider, objectType: "user", objectID: user.id.description)
            )
        }
        try await store.write { [keyring] db in
            try await IdentityProviderRepository(db, keyring: keyring).markSession(tokenHash: Tokens.hash(token))
        }
        return .signedIn(user, token: token)
    }

    private func refuse(_ problem: IdentityProviderProblem, association: AssociationID?, now: Date) async throws -> Outcome {
        try await store.audit(
            AuditEntry(
                at: now,
                by: nil,
                action: .signInIdentityProvider,
                objectType: "identity-provider",
                objectID: problem.rawValue,
                associationID: association,
                result: .failure
            )
        )
        return .refused(problem)
    }

    /// How a user is known to the provider: the external id an admin gave (when the provider names
    /// people by `sub` or an HSA id), and whether a first sign-in has linked the account.
    func identity(of user: User) async throws -> (externalID: String?, isLinked: Bool) {
        try await store.read { [keyring] db in try await IdentityProviderRepository(db, keyring: keyring).identity(of: user.id) }
    }

    /// Sets (or clears) the user's external id; the link to a person ends with it, so the next
    /// sign-in links whoever the provider names by the new id.
    func setExternalID(_ typed: String, of user: User, by principal: Principal) async throws {
        let value = typed.trimmingCharacters(in: .whitespaces)
        guard value.count <= 200 else { throw ValidationFailure(problems: ["externalID": .tooLong(maximum: 200)]) }
        let now = self.now()
        try await store.write { [keyring] db in
            let providers = IdentityProviderRepository(db, keyring: keyring)
            if let other = try await providers.account(in: principal.associationID, matching: value, byEmail: false), other.id != user.id,
                !value.isEmpty
            {
                throw ValidationFailure(problems: ["externalID": .alreadyTaken])
            }
            try await providers.setExternalID(user.id, value.isEmpty ? nil : value)
            try await providers.unlink(user.id)
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: .userExternalID, objectType: "user", objectID: user.id.description)
            )
        }
    }

    /// Where to end the session at the provider too, after a sign-out of a session it opened.
    func endSessionLocation(for associationID: AssociationID, returningTo origin: String) async throws -> String? {
        guard let settings = try await settings(of: associationID),
            let metadata = try? await client.metadata(issuer: settings.issuer, now: now()),
            let endpoint = metadata.endSessionEndpoint
        else { return nil }
        let query = [("client_id", settings.clientID), ("post_logout_redirect_uri", origin + "/sign-in?notice=signedOut")]
        return endpoint + (endpoint.contains("?") ? "&" : "?")
            + query.map { OpenIDConnectClient.formEncoded($0.0) + "=" + OpenIDConnectClient.formEncoded($0.1) }.joined(separator: "&")
    }

    func isSessionViaProvider(tokenHash: String) async throws -> Bool {
        try await store.read { [keyring] db in
            try await IdentityProviderRepository(db, keyring: keyring).isSessionViaProvider(tokenHash: tokenHash)
        }
    }

    /// 256 random bits, base64url without padding.
    static func randomURLSafe() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).base64URLEncoded
    }
}

extension Data {
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Pointing an association at its identity provider, for the admin's page and `framsteg association
/// identity-provider` alike: the settings checked, the issuer asked for its discovery document, one
/// audit row.
public struct IdentityProviderSetup: Sendable {
    let store: Store
    let keyring: FieldKeyring
    let allowsLoopbackIssuer: Bool
    let client: OpenIDConnectClient
    let now: @Sendable () -> Date

    public init(store: Store, keyring: FieldKeyring, allowsLoopbackIssuer: Bool = false, now: @escaping @Sendable () -> Date = { Date() }) {
        self.init(store: store, keyring: keyring, allowsLoopbackIssuer: allowsLoopbackIssuer, client: OpenIDConnectClient(), now: now)
    }

    init(store: Store, keyring: FieldKeyring, allowsLoopbackIssuer: Bool, client: OpenIDConnectClient, now: @escaping @Sendable () -> Date)
    {
        self.store = store
        self.keyring = keyring
        self.allowsLoopbackIssuer = allowsLoopbackIssuer
        self.client = client
        self.now = now
    }

    /// Saves the provider; an empty secret keeps the one stored. `principal` nil is the operator at the command line.
    @discardableResult
    public func save(
        issuer: String,
        clientID: String,
        clientSecret: String,
        userClaim: String,
        requiredACR: String,
        allowsPassword: Bool,
        for associationID: AssociationID,
        by principal: Principal?
    ) async throws -> IdentityProviderSettings {
        let stored = try await store.read { [keyring] db in
            try await IdentityProviderRepository(db, keyring: keyring).settings(of: associationID)
        }
        let settings = try IdentityProviderSettings.validated(
            issuer: issuer,
            clientID: clientID,
            clientSecret: clientSecret.isEmpty ? stored?.clientSecret ?? "" : clientSecret,
            userClaim: userClaim,
            requiredACR: requiredACR,
            allowsPassword: allowsPassword,
            allowsPlainHTTPLoopback: allowsLoopbackIssuer
        )
        do { _ = try await client.metadata(issuer: settings.issuer, now: now()) } catch {
            throw ValidationFailure(problems: ["issuer": .providerUnreachable])
        }
        let now = self.now()
        try await store.write { [keyring] db in
            guard try await OrganisationRepository(db).association(associationID) != nil else {
                throw StoreError.notFound("association \(associationID)")
            }
            try await IdentityProviderRepository(db, keyring: keyring).save(settings, for: associationID)
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: principal == nil ? .identityProviderUpdateCLI : .identityProviderUpdate,
                    objectType: "association",
                    objectID: associationID.description,
                    associationID: associationID
                )
            )
        }
        return settings
    }
}
