import Foundation
import FramstegCore
import FramstegStore

/// Intresseanmälan from the public form: the per-address limit, the honeypot, the checks, and the
/// one duplicate rule, whose answer the public never learns.
struct PublicRegistrationService {
    let store: Store
    /// Seals the registration, and hashes the sender's address for the limit.
    let keyring: FieldKeyring
    let limit: RateLimit
    let now: @Sendable () -> Date

    static let bucket = "public-registration"

    /// What the form sent, before any check: the unit is still the typed id, the home municipality
    /// follows from it.
    struct Interest: Sendable {
        let unit: String
        let draft: ParticipantDraft
        /// The hidden field people leave empty and bots fill.
        let isHoneypotFilled: Bool
    }

    /// The public's answer is the same thanks whether the person was new or already followed.
    enum Outcome: Sendable {
        case received
        /// The honeypot was filled: nothing was stored, the sender is thanked all the same.
        case ignored
        case tooMany
    }

    /// What the form offers: the association's units and the municipalities they belong to.
    struct Choices: Sendable {
        let units: [OrganisationUnit]
        let municipalities: [Municipality]
    }

    func association(_ id: AssociationID) async throws -> Association? {
        try await store.read { db in try await OrganisationRepository(db).association(id) }
    }

    func choices(in association: Association) async throws -> Choices {
        try await store.read { db in
            let organisation = OrganisationRepository(db)
            return Choices(
                units: try await organisation.units(of: association.id),
                municipalities: try await organisation.municipalities(of: association.id)
            )
        }
    }

    /// Checks and stores the interest. A person whose journey is under way is not registered
    /// again: their unit gets an audit row about them instead, and the sender the same thanks.
    func submit(_ interest: Interest, to association: Association, from address: String) async throws -> Outcome {
        let now = self.now()
        // The address is kept only as a keyed hash, and only for the limit's window.
        let clientKey = keyring.lookupHash("address:" + address)
        let recent = try await store.read { db in
            try await RateLimitRepository(db).count(bucket: Self.bucket, clientKey: clientKey, since: limit.windowStart(now: now))
        }
        guard limit.allows(eventsInWindow: recent) else { return .tooMany }
        if interest.isHoneypotFilled { return .ignored }
        let (valid, unit) = try await validated(interest, in: association, today: now)
        try await store.write { db in
            let registration = try await ParticipantRepository(db, keyring: keyring).registerUnlessUnderWay(
                valid,
                unit: unit,
                on: Day(now),
                by: nil,
                now: now
            )
            try await RateLimitRepository(db).record(bucket: Self.bucket, clientKey: clientKey, now: now)
            try await RateLimitRepository(db).deleteOlder(than: limit.windowStart(now: now), bucket: Self.bucket)
            let (action, participant): (AuditAction, ParticipantID) =
                switch registration {
                case .registered(let id): (.participantRegisterPublic, id)
                case .alreadyUnderWay(let id): (.participantRegisterPublicExisting, id)
                }
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: nil,
                    action: action,
                    objectType: "participant",
                    objectID: participant.description,
                    associationID: association.id,
                    unitID: unit.id
                )
            )
        }
        return .received
    }

    /// The draft checked against the association, with the chosen unit in place of a home
    /// municipality (the form asks for the unit; its municipality is the person's).
    private func validated(
        _ interest: Interest,
        in association: Association,
        today: Date
    ) async throws -> (ParticipantDraft.Valid, OrganisationUnit) {
        let choices = try await choices(in: association)
        let unit = UnitID(parsing: interest.unit).flatMap { id in choices.units.first { $0.id == id } }
        var draft = interest.draft
        draft.municipalityID = unit?.municipalityID.description ?? ""
        var failure = ValidationFailure()
        var valid: ParticipantDraft.Valid?
        do { valid = try draft.validated(municipalities: choices.municipalities, today: today) } catch { failure = error }
        if unit == nil {
            failure = ValidationFailure(problems: failure.problems.filter { $0.key != "municipality" })
            failure.add("unit", interest.unit.isEmpty ? .required : .unknownChoice)
        }
        try failure.throwIfAny()
        guard let valid, let unit else { throw failure }
        return (valid, unit)
    }
}
