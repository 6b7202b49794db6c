import Foundation
import FramstegCore
import SQLKit

/// What the demo steps have created so far, for the steps after them to build on.
public struct DemoContext: Sendable {
    public var association: Association?
    public var municipalities: [Municipality] = []
    public var units: [OrganisationUnit] = []
    /// Counsellors and managers per unit, who record the demo journeys.
    public var staff: [UnitID: [UserID]] = [:]
    /// Demo sign-ins in the order they are printed.
    public var signIns: [DemoSignIn] = []
    public let now: Date

    public init(now: Date) { self.now = now }
}

/// One demo account, printed so a newcomer can sign in.
public struct DemoSignIn: Sendable, Equatable {
    public let role: Role
    public let email: String
    public let password: String
}

/// One part of the demo data. Later features add a step (participants, measurements, surveys) to `DemoData.steps`.
public protocol DemoStep: Sendable {
    var name: String { get }
    func apply(to context: inout DemoContext, db: any SQLDatabase) async throws
}

/// The demo association from the customer's seeds: Insjöriket, five municipalities, one ACTivera unit each.
public struct DemoOrganisationStep: DemoStep {
    public let name = "organisation"

    /// Budgeted places per municipality (seed 000): 475 places in all.
    public static let places: [(municipality: String, places: Int)] = [
        ("Mölndal", 145), ("Partille", 80), ("Härryda", 80), ("Lerum", 85), ("Alingsås", 85),
    ]
    /// Each unit's budget (seed 000's "Budgetfördelning" for 2024): 9 550 000 kr in all.
    public static let budgets: [String: Int] = [
        "Mölndal": 2_750_000, "Partille": 1_500_000, "Härryda": 1_500_000, "Lerum": 1_650_000, "Alingsås": 1_650_000,
    ]
    public static let years = [2024, 2025, 2026]

    public init() {}

    public func apply(to context: inout DemoContext, db: any SQLDatabase) async throws {
        let organisation = OrganisationRepository(db)
        let association = try await organisation.createAssociation(
            name: "Samordningsförbundet Insjöriket",
            organisationNumber: "222000-0000",
            now: context.now
        )
        context.association = association
        for entry in Self.places {
            let municipality = try await organisation.createMunicipality(in: association.id, name: entry.municipality)
            let unit = try await organisation.createUnit(
                in: association.id,
                municipalityID: municipality.id,
                name: "ACTivera \(entry.municipality)"
            )
            for year in Self.years {
                try await organisation.setPlaces(
                    BudgetedPlaces(unitID: unit.id, year: year, places: entry.places, budget: Self.budgets[entry.municipality])
                )
            }
            context.municipalities.append(municipality)
            context.units.append(unit)
        }
        try await GoalRepository(db).add(Self.goals(at: context.now), of: association.id, by: nil)
    }

    /// Insjöriket's board's goals (seed 000, "Mål och uppdrag 2024–2026"): at least half of the
    /// participants measured and 75 % of the budgeted places used in 2024, rising to 80 % measured
    /// and every place used by 2026.
    public static func goals(at now: Date) -> [GoalSetting] {
        [
            GoalSetting(kind: .measurementCoverage, year: 2024, level: 0.5, setAt: now),
            GoalSetting(kind: .placesUsed, year: 2024, level: 0.75, setAt: now),
            GoalSetting(kind: .measurementCoverage, year: 2026, level: 0.8, setAt: now),
            GoalSetting(kind: .placesUsed, year: 2026, level: 1.0, setAt: now),
        ]
    }
}

/// One user per role, with fixed demo passwords (this is a demo database, never a real one); the
/// office user holds the right to make both national deliveries. Insjöriket requires a second
/// factor of all staff, and every demo user's authenticator is already set up with the one demo
/// secret, printed and in the README, so a tester adds it to an app (or runs `framsteg demo-code`).
public struct DemoUsersStep: DemoStep {
    public let name = "users"
    let hashPassword: @Sendable (String) async throws -> String
    let keyring: FieldKeyring

    /// The demo users' authenticator secret, Base32 as apps take it. Public on purpose: demo only.
    public static let authenticatorSecret = "FRAMSTEGDEMOINSJORIKETTOTPDEMOAA"

