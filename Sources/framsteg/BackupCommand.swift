import ArgumentParser
import Foundation
import FramstegCore
import FramstegStore

/// `framsteg backup --to PATH`: an online, consistent copy of the database, while `serve` runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database while it is in use (SQLite: VACUUM INTO; PostgreSQL: pg_dump, custom format).",
        discussion: "The key file is never in the backup: keep it backed up apart from it."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(name: .customLong("to"), help: "The backup file to write (a new file).") var target: String

    func run() async throws {
        let started = ContinuousClock.now
        let location = database.location
        do {
            try await database.withStore(logger: .framsteg()) { store in try await DatabaseBackup.backUp(store, to: target) }
        } catch let failure as DatabaseBackup.Failure {
            throw CommandFailure(message: failure.description)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: target))?[.size] as? Int ?? 0
        print("Backed up \(location) to \(target): \(size) bytes in \(RestoreCommand.seconds(since: started)). The key file is not in it.")
    }
}

/// `framsteg restore --from PATH [--verify]`: into a new SQLite file or an empty PostgreSQL database.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into a fresh database (--database: a new SQLite file or an empty PostgreSQL database).",
        discussion: "--verify then proves it: migrations current, the audit chain intact under the key file, and a sealed value opens."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var keys: KeyOptions
    @Option(name: .customLong("from"), help: "The backup file written by `framsteg backup`.") var source: String
    @Flag(help: "Check the restored database with the key file (migrations, audit chain, a sealed value).") var verify = false

    func run() async throws {
        let started = ContinuousClock.now
        let location = database.location
        let keyring = verify ? try keys.keyring() : nil
        do {
            try await DatabaseBackup.restore(from: source, into: location, logger: .framsteg())
        } catch let failure as DatabaseBackup.Failure {
            throw CommandFailure(message: failure.description)
        }
        print("Restored \(source) into \(location) in \(Self.seconds(since: started)).")
        guard let keyring else { return }
        let verification = try await database.withStore(logger: .framsteg(), auditKey: keyring.auditKey) { store in
            try await RestoreVerification.check(store, keyring: keyring)
        }
        var problems: [String] = []
        if !verification.pendingMigrations.isEmpty {
            problems.append(
                "migrations \(verification.pendingMigrations.map(String.init).joined(separator: ", ")) are missing (run `framsteg migrate`)"
            )
        }
        if case .broken(let sequence, let reason) = verification.audit {
            problems.append("audit log broken at row \(sequence): \(AuditCommand.Verify.describe(reason))")
        }
        if let keyProblem = verification.keyProblem { problems.append("the key file does not open it: \(keyProblem)") }
        guard problems.isEmpty else { throw CommandFailure(message: "Restored, but not sound: " + problems.joined(separator: "; ")) }
        if case .intact(let rows) = verification.audit {
            print(
                "Verified in \(Self.seconds(since: started)): migrations current, audit log intact (\(rows) rows), "
                    + "sealed values open, \(verification.participants) participants."
            )
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        String(format: "%.2f s", (ContinuousClock.now - start).inSeconds)
    }
}
