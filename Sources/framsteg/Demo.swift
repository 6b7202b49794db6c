import ArgumentParser
import Foundation
import FramstegCore
import FramstegStore
import FramstegWeb
import Logging

/// Creates (or re-creates) a database with the demo association Insjöriket and one user per role.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a demo database with the association Insjöriket.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var keys: KeyOptions
    @OptionGroup var checkpoints: CheckpointOptions

    @Flag(help: "Wipe a PostgreSQL database that already holds data. (An SQLite file is always re-created.)")
    var replace = false

    func run() async throws {
        let location = database.location
        if !keys.environmentHoldsKeys, !FileManager.default.fileExists(atPath: keys.path) {
            try keys.generate()
            print("Created encryption keys in \(keys.path) (keep it with the database).")
        }
        let keyring = try keys.keyring()
        if case .sqlite(let path) = location, path != ":memory:" {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let replace = self.replace
        let sink = try checkpoints.sink()
        let context = try await database.withStore(logger: .framsteg(), auditKey: keyring.auditKey) { store in
            if store.dialect == .postgres, try await store.hasData() {
                guard replace else {
                    throw CommandFailure(message: "\(location) already holds data; run `framsteg demo --replace` to wipe it.")
                }
                try await store.dropEverything()
            }
            try await Migrator().migrate(store)
            try await PlaintextSealing(keyring: keyring).run(store)
            let passwords = Passwords(cost: 10)
            let context = try await DemoData(hashPassword: { try await passwords.hash($0) }, keyring: keyring, today: Day(Date())).seed(
                store
            )
            if let sink { try await AuditCheckpointer(store: store, sink: sink).write() }
            return context
        }
        print("Demo database ready: \(location)")
        print("Association: \(context.association?.name ?? "") (\(context.units.count) units, 600 participants over two years)")
        print("Sign in at http://127.0.0.1:8080/ after `swift run framsteg serve` with:")
        for signIn in context.signIns {
            print(
                "  \(signIn.role.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(signIn.email.padding(toLength: 38, withPad: " ", startingAt: 0)) \(signIn.password)"
            )
        }
        print("Insjöriket requires two-step verification. After the password, type the code of the demo authenticator:")
        print("  add the key \(DemoUsersStep.authenticatorSecret) to an authenticator app (time-based, 6 digits, 30 s),")
        print("  or run `swift run framsteg demo-code` (or `.build/debug/framsteg demo-code`) for the current code.")
    }
}

/// Prints the demo authenticator's current code, for signing in to the demo without a phone.
struct DemoCode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-code",
        abstract: "Print the current code of the demo users' authenticator (demo databases only)."
    )

    func run() {
        let totp = OneTimePassword(secret: Base32.decode(DemoUsersStep.authenticatorSecret) ?? [])
        let now = Date()
        let left = Int(totp.period) - Int(now.timeIntervalSince1970) % Int(totp.period)
        print("\(totp.code(at: now))  (it changes in \(left) s; each code is still accepted for 30 s after it changes)")
    }
}
