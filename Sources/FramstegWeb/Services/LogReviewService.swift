import Foundation
import FramstegCore
import FramstegStore
import SQLKit

/// The log review (loggkontroll) and the log extract (loggutdrag): searching the audit log, the
/// sample of reads to check with every read of a watched person, the record of each review, the
/// watch list, and for one person who read or changed their data. Each of these is itself audited.
struct LogReviewService {
    let store: Store
    let keyring: FieldKeyring
    let now: @Sendable () -> Date

    /// How many rows a page of the search shows.
    static let pageSize = 50

    /// The names a page shows beside the ids the log holds.
    struct Names: Sendable {
        let users: [UserID: (name: String, role: Role)]
        let units: [UnitID: String]
    }

    struct SearchResult: Sendable {
        let records: [AuditRecord]
        let hasMore: Bool
        let names: Names
    }

    /// One page of the association's rows matching `filter`, newest first; writes that the log was searched.
    func search(_ filter: AuditFilter, page: Int, by principal: Principal) async throws -> SearchResult {
        let result = try await store.read { db in
            let found = try await AuditLog(db).search(
                filter,
                in: principal.associationID,
                offset: max(0, page - 1) * Self.pageSize,
                limit: Self.pageSize
            )
            return SearchResult(records: found.records, hasMore: found.hasMore, names: try await Self.names(principal.associationID, db))
        }
        try await store.audit(AuditEntry(at: now(), by: principal, action: .auditSearch, objectType: "audit_log"))
        return result
    }

    /// The participant of the association with this personal identity number (the newest record
    /// when there are several), nil when there is none.
    func participant(numbered text: String, by principal: Principal) async throws -> ParticipantSummary? {
        guard let number = try? PersonalIdentityNumber(parsing: text, today: now()) else { return nil }
        return try await store.read { [keyring] db in
            try await ParticipantRepository(db, keyring: keyring).all(with: number, in: principal.associationID).last
        }
    }

    /// The participant a form names by personal identity number, or nil after adding to `failure`
    /// why not (`personalIdentityNumber`: empty, or nobody in the association).
    func participant(
        numbered text: String,
        by principal: Principal,
        into failure: inout ValidationFailure
    ) async throws
        -> ParticipantSummary?
    {
        let found = try await participant(numbered: text, by: principal)
        if text.trimmed.isEmpty {
            failure.add("personalIdentityNumber", .required)
        } else if found == nil {
            failure.add("personalIdentityNumber", .notFound)
        }
        return found
    }

    struct Sample: Sendable {
        /// The rows to check, in log order.
        let records: [AuditRecord]
        let watched: [ParticipantID: WatchReason]
        /// How many reads the period holds in all.
        let readCount: Int
        let names: Names
    }

    /// The reads to check in the period: all of watched people's and `size` others at random, or
    /// the rows `keeping` when a review of them is shown again.
    func sample(from: Day, through: Day, size: Int, keeping: [Int64]? = nil, by principal: Principal) async throws -> Sample {
        let sample = try await store.read { [keyring] db in
            let log = AuditLog(db)
            let reads = try await log.reads(in: principal.associationID, from: from, through: through)
            let watched = try await WatchListRepository(db, keyring: keyring).watched(in: principal.associationID)
            var generator = SystemRandomNumberGenerator()
            let chosen =
                keeping
                ?? LogSample.choose(from: reads, watched: Set(watched.map(\.participantID)), size: size, using: &generator).map(\.sequence)
            return Sample(
                records: try await log.records(chosen, in: principal.associationID),
                watched: Dictionary(watched.map { ($0.participantID, $0.reason) }) { first, _ in first },
                readCount: reads.count,
                names: try await Self.names(principal.associationID, db)
            )
        }
        try await store.audit(AuditEntry(at: now(), by: principal, action: .auditRead, objectType: "audit_log"))
        return sample
    }

