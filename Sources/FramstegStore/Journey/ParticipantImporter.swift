import Foundation
import FramstegCore
import SQLKit

/// The database side of `framsteg import participants`: finds people who already have a journey
/// under way, and writes the rows in one transaction (all of them or none), with one audit row.
public struct ParticipantImporter: Sendable {
    let store: Store
    let keyring: FieldKeyring

    public init(store: Store, keyring: FieldKeyring) {
        self.store = store
        self.keyring = keyring
    }

    /// Rows whose person already has a journey under way in the association.
    public func alreadyRegistered(
        _ rows: [ParticipantImport.ValidRow],
        in association: AssociationID,
        column: String
    ) async throws -> [ParticipantImport.RowProblem] {
        let keyring = self.keyring
        return try await store.read { db in
            let participants = ParticipantRepository(db, keyring: keyring)
            var problems: [ParticipantImport.RowProblem] = []
            for row in rows where try await !participants.ongoing(with: row.participant.personalIdentityNumber, in: association).isEmpty {
                problems.append(
                    ParticipantImport.RowProblem(line: row.line, field: "personalIdentityNumber", column: column, problem: .alreadyTaken)
                )
            }
            return problems
        }
    }

    /// Registers every row in `unit` (started ones through the information conversation and the
    /// start, as the state machine allows) in one transaction. Returns how many were written.
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
                let id = try await participants.register(row.participant, unit: unit, on: row.registeredOn, by: nil, now: now)
                if let started = row.startedOn {
                    let system = UserID(0)
                    let informed = try Journey.transition(
                        from: .registered,
                        .informationConversation,
                        on: started,
                        previousDay: row.registeredOn,
                        today: today,
                        by: system
                    )
                    let start = try Journey.transition(from: .informed, .start, on: started, previousDay: started, today: today, by: system)
                    for step in [informed, start] {
                        try await participants.record(step, participant: id, recordedBy: nil, now: now)
                    }
                }
                progress(done + 1, rows.count)
            }
            try await AuditLog(db).append(
                AuditEntry(
                    occurredAt: now,
                    userID: nil,
                    role: nil,
                    action: AuditAction.participantImport.rawValue,
                    objectType: "unit",
                    objectID: unit.id.description,
                    associationID: unit.associationID,
                    result: .success
                )
            )
            return rows.count
        }
    }
}
