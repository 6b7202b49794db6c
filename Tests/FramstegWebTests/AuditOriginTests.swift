import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Audit rows name the unit, the address and the session")
struct AuditOriginTests {
    @Test(
        "a counsellor's sign-in, record read, change and refusal carry the unit, the client's address and one session's id",
        arguments: TestDatabase.available
    )
    func requestRowsCarryOrigin(_ database: TestDatabase) async throws {
        try await TestApp.run(database: database) { fixture, client throws in
            let browser = TestBrowser(client, address: "198.51.100.23")
            try await browser.signIn(Fixture.email(.counsellor))
            let path = "/participants/\(fixture.participantA1)"
            #expect(try await browser.get(path).status == .ok)
            let changed = try await browser.post(
                path + "/contact",
                [("name", "Sara Lind"), ("phone", "070-123 45 67"), ("email", ""), ("referrerName", "")]
            )
            #expect(changed.status == .seeOther)
            #expect(try await browser.get("/participants/\(fixture.participantA2)").status == .forbidden)
            #expect(try await browser.get("/units/\(fixture.unitA1)").status == .ok)

            let rows = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 20) }
                .reversed().map(\.entry)
            let signIn = try #require(rows.first { $0.action == "sign-in" && $0.result == .success })
            let read = try #require(rows.first { $0.action == "participant.read" })
            let contact = try #require(rows.first { $0.action == "participant.contact" })
            let refusal = try #require(rows.first { $0.action == "access.readParticipant" })
            let unitList = try #require(rows.first { $0.action == "participants.list" && $0.objectType == "unit" })
            #expect(read.unitID == fixture.unitA1 && contact.unitID == fixture.unitA1 && unitList.unitID == fixture.unitA1)
            #expect(refusal.unitID == fixture.unitA2 && refusal.result == .denied)
            for entry in [signIn, read, contact, refusal, unitList] {
                #expect(entry.sourceAddress == "198.51.100.23", "\(entry.action)")
                #expect(entry.sessionID == signIn.sessionID, "\(entry.action): one session, one id")
            }
            let sessionID = try #require(signIn.sessionID)
            #expect(sessionID.count == 16)
            // The id opens nothing: it is neither the cookie's token nor the stored token hash, nor part of either.
            let tokens = try await fixture.store.read { db in try await db.select().column("token_hash").from("sessions").all() }
                .map { try $0.decode(column: "token_hash", as: String.self) }
            #expect(!tokens.isEmpty && tokens.allSatisfy { !$0.contains(sessionID) })
            #expect(browser.cookies.values.allSatisfy { !$0.contains(sessionID) })
            let verdict = try await fixture.store.read { db in try await AuditLog(db).verify() }
            guard case .intact = verdict else {
                Issue.record("the keyed chain should verify: \(verdict)")
                return
            }
        }
    }

    @Test("another browser's session has another id, and a row written outside a request has no origin")
    func sessionsDiffer() async throws {
        try await TestApp.run { fixture, client throws in
            let first = TestBrowser(client, address: "198.51.100.1")
            try await first.signIn(Fixture.email(.counsellor))
            let second = TestBrowser(client, address: "198.51.100.2")
            try await second.signIn(Fixture.email(.counsellor))
            try await fixture.store.audit(AuditEntry(at: Date(), by: nil, action: .demoSeed, objectType: "association"))
            let rows = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: nil, limit: 10) }.map(\.entry)
            #expect(rows[0].action == "demo.seed" && rows[0].sourceAddress == nil && rows[0].sessionID == nil)
            let signIns = rows.filter { $0.action == "sign-in" }
            #expect(signIns.map(\.sourceAddress) == ["198.51.100.2", "198.51.100.1"])
            #expect(signIns[0].sessionID != nil && signIns[0].sessionID != signIns[1].sessionID)
        }
    }
}
