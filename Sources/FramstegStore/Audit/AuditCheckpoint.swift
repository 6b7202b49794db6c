import Foundation
import FramstegCore

/// A signed statement of the audit log's head at a moment: "row `sequence` had hash `hash` at `time`",
/// kept outside the database. A later rewrite of that row, or a cut tail that removed it, no longer
/// matches; without the audit key no one can make a checkpoint that does.
///
/// Signed with HMAC-SHA256 under a key derived from the audit key: whoever verifies needs that key to
/// check the keyed chain anyway, so an asymmetric signature would protect against no one more.
public struct AuditCheckpoint: Equatable, Sendable {
    public let sequence: Int64
    public let hash: String
    /// Seconds since 1970, UTC.
    public let time: Int64

    /// What every checkpoint line starts with (after whatever prefix a system log puts before it).
    public static let marker = "framsteg-audit-checkpoint"
    static let version = "v1"

    public init(sequence: Int64, hash: String, time: Int64) {
        self.sequence = sequence
        self.hash = hash
        self.time = time
    }

    var signedText: String { [Self.marker, Self.version, String(sequence), hash, String(time)].joined(separator: "|") }

    /// One line: `framsteg-audit-checkpoint v1 <sequence> <hash> <time> <ISO time> <signature>`.
    public func line(signedWith key: AuditKey) -> String {
        let iso = Date(timeIntervalSince1970: TimeInterval(time)).formatted(.iso8601)
        return [Self.marker, Self.version, String(sequence), hash, String(time), iso, key.checkpointSignature(signedText)]
            .joined(separator: " ")
    }

    /// A line as read back: the checkpoint if it is well formed and its signature is the key's.
    public enum Reading: Equatable, Sendable {
        case signed(AuditCheckpoint)
        case badSignature(AuditCheckpoint)
        case malformed
    }

    /// Reads a line from a checkpoint file or a system log extract; nil when it holds no checkpoint.
    public static func read(_ line: some StringProtocol, key: AuditKey) -> Reading? {
        guard let start = line.range(of: marker) else { return nil }
        let parts = String(line[start.lowerBound...]).split(separator: " ").map(String.init)
        guard parts.count == 7, parts[1] == version, let sequence = Int64(parts[2]), sequence >= 0, let time = Int64(parts[4]),
            parts[3].count == 64
        else { return .malformed }
        let checkpoint = AuditCheckpoint(sequence: sequence, hash: parts[3], time: time)
        return key.isCheckpointSignature(parts[6], of: checkpoint.signedText) ? .signed(checkpoint) : .badSignature(checkpoint)
    }
}

/// What comparing checkpoints with the log found; each finding names the checkpoint's line.
public enum AuditCheckpointFinding: Equatable, Sendable, CustomStringConvertible {
    /// The file held no checkpoint at all.
    case none
    case malformed(line: Int)
    /// The line's signature is not the audit key's: it was forged or altered.
    case badSignature(line: Int, sequence: Int64)
    /// The checkpoint names a row the log no longer has: rows were cut from the end.
    case tailCut(line: Int, sequence: Int64, lastRow: Int64)
    /// The row is there but its hash is not the one signed: the log was rewritten up to that row.
    case rewritten(line: Int, sequence: Int64)

    public var description: String {
        switch self {
        case .none: "the checkpoint file holds no checkpoint"
        case .malformed(let line): "checkpoint line \(line) is malformed"
        case .badSignature(let line, let sequence):
            "checkpoint line \(line) (row \(sequence)) has a bad signature: it was forged or altered"
        case .tailCut(let line, let sequence, let lastRow):
            "checkpoint line \(line) names row \(sequence), but the log ends at row \(lastRow): its tail was cut"
        case .rewritten(let line, let sequence):
            "checkpoint line \(line): row \(sequence) no longer has the hash it had then: the log was rewritten"
        }
    }
}

extension AuditLog {
    /// A checkpoint of the log's head now, for writing to a sink outside the database.
    public func checkpoint(at date: Date) async throws -> AuditCheckpoint {
        let head = try await head()
        return AuditCheckpoint(sequence: head.sequence, hash: head.hash, time: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// Compares every checkpoint in `text` (one a line; other lines are ignored) with the rows.
    public func check(checkpoints text: String) async throws -> [AuditCheckpointFinding] {
        guard let key else { throw KeyMissing() }
        let head = try await head()
        // Rows retention removed are vouched for by the anchor: a checkpoint at it is compared with
        // its hash, one below it can no longer be.
        let anchor = try await latestAnchor()
        var findings: [AuditCheckpointFinding] = []
        var found = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let reading = AuditCheckpoint.read(line, key: key) else { continue }
            found += 1
            let number = index + 1
            switch reading {
            case .malformed: findings.append(.malformed(line: number))
            case .badSignature(let checkpoint): findings.append(.badSignature(line: number, sequence: checkpoint.sequence))
            case .signed(let checkpoint):
                if checkpoint.sequence == 0 {
                    if checkpoint.hash != AuditChain.genesis { findings.append(.rewritten(line: number, sequence: 0)) }
                } else if checkpoint.sequence > head.sequence {
                    findings.append(.tailCut(line: number, sequence: checkpoint.sequence, lastRow: head.sequence))
                } else if let anchor, checkpoint.sequence <= anchor.through {
                    if checkpoint.sequence == anchor.through, checkpoint.hash != anchor.hash {
                        findings.append(.rewritten(line: number, sequence: checkpoint.sequence))
                    }
                } else if try await hash(at: checkpoint.sequence) != checkpoint.hash {
                    findings.append(.rewritten(line: number, sequence: checkpoint.sequence))
                }
            }
        }
        return found == 0 ? [.none] : findings
    }
}
