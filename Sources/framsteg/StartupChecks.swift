import FramstegStore

/// What `serve` proves before it listens, each failure one line on standard error: the schema
/// can be brought up to date, the database takes writes, and the key file opens its values.
enum StartupChecks {
    /// Applies pending migrations, then checks; returns the versions applied.
    static func run(_ store: Store, keyring: FieldKeyring) async throws -> [Int] {
        let location = store.location
        let applied: [Int]
        do { applied = try await Migrator().migrate(store) } catch {
            // A read-only database usually fails here already; say so rather than name the migration.
            try await checkWritable(store)
            throw CommandFailure(message: "cannot bring the database \(location) up to date: \(oneLine(error))")
        }
        try await checkWritable(store)
        do { try await store.read { db in try await KeyCanary(keyring: keyring).check(db) } } catch let failure as KeyCanary.Failure {
            throw CommandFailure(
                message: "the key file (--key-file / FRAMSTEG_KEYS) does not belong to the database \(location): \(failure)"
            )
        }
        return applied
    }

    static func checkWritable(_ store: Store) async throws {
        do { try await store.checkWritable() } catch {
            throw CommandFailure(message: "the database \(store.location) does not take writes: \(oneLine(error))")
        }
    }

    static func oneLine(_ error: any Error) -> String {
        String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
