import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import FramstegWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization

/// A clock the test moves by hand, for session timeouts and throttling windows.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    private let usedSteps = Mutex([String: Int64]())
    var now: Date { current.withLock { $0 } }
    func advance(minutes: Double) { current.withLock { $0 += minutes * 60 } }

    /// The clock of the application the test runs (set by `TestApp.run`), for codes typed at sign-in.
    @TaskLocal static var running: TestClock?

    /// A code of the fixture's authenticator for `email` that the account has not used yet: the
    /// current step's, else the next one's (still accepted), else the clock moves on a step.
    func unusedCode(for email: String) -> String {
        let totp = OneTimePassword(secret: Fixture.authenticatorSecret)
        var current = totp.step(at: now)
        let last = usedSteps.withLock { $0[email] ?? 0 }
        if last > current {
            advance(minutes: 0.5)
            current = totp.step(at: now)
        }
        let step = max(current, last + 1)
        usedSteps.withLock { $0[email] = step }
        return totp.code(counter: UInt64(step))
    }
}

/// Two associations, so every test can try to cross the boundary between tenants.
struct Fixture: Sendable {
    let clock: TestClock
    let store: Store
    let associationA: AssociationID
    let municipalityA: MunicipalityID
    let unitA1: UnitID
    let unitA2: UnitID
    let associationB: AssociationID
    let municipalityB: MunicipalityID
    let unitB1: UnitID
    /// A counsellor of unit A2 that admin tests change; never signed in by the matrix.
    let targetUserA: UserID
    let targetUserB: UserID
    /// One participant in each of the units A1, A2 and B1.
    let participantA1: ParticipantID
    let participantA2: ParticipantID
    let participantB1: ParticipantID
    /// A BIP measurement and an action-plan goal with one step, all of participant A1.
    let measurementA1: MeasurementID
    let goalA1: PlanGoalID
    let stepA1: PlanStepID
    /// The exit survey offered to participant A1, not yet answered.
    let surveyOfferA1: SurveyOfferID

    static let password = "Rätt-lösenord-för-test"
    /// The authenticator of the fixture's admins (they always need a second factor): the RFC test secret.
    static let authenticatorSecret = Array("12345678901234567890".utf8)
    static func email(_ role: Role) -> String { "\(role.rawValue)@a.test" }
    /// A unit manager of unit A1 whom the association lets open participants' records.
    static let recordsManagerEmail = "manager-records@a.test"
    static let adminB = "admin@b.test"

