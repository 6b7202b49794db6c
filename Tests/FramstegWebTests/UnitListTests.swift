import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@Suite("The unit's participant list")
struct UnitListTests {
    /// A valid personal identity number born on 1 January of `year`, with serial `serial`.
    static func number(year: Int, serial: Int) -> String {
        let digits = String(format: "%02d0101%03d", year % 100, serial)
        let sum = digits.enumerated().reduce(0) { sum, element in
            let value = Int(String(element.element))! * (element.offset % 2 == 0 ? 2 : 1)
            return sum + value / 10 + value % 10
        }
        return "\(year)0101-" + digits.suffix(3) + String((10 - sum % 10) % 10)
    }

    /// Thirty participants in unit A1 besides Sara Lind: registered one a day back from today,
    /// five of them ended, three of them the counsellor's own; the names of the ids it returns.
    static func seed(_ fixture: Fixture) async throws -> (counsellor: UserID, names: [ParticipantID: String]) {
        try await fixture.store.write { db in
            let organisation = OrganisationRepository(db)
            let unit = try #require(try await organisation.unit(fixture.unitA1))
            let municipality = try #require(try await organisation.municipality(fixture.municipalityA))
            let counsellor = try #require(try await UserRepository(db).credentials(email: Fixture.email(.counsellor)).first?.user.id)
            let repository = ParticipantRepository(db, keyring: TestKeys.keyring)
            let today = Day(fixture.clock.now)
            var names: [ParticipantID: String] = [:]
            for index in 1...30 {
                let name = index == 30 ? "Åsa Ek" : String(format: "Deltagare %02d", index)
                let draft = ParticipantDraft(
                    personalIdentityNumber: number(year: 1980 + index % 20, serial: 100 + index),
                    name: name,
                    phone: "070-000 00 00",
                    email: "",
                    gender: index % 2 == 0 ? "woman" : "man",
                    municipalityID: municipality.id.description,
                    referrerKind: "self",
                    referrerName: "",
                    authorities: [],
                    reason: "",
                    consent: true
                )
                let valid = try draft.validated(municipalities: [municipality], today: fixture.clock.now)
                let id = try await repository.register(valid, unit: unit, on: today.adding(days: -index), by: nil, now: fixture.clock.now)
                names[id] = name
                if index <= 5 { try await db.update("participants").set("state", to: "exited").where("id", .equal, id.rawValue).run() }
                if (6...8).contains(index) {
                    try await db.update("participants").set("responsible_counsellor", to: counsellor.rawValue).where(
                        "id",
                        .equal,
                        id.rawValue
                    )
                    .run()
                }
            }
            return (counsellor, names)
        }
    }

    /// The names in the list's table, in order.
    static func listed(_ page: String) -> [String] {
        guard let body = page.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first else {
            return []
        }
        return body.components(separatedBy: #"<tr><td><a href="/participants/"#).dropFirst().compactMap {
            $0.split(separator: ">", maxSplits: 1).last?.components(separatedBy: "</a>").first
        }
    }

    @Test("ongoing participants newest first, 25 to a page; filters by stage and counsellor, sorting by name, unknown values ignored")
    func list() async throws {
        try await TestApp.run { fixture, client throws in
            _ = try await Self.seed(fixture)
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let path = "/units/\(fixture.unitA1)"

            // 26 ongoing (Sara Lind today, then 25 of the 30): the newest first, a page of 25.
            let first = try await browser.get(path)
            let names = Self.listed(first.text)
            #expect(names.count == 25)
            #expect(names.prefix(3) == ["Sara Lind", "Deltagare 06", "Deltagare 07"], "\(names.prefix(3))")
            #expect(first.text.contains("Visar 1–25 av 26 deltagare."))
            #expect(!names.contains("Deltagare 01"), "the ended are not in the ongoing list")
            #expect(first.text.contains(#"<a href="\#(path)?page=2#participants" rel="next" id="page-next">Nästa</a>"#))
            let second = try await browser.get(path + "?page=2")
            #expect(Self.listed(second.text) == ["Åsa Ek"])
            #expect(second.text.contains("Visar 26–26 av 26 deltagare."))
            #expect(second.text.contains(#"<a href="\#(path)?page=2#participants" aria-current="page">2</a>"#))
            #expect(Self.listed(try await browser.get(path + "?page=99").text) == ["Åsa Ek"], "past the end is the last page")

            let ended = Self.listed(try await browser.get(path + "?show=ended").text)
            #expect(ended == ["Deltagare 01", "Deltagare 02", "Deltagare 03", "Deltagare 04", "Deltagare 05"])
            let mine = try await browser.get(path + "?counsellor=mine&sort=oldest")
            #expect(Self.listed(mine.text) == ["Deltagare 08", "Deltagare 07", "Deltagare 06"])
            #expect(mine.text.contains(#"<option value="mine" selected>Mina deltagare</option>"#))
            #expect(mine.text.contains(#"<option value="oldest" selected>"#))
            let byName = Self.listed(try await browser.get(path + "?show=all&sort=name&page=2").text)
            #expect(byName.first == "Deltagare 26" && byName.contains("Sara Lind") && byName.last == "Åsa Ek", "\(byName)")
            let unknown = try await browser.get(path + "?show=everything&sort=sideways&page=-3&counsellor=x")
            #expect(Self.listed(unknown.text) == names, "unknown values are the defaults")
            #expect(unknown.text.contains(#"<td>Test counsellor</td>"#), "the responsible counsellor is named in the list")
        }
    }
}
