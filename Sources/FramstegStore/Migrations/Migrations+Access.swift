import SQLKit

/// The access migrations from 25 on: rights the admin grants to named users, and the second factor.
extension Migrations {
    /// The national deliveries an office user may make, exact (issue 16): `NationalDelivery` raw
    /// values, comma-separated, sorted; empty for everyone else. One column rather than one per
    /// delivery: the set is always read and written whole, and a delivery added later needs no
    /// migration of its own.
    static let nationalDeliveries = Migration(version: 25, name: "office users' national delivery rights") { db, _ in
        try await db.alter(table: "users").column("deliveries", type: .text, .notNull, .default("")).run()
    }
}

extension Migrations {
    /// A second factor for password accounts (issue 19): the authenticator's secret (sealed, bound to
    /// the user's row; a new one waits as `pending_secret` until a code from it is typed), the last
    /// time step a code was accepted for (a code is never accepted twice), the one-time recovery
    /// codes (keyed hashes only), the sign-ins waiting for their code (hashed tokens), and whether
    /// an association requires the factor of every staff role (admins always need it).
    static let secondFactor = Migration(version: 27, name: "second factor: authenticator, recovery codes, pending sign-ins") { db, _ in
        try await db.create(table: "second_factors")
            .column("user_id", type: .bigint, .primaryKey(autoIncrement: false), .references("users", "id"))
            .column("secret", type: .text)
            .column("enrolled_at", type: .bigint)
            .column("last_step", type: .bigint, .notNull, .default(0))
            .column("pending_secret", type: .text)
            .column("pending_since", type: .bigint)
            .run()
        try await db.create(table: "recovery_codes")
            .column("user_id", type: .bigint, .notNull, .references("users", "id"))
            .column("code_hash", type: .text, .notNull)
            .column("used_at", type: .bigint)
            .primaryKey("user_id", "code_hash")
            .run()
        try await db.create(table: "pending_sign_ins")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .bigint, .notNull, .references("users", "id"))
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.create(table: "sign_in_settings")
            .column("association_id", type: .bigint, .primaryKey(autoIncrement: false), .references("associations", "id"))
            .column("requires_second_factor", type: .int, .notNull, .default(0))
            .run()
    }
}

extension Migrations {
    /// Sign-in through an association's identity provider (OpenID Connect, issue 19): the provider's
    /// settings (the client secret sealed), the sign-ins under way (the `state` and the browser's
    /// binding kept only as hashes, with the nonce and PKCE verifier they need), each account's link
    /// to the person the provider vouches for (made at the first sign-in), the external id an admin
    /// gives an account when the provider names people by something other than the e-mail address,
    /// and whether a session was opened by the provider (its sign-out is offered then).
    static let identityProviders = Migration(version: 28, name: "sign-in through the association's identity provider") { db, _ in
        try await db.create(table: "identity_providers")
            .column("association_id", type: .bigint, .primaryKey(autoIncrement: false), .references("associations", "id"))
            .column("issuer", type: .text, .notNull)
            .column("client_id", type: .text, .notNull)
            .column("client_secret", type: .text, .notNull)
            .column("user_claim", type: .text, .notNull)
            .column("required_acr", type: .text)
            .column("allows_password", type: .int, .notNull, .default(1))
            .run()
        try await db.create(table: "identity_provider_logins")
            .column("state_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("browser_hash", type: .text, .notNull)
            .column("association_id", type: .bigint, .notNull, .references("associations", "id"))
            .column("nonce", type: .text, .notNull)
            .column("code_verifier", type: .text, .notNull)
            .column("redirect_uri", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        try await db.alter(table: "users").column("identity_subject", type: .text).run()
        try await db.alter(table: "users").column("external_id", type: .text).run()
        try await db.alter(table: "sessions").column("via_identity_provider", type: .int, .notNull, .default(0)).run()
    }
}