    static func seed(_ store: Store, clock: TestClock) async throws -> Fixture {
        let hash = try await Passwords(cost: 4).hash(password)
        return try await store.write { db in
            let organisation = OrganisationRepository(db)
            let users = UserRepository(db)
            let now = clock.now
            let a = try await organisation.createAssociation(name: "Insjöriket", now: now)
            let b = try await organisation.createAssociation(name: "Kustlandet", now: now)
            let mA = try await organisation.createMunicipality(in: a.id, name: "Lerum")
            let mB = try await organisation.createMunicipality(in: b.id, name: "Varberg")
            let a1 = try await organisation.createUnit(in: a.id, municipalityID: mA.id, name: "ACTivera Lerum")
            let a2 = try await organisation.createUnit(in: a.id, municipalityID: mA.id, name: "Steget Lerum")
            let b1 = try await organisation.createUnit(in: b.id, municipalityID: mB.id, name: "Steget Varberg")
            for role in Role.allCases {
                _ = try await users.create(
                    in: a.id,
                    email: email(role),
                    name: "Test \(role.rawValue)",
                    role: role,
                    unitIDs: role.belongsToUnits ? [a1.id] : [],
                    passwordHash: hash,
                    now: now
                )
            }
            // A manager the association has let open records: answers like a counsellor on participants.
            let recordsManager = try await users.create(
                in: a.id,
                email: recordsManagerEmail,
                name: "Test manager with records",
                role: .manager,
                unitIDs: [a1.id],
                passwordHash: hash,
                now: now
            )
            try await users.setMayOpenRecords(recordsManager.id, true)
            let targetA = try await users.create(
                in: a.id,
                email: "target@a.test",
                name: "Target A",
                role: .counsellor,
                unitIDs: [a2.id],
                passwordHash: hash,
                now: now
            )
            let targetB = try await users.create(
                in: b.id,
                email: adminB,
                name: "Admin B",
                role: .admin,
                unitIDs: [],
                passwordHash: hash,
                now: now
            )
            let factors = SecondFactorRepository(db, keyring: TestKeys.keyring)
            for admin in try await users.users(of: a.id).filter({ $0.role == .admin }) + [targetB] {
                try await factors.setPending(admin.id, secret: authenticatorSecret, now: now)
                try await factors.confirmPending(admin.id, secret: authenticatorSecret, step: 0, recoveryCodes: [], now: now)
            }
            let participants = ParticipantRepository(db, keyring: TestKeys.keyring)
            func participant(
                _ number: String,
                _ name: String,
                _ unit: OrganisationUnit,
                _ municipality: Municipality
            ) async throws -> ParticipantID {
                let draft = ParticipantDraft(
                    personalIdentityNumber: number,
                    name: name,
                    phone: "070-000 00 00",
                    email: "",
                    gender: "woman",
                    municipalityID: municipality.id.description,
                    referrerKind: "af",
                    referrerName: "",
                    authorities: ["af"],
                    reason: "Behöver samordnat stöd",
                    consent: true
                )
                return try await participants.register(
                    try draft.validated(municipalities: [municipality], today: now),
                    unit: unit,
                    on: Day(now),
                    by: nil,
                    now: now
                )
            }
            let participantA1 = try await participant("19811218-9876", "Sara Lind", a1, mA)
            let bip = try ShippedInstruments.load().first { $0.id == "bip" }!
            let measurement = try await MeasurementRepository(db, keyring: TestKeys.keyring).start(
                bip,
                for: participantA1,
                occasion: .start,
                on: Day(now),
                by: nil
            )
            let plans = PlanRepository(db, keyring: TestKeys.keyring)
            let goal = try await plans.addGoal(
                text: "Hantera vardagen",
                indicators: [IndicatorKey("bip/everyday")!],
                for: participantA1,
                on: Day(now),
                by: nil
            )
            let step = try await plans.addStep(
                text: "Boka möte med FK",
                owner: .counsellor,
                due: Day(now).adding(days: 7),
                to: goal.id,
                by: nil,
                now: now
            )
            let offer = try await SurveyOfferRepository(db).offer("deltagarenkat", to: participantA1, on: Day(now), by: nil)
            return Fixture(
                clock: clock,
                store: store,
                associationA: a.id,
                municipalityA: mA.id,
                unitA1: a1.id,
                unitA2: a2.id,
                associationB: b.id,
                municipalityB: mB.id,
                unitB1: b1.id,
                targetUserA: targetA.id,
                targetUserB: targetB.id,
                participantA1: participantA1,
                participantA2: try await participant("19701063-2391", "Omar Berg", a2, mA),
                participantB1: try await participant("20000229-0005", "Lena Ek", b1, mB),
                measurementA1: measurement,
                goalA1: goal.id,
                stepA1: step.id,
                surveyOfferA1: offer.id
            )
        }
    }
}

enum TestApp {
    static let logger: Logger = {
        var logger = Logger(label: "framsteg.web-test")
        logger.logLevel = .critical
        return logger
    }()

