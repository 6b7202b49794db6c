import ArgumentParser
import Foundation
import FramstegWeb
import Logging

/// Framsteg: progression measurement and follow-up in coordinated vocational rehabilitation.
@main
struct Framsteg: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framsteg",
        abstract: "Progression measurement and follow-up for samordningsförbund.",
        subcommands: [
            Serve.self, Migrate.self, Demo.self, DemoCode.self, Bench.self, ImportCommand.self, UserCommand.self, AssociationCommand.self,
            AuditCommand.self, KeyCommand.self, RetentionCommand.self, BackupCommand.self, RestoreCommand.self,
        ]
    )

    /// Every file Framsteg creates (the SQLite database, its WAL and shared-memory files, the key
    /// file, backups) is readable by its owner only.
    static func main() async {
        umask(0o077)
        // FRAMSTEG_LOG_FORMAT=json: one JSON object per line, for a log collector.
        if ProcessInfo.processInfo.environment["FRAMSTEG_LOG_FORMAT"]?.lowercased() == "json" {
            LoggingSystem.bootstrap(JSONLogHandler.init(label:))
        }
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
