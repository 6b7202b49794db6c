import Foundation

/// A person who signs in: staff of an association or one of its units.
public struct User: Hashable, Sendable {
    public let id: UserID
    public let associationID: AssociationID
    public var email: String
    public var name: String
    public var role: Role
    public var unitIDs: Set<UnitID>
    public var isDisabled: Bool
    /// The language the user chose; nil means "follow the browser".
    public var language: Language?
    /// A manager the association lets open participants' records (see `Principal.mayOpenRecords`).
    public var mayOpenRecords: Bool
    /// The national deliveries the admin lets this office user make, exact (see `FigureAudience`).
    public var deliveries: Set<NationalDelivery>

    public init(
        id: UserID,
        associationID: AssociationID,
        email: String,
        name: String,
        role: Role,
        unitIDs: Set<UnitID>,
        isDisabled: Bool = false,
        language: Language? = nil,
        mayOpenRecords: Bool = false,
        deliveries: Set<NationalDelivery> = []
    ) {
        self.id = id
        self.associationID = associationID
        self.email = email
        self.name = name
        self.role = role
        self.unitIDs = unitIDs
        self.isDisabled = isDisabled
        self.language = language
        self.mayOpenRecords = mayOpenRecords
        self.deliveries = deliveries
    }

    /// Who this user is when asking the policy for permission.
    public var principal: Principal {
        Principal(
            userID: id,
            role: role,
            associationID: associationID,
            unitIDs: role.belongsToUnits ? unitIDs : [],
            isGrantedRecords: role == .manager && mayOpenRecords,
            // A right stored for someone no longer in the office (their role changed) is not theirs.
            deliveries: role == .office ? deliveries : []
        )
    }
}

/// The interface languages: Swedish first, English second.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    case swedish = "sv"
    case english = "en"

    /// Picks the best language from an `Accept-Language` header, Swedish when nothing matches.
    public static func preferred(acceptLanguage header: String?) -> Language {
        guard let header else { return .swedish }
        let ranked = header.split(separator: ",").compactMap { part -> (tag: String, quality: Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { return nil }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            return (tag.lowercased(), quality)
        }
        .filter { $0.quality > 0 }
        .enumerated()
        .sorted { ($0.element.quality, -$0.offset) > ($1.element.quality, -$1.offset) }
        .map(\.element)
        for entry in ranked {
            let primary = entry.tag.split(separator: "-").first.map(String.init) ?? entry.tag
            if let language = Language(rawValue: primary) { return language }
            if primary == "nb" || primary == "no" || primary == "da" { return .swedish }
        }
        return .swedish
    }
}

/// What an administrator typed to create a user or change one.
public struct UserDraft: Sendable, Equatable {
    public var email: String
    public var name: String
    public var role: String
    public var unitIDs: [String]

    public init(email: String, name: String, role: String, unitIDs: [String]) {
        self.email = email
        self.name = name
        self.role = role
        self.unitIDs = unitIDs
    }

    public struct Valid: Sendable, Equatable {
        public let email: String
        public let name: String
        public let role: Role
        public let unitIDs: Set<UnitID>
    }

    /// Checks the draft; `units` are the association's units, the only ones a user may be placed in.
    public func validated(units: [OrganisationUnit]) throws(ValidationFailure) -> Valid {
        var failure = ValidationFailure()
        let email = Email.normalised(self.email)
        if email.isEmpty { failure.add("email", .required) } else if !Email.isPlausible(email) { failure.add("email", .invalidEmail) }
        let name = self.name.trimmed
        if name.isEmpty { failure.add("name", .required) } else if name.count > 120 { failure.add("name", .tooLong(maximum: 120)) }
        let role = Role(rawValue: self.role)
        if self.role.isEmpty { failure.add("role", .required) } else if role == nil { failure.add("role", .unknownChoice) }
        var chosen = Set<UnitID>()
        for text in unitIDs where !text.isEmpty {
            guard let id = UnitID(parsing: text), units.contains(where: { $0.id == id }) else {
                failure.add("units", .unknownChoice)
                continue
            }
            chosen.insert(id)
        }
        if let role, role.belongsToUnits, chosen.isEmpty { failure.add("units", .noUnitChosen) }
        try failure.throwIfAny()
        return Valid(email: email, name: name, role: role!, unitIDs: role!.belongsToUnits ? chosen : [])
    }
}

/// E-mail addresses are the sign-in names; compared without case.
public enum Email {
    public static func normalised(_ text: String) -> String { text.trimmed.lowercased() }

    /// One `@`, something before it, a dot in the domain, no spaces: enough to catch typing mistakes.
    public static func isPlausible(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, email.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix(".") else { return false }
        return !email.contains(where: { $0.isWhitespace })
    }
}
