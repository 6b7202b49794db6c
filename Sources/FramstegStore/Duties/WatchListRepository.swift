import Foundation
import FramstegCore
import SQLKit

/// Why a person's every read is checked at a log review.
public enum WatchReason: String, CaseIterable, Sendable {
    /// Marked on the record: protected personal data (always watched, not listed here).
    case protectedIdentity = "protected-identity"
    /// A relative of someone on the staff.
    case staffRelative = "staff-relative"
    /// A person of particular interest (known in the community, in the news).
    case particularInterest = "particular-interest"
}

/// One person on the watch list, as the review page lists them (name opened).
public struct WatchedPerson: Hashable, Sendable {
    public let participantID: ParticipantID
    public let name: String
    public let unitID: UnitID
    public let reason: WatchReason
}

/// The log review's watch list: people the admin has added, and everyone with protected personal
/// data, whose reads a review always checks.
public struct WatchListRepository: Sendable {
    let db: any SQLDatabase
    let keyring: FieldKeyring

    public init(_ db: any SQLDatabase, keyring: FieldKeyring) {
        self.db = db
        self.keyring = keyring
    }

    public func add(_ participant: ParticipantID, reason: WatchReason, by user: UserID, now: Date) async throws {
        try await db.delete(from: "watch_list").where("participant_id", .equal, participant.rawValue).run()
        try await db.insert(into: "watch_list").columns("participant_id", "reason", "added_by", "added_at")
            .values(SQLBind(participant.rawValue), SQLBind(reason.rawValue), SQLBind(user.rawValue), SQLBind(now.storedSeconds)).run()
    }

    public func remove(_ participant: ParticipantID) async throws {
        try await db.delete(from: "watch_list").where("participant_id", .equal, participant.rawValue).run()
    }

    /// Everyone watched in the association: those added, then those with protected personal data.
    public func watched(in association: AssociationID) async throws -> [WatchedPerson] {
        let sealed = SealedColumns(keyring, table: "participants")
        var people: [WatchedPerson] = []
        for row in try await db.select().columns(
            SQLColumn("id", table: "participants"),
            SQLColumn("name"),
            SQLColumn("unit_id"),
            SQLColumn("reason")
        )
        .from("watch_list").join(
            "participants",
            on: SQLColumn("participant_id", table: "watch_list"),
            .equal,
            SQLColumn("id", table: "participants")
        )
        .where(SQLColumn("association_id", table: "participants"), .equal, SQLBind(association.rawValue)).all() {
            people.append(
                WatchedPerson(
                    participantID: try row.id("id"),
                    name: try sealed.open("name", in: row) ?? "",
                    unitID: try row.id("unit_id"),
                    reason: WatchReason(rawValue: try row.decode(column: "reason", as: String.self)) ?? .particularInterest
                )
            )
        }
        let listed = Set(people.map(\.participantID))
        for row in try await db.select().columns("id", "name", "unit_id").from("participants")
            .where("association_id", .equal, association.rawValue).where("is_protected", .equal, 1).all()
        {
            let id: ParticipantID = try row.id("id")
            guard !listed.contains(id) else { continue }
            people.append(
                WatchedPerson(
                    participantID: id,
                    name: try sealed.open("name", in: row) ?? "",
                    unitID: try row.id("unit_id"),
                    reason: .protectedIdentity
                )
            )
        }
        return people.sorted { ($0.name, $0.participantID.rawValue) < ($1.name, $1.participantID.rawValue) }
    }
}
