import HTTPTypes
import Hummingbird
import NIOCore
import Testing

@testable import FramstegWeb

/// Forwarded headers are believed only from a trusted proxy, and the client is the rightmost
/// address in `X-Forwarded-For` that is not one: what a client writes to the left counts for nothing.
@Suite("Trusted proxies")
struct ProxyTrustTests {
    static func request(forwardedFor: String, proto: String = "https") -> Request {
        var fields = HTTPFields()
        fields[HTTPField.Name("X-Forwarded-For")!] = forwardedFor
        fields[HTTPField.Name("X-Forwarded-Proto")!] = proto
        let head = HTTPRequest(method: .get, scheme: "http", authority: "framsteg.test", path: "/", headerFields: fields)
        return Request(head: head, body: .init(buffer: ByteBuffer()))
    }

    static let configuration: WebConfiguration = {
        var configuration = WebConfiguration(trustForwardedHeaders: true)
        configuration.trustedProxies = ["10.0.0.5", "127.0.0.1"]
        return configuration
    }()

    @Test("from a trusted proxy: the rightmost untrusted hop is the client, and HTTPS is believed")
    func trusted() {
        let facts = ConnectionFacts(
            Self.request(forwardedFor: "6.6.6.6, 203.0.113.7, 10.0.0.5"),
            configuration: Self.configuration,
            socketAddress: "127.0.0.1"
        )
        #expect(facts.clientAddress == "203.0.113.7", "the spoofed 6.6.6.6 on the left is ignored")
        #expect(facts.isSecure)
    }

    @Test("from anyone else the headers are ignored: the socket's address stands, and plain HTTP stays plain")
    func untrusted() {
        let facts = ConnectionFacts(
            Self.request(forwardedFor: "203.0.113.7"),
            configuration: Self.configuration,
            socketAddress: "198.51.100.9"
        )
        #expect(facts.clientAddress == "198.51.100.9")
        #expect(!facts.isSecure)
    }

    @Test("without --trust-proxy nothing forwarded is believed, not even from a listed proxy")
    func notTrusting() {
        var configuration = Self.configuration
        configuration.trustForwardedHeaders = false
        let facts = ConnectionFacts(Self.request(forwardedFor: "203.0.113.7"), configuration: configuration, socketAddress: "127.0.0.1")
        #expect(facts.clientAddress == "127.0.0.1" && !facts.isSecure)
    }

    @Test(
        "FRAMSTEG_TRUST_PROXY and the other on/off settings read 1, true, yes, on as on and 0, false, no, off or nothing as off",
        arguments: [
            ("1", true), ("true", true), ("TRUE", true), ("yes", true), ("on", true), (" 1 ", true), ("0", false), ("false", false),
            ("no", false), ("off", false), ("", false),
        ]
    )
    func environmentFlag(_ value: String, _ isOn: Bool) throws {
        #expect(try EnvironmentFlag.isOn("FRAMSTEG_TRUST_PROXY", in: ["FRAMSTEG_TRUST_PROXY": value]) == isOn)
        #expect(try EnvironmentFlag.isOn("FRAMSTEG_TRUST_PROXY", in: [:]) == false)
    }

    @Test("a mistyped on/off setting is refused with its name, never read as off")
    func environmentFlagRefused() {
        #expect(throws: EnvironmentFlag.Problem.self) {
            try EnvironmentFlag.isOn("FRAMSTEG_SECURE_COOKIES", in: ["FRAMSTEG_SECURE_COOKIES": "ja"])
        }
        let problem = EnvironmentFlag.Problem(name: "FRAMSTEG_SECURE_COOKIES", value: "ja")
        #expect(problem.description.hasPrefix("FRAMSTEG_SECURE_COOKIES=ja: expected 1, true"))
    }
}
