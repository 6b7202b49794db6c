import Foundation
import FramstegCore
import SQLKit

/// A sign-in through the identity provider under way: what the callback must match and needs.
public struct IdentityProviderLogin: Sendable, Equatable {
    public let associationID: AssociationID
    public let browserHash: String
    public let nonce: String
    public let codeVerifier: String
    public let redirectURI: String

    public init(associationID: AssociationID, browserHash: String, nonce: String, codeVerifier: String, redirectURI: String) {
        self.associationID = associationID
        self.browserHash = browserHash
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.redirectURI = redirectURI
    }
}

/// The associations' identity providers (the client secret sealed, bound to its association), the
/// sign-ins under way through them, and the accounts' links to the people the providers vouch for.
public struct IdentityProviderRepository: Sendable {
    let db: any SQLDatabase
    let sealed: SealedColumns

    public init(_ db: any SQLDatabase, keyring: FieldKeyring) {
        self.db = db
        sealed = SealedColumns(keyring, table: "identity_providers")
    }

    public func settings(of associationID: AssociationID) async throws -> IdentityProviderSettings? {
        guard
            let row = try await db.select()
                .columns("association_id", "issuer", "client_id", "client_secret", "user_claim", "required_acr", "allows_password")
                .from("identity_providers").where("association_id", .equal, associationID.rawValue).first()
        else { return nil }
        return IdentityProviderSettings(
            issuer: try row.decode(column: "issuer", as: String.self),
            clientID: try row.decode(column: "client_id", as: String.self),
            clientSecret: try sealed.open("client_secret", in: row, id: "association_id") ?? "",
            userClaim: try row.decode(column: "user_claim", as: String.self),
            requiredACR: try row.decode(column: "required_acr", as: String?.self),
            allowsPassword: try row.decode(column: "allows_password", as: Int.self) != 0
        )
    }

    public func save(_ settings: IdentityProviderSettings, for associationID: AssociationID) async throws {
        try await db.delete(from: "identity_providers").where("association_id", .equal, associationID.rawValue).run()
        try await db.insert(into: "identity_providers")
            .columns("association_id", "issuer", "client_id", "client_secret", "user_claim", "required_acr", "allows_password")
            .values(
                SQLBind(associationID.rawValue),
                SQLBind(settings.issuer),
                SQLBind(settings.clientID),
                SQLBind(try sealed.seal(settings.clientSecret, "client_secret", row: associationID.description)),
                SQLBind(settings.userClaim),
                SQLBind(settings.requiredACR),
                SQLBind(settings.allowsPassword ? 1 : 0)
            )
            .run()
    }

    public func remove(for associationID: AssociationID) async throws {
        try await db.delete(from: "identity_providers").where("association_id", .equal, associationID.rawValue).run()
    }

    /// The associations whose staff may sign in through a provider, by name: the sign-in page's buttons.
    public func configuredAssociations() async throws -> [(id: AssociationID, name: String)] {
        try await db.select().column(SQLColumn("id", table: "associations")).column(SQLColumn("name", table: "associations"))
            .from("identity_providers")
            .join(
                "associations",
                on: SQLColumn("id", table: "associations"),
                .equal,
                SQLColumn("association_id", table: "identity_providers")
            )
            .orderBy(SQLColumn("name", table: "associations")).all()
            .map { (try $0.id("id"), try $0.decode(column: "name", as: String.self)) }
    }

    // MARK: Sign-ins under way

    public func createLogin(stateHash: String, _ login: IdentityProviderLogin, now: Date) async throws {
        try await db.insert(into: "identity_provider_logins")
            .columns("state_hash", "browser_hash", "association_id", "nonce", "code_verifier", "redirect_uri", "created_at")
            .values(
                SQLBind(stateHash),
                SQLBind(login.browserHash),
                SQLBind(login.associationID.rawValue),
                SQLBind(login.nonce),
                SQLBind(login.codeVerifier),
                SQLBind(login.redirectURI),
                SQLBind(now.storedSeconds)
            )
            .run()
    }

    /// The sign-in with this state if it began after `since`; it is deleted either way, so a state works once.
    public func takeLogin(stateHash: String, since: Date) async throws -> IdentityProviderLogin? {
        let row = try await db.select().columns("browser_hash", "association_id", "nonce", "code_verifier", "redirect_uri", "created_at")
            .from("identity_provider_logins").where("state_hash", .equal, stateHash).first()
        try await db.delete(from: "identity_provider_logins").where("state_hash", .equal, stateHash).run()
        try await db.delete(from: "identity_provider_logins").where("created_at", .lessThanOrEqual, since.storedSeconds).run()
        guard let row, try row.date("created_at") > since else { return nil }
        return IdentityProviderLogin(
            associationID: try row.id("association_id"),
            browserHash: try row.decode(column: "browser_hash", as: String.self),
            nonce: try row.decode(column: "nonce", as: String.self),
            codeVerifier: try row.decode(column: "code_verifier", as: String.self),
            redirectURI: try row.decode(column: "redirect_uri", as: String.self)
        )
    }

    // MARK: Accounts

    /// The account of the association whose address (`byEmail`) or external id is `value`, with the
    /// provider subject it is linked to, if any.
    public func account(
        in associationID: AssociationID,
        matching value: String,
        byEmail: Bool
    ) async throws -> (id: UserID, subject: String?)? {
        let column = byEmail ? "email" : "external_id"
        let wanted = byEmail ? Email.normalised(value) : value
        guard
            let row = try await db.select().columns("id", "identity_subject").from("users")
                .where("association_id", .equal, associationID.rawValue).where(SQLColumn(column), .equal, SQLBind(wanted)).first()
        else { return nil }
        return (try row.id("id"), try row.decode(column: "identity_subject", as: String?.self))
    }

    /// Links the account to the person the provider names `subject` (issuer and `sub`).
    public func link(_ userID: UserID, subject: String) async throws {
        try await db.update("users").set("identity_subject", to: subject).where("id", .equal, userID.rawValue).run()
    }

    /// Ends the account's link, so the next sign-in links whoever the provider then names.
    public func unlink(_ userID: UserID) async throws {
        try await db.update("users").set("identity_subject", to: SQLLiteral.null).where("id", .equal, userID.rawValue).run()
    }

    public func identity(of userID: UserID) async throws -> (externalID: String?, isLinked: Bool) {
        guard
            let row = try await db.select().columns("external_id", "identity_subject").from("users").where("id", .equal, userID.rawValue)
                .first()
        else { return (nil, false) }
        return (
            try row.decode(column: "external_id", as: String?.self), try row.decode(column: "identity_subject", as: String?.self) != nil
        )
    }

    public func setExternalID(_ userID: UserID, _ externalID: String?) async throws {
        try await db.update("users").set("external_id", to: SQLBind(externalID)).where("id", .equal, userID.rawValue).run()
    }

    /// Marks a session as opened through the provider.
    public func markSession(tokenHash: String) async throws {
        try await db.update("sessions").set("via_identity_provider", to: 1).where("token_hash", .equal, tokenHash).run()
    }

    public func isSessionViaProvider(tokenHash: String) async throws -> Bool {
        try await db.select().column("via_identity_provider").from("sessions").where("token_hash", .equal, tokenHash).first()?
            .decode(column: "via_identity_provider", as: Int.self) == 1
    }
}