    public static let accounts: [(role: Role, email: String, name: String, password: String, unitIndex: Int?)] = [
        (.admin, "admin@insjoriket.demo", "Alva Admin", "Demo-Admin-Insjo-26", nil),
        (.office, "kansli@insjoriket.demo", "Kim Kansli", "Demo-Kansli-Insjo-26", nil),
        (.manager, "chef.molndal@insjoriket.demo", "Maria Chef", "Demo-Chef-Molndal-26", 0),
        (.counsellor, "handledare.molndal@insjoriket.demo", "Hassan Handledare", "Demo-Handl-Molndal-26", 0),
        // A second counsellor in Mölndal, so participants there can change counsellor (continuity).
        (.counsellor, "handledare2.molndal@insjoriket.demo", "Nora Handledare", "Demo-Handl2-Molndal-26", 0),
        (.counsellor, "handledare.partille@insjoriket.demo", "Petra Handledare", "Demo-Handl-Partille-26", 1),
        (.counsellor, "handledare.harryda@insjoriket.demo", "Hugo Handledare", "Demo-Handl-Harryda-26", 2),
        (.counsellor, "handledare.lerum@insjoriket.demo", "Leyla Handledare", "Demo-Handl-Lerum-26", 3),
        (.counsellor, "handledare.alingsas@insjoriket.demo", "Alma Handledare", "Demo-Handl-Alingsas-26", 4),
    ]

    public init(hashPassword: @escaping @Sendable (String) async throws -> String, keyring: FieldKeyring) {
        self.hashPassword = hashPassword
        self.keyring = keyring
    }

    public func apply(to context: inout DemoContext, db: any SQLDatabase) async throws {
        guard let association = context.association else { throw StoreError.notFound("demo association") }
        let users = UserRepository(db)
        let factors = SecondFactorRepository(db, keyring: keyring)
        let secret = Base32.decode(Self.authenticatorSecret) ?? []
        try await SignInSettingsRepository(db).setRequiresSecondFactor(association.id, true)
        for account in Self.accounts {
            let units = account.unitIndex.map { Set([context.units[$0].id]) } ?? []
            let user = try await users.create(
                in: association.id,
                email: account.email,
                name: account.name,
                role: account.role,
                unitIDs: units,
                passwordHash: try await hashPassword(account.password),
                now: context.now
            )
            if account.role == .counsellor, let unit = units.first { context.staff[unit, default: []].append(user.id) }
            // The demo's office makes both national deliveries, so the demo shows them.
            if account.role == .office { try await users.setDeliveries(user.id, Set(NationalDelivery.allCases)) }
            try await factors.setPending(user.id, secret: secret, now: context.now)
            try await factors.confirmPending(user.id, secret: secret, step: 0, recoveryCodes: [], now: context.now)
            context.signIns.append(DemoSignIn(role: account.role, email: account.email, password: account.password))
        }
    }
}

/// Runs the demo steps in one transaction on a freshly migrated database.
public struct DemoData: Sendable {
    public let steps: [any DemoStep]

    public init(
        hashPassword: @escaping @Sendable (String) async throws -> String,
        keyring: FieldKeyring,
        today: Day,
        participants: Int = 600
    ) {
        steps = [
            DemoOrganisationStep(), DemoUsersStep(hashPassword: hashPassword, keyring: keyring),
            DemoParticipantsStep(keyring: keyring, count: participants, today: today),
        ]
    }

    public func seed(_ store: Store, now: Date = Date()) async throws -> DemoContext {
        let steps = self.steps
        return try await store.write { db in
            var context = DemoContext(now: now)
            for step in steps { try await step.apply(to: &context, db: db) }
            if let association = context.association {
                try await AuditLog(db).append(
                    AuditEntry(
                        occurredAt: now,
                        userID: nil,
                        role: nil,
                        action: AuditAction.demoSeed.rawValue,
                        objectType: "association",
                        objectID: association.id.description,
                        associationID: association.id,
                        result: .success
                    )
                )
            }
            return context
        }
    }
}

extension Store {
    /// Whether any association exists: the demo refuses to wipe a database in use unless told to.
    public func hasData() async throws -> Bool {
        try await read { db in
            // A database that was never migrated has no associations table: nothing to lose.
            let rows = try? await db.select().column("id").from("associations").limit(1).all()
            return !(rows ?? []).isEmpty
        }
    }

    /// Removes every Framsteg table of a PostgreSQL database, for `demo --replace`.
    public func dropEverything() async throws {
        try await write { db in
            guard db.isPostgres else { return }
            try await db.raw("DROP SCHEMA public CASCADE").run()
            try await db.raw("CREATE SCHEMA public").run()
        }
    }
}
