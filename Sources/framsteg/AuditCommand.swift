import ArgumentParser
import Foundation
import FramstegCore
import FramstegStore
import Logging

/// `framsteg audit verify|checkpoint`: checks the keyed chain and the checkpoints kept outside the database.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the audit log.",
        subcommands: [Verify.self, Checkpoint.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the audit log's keyed hash chain, and compare it with signed checkpoints."
        )
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var keys: KeyOptions
        @Option(help: "Checkpoints to compare with: file:/path (a checkpoint file, or a system log extract with the lines).")
        var checkpoints: String?

        func run() async throws {
            let checkpointFile = try checkpoints.map(Self.checkpointText)
            let auditKey = try keys.keyring().auditKey
            let (verdict, findings) = try await database.withStore(logger: .framsteg(), auditKey: auditKey) { store in
                try await store.read { db in
                    let log = AuditLog(db)
                    let verdict = try await log.verify()
                    guard let checkpointFile else { return (verdict, [AuditCheckpointFinding]()) }
                    return (verdict, try await log.check(checkpoints: checkpointFile))
                }
            }
            var problems = findings.map(\.description)
            switch verdict {
            case .intact(let rows):
                let anchored = checkpointFile == nil ? "" : " and match \(checkpoints ?? "")"
                if problems.isEmpty { print("Audit log intact: \(rows) rows verified\(anchored).") }
            case .broken(let sequence, let reason):
                problems.insert("Audit log broken at row \(sequence): \(Self.describe(reason)).", at: 0)
            }
            guard problems.isEmpty else { throw CommandFailure(message: problems.joined(separator: "\n")) }
        }

        static func describe(_ reason: AuditChain.BreakReason) -> String {
            switch reason {
            case .contentChanged: "its content was changed"
            case .linkBroken: "it does not follow the row before it (a row was removed, inserted or reordered)"
            case .unkeyed: "it claims to be chained without the key where only keyed rows may be (the log was rewritten)"
            }
        }

        static func checkpointText(_ argument: String) throws -> String {
            guard case .file(let path) = AuditCheckpointSink(parsing: argument) else {
                throw CommandFailure(message: "--checkpoints takes file:/path (extract the lines from a system log into a file)")
            }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CommandFailure(message: "cannot read the checkpoint file \(path)")
            }
            return text
        }
    }

    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a signed checkpoint of the audit log's head now.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var keys: KeyOptions
        @OptionGroup var sink: CheckpointOptions

        func run() async throws {
            guard let sink = try sink.sink() else {
                throw CommandFailure(message: "say where with --audit-checkpoints file:/path or syslog (env: FRAMSTEG_AUDIT_CHECKPOINTS)")
            }
            let auditKey = try keys.keyring().auditKey
            let checkpoint = try await database.withStore(logger: .framsteg(), auditKey: auditKey) { store in
                try await AuditCheckpointer(store: store, sink: sink).write()
            }
            print("Checkpoint written to \(sink): row \(checkpoint?.sequence ?? 0).")
        }
    }
}

/// `--audit-checkpoints`: where signed checkpoints of the audit log's head are written.
struct CheckpointOptions: ParsableArguments {
    @Option(
        name: .customLong("audit-checkpoints"),
        help: "Write signed audit checkpoints to file:/path or syslog (env: FRAMSTEG_AUDIT_CHECKPOINTS). Keep them apart from the database."
    )
    var text: String? = ProcessInfo.processInfo.environment["FRAMSTEG_AUDIT_CHECKPOINTS"].flatMap { $0.isEmpty ? nil : $0 }

    func sink() throws -> AuditCheckpointSink? {
        guard let text else { return nil }
        guard let sink = AuditCheckpointSink(parsing: text) else {
            throw CommandFailure(message: "--audit-checkpoints takes file:/path or syslog, not \(text)")
        }
        return sink
    }
}
