import Crypto
import Foundation
import FramstegCore
import JWTKit

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What an identity provider's discovery document says Framsteg needs.
struct ProviderMetadata: Decodable, Sendable {
    let issuer: String
    let authorizationEndpoint: String
    let tokenEndpoint: String
    let jwksURI: String
    let endSessionEndpoint: String?

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
        case endSessionEndpoint = "end_session_endpoint"
    }
}

/// An ID token whose signature, issuer, audience, expiry, nonce and assurance were checked, with
/// its string-valued claims (the one that names the user among them).
struct VerifiedIDToken: Sendable {
    let issuer: String
    let subject: String
    let claims: [String: String]
}

/// The claims jwt-kit decodes while it checks the signature; the rest is checked here, so each
/// failure gets its own message.
struct IDTokenPayload: JWTPayload {
    let iss: IssuerClaim
    let sub: SubjectClaim
    let aud: AudienceClaim
    let exp: ExpirationClaim
    let iat: IssuedAtClaim?
    let nonce: String?
    let acr: String?

    func verify(using _: some JWTAlgorithm) async throws {}
}

/// Talks to identity providers over HTTPS (Foundation's URLSession: no HTTP client package needed
/// for three requests per sign-in): the discovery document and the provider's keys, both cached
/// (the keys are fetched again when a token names one not seen yet: key rotation), and the token
/// request of the authorization code flow.
actor OpenIDConnectClient {
    private var metadataCache: [String: (metadata: ProviderMetadata, fetchedAt: Date)] = [:]
    private var keyCache: [String: KeySet] = [:]
    private let session: URLSession
    /// How long a discovery document is trusted before it is read again.
    static let metadataLifetime: TimeInterval = 3600
    /// How far the provider's clock may be from ours.
    static let leeway: TimeInterval = 60

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    func metadata(issuer: String, now: Date) async throws(IdentityProviderProblem) -> ProviderMetadata {
        if let cached = metadataCache[issuer], now.timeIntervalSince(cached.fetchedAt) < Self.metadataLifetime { return cached.metadata }
        guard let url = URL(string: issuer + "/.well-known/openid-configuration") else { throw .providerUnavailable }
        let metadata: ProviderMetadata = try await getJSON(url)
        // The document must name the issuer it was fetched for (OpenID Connect Discovery 1.0, 4.3).
        guard metadata.issuer == issuer else { throw .providerUnavailable }
        metadataCache[issuer] = (metadata, now)
        return metadata
    }

    /// Exchanges the code for the ID token (client secret by HTTP Basic, PKCE verifier, same redirect URI).
    func idToken(
        code: String,
        verifier: String,
        redirectURI: String,
        settings: IdentityProviderSettings,
        metadata: ProviderMetadata
    ) async throws(IdentityProviderProblem) -> String {
        guard let url = URL(string: metadata.tokenEndpoint) else { throw .providerUnavailable }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let credentials = Self.formEncoded(settings.clientID) + ":" + Self.formEncoded(settings.clientSecret)
        request.setValue("Basic " + Data(credentials.utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        let form = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI), ("code_verifier", verifier),
            ("client_id", settings.clientID),
        ]
        request.httpBody = Data(form.map { Self.formEncoded($0.0) + "=" + Self.formEncoded($0.1) }.joined(separator: "&").utf8)
        let (data, response): (Data, URLResponse)
        do { (data, response) = try await session.data(for: request) } catch { throw .providerUnavailable }
        guard let status = (response as? HTTPURLResponse)?.statusCode else { throw .providerUnavailable }
        guard status == 200 else { throw status == 400 || status == 401 ? .codeRefused : .providerUnavailable }
        struct TokenResponse: Decodable {
            let idToken: String
            enum CodingKeys: String, CodingKey { case idToken = "id_token" }
        }
        guard let token = try? JSONDecoder().decode(TokenResponse.self, from: data) else { throw .providerUnavailable }
        return token.idToken
    }

    /// Checks the ID token: its signature with the provider's keys (fetched again once for a key id
    /// not seen yet), then issuer, audience, expiry, nonce and the assurance the association asks.
    func verify(
        _ token: String,
        settings: IdentityProviderSettings,
        metadata: ProviderMetadata,
        nonce: String,
        now: Date
    ) async throws(IdentityProviderProblem) -> VerifiedIDToken {
        let payload = try await verifiedSignature(token, metadata: metadata)
        guard payload.iss.value == settings.issuer else { throw .wrongIssuer }
        do { try payload.aud.verifyIntendedAudience(includes: settings.clientID) } catch { throw .wrongAudience }
        guard payload.exp.value.addingTimeInterval(Self.leeway) > now else { throw .expired }
        if let issued = payload.iat?.value, issued > now.addingTimeInterval(Self.leeway) { throw .expired }
        guard let sent = payload.nonce, Self.constantTimeEquals(sent, nonce) else { throw .wrongNonce }
        if let required = settings.requiredACR, payload.acr != required { throw .insufficientAssurance }
        return VerifiedIDToken(issuer: payload.iss.value, subject: payload.sub.value, claims: Self.stringClaims(of: token))
    }

    /// The signature checked with the key the token names. A key id not among the provider's keys
    /// makes them be fetched again once (the provider rotated its keys); there is no default key, so
    /// a token naming none of them is refused rather than tried against another.
    private func verifiedSignature(_ token: String, metadata: ProviderMetadata) async throws(IdentityProviderProblem) -> IDTokenPayload {
        guard let kid = Self.keyID(of: token) else { throw .badSignature }
        var keys = try await keySet(metadata, refresh: false)
        if !keys.ids.contains(kid) { keys = try await keySet(metadata, refresh: true) }
        guard keys.ids.contains(kid) else { throw .badSignature }
        do {
            return try await keys.collection.verify(token, as: IDTokenPayload.self)
        } catch let error as JWTError where error.errorType == .malformedToken {
            throw .providerUnavailable
        } catch {
            throw .badSignature
        }
    }

    private func keySet(_ metadata: ProviderMetadata, refresh: Bool) async throws(IdentityProviderProblem) -> KeySet {
        if !refresh, let cached = keyCache[metadata.jwksURI] { return cached }
        guard let url = URL(string: metadata.jwksURI) else { throw .providerUnavailable }
        let jwks: JWKS = try await getJSON(url)
        let collection = JWTKeyCollection()
        do { try await collection.add(jwks: jwks) } catch { throw .providerUnavailable }
        await collection.clearDefault()
        let keys = KeySet(collection: collection, ids: Set(jwks.keys.compactMap { $0.keyIdentifier?.string }))
        keyCache[metadata.jwksURI] = keys
        return keys
    }

    /// The provider's keys and their ids.
    struct KeySet: Sendable {
        let collection: JWTKeyCollection
        let ids: Set<String>
    }

    /// The `kid` of the token's header.
    static func keyID(of token: String) -> String? {
        guard let header = token.split(separator: ".", omittingEmptySubsequences: false).first,
            let object = jsonObject(base64URL: String(header))
        else { return nil }
        return object["kid"] as? String
    }

    static func jsonObject(base64URL text: String) -> [String: Any]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    private func getJSON<Value: Decodable>(_ url: URL) async throws(IdentityProviderProblem) -> Value {
        var request = URLRequest(url: url)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        do {
            let (data, response) = try await session.data(for: request)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw IdentityProviderProblem.providerUnavailable }
            return try JSONDecoder().decode(Value.self, from: data)
        } catch {
            throw .providerUnavailable
        }
    }

    /// The payload's claims whose values are strings (or numbers, written out), for the claim that names the user.
    static func stringClaims(of token: String) -> [String: String] {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let object = jsonObject(base64URL: String(parts[1])) else { return [:] }
        var claims: [String: String] = [:]
        for (name, value) in object {
            if let text = value as? String {
                claims[name] = text
            } else if let number = value as? NSNumber {
                claims[name] = number.stringValue
            }
        }
        return claims
    }

    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
