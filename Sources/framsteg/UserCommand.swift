import ArgumentParser
import Foundation
import FramstegCore
import FramstegStore
import FramstegWeb
import Logging

/// `framsteg user add`: creates a user from the command line (the first admin of a new association).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage users.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a user. The password is read from FRAMSTEG_PASSWORD or standard input."
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var keys: KeyOptions
        @Option(help: "E-mail address, used to sign in.") var email: String
        @Option(help: "Full name.") var name: String
        @Option(help: "admin, office, manager or counsellor.") var role: String
        @Option(help: "Association id (see `framsteg association list`).") var association: Int64
        @Option(help: "Unit id; repeat for several (managers and counsellors).") var unit: [Int64] = []

        func run() async throws {
            let password = try readPassword()
            let draft = UserDraft(email: email, name: name, role: role, unitIDs: unit.map(String.init))
            // Read once, so there is nothing to mistype twice.
            let account = UserService.NewAccount(draft: draft, password: password, repeatedPassword: password)
            let associationID = AssociationID(association)
            let auditKey = try keys.keyring().auditKey
            let user = try await database.withStore(logger: .framsteg(), auditKey: auditKey) { store in
                try await Migrator().migrate(store)
                do {
                    return try await UserService(store: store, passwords: Passwords()).create(account, in: associationID, by: .commandLine)
                } catch StoreError.notFound {
                    throw CommandFailure(message: "no association with id \(associationID)")
                } catch let failure as ValidationFailure {
                    throw CommandFailure(message: Self.describe(failure, email: draft.email))
                }
            }
            print("Created user \(user.id): \(user.email) (\(user.role.rawValue))")
        }

        /// The refusal in one line: the password's problem first, then a taken address, then the rest.
        static func describe(_ failure: ValidationFailure, email: String) -> String {
            if case .password(let problem) = failure.problems["password"] { return "password refused: \(problem)" }
            if failure.problems["email"] == .alreadyTaken { return "\(Email.normalised(email)) is already in use" }
            return "invalid user: " + failure.problems.map { "\($0.key): \($0.value)" }.sorted().joined(separator: ", ")
        }

        private func readPassword() throws -> String {
            if let password = ProcessInfo.processInfo.environment["FRAMSTEG_PASSWORD"], !password.isEmpty { return password }
            guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandFailure(message: "no password: set FRAMSTEG_PASSWORD or pipe it on standard input")
            }
            return line
        }
    }
}

/// `framsteg association add|list`: tenants are created by the operator of the deployment, not from the web.
struct AssociationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "association",
        abstract: "Manage associations (tenants).",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an association.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var keys: KeyOptions
        @Option(help: "Name of the association.") var name: String

        func run() async throws {
            let name = self.name
            let auditKey = try keys.keyring().auditKey
            let association = try await database.withStore(logger: .framsteg(), auditKey: auditKey) { store in
                try await Migrator().migrate(store)
                do {
                    return try await OrganisationService(store: store).createAssociation(named: name)
                } catch is ValidationFailure {
                    throw CommandFailure(message: "the name must be 1–120 characters")
                }
            }
            print("Created association \(association.id): \(association.name)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List associations.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let associations = try await database.withStore(logger: .framsteg()) { store in
                try await store.read { db in try await OrganisationRepository(db).associations() }
            }
            for association in associations { print("\(association.id)\t\(association.name)") }
        }
    }
}
