import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("JSON API")
struct APITests {
    /// Calls the API and checks the answer against the served OpenAPI document.
    final class Client {
        let browser: TestBrowser
        let validator: OpenAPIValidator

        init(_ browser: TestBrowser) async throws {
            self.browser = browser
            validator = try OpenAPIValidator(try await browser.get("/api/openapi.json").text)
        }

        @discardableResult
        func call(
            _ method: HTTPRequest.Method,
            _ path: String,
            template: String,
            _ body: String? = nil,
            expect status: HTTPResponse.Status,
            sourceLocation: SourceLocation = #_sourceLocation
        ) async throws -> [String: Any] {
            let response = try await browser.json(method, path, body)
            #expect(response.status == status, "\(method) \(path): \(response.text)", sourceLocation: sourceLocation)
            let problems = validator.problems(response.text, method: method.rawValue, path: template, status: Int(response.status.code))
            #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8", sourceLocation: sourceLocation)
            let value = try? JSONSerialization.jsonObject(with: Data(response.text.utf8))
            return value as? [String: Any] ?? ["items": value ?? []]
        }
    }

    @Test("the OpenAPI document is served without sign-in and lists every API route the server declares")
    func document() async throws {
        let declared = try await AccessMatrixTests.declaredRoutes().filter { $0.path.hasPrefix("/api/") && $0.path != "/api/openapi.json" }
        try await TestApp.run { _, client throws in
            let text = try await TestBrowser(client).get("/api/openapi.json").text
            let document = try OpenAPIValidator(text).document
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            var documented = Set<String>()
            for (path, item) in paths {
                for method in item.keys where method != "parameters" {
                    let serverPath = path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
                    documented.insert("\(method.uppercased()) \(serverPath)")
                }
            }
            #expect(documented == Set(declared.map(\.description)))
        }
    }

    @Test("the validator itself catches a missing field, a wrong value, an unknown field and a wrong type")
    func validatorCatches() async throws {
        try await TestApp.run { _, client throws in
            let validator = try OpenAPIValidator(try await TestBrowser(client).get("/api/openapi.json").text)
            let good =
                #"{"id": 1, "unitId": 2, "name": "A", "gender": "woman", "birthYear": 1990, "state": "block:2", "registeredOn": "2027-01-15"}"#
            #expect(validator.problems(good, method: "PATCH", path: "/api/participants/{participant}", status: 200).isEmpty)
            let bad =
                #"{"id": "1", "unitId": 2, "gender": "robot", "birthYear": 1990, "state": "block:0", "registeredOn": "15/1", "extra": true}"#
            let problems = validator.problems(bad, method: "PATCH", path: "/api/participants/{participant}", status: 200)
            for expected in [
                "missing required name", "$.id: expected", "robot is not one of", "block:0 does not match", "15/1 does not match",
                "extra is not in the schema",
            ] {
                #expect(problems.contains { $0.contains(expected) }, "\(expected) in \(problems)")
            }
            #expect(!validator.problems(good, method: "DELETE", path: "/api/participants/{participant}", status: 200).isEmpty)
        }
    }

    @Test("the whole journey through the API: create, read (audited), update, steps, interventions, meetings, exit")
    func journey() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let api = try await Client(browser)
            let session = try await api.call(.get, "/api/session", template: "/api/session", expect: .ok)
            #expect(session["role"] as? String == "counsellor")
            browser.csrfToken = session["csrfToken"] as? String ?? ""

