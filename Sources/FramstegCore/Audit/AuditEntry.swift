import Foundation

/// Whether the audited attempt went through.
public enum AuditResult: String, Sendable, Codable, CaseIterable {
    case success
    case denied
    case failure
}

/// One row of the audit log: who did what to which object, when (UTC), and how it went.
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

    public init(
        occurredAt: Date,
        userID: UserID?,
        role: Role?,
        action: String,
        objectType: String,
        objectID: String?,
        associationID: AssociationID?,
        result: AuditResult
    ) {
        self.occurredAt = Int64(occurredAt.timeIntervalSince1970.rounded(.down))
        self.userID = userID
        self.role = role
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.associationID = associationID
        self.result = result
    }

    /// A principal acting on something.
    public init(
        at date: Date,
        by principal: Principal?,
        action: AuditAction,
        objectType: String,
        objectID: String? = nil,
        associationID: AssociationID? = nil,
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
            result: result
        )
    }
}

/// A stored audit row: the entry, its position, and the hashes that chain it to the row before.
public struct AuditRecord: Hashable, Sendable {
    public let sequence: Int64
    public let entry: AuditEntry
    public let previousHash: String
    public let hash: String

    public init(sequence: Int64, entry: AuditEntry, previousHash: String, hash: String) {
        self.sequence = sequence
        self.entry = entry
        self.previousHash = previousHash
        self.hash = hash
    }
}
