import ArgumentParser
import Foundation
import FramstegStore

/// `--key-file`: where the encryption keys live unless FRAMSTEG_KEYS holds them.
struct KeyOptions: ParsableArguments {
    @Option(
        name: .customLong("key-file"),
        help: "File with the encryption keys (env: FRAMSTEG_KEY_FILE; default ./framsteg.key). FRAMSTEG_KEYS may hold the keys themselves."
    )
    var path: String = ProcessInfo.processInfo.environment["FRAMSTEG_KEY_FILE"] ?? "./framsteg.key"

    func keyring() throws -> FieldKeyring {
        do {
            return try FieldKeyring.load(environment: ProcessInfo.processInfo.environment, path: path)
        } catch let problem as FieldKeyring.Problem {
            throw CommandFailure(message: problem.description)
        }
    }

    /// The keys for `serve`, which refuses a key file that anyone but its owner may read.
    func privateKeyring() throws -> FieldKeyring {
        if !environmentHoldsKeys, let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int,
            mode & 0o077 != 0
        {
            throw CommandFailure(
                message:
                    "\(path) may be read by others (mode \(String(mode & 0o777, radix: 8))); run `chmod 600 \(path)` and keep it apart from database backups"
            )
        }
        return try keyring()
    }

    var environmentHoldsKeys: Bool { !(ProcessInfo.processInfo.environment["FRAMSTEG_KEYS"] ?? "").isEmpty }

    /// Writes a new key file readable by its owner only.
    func generate() throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(message: "\(path) already exists; it may protect data. Use `framsteg key rotate` to add a key.")
        }
        let created = FileManager.default.createFile(
            atPath: path,
            contents: Data(FieldKeyring.generateText(keyID: Self.monthID()).utf8),
            attributes: [.posixPermissions: 0o600]
        )
        guard created else { throw CommandFailure(message: "could not write \(path)") }
    }

    static func monthID(_ date: Date = Date()) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}

/// `framsteg key generate|rotate`.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Manage the keys that encrypt personal data.",
        subcommands: [Generate.self, Rotate.self]
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a new key file (refuses to overwrite one).")
        @OptionGroup var keys: KeyOptions

        func run() throws {
            try keys.generate()
            print("Created \(keys.path). Keep it secret and backed up: without it the encrypted data cannot be read.")
        }
    }

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a new data key; new values use it, old ones stay readable.")
        @OptionGroup var keys: KeyOptions

        func run() throws {
            let current = try keys.keyring()
            var id = KeyOptions.monthID()
            if id == current.currentKeyID { id += "-\(Int(Date().timeIntervalSince1970))" }
            guard let handle = FileHandle(forWritingAtPath: keys.path) else { throw CommandFailure(message: "cannot write \(keys.path)") }
            handle.seekToEndOfFile()
            handle.write(Data("key \(id) \(FieldKeyring.newKeyBase64())\n".utf8))
            try handle.close()
            _ = try keys.keyring()
            print("Added key \(id) to \(keys.path); new values are encrypted with it.")
        }
    }
}
