import FramstegCore
import FramstegStore
import FramstegTestSupport
import SQLKit
import Testing

/// Query binds hold personal data, sealed values and anonymous answers: no log level may show them.
@Suite("Query logging")
struct QueryLoggingTests {
    @Test("with the application logging at trace, no query and no bind reaches the log", arguments: TestDatabase.available)
    func bindsAreNeverLogged(_ database: TestDatabase) async throws {
        let captured = CapturedLog()
        try await database.withFreshStore(logger: captured.logger) { store throws in
            captured.logger.trace("the capture works")
            let association = try await store.write { db in
                try await OrganisationRepository(db).createAssociation(name: "Hemliga förbundet 4711", now: .init())
            }
            let read = try await store.read { db in
                try await db.raw("SELECT \(bind: "Sara Lind 19811218-9876") AS who").first()?.decode(column: "who", as: String.self)
            }
            #expect(read == "Sara Lind 19811218-9876")
            #expect(try await store.read { db in try await OrganisationRepository(db).association(association.id)?.name } != nil)
        }
        let log = captured.text
        #expect(log.contains("the capture works"))
        #expect(!log.contains("Hemliga förbundet"))
        #expect(!log.contains("Sara Lind") && !log.contains("19811218"))
        #expect(!log.contains("Executing query"))
    }
}
