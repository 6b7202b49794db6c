import Foundation
import FramstegCore
import SQLKit

/// What came of a registration: a new participant, or the person the unit already follows.
public enum Registration: Hashable, Sendable {
    case registered(ParticipantID)
    /// Nothing was written: this person's journey is already under way in the unit.
    case alreadyUnderWay(ParticipantID)
}

extension ParticipantRepository {
    /// The one duplicate rule of every way in (the staff form and the API, the public form, the
    /// import): a person whose journey is under way in the unit is not registered there again.
    ///
    /// The rule is the unit's, not the association's: a journey in another unit is never consulted,
    /// so no refusal tells a unit's staff (or a visitor to the public form) that a person takes
    /// part elsewhere. A person may take part in two units' interventions at once, as the national
    /// follow-up counts one participation per intervention.
    ///
    /// The check and the insert run in the caller's transaction, so a registration between them
    /// cannot slip through: SQLite has one writer, and on PostgreSQL registrations of the same
    /// number wait for each other.
    public func registerUnlessUnderWay(
        _ valid: ParticipantDraft.Valid,
        unit: OrganisationUnit,
        on day: Day,
        by user: UserID?,
        now: Date
    ) async throws -> Registration {
        if db.isPostgres {
            try await db.raw(
                "SELECT pg_advisory_xact_lock(\(literal: Self.registrationLockSpace), hashtext(\(bind: lookup(valid.personalIdentityNumber))))"
            )
            .run()
        }
        if let existing = try await journeyUnderWay(of: valid.personalIdentityNumber, in: unit) {
            return .alreadyUnderWay(existing)
        }
        return .registered(try await register(valid, unit: unit, on: day, by: user, now: now))
    }

    /// The participant with this number whose journey in the unit has not ended, if any.
    public func journeyUnderWay(of number: PersonalIdentityNumber, in unit: OrganisationUnit) async throws -> ParticipantID? {
        try await ongoing(with: number, in: unit.associationID).first { $0.unitID == unit.id }?.id
    }

    /// The first key of the advisory locks that serialise registrations (the migrator's lock is a
    /// single key, a space of its own).
    static let registrationLockSpace = 7_311_002
}
