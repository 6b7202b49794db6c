import ArgumentParser
import FramstegStore
import Logging

/// Applies pending migrations; safe to run any number of times.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let location = database.location
        let applied = try await database.withStore(logger: .framsteg()) { store in try await Migrator().migrate(store) }
        print(
            applied.isEmpty
                ? "\(location): already up to date."
                : "\(location): applied migrations \(applied.map(String.init).joined(separator: ", "))."
        )
    }
}
