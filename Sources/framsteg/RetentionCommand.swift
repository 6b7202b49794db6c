import ArgumentParser
import Foundation
import FramstegCore
import FramstegStore
import Logging

/// `framsteg retention run [--dry-run]`: removes the identity and free text of records past their
/// association's retention, and thins the audit log from its oldest end (see `RetentionRun`).
/// `serve` runs the same every night.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Retention (gallring) of records and the audit log.",
        subcommands: [Run.self]
    )

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove personal data past each association's retention; with --dry-run, only say what would go."
        )
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var keys: KeyOptions
        @Flag(help: "Count what is due without changing anything.")
        var dryRun = false

        func run() async throws {
            let keyring = try keys.privateKeyring()
            let report = try await database.withStore(logger: .framsteg(), auditKey: keyring.auditKey) { store in
                _ = try await Migrator().migrate(store)
                return try await RetentionRun(store: store, keyring: keyring).run(now: Date(), dryRun: dryRun)
            }
            print(Self.describe(report))
        }

        static func describe(_ report: RetentionRun.Report) -> String {
            let verb = report.isDry ? "would thin" : "thinned"
            let rows = report.isDry ? "would remove" : "removed"
            return "Retention \(verb) \(report.recordTotal) record(s) and \(rows) \(report.auditRows) audit row(s)."
        }
    }
}
