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
        subcommands: [Add.self, List.self, IdentityProvider.self]
    )

    /// Points an association at its identity provider (OpenID Connect), as the admin's page does.
    struct IdentityProvider: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "identity-provider",
            abstract: "Let an association's staff sign in through its identity provider (OpenID Connect).",
            discussion: "The client secret is read from FRAMSTEG_OIDC_CLIENT_SECRET or standard input, never from an argument."
        )
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var keys: KeyOptions
        @Option(help: "The association's id (see `association list`).") var association: Int64
        @Option(help: "The issuer, e.g. https://login.microsoftonline.com/TENANT/v2.0.") var issuer: String
        @Option(help: "The client (application) id registered at the provider.") var clientId: String
        @Option(help: "The claim that names the user: email, sub, or an HSA id claim.") var userClaim = "email"
        @Option(help: "The acr the ID token must carry, e.g. http://id.elegnamnden.se/loa/1.0/loa3.") var requireAcr = ""
        @Flag(help: "Staff may no longer sign in with a password.") var noPassword = false

        func run() async throws {
            let secret = ProcessInfo.processInfo.environment["FRAMSTEG_OIDC_CLIENT_SECRET"] ?? readLine(strippingNewline: true) ?? ""
            let keyring = try keys.keyring()
            let loopback = ProcessInfo.processInfo.environment["FRAMSTEG_ALLOW_LOOPBACK_IDENTITY_PROVIDER"] == "1"
            let command = self
            try await database.withStore(logger: .framsteg(), auditKey: keyring.auditKey) { store in
                try await Migrator().migrate(store)
                do {
                    try await IdentityProviderSetup(store: store, keyring: keyring, allowsLoopbackIssuer: loopback).save(
                        issuer: command.issuer,
                        clientID: command.clientId,
                        clientSecret: secret,
                        userClaim: command.userClaim,
                        requiredACR: command.requireAcr,
                        allowsPassword: !command.noPassword,
                        for: AssociationID(command.association),
                        by: nil
                    )
                } catch let failure as ValidationFailure {
                    let lines = failure.problems.sorted { $0.key < $1.key }.map {
                        "\($0.key): \($0.value.message(.english, field: $0.key))"
                    }
                    throw CommandFailure(message: lines.joined(separator: "; "))
                }
            }
            print("Association \(command.association) signs in through \(command.issuer); redirect URI: https://YOUR-HOST/sign-in/callback")
        }
    }

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
