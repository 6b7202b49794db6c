import Foundation

/// Who sent the interest registration.
public enum ReferrerKind: String, CaseIterable, Sendable, Codable, Hashable {
    case employmentService = "af"
    case socialInsurance = "fk"
    case region
    case socialServices = "social-services"
    case other
    /// Egenanmälan: the person registered themself.
    case selfReferral = "self"
}

/// The authorities involved with the person (the reason they need coordinated support).
public enum Authority: String, CaseIterable, Sendable, Codable, Hashable {
    case employmentService = "af"
    case socialInsurance = "fk"
    case region
    case socialServices = "social-services"
}

/// Deltagare: a person on the journey, from interest registration on.
public struct Participant: Hashable, Sendable {
    public let id: ParticipantID
    public let associationID: AssociationID
    public var unitID: UnitID
    public var municipalityID: MunicipalityID
    public var name: String
    public var phone: String
    public var email: String
    public var gender: Gender
    public var birthYear: Int
    /// Present only when the record was opened for reading; lists never decrypt it.
    public var personalIdentityNumber: PersonalIdentityNumber?
    public var referrerKind: ReferrerKind
    public var referrerName: String
    public var authorities: Set<Authority>
    /// Why support is needed, in the referrer's or the person's words. Encrypted at rest.
    public var reason: String?
    public var hasConsented: Bool
    public var state: JourneyState
    public var registeredOn: Day
    public var responsibleCounsellor: UserID?
    /// Protected personal data (skyddade personuppgifter): contact details only for the responsible
    /// counsellor, initials in others' lists, left out of what leaves the unit unless chosen.
    public var isProtected: Bool

    public init(
        id: ParticipantID,
        associationID: AssociationID,
        unitID: UnitID,
        municipalityID: MunicipalityID,
        name: String,
        phone: String,
        email: String,
        gender: Gender,
        birthYear: Int,
        personalIdentityNumber: PersonalIdentityNumber?,
        referrerKind: ReferrerKind,
        referrerName: String,
        authorities: Set<Authority>,
        reason: String?,
        hasConsented: Bool,
        state: JourneyState,
        registeredOn: Day,
        responsibleCounsellor: UserID?,
        isProtected: Bool = false
    ) {
        self.id = id
        self.associationID = associationID
        self.unitID = unitID
        self.municipalityID = municipalityID
        self.name = name
        self.phone = phone
        self.email = email
        self.gender = gender
        self.birthYear = birthYear
        self.personalIdentityNumber = personalIdentityNumber
        self.referrerKind = referrerKind
        self.referrerName = referrerName
        self.authorities = authorities
        self.reason = reason
        self.hasConsented = hasConsented
        self.state = state
        self.registeredOn = registeredOn
        self.responsibleCounsellor = responsibleCounsellor
        self.isProtected = isProtected
    }
}

/// What was typed to register a participant (by staff, or later on the public form).
public struct ParticipantDraft: Sendable, Equatable {
    public var personalIdentityNumber: String
    public var name: String
    public var phone: String
    public var email: String
    public var gender: String
    public var municipalityID: String
    public var referrerKind: String
    public var referrerName: String
    public var authorities: [String]
    public var reason: String
    public var consent: Bool

    public init(
        personalIdentityNumber: String,
        name: String,
        phone: String,
        email: String,
        gender: String,
        municipalityID: String,
        referrerKind: String,
        referrerName: String,
        authorities: [String],
        reason: String,
        consent: Bool
    ) {
        self.personalIdentityNumber = personalIdentityNumber
        self.name = name
        self.phone = phone
        self.email = email
        self.gender = gender
        self.municipalityID = municipalityID
        self.referrerKind = referrerKind
        self.referrerName = referrerName
        self.authorities = authorities
        self.reason = reason
        self.consent = consent
    }

    public struct Valid: Sendable, Equatable {
        public let personalIdentityNumber: PersonalIdentityNumber
        public let name: String
        public let phone: String
        public let email: String
        public let gender: Gender
        public let municipalityID: MunicipalityID
        public let referrerKind: ReferrerKind
        public let referrerName: String
        public let authorities: Set<Authority>
        public let reason: String

        /// For imports and demo data that are valid by construction; forms go through `validated`.
        public init(
            personalIdentityNumber: PersonalIdentityNumber,
            name: String,
            phone: String,
            email: String,
            gender: Gender,
            municipalityID: MunicipalityID,
            referrerKind: ReferrerKind,
            referrerName: String,
            authorities: Set<Authority>,
            reason: String
        ) {
            self.personalIdentityNumber = personalIdentityNumber
            self.name = name
            self.phone = phone
            self.email = email
            self.gender = gender
            self.municipalityID = municipalityID
            self.referrerKind = referrerKind
            self.referrerName = referrerName
            self.authorities = authorities
            self.reason = reason
        }
    }

