import Foundation
import FramstegCore
import SQLKit

/// The database side of `framsteg import participants`: finds the rows the duplicate rule refuses,
/// and writes the rows in one transaction (all of them or none), with one audit row.
public struct ParticipantImporter: Sendable {
    let store: Store
    let keyring: FieldKeyring

    /// A row the duplicate rule refused while writing (someone registered the person after the
    /// check): nothing of the file was written.
    public struct AlreadyUnderWay: Error, Equatable, Sendable {
        public let line: Int
    }

    public init(store: Store, keyring: FieldKeyring) {
        self.store = store
        self.keyring = keyring
    }

    /// The units whose id or exact name is `argument` (one, unless names repeat across associations).
    public func units(named argument: String) async throws -> [OrganisationUnit] {
        try await store.read { db in
            try await OrganisationRepository(db).allUnits().filter { $0.id.description == argument || $0.name == argument }
        }
    }

    /// The municipalities a row's home municipality is checked against.
    public func municipalities(of unit: OrganisationUnit) async throws -> [Municipality] {
        try await store.read { db in try await OrganisationRepository(db).municipalities(of: unit.associationID) }
    }

    /// Rows that `registerUnlessUnderWay` would refuse: the person already has a journey under way
    /// in the unit. (A person twice in one file is the file's own problem, found by
    /// `ParticipantImport.check`.)
    public func alreadyRegistered(
        _ rows: [ParticipantImport.ValidRow],
        in unit: OrganisationUnit,
        column: String
    ) async throws -> [ParticipantImport.RowProblem] {
        let keyring = self.keyring
        return try await store.read { db in
            let participants = ParticipantRepository(db, keyring: keyring)
            var problems: [ParticipantImport.RowProblem] = []
            for row in rows where try await participants.journeyUnderWay(of: row.participant.personalIdentityNumber, in: unit) != nil {
                problems.append(
                    ParticipantImport.RowProblem(line: row.line, field: "personalIdentityNumber", column: column, problem: .alreadyTaken)
                )
            }
            return problems
        }
    }

    /// Registers every row in `unit` (started ones through the information conversation and the
    /// start, as the state machine allows) in one transaction. Returns how many were written; a row
    /// the duplicate rule refuses throws `AlreadyUnderWay` and nothing is written.
    public func write(
        _ rows: [ParticipantImport.ValidRow],
        into unit: OrganisationUnit,
        today: Day,
        now: Date,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> Int {
        let keyring = self.keyring
        return try await store.write { db in
            let participants = ParticipantRepository(db, keyring: keyring)
            for (done, row) in rows.enumerated() {
                let registration = try await participants.registerUnlessUnderWay(
                    row.participant,
                    unit: unit,
                    on: row.registeredOn,
                    by: nil,
                    now: now
                )
                guard case .registered(let id) = registration else { throw AlreadyUnderWay(line: row.line) }
                if let started = row.startedOn {
                    try await Self.recordStart(
                        of: id,
                        on: started,
                        registeredOn: row.registeredOn,
                        today: today,
                        in: participants,
                        now: now
                    )
                }
                progress(done + 1, rows.count)
            }
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: nil,
                    action: .participantImport,
                    objectType: "unit",
                    objectID: unit.id.description,
                    associationID: unit.associationID
                )
            )
            return rows.count
        }
    }

    /// A row that has started goes through the information conversation and the start, as the state
    /// machine allows, recorded by no one (the import).
    static func recordStart(
        of id: ParticipantID,
        on started: Day,
        registeredOn: Day,
        today: Day,
        in participants: ParticipantRepository,
        now: Date
    ) async throws {
        let system = UserID(0)
        let informed = try Journey.transition(
            from: .registered,
            .informationConversation,
            on: started,
            previousDay: registeredOn,
            today: today,
            by: system
        )
        let start = try Journey.transition(from: .informed, .start, on: started, previousDay: started, today: today, by: system)
        for step in [informed, start] {
            try await participants.record(step, participant: id, recordedBy: nil, now: now)
        }
    }
}
