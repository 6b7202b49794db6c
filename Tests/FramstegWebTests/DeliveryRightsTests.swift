import Foundation
import FramstegCore
import FramstegTestSupport
import FramstegWeb
import HummingbirdTesting
import Testing

@testable import FramstegStore

/// The national deliveries (issue 16): exact figures that leave the association, each a right the
/// admin grants by name to an office user, audited, and gone from every open session when withdrawn.
@Suite("National delivery rights")
struct DeliveryRightsTests {
    static func user(_ email: String, _ fixture: Fixture) async throws -> User {
        try #require(try await fixture.store.read { db in try await UserRepository(db).credentials(email: email).first?.user })
    }

    static func deliveryRows(_ fixture: Fixture) async throws -> [AuditEntry] {
        try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 20) }.map(\.entry)
            .filter { $0.action == "user.deliveries" }
    }

    @Test(
        "the admin grants an office user both deliveries and withdraws one: audited, exact only while held, and the withdrawal ends the session"
    )
    func grantAndWithdraw() async throws {
        try await TestApp.run { fixture, client throws in
            let office = TestBrowser(client)
            try await office.signIn(Fixture.email(.office))
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let user = try await Self.user(Fixture.email(.office), fixture)
            #expect(user.principal.deliveries.isEmpty)
            let page = try await admin.get("/admin/users/\(user.id)")
            #expect(page.text.contains(#"<section id="national-deliveries""#) && !page.text.contains(#"id="record-access""#))
            #expect(page.text.contains(#"name="deliveries" value="finsam">"#))
            #expect(page.text.contains(#"name="deliveries" value="violence-screening">"#))
            #expect(page.text.contains("Uppföljning Finsam (exakta antal per verksamhet)"))

            let granted = try await admin.post(
                "/admin/users/\(user.id)/deliveries",
                [("deliveries", "finsam"), ("deliveries", "violence-screening")]
            )
            #expect(granted.location == "/admin/users/\(user.id)?notice=saved#national-deliveries")
            let holder = try await Self.user(Fixture.email(.office), fixture).principal
            #expect(holder.deliveries == [.finsam, .violenceScreening])
            #expect(FigureAudience.publication(for: holder, of: .nationalDelivery(.finsam)) == .exact)
            #expect(try await office.get("/office").status == .ok, "a grant leaves the open session as it is")
            #expect(try await admin.get("/admin/users/\(user.id)").text.contains(#"value="finsam" checked>"#))

            let withdrawn = try await admin.post("/admin/users/\(user.id)/deliveries", [("deliveries", "violence-screening")])
            #expect(withdrawn.location?.contains("notice=saved") == true)
            let left = try await Self.user(Fixture.email(.office), fixture).principal
            #expect(left.deliveries == [.violenceScreening])
            #expect(FigureAudience.publication(for: left, of: .nationalDelivery(.finsam)) == .standard)
            #expect(try await office.get("/office").location?.hasPrefix("/sign-in") == true, "no open session keeps a withdrawn right")

            let rows = try await Self.deliveryRows(fixture)
            #expect(rows.count == 2)
            #expect(rows.allSatisfy { $0.objectType == "user" && $0.objectID == user.id.description && $0.role == .admin })
        }
    }

    @Test(
        "a counsellor, a manager or an unknown delivery is refused with 422 and nothing is stored",
        arguments: [Role.counsellor, .manager]
    )
    func refused(_ role: Role) async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let user = try await Self.user(Fixture.email(role), fixture)
            #expect(!(try await admin.get("/admin/users/\(user.id)").text.contains(#"id="national-deliveries""#)))
            let refused = try await admin.post("/admin/users/\(user.id)/deliveries", [("deliveries", "finsam")])
            #expect(refused.status == .unprocessableContent)
            #expect(try await Self.user(Fixture.email(role), fixture).deliveries.isEmpty)
            let office = try await Self.user(Fixture.email(.office), fixture)
            let unknown = try await admin.post(
                "/admin/users/\(office.id)/deliveries",
                [("deliveries", "finsam"), ("deliveries", "everything")]
            )
            #expect(unknown.status == .unprocessableContent && unknown.text.contains(#"id="deliveries-error""#))
            #expect(try await Self.user(Fixture.email(.office), fixture).deliveries.isEmpty)
            #expect(try await Self.deliveryRows(fixture).isEmpty)
        }
    }

    @Test("another association's admin finds no such user (404) and changes nothing")
    func foreignAdmin() async throws {
        try await TestApp.run { fixture, client throws in
            let adminB = TestBrowser(client)
            try await adminB.signIn(Fixture.adminB)
            let office = try await Self.user(Fixture.email(.office), fixture)
            let response = try await adminB.post("/admin/users/\(office.id)/deliveries", [("deliveries", "finsam")])
            #expect(response.status == .notFound)
            #expect(try await Self.user(Fixture.email(.office), fixture).deliveries.isEmpty)
            #expect(try await Self.deliveryRows(fixture).isEmpty)
        }
    }

    @Test("an office user moved to another role loses the deliveries, so moving back does not bring them back")
    func leavingTheOffice() async throws {
        try await TestApp.run { fixture, client throws in
            let admin = TestBrowser(client)
            try await admin.signIn(Fixture.email(.admin))
            let office = try await Self.user(Fixture.email(.office), fixture)
            try await admin.post("/admin/users/\(office.id)/deliveries", [("deliveries", "finsam")])
            let path = "/admin/users/\(office.id)"
            #expect(
                try await admin.post(path, [("name", office.name), ("role", "counsellor"), ("units", fixture.unitA1.description)]).status
                    == .seeOther
            )
            #expect(try await admin.post(path, [("name", office.name), ("role", "office")]).status == .seeOther)
            #expect(try await Self.user(Fixture.email(.office), fixture).deliveries.isEmpty)
        }
    }

    @Test(
        "the violence screening for NNS: refused without the right, exact per question, gender and municipality with it (a municipality nobody answered in has zeros), audited as a delivery"
    )
    func violenceScreening() async throws {
        try await TestApp.run { fixture, client throws in
            let year = Day(fixture.clock.now).year
            // Five answered in Lerum in March: women 3, men 2; physical violence: one woman "yes, now".
            let given: [(Gender, String)] = [(.woman, "yes-now"), (.woman, "no"), (.woman, "no"), (.man, "no"), (.man, "no-answer")]
            try await fixture.store.write { db in
                _ = try await OrganisationRepository(db).createMunicipality(in: fixture.associationA, name: "Alingsås")
                try await SurveyRepository(db, keyring: TestKeys.keyring).release(
                    given.map { gender, physical in
                        AnonymousResponse(
                            instrumentID: "vald-i-nara-relationer",
                            version: 1,
                            unitID: fixture.unitA1,
                            month: Month(year: year, month: 3)!,
                            gender: gender,
                            answers: ["fysiskt": physical, "vill-ha-stod": "no"],
                            recordKey: .drawn()
                        )
                    }
                )
            }
            let office = TestBrowser(client)
            try await office.signIn(Fixture.email(.office))
            let csv = "/office/deliveries/violence-screening.csv?year=\(year)"
            let without = try await office.get("/office/deliveries?year=\(year)")
            #expect(without.status == .ok)
            #expect(without.text.contains("Lämnas till NNS"), "the page says where the delivery goes")
            #expect(without.text.contains(#"<a href="/office/deliveries" aria-current="page">"#))
            #expect(!without.text.contains(#"<a href="/office" aria-current="page">"#), "only the page's own item is current")
            #expect(without.text.contains(#"id="delivery-violence-screening-missing""#) && !without.text.contains(csv))
            #expect(try await office.get(csv).status == .forbidden)

            let user = try await Self.user(Fixture.email(.office), fixture)
            try await fixture.store.write { db in try await UserRepository(db).setDeliveries(user.id, [.violenceScreening]) }
            let page = try await office.get("/office/deliveries?year=\(year)")
            #expect(
                page.text.contains(
                    #"<tr><th scope="row">Lerum</th><td class="number">3</td><td class="number">2</td><td class="number">0</td><td class="number">5</td></tr>"#
                )
            )
            #expect(
                page.text.contains(
                    #"<tr><th scope="row">Alingsås</th><td class="number">0</td><td class="number">0</td><td class="number">0</td><td class="number">0</td></tr>"#
                )
            )
            #expect(page.text.contains(#"id="delivery-finsam-missing""#), "one delivery's right is not the other's")

            let rows = FollowUpTests.rows(try await office.get(csv).text)
            #expect(rows[0] == ["Kommun", "År", "Fråga", "Svar", "Kvinnor", "Män", "Annat eller ej angivet", "Totalt"])
            #expect(rows.contains(["Lerum", "\(year)", "Svar", "Antal svar", "3", "2", "0", "5"]))
            #expect(
                rows.contains(["Lerum", "\(year)", "Fysiskt våld", "Ja, just nu", "1", "0", "0", "1"]),
                "a single answer is exact in the delivery"
            )
            #expect(rows.contains(["Lerum", "\(year)", "Fysiskt våld", "Nej", "2", "1", "0", "3"]))
            #expect(rows.contains(["Lerum", "\(year)", "Fysiskt våld", "Vill inte svara", "0", "1", "0", "1"]))
            #expect(rows.contains(["Lerum", "\(year)", "Vill ha stöd", "Nej", "3", "2", "0", "5"]))
            #expect(rows.contains(["Alingsås", "\(year)", "Fysiskt våld", "Ja, just nu", "0", "0", "0", "0"]))
            #expect(!rows.contains { $0.contains("Kön") }, "the gender question is the columns, not a question")
            // The year before has nobody: zeros, not a refusal.
            let before = FollowUpTests.rows(try await office.get("/office/deliveries/violence-screening.csv?year=\(year - 1)").text)
            #expect(before.contains(["Lerum", "\(year - 1)", "Svar", "Antal svar", "0", "0", "0", "0"]))
            // A year outside the choices comes back beside the field.
            let far = try await office.get("/office/deliveries/violence-screening.csv?year=1990")
            #expect(far.status == .unprocessableContent && far.text.contains(#"id="delivery-year-error""#))

            let exports = try await fixture.store.read { db in
                try await AuditLog(db).recent(associationID: fixture.associationA, limit: 100)
            }.map(\.entry).filter { $0.action == "delivery.export" }
            #expect(
                exports.compactMap(\.objectID).sorted() == [
                    "violence-screening vald-i-nara-relationer association \(year - 1)",
                    "violence-screening vald-i-nara-relationer association \(year)",
                ]
            )
        }
    }
}
