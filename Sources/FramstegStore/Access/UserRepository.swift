import Foundation
import FramstegCore
import SQLKit

/// Staff accounts: who they are, their role, their units, their password hash.
public struct UserRepository: Sendable {
    let db: any SQLDatabase

    public init(_ db: any SQLDatabase) { self.db = db }

    static let columns = ["id", "association_id", "email", "name", "role", "is_disabled", "language", "may_open_records", "deliveries"]

    public func create(
        in associationID: AssociationID,
        email: String,
        name: String,
        role: Role,
        unitIDs: Set<UnitID>,
        passwordHash: String,
        now: Date
    ) async throws -> User {
        let id = UserID(
            try await db.insertReturningID(
                db.insert(into: "users")
                    .columns("association_id", "email", "name", "role", "password_hash", "is_disabled", "created_at")
                    .values(
                        SQLBind(associationID.rawValue),
                        SQLBind(email),
                        SQLBind(name),
                        SQLBind(role.rawValue),
                        SQLBind(passwordHash),
                        SQLBind(false),
                        SQLBind(now.storedSeconds)
                    )
            )
        )
        try await replaceUnits(of: id, with: unitIDs)
        return User(id: id, associationID: associationID, email: email, name: name, role: role, unitIDs: unitIDs)
    }

    public func user(_ id: UserID) async throws -> User? {
        guard let row = try await db.select().columns(Self.columns).from("users").where("id", .equal, id.rawValue).first()
        else { return nil }
        return try await user(from: row)
    }

    /// The accounts that sign in with this e-mail, oldest first, with the stored hashes to check the
    /// password against. An address is unique within an association, so a person who works for
    /// two has an account in each.
    public func credentials(email: String) async throws -> [(user: User, passwordHash: String)] {
        var found: [(user: User, passwordHash: String)] = []
        for row in try await db.select().columns(Self.columns + ["password_hash"]).from("users")
            .where("email", .equal, Email.normalised(email)).orderBy("id").all()
        {
            found.append((try await user(from: row), try row.decode(column: "password_hash", as: String.self)))
        }
        return found
    }

    /// The stored password hash of one account.
    public func passwordHash(of id: UserID) async throws -> String? {
        try await db.select().column("password_hash").from("users").where("id", .equal, id.rawValue).first()?
            .decode(column: "password_hash", as: String.self)
    }

    public func users(of associationID: AssociationID) async throws -> [User] {
        let rows = try await db.select().columns(Self.columns).from("users")
            .where("association_id", .equal, associationID.rawValue).orderBy("name").all()
        let memberships = try await unitMemberships(associationID: associationID)
        return try rows.map { try Self.user(from: $0, unitIDs: memberships[try $0.id("id")] ?? []) }
    }

    /// Whether an account of the association has this address. Other associations' accounts are
    /// not consulted: an admin learns nothing about who has an account elsewhere.
    public func isEmailTaken(_ email: String, in associationID: AssociationID, excluding: UserID? = nil) async throws -> Bool {
        guard
            let row = try await db.select().column("id").from("users").where("email", .equal, Email.normalised(email))
                .where("association_id", .equal, associationID.rawValue).first()
        else { return false }
        return try row.id("id") != excluding
    }

    public func update(_ id: UserID, name: String, role: Role, unitIDs: Set<UnitID>) async throws {
        try await db.update("users").set("name", to: name).set("role", to: role.rawValue).where("id", .equal, id.rawValue).run()
        try await replaceUnits(of: id, with: unitIDs)
    }

    public func setDisabled(_ id: UserID, _ isDisabled: Bool) async throws {
        try await db.update("users").set("is_disabled", to: isDisabled).where("id", .equal, id.rawValue).run()
    }

    /// Grants or withdraws a manager's right to open their units' participants' records.
    public func setMayOpenRecords(_ id: UserID, _ may: Bool) async throws {
        try await db.update("users").set("may_open_records", to: may ? 1 : 0).where("id", .equal, id.rawValue).run()
    }

    /// Replaces the national deliveries an office user may make.
    public func setDeliveries(_ id: UserID, _ deliveries: Set<NationalDelivery>) async throws {
        try await db.update("users").set("deliveries", to: Self.stored(deliveries)).where("id", .equal, id.rawValue).run()
    }

