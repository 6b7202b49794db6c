import Foundation
import FramstegCore
import FramstegStore

/// The register extract (registerutdrag, GDPR article 15): everything Framsteg holds about one
/// person, sealed values opened, with who read it. Only the admin makes it, and making it is audited.
struct RegisterExtractService {
    let store: Store
    let keyring: FieldKeyring
    let now: @Sendable () -> Date

    /// Everything held about the person, as read in one transaction.
    struct Contents: Sendable {
        let participant: Participant
        let unitName: String
        let municipalityName: String
        let steps: [RecordedStep]
        let eligibility: [String: EligibilityAnswer]
        let afterExit: AfterExit?
        let counsellors: [(counsellor: UserID, from: Day)]
        let meetings: [Meeting]
        let interventions: [Intervention]
        let hoursGoals: [HoursGoal]
        let attendance: [AttendedHours]
        let plan: [(goal: PlanGoal, steps: [PlanStep])]
        let measurements: [ProgressMeasurement]
        let surveyOffers: [SurveyOffer]
        let log: [AuditRecord]
        let names: LogReviewService.Names
        let madeAt: Date
    }

    /// The extract of the person with this number, after writing that it was made.
    func extract(numbered text: String, by principal: Principal) async throws -> Contents {
        var failure = ValidationFailure()
        let number = try? PersonalIdentityNumber(parsing: text, today: now())
        if text.trimmed.isEmpty { failure.add("personalIdentityNumber", .required) }
        let madeAt = now()
        let contents: Contents? = try await store.read { [keyring] db in
            let participants = ParticipantRepository(db, keyring: keyring)
            guard let number, let found = try await participants.all(with: number, in: principal.associationID).last,
                let participant = try await participants.participant(found.id)
            else { return nil }
            let organisation = OrganisationRepository(db)
            let activities = ActivityRepository(db, keyring: keyring)
            let unit = try await organisation.unit(participant.unitID)
            let municipality = try await organisation.municipality(participant.municipalityID)
            return Contents(
                participant: participant,
                unitName: unit?.name ?? "",
                municipalityName: municipality?.name ?? "",
                steps: try await participants.steps(of: participant.id),
                eligibility: try await participants.eligibility(of: participant.id),
                afterExit: try await AfterExitRepository(db).afterExit(of: participant.id),
                counsellors: try await participants.counsellorHistory(of: participant.id),
                meetings: try await activities.meetings(of: participant.id),
                // Every one held, a withdrawn one too (with its correction).
                interventions: try await activities.interventions(of: participant.id, includingWithdrawn: true),
                hoursGoals: try await activities.goals(of: participant.id),
                attendance: try await activities.attendance(of: participant.id),
                plan: try await PlanRepository(db, keyring: keyring).plan(of: participant.id),
                measurements: try await MeasurementRepository(db, keyring: keyring).measurements(of: participant.id),
                surveyOffers: try await SurveyOfferRepository(db).offers(of: participant.id),
                log: try await AuditLog(db).about(participant.id, from: nil, through: nil),
                names: try await LogReviewService.names(principal.associationID, db),
                madeAt: madeAt
            )
        }
        if !text.trimmed.isEmpty, contents == nil { failure.add("personalIdentityNumber", .notFound) }
        guard let contents, failure.problems.isEmpty else { throw failure }
        try await store.audit(
            AuditEntry(at: madeAt, by: principal, action: .registerExtract, participant: contents.participant)
        )
        return contents
    }
}
