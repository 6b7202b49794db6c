import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import HummingbirdTesting
import Testing

/// `framsteg user add` and the admin's form create users the same way: one function, one set of
/// rules, an audit row each that says where the user came from.
@Suite("Creating a user, on the web and at the command line")
struct UserCreationTests {
    @Test("the command line refuses what the setup link refuses: a password that is the user's own address, typed with spaces")
    func samePasswordRule() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            // On the web the owner chooses the password, through the setup link, by the same rule.
            let created = try await admin.post("/admin/users", [("email", "vera.nyberg@a.test"), ("name", "Vera Ny"), ("role", "office")])
            let link = try #require(AccountSetupTests.setupPath(in: created.text))
            let vera = TestBrowser(client)
            try await vera.get(link)
            let web = try await vera.post(link, [("password", "vera.nyberg@a.test"), ("repeatPassword", "vera.nyberg@a.test")])
            #expect(web.status == .unprocessableContent && web.text.contains("Lösenordet är för vanligt"))
            let cli = try await FramstegCommand.run(
                ["user", "add", "--email", " Nora.Ny@a.test ", "--name", "Nora Ny", "--role", "office"]
                    + ["--association", fixture.associationA.description, "--database", try FramstegCommand.path(of: fixture.store)],
                password: "nora.ny@a.test"
            )
            #expect(cli.status != 0)
            #expect(cli.errors.contains("password refused: tooCommon"), "\(cli.errors)")
            #expect(
                try await fixture.store.read { db in try await UserRepository(db).isEmailTaken("nora.ny@a.test", in: fixture.associationA) }
                    == false
            )
        }
    }

    @Test("a user made at the command line is audited as user.create.cli without a user, the admin's as user.create; both sign in")
    func auditedByOrigin() async throws {
        try await TestApp.run { fixture, client throws in
            let cli = try await FramstegCommand.run(
                [
                    "user", "add", "--email", "olle@a.test", "--name", "Olle Ny", "--role", "counsellor", "--unit",
                    fixture.unitA1.description,
                ]
                    + ["--association", fixture.associationA.description, "--database", try FramstegCommand.path(of: fixture.store)],
                password: "Olle-har-ett-bra-lösen"
            )
            #expect(cli.status == 0, "\(cli.errors)")
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let created = try await admin.post("/admin/users", [("email", "nora@a.test"), ("name", "Nora Ny"), ("role", "office")])
            #expect(created.status == .ok)
            let link = try #require(AccountSetupTests.setupPath(in: created.text))
            let nora = TestBrowser(client)
            try await nora.get(link)
            _ = try await nora.post(link, [("password", "Nora-har-ett-bra-lösen"), ("repeatPassword", "Nora-har-ett-bra-lösen")])
            let rows = try await fixture.store.read { db in
                try await AuditLog(db).recent(associationID: fixture.associationA, limit: 10).map(\.entry).filter {
                    $0.objectType == "user" && !$0.action.hasPrefix("sign-in")
                }
            }
            let adminID = try await fixture.store.read { db in
                try await UserRepository(db).credentials(email: Fixture.email(.admin)).first?.user.id
            }
            #expect(rows.map(\.action) == ["user.setup", "user.create", "user.create.cli"])
            #expect(rows.last?.userID == nil && rows.last?.role == nil)
            #expect(rows[1].userID == adminID && rows[1].role == .admin)
            #expect(rows.first?.userID != adminID, "the owner chose the password, not the admin")
            #expect(rows.allSatisfy { $0.associationID == fixture.associationA && $0.result == .success })
            #expect(try await TestBrowser(client).signIn("olle@a.test", "Olle-har-ett-bra-lösen").location == "/units")
            #expect(try await TestBrowser(client).signIn("nora@a.test", "Nora-har-ett-bra-lösen").location == "/office")
        }
    }
}

/// Runs the built `framsteg` executable, as an operator would.
enum FramstegCommand {
    struct Result: Sendable {
        let status: Int32
        let output: String
        let errors: String
    }

    /// The executable beside the test bundle (both are products of the same build).
    static func executable() throws -> URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("framsteg")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let built = root.appendingPathComponent(".build/debug/framsteg")
        guard FileManager.default.isExecutableFile(atPath: built.path) else {
            throw CommandNotBuilt(looked: [beside.path, built.path])
        }
        return built
    }

    struct CommandNotBuilt: Error, CustomStringConvertible {
        let looked: [String]
        var description: String { "framsteg is not built (looked at \(looked.joined(separator: ", "))); run swift build first" }
    }

    /// The SQLite file of a test store, for the command's `--database`.
    static func path(of store: Store) throws -> String {
        guard case .sqlite(let path) = store.location else { throw CommandNotBuilt(looked: ["an SQLite store"]) }
        return path
    }

    /// Runs the command with the password in FRAMSTEG_PASSWORD and nothing on standard input.
    static func run(_ arguments: [String], password: String) async throws -> Result {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["FRAMSTEG_PASSWORD"] = password
        // The audit row the command writes is chained with the same key as the test's store.
        environment["FRAMSTEG_KEYS"] = TestKeys.text
        environment["FRAMSTEG_LOG_LEVEL"] = "error"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return Result(
            status: status,
            output: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            errors: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        )
    }
}