    /// Name, phone and e-mail as registration and later changes check them: a name of at most 120
    /// characters, a plausible e-mail if any, and a way to reach the person (phone or e-mail).
    static func checkedContact(
        name: String,
        phone: String,
        email: String,
        into failure: inout ValidationFailure
    ) -> (String, String, String) {
        let name = name.trimmed
        if name.isEmpty { failure.add("name", .required) } else if name.count > 120 { failure.add("name", .tooLong(maximum: 120)) }
        let email = Email.normalised(email)
        if email.count > 254 {
            failure.add("email", .tooLong(maximum: 254))
        } else if !email.isEmpty, !Email.isPlausible(email) {
            failure.add("email", .invalidEmail)
        }
        let phone = phone.trimmed
        if phone.count > 40 { failure.add("phone", .tooLong(maximum: 40)) }
        if phone.isEmpty, email.isEmpty { failure.add("phone", .required) }
        return (name, phone, email)
    }

    /// Every problem at once, so the form can mark them all; `municipalities` are the association's.
    public func validated(municipalities: [Municipality], today: Date) throws(ValidationFailure) -> Valid {
        var failure = ValidationFailure()
        var number: PersonalIdentityNumber?
        do { number = try PersonalIdentityNumber(parsing: personalIdentityNumber, today: today) } catch {
            failure.add("personalIdentityNumber", error == .empty ? .required : .personalIdentityNumber(error))
        }
        let (name, phone, email) = Self.checkedContact(name: self.name, phone: self.phone, email: self.email, into: &failure)
        let gender = Gender(rawValue: self.gender)
        if gender == nil { failure.add("gender", self.gender.isEmpty ? .required : .unknownChoice) }
        let municipality = MunicipalityID(parsing: municipalityID).flatMap { id in municipalities.first { $0.id == id } }
        if municipality == nil { failure.add("municipality", municipalityID.isEmpty ? .required : .unknownChoice) }
        let referrer = ReferrerKind(rawValue: referrerKind)
        if referrer == nil { failure.add("referrerKind", referrerKind.isEmpty ? .required : .unknownChoice) }
        let authorities = Set(self.authorities.compactMap(Authority.init(rawValue:)))
        if authorities.count != Set(self.authorities).count { failure.add("authorities", .unknownChoice) }
        if referrerName.trimmed.count > 120 { failure.add("referrerName", .tooLong(maximum: 120)) }
        let reason = self.reason.trimmed
        if reason.count > 4000 { failure.add("reason", .tooLong(maximum: 4000)) }
        if !consent { failure.add("consent", .consentRequired) }
        try failure.throwIfAny()
        return Valid(
            personalIdentityNumber: number!,
            name: name,
            phone: phone,
            email: email,
            gender: gender!,
            municipalityID: municipality!.id,
            referrerKind: referrer!,
            referrerName: referrerName.trimmed,
            authorities: authorities,
            reason: reason
        )
    }
}

/// A change of contact details during the journey; what is not given stays as it was.
public struct ContactChange: Sendable, Equatable {
    public var name: String?
    public var phone: String?
    public var email: String?
    public var referrerName: String?
    /// The `contactVersion` the change was typed against; nil (the API without one) skips the check.
    public var version: String?

    public init(name: String?, phone: String?, email: String?, referrerName: String?, version: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
        self.referrerName = referrerName
        self.version = version
    }

    /// The participant's contact details after the change, checked as at registration.
    public func applied(
        to participant: Participant
    ) throws(ValidationFailure) -> (name: String, phone: String, email: String, referrerName: String) {
        var failure = ValidationFailure()
        let (name, phone, email) = ParticipantDraft.checkedContact(
            name: self.name ?? participant.name,
            phone: self.phone ?? participant.phone,
            email: self.email ?? participant.email,
            into: &failure
        )
        let referrerName = (self.referrerName ?? participant.referrerName).trimmed
        if referrerName.count > 120 { failure.add("referrerName", .tooLong(maximum: 120)) }
        try failure.throwIfAny()
        return (name, phone, email, referrerName)
    }
}

extension Participant {
    /// A fingerprint of the contact details as they are now (FNV-1a, 64 bits, hex): the edit form
    /// carries it, and a change typed against other details than the stored ones is a conflict,
    /// not a silent overwrite of what a colleague saved meanwhile.
    public var contactVersion: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in [name, phone, email, referrerName].joined(separator: "\u{1F}").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