    /// Builds the real application on a fresh SQLite database with the fixture, and hands a test client over.
    static func run(
        database: TestDatabase = .sqlite,
        logger: Logger = TestApp.logger,
        configure: (inout WebConfiguration) -> Void = { _ in },
        beforeStart: @escaping @Sendable (Fixture) async throws -> Void = { _ in },
        _ body: @escaping @Sendable (Fixture, any TestClientProtocol) async throws -> Void
    ) async throws {
        var configuration = WebConfiguration(bcryptCost: 4)
        configuration.trustForwardedHeaders = true
        // The router test client has no socket address: believe the header from it.
        configuration.trustedProxies = nil
        // Many suites share two cores: readiness is not to fail for want of CPU (HealthTests sets its own).
        configuration.readinessDeadline = .seconds(60)
        configure(&configuration)
        let finalConfiguration = configuration
        try await database.withFreshStore { store in
            let clock = TestClock()
            let fixture = try await Fixture.seed(store, clock: clock)
            try await beforeStart(fixture)
            let site = try await Site(
                store: store,
                keyring: TestKeys.keyring,
                configuration: finalConfiguration,
                now: { clock.now },
                logger: logger
            )
            let app = buildApplication(site: site, logger: logger)
            try await TestClock.$running.withValue(clock) {
                try await app.test(.router) { client in try await body(fixture, client) }
            }
        }
    }
}

extension TestApp {
    /// Two applications over one database with the same key file, as two nodes behind a balancer.
    static func runTwoNodes(
        database: TestDatabase = .sqlite,
        _ body: @escaping @Sendable (Fixture, any TestClientProtocol, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await run(database: database) { fixture, first in
            var configuration = WebConfiguration(bcryptCost: 4)
            configuration.trustForwardedHeaders = true
            configuration.trustedProxies = nil
            configuration.readinessDeadline = .seconds(60)
            let site = try await Site(
                store: fixture.store,
                keyring: TestKeys.keyring,
                configuration: configuration,
                now: { fixture.clock.now },
                logger: logger
            )
            try await buildApplication(site: site, logger: logger).test(.router) { second in try await body(fixture, first, second) }
        }
    }
}

/// A browser stand-in: keeps cookies, picks up the CSRF token from each page, signs in.
final class TestBrowser {
    /// The server it talks to; a test of several nodes switches it between requests.
    var client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrfToken = ""
    var headers: HTTPFields = [:]

    init(_ client: any TestClientProtocol, address: String = "192.0.2.10") {
        self.client = client
        headers[HTTPField.Name("X-Forwarded-For")!] = address
    }

    @discardableResult
    func get(_ path: String) async throws -> TestResponse {
        try await send(path, method: .get, body: nil)
    }

    /// Posts a form; the page's CSRF token is added unless the fields carry their own `_csrf`.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)] = [], csrf: String? = nil) async throws -> TestResponse {
        var all = fields
        if !fields.contains(where: { $0.0 == "_csrf" }) { all.append(("_csrf", csrf ?? csrfToken)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .post, body: body)
    }

    /// Sends JSON as an API client does: the session cookie, and the CSRF token in a header.
    @discardableResult
    func json(_ method: HTTPRequest.Method, _ path: String, _ body: String? = nil) async throws -> TestResponse {
        var headers = self.headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        headers[.accept] = "application/json"
        if body != nil {
            headers[.contentType] = "application/json"
            headers[HTTPField.Name("X-CSRF-Token")!] = csrfToken
        }
        return try await client.executeRequest(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// Signs in and, like a browser, follows the redirect so the session's CSRF token is picked up.
    /// An account with an authenticator (the fixture's admins) types an unused code of it next; the
    /// answer is then the code's.
    @discardableResult
    func signIn(_ email: String, _ password: String = Fixture.password) async throws -> TestResponse {
        try await get("/sign-in")
        var response = try await post("/sign-in", [("email", email), ("password", password)])
        if response.location == "/sign-in/code", let clock = TestClock.running {
            try await get("/sign-in/code")
            response = try await post("/sign-in/code", [("code", clock.unusedCode(for: email))])
        }
        if response.status == .seeOther, let location = response.location { try await get(location) }
        return response
    }

    private func send(_ path: String, method: HTTPRequest.Method, body: String?) async throws -> TestResponse {
        var headers = self.headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.executeRequest(
            uri: path,
            method: method,
            headers: headers,
            body: body.map { ByteBuffer(string: $0) }
        )
        for header in response.headers[values: .setCookie] {
            guard let pair = header.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals])
            let value = String(pair[pair.index(after: equals)...])
            if header.contains("Max-Age=0") || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
        if let token = Self.csrfToken(in: String(buffer: response.body)) { csrfToken = token }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}