    /// The deliveries as stored: raw values, sorted, comma-separated.
    static func stored(_ deliveries: Set<NationalDelivery>) -> String {
        deliveries.map(\.rawValue).sorted().joined(separator: ",")
    }

    /// The deliveries a stored value names. A value this version does not know grants nothing:
    /// a right is never read into one it was not given as.
    static func deliveries(stored text: String) -> Set<NationalDelivery> {
        Set(text.split(separator: ",").compactMap { NationalDelivery(rawValue: String($0)) })
    }

    public func setPasswordHash(_ id: UserID, _ hash: String) async throws {
        try await db.update("users").set("password_hash", to: hash).where("id", .equal, id.rawValue).run()
    }

    /// Replaces the account's one-time setup link (nil removes it). The password stops working at
    /// once when `unsetPassword` is given: a reset must not leave the old one usable.
    public func setSetupToken(_ id: UserID, hash: String?, expiresAt: Date?, unsetPassword: Bool) async throws {
        var update = db.update("users").set("setup_token_hash", to: SQLBind(hash)).set(
            "setup_expires_at",
            to: SQLBind(expiresAt?.storedSeconds)
        )
        if unsetPassword { update = update.set("password_hash", to: SQLBind(Self.unusablePasswordHash)) }
        try await update.where("id", .equal, id.rawValue).run()
    }

    /// The enabled account whose setup link has this token hash and has not expired.
    public func user(setupTokenHash hash: String, now: Date) async throws -> User? {
        guard
            let row = try await db.select().columns(Self.columns).from("users")
                .where("setup_token_hash", .equal, hash).where("setup_expires_at", .greaterThan, now.storedSeconds)
                .where("is_disabled", .equal, SQLBind(false)).first()
        else { return nil }
        return try await user(from: row)
    }

    /// What an account without a password of its own has as its hash: matches no password (the
    /// sign-in checks the dummy hash instead, so it takes as long as any other refusal).
    public static let unusablePasswordHash = "!"

    public func setLanguage(_ id: UserID, _ language: Language?) async throws {
        try await db.update("users").set("language", to: language?.rawValue).where("id", .equal, id.rawValue).run()
    }

    private func replaceUnits(of id: UserID, with unitIDs: Set<UnitID>) async throws {
        try await db.delete(from: "user_units").where("user_id", .equal, id.rawValue).run()
        for unitID in unitIDs.sorted() {
            try await db.insert(into: "user_units").columns("user_id", "unit_id")
                .values(SQLBind(id.rawValue), SQLBind(unitID.rawValue)).run()
        }
    }

    private func unitMemberships(associationID: AssociationID) async throws -> [UserID: Set<UnitID>] {
        let rows = try await db.select()
            .columns(SQLColumn("user_id", table: "user_units"), SQLColumn("unit_id", table: "user_units"))
            .from("user_units")
            .join("users", on: SQLColumn("id", table: "users"), .equal, SQLColumn("user_id", table: "user_units"))
            .where(SQLColumn("association_id", table: "users"), .equal, SQLBind(associationID.rawValue))
            .all()
        var result: [UserID: Set<UnitID>] = [:]
        for row in rows { result[try row.id("user_id"), default: []].insert(try row.id("unit_id")) }
        return result
    }

    private func user(from row: any SQLRow) async throws -> User {
        let id: UserID = try row.id("id")
        let units = try await db.select().column("unit_id").from("user_units").where("user_id", .equal, id.rawValue).all()
            .map { try $0.id("unit_id") as UnitID }
        return try Self.user(from: row, unitIDs: Set(units))
    }

    static func user(from row: any SQLRow, unitIDs: Set<UnitID>) throws -> User {
        let roleText = try row.decode(column: "role", as: String.self)
        guard let role = Role(rawValue: roleText) else { throw StoreError.notFound("role \(roleText)") }
        return User(
            id: try row.id("id"),
            associationID: try row.id("association_id"),
            email: try row.decode(column: "email", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            role: role,
            unitIDs: unitIDs,
            isDisabled: try row.decode(column: "is_disabled", as: Bool.self),
            language: try row.decode(column: "language", as: String?.self).flatMap(Language.init(rawValue:)),
            mayOpenRecords: try row.decode(column: "may_open_records", as: Int.self) != 0,
            deliveries: Self.deliveries(stored: try row.decode(column: "deliveries", as: String.self))
        )
    }
}