            let unitPath = "/api/units/\(fixture.unitA1)/participants"
            let invalid = try await api.call(
                .post,
                unitPath,
                template: "/api/units/{unit}/participants",
                """
                {"personalIdentityNumber": "19900101-0018", "name": "", "gender": "man", "municipalityId": \(fixture.municipalityA), "referrerKind": "af", "consent": true}
                """,
                expect: .unprocessableContent
            )
            let fields = invalid["fields"] as? [String: String] ?? [:]
            #expect(fields["personalIdentityNumber"] == "Kontrollsiffran stämmer inte. Kontrollera att alla siffror är rätt.")
            #expect(fields["name"] == "Fyll i det här fältet.")
            try await api.call(.post, unitPath, template: "/api/units/{unit}/participants", #"{"name": 5}"#, expect: .badRequest)

            let created = try await api.call(
                .post,
                unitPath,
                template: "/api/units/{unit}/participants",
                """
                {"personalIdentityNumber": "19900101-0017", "name": "Nils Ny", "phone": "070-111 22 33", "gender": "man",
                 "municipalityId": \(fixture.municipalityA), "referrerKind": "self", "authorities": ["af", "region"], "reason": "Vill arbeta", "consent": true}
                """,
                expect: .created
            )
            let id = try #require(created["id"] as? Int)
            #expect(created["state"] as? String == "registered")
            let path = "/api/participants/\(id)"
            let list = try await api.call(.get, unitPath, template: "/api/units/{unit}/participants", expect: .ok)
            #expect((list["items"] as? [[String: Any]])?.count == 2)

            let record = try await api.call(.get, path, template: "/api/participants/{participant}", expect: .ok)
            #expect(record["personalIdentityNumber"] as? String == "19900101-0017")
            #expect(record["authorities"] as? [String] == ["af", "region"])
            let audit = try await fixture.store.read { db in try await AuditLog(db).recent(associationID: fixture.associationA, limit: 1) }
            #expect(audit.first?.entry.action == "participant.read")
            #expect(audit.first?.entry.objectID == String(id))

            try await api.call(
                .patch,
                path,
                template: "/api/participants/{participant}",
                #"{"email": "inte en adress"}"#,
                expect: .unprocessableContent
            )
            let updated = try await api.call(
                .patch,
                path,
                template: "/api/participants/{participant}",
                #"{"name": "Nils Nyström"}"#,
                expect: .ok
            )
            #expect(updated["name"] as? String == "Nils Nyström")

            let today = Day(fixture.clock.now).description
            let transitions = path + "/transitions"
            let refused = try await api.call(
                .post,
                transitions,
                template: "/api/participants/{participant}/transitions",
                #"{"event": "check-in", "day": "\#(today)"}"#,
                expect: .unprocessableContent
            )
            #expect((refused["fields"] as? [String: String])?["event"] == "Det steget kan inte tas i det här läget av resan.")
            for event in ["information", "start"] {
                try await api.call(
                    .post,
                    transitions,
                    template: "/api/participants/{participant}/transitions",
                    #"{"event": "\#(event)", "day": "\#(today)", "reason": "Undantag i test"}"#,
                    expect: .created
                )
            }
            let intervention = try await api.call(
                .post,
                path + "/interventions",
                template: "/api/participants/{participant}/interventions",
                """
                {"type": "job", "provider": "employer", "title": "Praktik", "placement": true, "employerName": "Lager AB", "start": "\(today)"}
                """,
                expect: .created
            )
            #expect(intervention["employerName"] as? String == "Lager AB")
            try await api.call(.get, path + "/interventions", template: "/api/participants/{participant}/interventions", expect: .ok)
            try await api.call(
                .post,
                path + "/meetings",
                template: "/api/participants/{participant}/meetings",
                #"{"kind": "individual", "day": "\#(today)", "attendees": ["participant", "counsellor"], "notes": "Bra samtal"}"#,
                expect: .created
            )
            let meetings = try await api.call(.get, path + "/meetings", template: "/api/participants/{participant}/meetings", expect: .ok)
            #expect((meetings["items"] as? [[String: Any]])?.first?["notes"] as? String == "Bra samtal")

            try await api.call(
                .post,
                path + "/exit",
                template: "/api/participants/{participant}/exit",
                #"{"day": "\#(today)", "outcome": "fame"}"#,
                expect: .unprocessableContent
            )
            let exited = try await api.call(
                .post,
                path + "/exit",
                template: "/api/participants/{participant}/exit",
                #"{"day": "\#(today)", "outcome": "studies"}"#,
                expect: .created
            )
            #expect(exited["state"] as? String == "exited")
            let final = try await api.call(.get, path, template: "/api/participants/{participant}", expect: .ok)
            #expect((final["steps"] as? [[String: Any]])?.map { $0["event"] as? String } == ["registered", "information", "start", "exit"])
        }
    }

    @Test("the API refuses as the pages do, in JSON: another unit 403, another association 404, no CSRF token 403")
    func refusals() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            try await browser.signIn(Fixture.email(.counsellor))
            let api = try await Client(browser)
            let sibling = try await api.call(
                .get,
                "/api/participants/\(fixture.participantA2)",
                template: "/api/participants/{participant}",
                expect: .forbidden
            )
            #expect(sibling["error"] as? String == "forbidden")
            try await api.call(
                .get,
                "/api/participants/\(fixture.participantB1)",
                template: "/api/participants/{participant}",
                expect: .notFound
            )
            browser.csrfToken = "wrong"
            let csrf = try await api.call(
                .patch,
                "/api/participants/\(fixture.participantA1)",
                template: "/api/participants/{participant}",
                #"{"name": "X"}"#,
                expect: .forbidden
            )
            #expect(csrf["error"] as? String == "csrf")
        }
    }
}
