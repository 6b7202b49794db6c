import Foundation

/// Whether the audited attempt went through.
public enum AuditResult: String, Sendable, Codable, CaseIterable {
    case success
    case denied
    case failure
}

/// One row of the audit log: who did what to which object, when (UTC), and how it went; for rows
/// chained with the key also the unit concerned, the client's address and the session.
public struct AuditEntry: Hashable, Sendable {
    /// Seconds since 1970 in UTC, whole seconds so every database stores the same value.
    public var occurredAt: Int64
    public var userID: UserID?
    public var role: Role?
    public var action: String
    public var objectType: String
    public var objectID: String?
    public var associationID: AssociationID?
    public var result: AuditResult
    /// The unit the object belongs to (a participant's, a unit's own), when there is one.
    public var unitID: UnitID?
    /// The client's address as the server believes it (after --trusted-proxies).
    public var sourceAddress: String?
    /// A short keyed hash naming the session: rows of one session match, and it opens nothing.
    public var sessionID: String?

    public init(
        occurredAt: Date,
        userID: UserID?,
        role: Role?,
        action: String,
        objectType: String,
        objectID: String?,
        associationID: AssociationID?,
        result: AuditResult,
        unitID: UnitID? = nil,
        sourceAddress: String? = nil,
        sessionID: String? = nil
    ) {
        self.occurredAt = Int64(occurredAt.timeIntervalSince1970.rounded(.down))
        self.userID = userID
        self.role = role
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.associationID = associationID
        self.result = result
        self.unitID = unitID
        self.sourceAddress = sourceAddress
        self.sessionID = sessionID
    }

    /// A principal acting on something. A row about a unit itself names it as the unit concerned.
    public init(
        at date: Date,
        by principal: Principal?,
        action: AuditAction,
        objectType: String,
        objectID: String? = nil,
        associationID: AssociationID? = nil,
        unitID: UnitID? = nil,
        result: AuditResult = .success
    ) {
        self.init(
            occurredAt: date,
            userID: principal?.userID,
            role: principal?.role,
            action: action.rawValue,
            objectType: objectType,
            objectID: objectID,
            associationID: associationID ?? principal?.associationID,
            result: result,
            unitID: unitID ?? (objectType == "unit" ? objectID.flatMap { Int64($0) }.map { UnitID($0) } : nil)
        )
    }

    /// A principal acting on a participant: the participant's unit is recorded with them.
    public init(at date: Date, by principal: Principal?, action: AuditAction, participant: Participant, result: AuditResult = .success) {
        self.init(
            at: date,
            by: principal,
            action: action,
            objectType: "participant",
            objectID: participant.id.description,
            associationID: participant.associationID,
            unitID: participant.unitID,
            result: result
        )
    }
}

/// Where the request being served comes from, set once per request by the web layer so every audit
/// row written while serving it carries the address and session without each service passing them.
public struct AuditOrigin: Sendable, Equatable {
    public var sourceAddress: String?
    public var sessionID: String?

    public init(sourceAddress: String?, sessionID: String?) {
        self.sourceAddress = sourceAddress
        self.sessionID = sessionID
    }

    /// The origin of the request this task serves; nil outside a request (the command line).
    @TaskLocal public static var current: AuditOrigin?
}

extension AuditEntry {
    /// The entry with the address and session of `origin` where it names none of its own.
    public func from(_ origin: AuditOrigin?) -> AuditEntry {
        guard let origin else { return self }
        var entry = self
        entry.sourceAddress = sourceAddress ?? origin.sourceAddress
        entry.sessionID = sessionID ?? origin.sessionID
        return entry
    }
}

/// A stored audit row: the entry, its position, and the hashes that chain it to the row before.
public struct AuditRecord: Hashable, Sendable {
    public let sequence: Int64
    public let entry: AuditEntry
    public let previousHash: String
    public let hash: String
    /// How the row was chained: rows from before the key carry `.sha256`.
    public let scheme: AuditChain.Scheme

    public init(sequence: Int64, entry: AuditEntry, previousHash: String, hash: String, scheme: AuditChain.Scheme = .keyed) {
        self.sequence = sequence
        self.entry = entry
        self.previousHash = previousHash
        self.hash = hash
        self.scheme = scheme
    }
}