    /// Records a review of the period: the rows checked and the conclusion (required, at most 4,000 characters).
    func recordReview(from: Day, through: Day, checked: [Int64], conclusion: String, by principal: Principal) async throws {
        var failure = ValidationFailure()
        let conclusion = conclusion.trimmed
        if conclusion.isEmpty { failure.add("conclusion", .required) }
        if conclusion.count > 4000 { failure.add("conclusion", .tooLong(maximum: 4000)) }
        if !failure.problems.isEmpty { throw failure }
        let now = self.now()
        try await store.write { [keyring] db in
            let id = try await ReviewRepository(db, keyring: keyring).recordLogReview(
                in: principal.associationID,
                by: principal.userID,
                from: from,
                through: through,
                checked: checked,
                conclusion: conclusion,
                now: now
            )
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: .logReview, objectType: "log-review", objectID: String(id))
            )
        }
    }

    func reviews(by principal: Principal) async throws -> (reviews: [LogReview], names: Names) {
        try await store.read { [keyring] db in
            (
                try await ReviewRepository(db, keyring: keyring).logReviews(in: principal.associationID),
                try await Self.names(principal.associationID, db)
            )
        }
    }

    func watchList(by principal: Principal) async throws -> (watched: [WatchedPerson], names: Names) {
        try await store.read { [keyring] db in
            (
                try await WatchListRepository(db, keyring: keyring).watched(in: principal.associationID),
                try await Self.names(principal.associationID, db)
            )
        }
    }

    /// Puts the person with this personal identity number on the watch list.
    func watch(numbered text: String, reason: String, by principal: Principal) async throws {
        var failure = ValidationFailure()
        let reason = WatchReason(rawValue: reason).flatMap { $0 == .protectedIdentity ? nil : $0 }
        if reason == nil { failure.add("reason", .unknownChoice) }
        let found = try await participant(numbered: text, by: principal, into: &failure)
        guard let reason, let found, failure.problems.isEmpty else { throw failure }
        let now = self.now()
        try await store.write { [keyring] db in
            try await WatchListRepository(db, keyring: keyring).add(found.id, reason: reason, by: principal.userID, now: now)
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .watchList,
                    objectType: "participant",
                    objectID: found.id.description,
                    unitID: found.unitID
                )
            )
        }
    }

    func unwatch(_ participant: ParticipantID, by principal: Principal) async throws {
        let now = self.now()
        try await store.write { [keyring] db in
            guard let owner = try await ParticipantRepository(db, keyring: keyring).owner(of: participant),
                owner.associationID == principal.associationID
            else { return }
            try await WatchListRepository(db, keyring: keyring).remove(participant)
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .watchList,
                    objectType: "participant",
                    objectID: participant.description,
                    unitID: owner.unitID
                )
            )
        }
    }

    /// Who read or changed one person's data in the period, oldest first.
    struct LogExtract: Sendable {
        let participant: ParticipantSummary
        let from: Day
        let through: Day
        let records: [AuditRecord]
        let names: Names
        let madeAt: Date
    }

    /// The log extract for the person with this number, after writing that it was made (the row
    /// names the person, so their next extract shows it).
    func logExtract(numbered text: String, from: Day?, through: Day?, by principal: Principal) async throws -> LogExtract {
        var failure = ValidationFailure()
        let found = try await participant(numbered: text, by: principal, into: &failure)
        if from == nil { failure.add("from", .invalidDay) }
        if through == nil { failure.add("through", .invalidDay) }
        if let from, let through, through < from { failure.add("through", .endBeforeStart) }
        guard let found, let from, let through, failure.problems.isEmpty else { throw failure }
        let extract = try await store.read { db in
            LogExtract(
                participant: found,
                from: from,
                through: through,
                records: try await AuditLog(db).about(found.id, from: from, through: through),
                names: try await Self.names(principal.associationID, db),
                madeAt: now()
            )
        }
        try await store.audit(
            AuditEntry(
                at: extract.madeAt,
                by: principal,
                action: .logExtract,
                objectType: "participant",
                objectID: found.id.description,
                unitID: found.unitID
            )
        )
        return extract
    }

    static func names(_ association: AssociationID, _ db: any SQLDatabase) async throws -> Names {
        Names(
            users: Dictionary(
                uniqueKeysWithValues: try await UserRepository(db).users(of: association).map { ($0.id, ($0.name, $0.role)) }
            ),
            units: Dictionary(uniqueKeysWithValues: try await OrganisationRepository(db).units(of: association).map { ($0.id, $0.name) })
        )
    }
}
