import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import HummingbirdTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

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
        let path = try executable().path
        var environment = ProcessInfo.processInfo.environment
        environment["FRAMSTEG_PASSWORD"] = password
        // The audit row the command writes is chained with the same key as the test's store.
        environment["FRAMSTEG_KEYS"] = TestKeys.text
        environment["FRAMSTEG_LOG_LEVEL"] = "error"
        let settled = environment
        // Spawning, reading and waiting block: a thread of their own, not one of the few the tests share.
        return try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Swift.Result { try spawn(path, arguments, settled) }) }.start()
        }
    }

    struct SpawnFailed: Error, CustomStringConvertible {
        let code: Int32
        var description: String { "could not start framsteg: \(String(cString: strerror(code)))" }
    }

    /// `posix_spawn` with every descriptor from 3 up closed by the C library in one action.
    /// Foundation's `Process.run` crashed the whole test run here once (SIGSEGV in memcpy, with the
    /// descriptor numbers 1359 and 1360 in its registers): on Linux it adds one close action per
    /// descriptor number up to the highest one open, and the tests hold well over a thousand.
    private static func spawn(_ path: String, _ arguments: [String], _ environment: [String: String]) throws -> Result {
        var output: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        // Close-on-exec, so that no other process started meanwhile keeps the pipes open.
        guard pipe(&output) == 0 else { throw SpawnFailed(code: errno) }
        guard pipe(&errors) == 0 else {
            close(output[0])
            close(output[1])
            throw SpawnFailed(code: errno)
        }
        for descriptor in output + errors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errors[1], STDERR_FILENO)
        // glibc 2.34's closefrom action is not in the module Swift imports: looked up by name.
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0.key + "=" + $0.value) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        close(output[1])
        close(errors[1])
        defer {
            close(output[0])
            close(errors[0])
        }
        guard spawned == 0 else { throw SpawnFailed(code: spawned) }
        // The command writes a few lines at most: read one pipe to its end, then the other.
        let printed = readToEnd(output[0])
        let complained = readToEnd(errors[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7f == 0
        return Result(
            status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
            output: String(decoding: printed, as: UTF8.self),
            errors: String(decoding: complained, as: UTF8.self)
        )
    }

    private static func readToEnd(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 {
                bytes += buffer[0..<count]
            } else if count == 0 || errno != EINTR {
                return bytes
            }
        }
    }
}
