import Foundation

/// An association's identity provider (OpenID Connect): its issuer, how Framsteg is registered with
/// it, which claim of the ID token names the user, the assurance it must vouch for, and whether staff
/// may still sign in with a password beside it.
///
/// Identitetsleverantör (IdP): Microsoft Entra ID, a local IdP or Inera's, in front of SITHS, Freja
/// eID+ or BankID.
public struct IdentityProviderSettings: Sendable, Equatable {
    /// The issuer as the provider names itself (`https://login.microsoftonline.com/TENANT/v2.0`);
    /// its discovery document is at `/.well-known/openid-configuration` below it.
    public var issuer: String
    public var clientID: String
    public var clientSecret: String
    /// The claim whose value names the account in Framsteg: `email` is compared with the account's
    /// address; any other (`sub`, an HSA id claim) with the account's external id.
    public var userClaim: String
    /// The `acr` the ID token must carry (e.g. `http://id.elegnamnden.se/loa/1.0/loa3`); nil asks none.
    public var requiredACR: String?
    /// Whether the association's staff may still sign in with a password (and second factor).
    public var allowsPassword: Bool

    public init(issuer: String, clientID: String, clientSecret: String, userClaim: String, requiredACR: String?, allowsPassword: Bool) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.userClaim = userClaim
        self.requiredACR = requiredACR
        self.allowsPassword = allowsPassword
    }

    /// The settings as typed, checked: every problem named at once.
    public static func validated(
        issuer typedIssuer: String,
        clientID typedClientID: String,
        clientSecret: String,
        userClaim typedClaim: String,
        requiredACR typedACR: String,
        allowsPassword: Bool,
        allowsPlainHTTPLoopback: Bool = false
    ) throws(ValidationFailure) -> IdentityProviderSettings {
        let issuer = typedIssuer.trimmingCharacters(in: .whitespaces).trimmingTrailingSlash
        let clientID = typedClientID.trimmingCharacters(in: .whitespaces)
        let claim = typedClaim.trimmingCharacters(in: .whitespaces)
        let acr = typedACR.trimmingCharacters(in: .whitespaces)
        var failure = ValidationFailure()
        if issuer.isEmpty {
            failure.add("issuer", .required)
        } else if !isAcceptableIssuer(issuer, allowsPlainHTTPLoopback: allowsPlainHTTPLoopback) {
            failure.add("issuer", .invalidIssuer)
        }
        if clientID.isEmpty { failure.add("clientID", .required) }
        if clientSecret.isEmpty { failure.add("clientSecret", .required) }
        if claim.isEmpty { failure.add("userClaim", .required) }
        try failure.throwIfAny()
        return IdentityProviderSettings(
            issuer: issuer,
            clientID: clientID,
            clientSecret: clientSecret,
            userClaim: claim,
            requiredACR: acr.isEmpty ? nil : acr,
            allowsPassword: allowsPassword
        )
    }

    /// HTTPS, or plain HTTP only on the loopback address (a provider running beside the tests).
    static func isAcceptableIssuer(_ issuer: String, allowsPlainHTTPLoopback: Bool) -> Bool {
        guard let url = URL(string: issuer), let host = url.host, url.query == nil, url.fragment == nil else { return false }
        if url.scheme == "https" { return true }
        return allowsPlainHTTPLoopback && url.scheme == "http" && (host == "127.0.0.1" || host == "localhost" || host == "::1")
    }
}

extension String {
    fileprivate var trimmingTrailingSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}

/// Why a sign-in through the identity provider was refused: one clear message each, and the audit
/// row names which.
public enum IdentityProviderProblem: String, Error, Sendable, CaseIterable {
    /// The provider could not be reached, or its discovery document, keys or token answer were unusable.
    case providerUnavailable = "provider-unavailable"
    /// The callback's `state` is unknown, used already, expired, or not this browser's.
    case wrongState = "wrong-state"
    /// The provider answered with an error (the user cancelled, consent refused).
    case providerRefused = "provider-refused"
    /// The token endpoint refused the code (wrong client secret, code used, PKCE failed).
    case codeRefused = "code-refused"
    /// The ID token's signature is not one of the provider's keys (after fetching them again).
    case badSignature = "bad-signature"
    case wrongIssuer = "wrong-issuer"
    case wrongAudience = "wrong-audience"
    case expired
    /// The nonce is missing or not the one this sign-in sent (a token replayed from another).
    case wrongNonce = "wrong-nonce"
    /// The token does not vouch for the assurance the association requires.
    case insufficientAssurance = "insufficient-assurance"
    /// The claim that names the user is missing from the token.
    case missingClaim = "missing-claim"
    /// No enabled account in the association has that identity (or it is linked to another person).
    case unknownUser = "unknown-user"
}
