import Foundation
import FramstegCore
import FramstegStore

/// Everything the participant's record shows, read at once, as of `now`.
struct RecordFacts: Sendable {
    private(set) var participant: Participant
    /// The participant has protected personal data and the reader is not their responsible
    /// counsellor: the contact details were left out.
    private(set) var isContactWithheld = false
    let unit: OrganisationUnit
    let now: Date
    let today: Day
    /// The steps that stand, oldest first.
    let steps: [RecordedStep]
    /// Steps recorded by mistake and taken back, with who, when and why.
    let withdrawnSteps: [RecordedStep]
    let association: Association?
    let municipality: Municipality?
    /// Who was responsible, from which day, oldest first.
    let counsellorHistory: [(counsellor: UserID, from: Day)]
    /// Who has been responsible for the participant, in order.
    var counsellors: [UserID] { counsellorHistory.map(\.counsellor) }
    /// The active counsellors of the participant's unit: whom the participant can be handed over to.
    let unitCounsellors: [User]
    /// The association's staff by id, for "recorded by" and "checked by".
    let staffNames: [UserID: String]
    /// The answers by criterion key, and the association's rules they are read against.
    let eligibility: [String: EligibilityAnswer]
    let eligibilityRules: EligibilityRules
    /// What happened, and what happened next, as recorded after the exit.
    let afterExit: AfterExit?
    /// The interventions that stand; every figure of the record counts these.
    let interventions: [Intervention]
    /// The ones withdrawn as recorded by mistake: listed as such, counted nowhere.
    let withdrawnInterventions: [Intervention]
    let meetings: [Meeting]
    let hoursGoals: [HoursGoal]
    let attendance: [AttendedHours]
    let measurements: [ProgressMeasurement]
    let plan: [PlannedGoal]
    /// Weeks between the progression measurements the unit asks for.
    let measurementInterval: Int
    let surveyOffers: [SurveyOffer]
    let catalog: InstrumentCatalog

    /// The day the journey started, if it has.
    var startDay: Day? { steps.first { $0.transition.event == .start }?.transition.day }
    /// The day of the exit, while the journey stands exited.
    var exitDay: Day? {
        participant.state == .exited ? steps.last { $0.transition.event.kind == .exit }?.transition.day : nil
    }

    /// The facts as `principal` may read them: a protected person's contact details only for
    /// their responsible counsellor.
    func shown(to principal: Principal) -> RecordFacts {
        guard participant.isProtected, participant.responsibleCounsellor != principal.userID else { return self }
        var shown = self
        shown.participant.phone = ""
        shown.participant.email = ""
        shown.isContactWithheld = true
        return shown
    }
}

/// A goal of the action plan with its steps.
struct PlannedGoal: Sendable {
    let goal: PlanGoal
    let steps: [PlanStep]
}

/// Opening a participant's record and the documents printed from it: one read of what they show,
/// and the audit row every open of personal data writes.
struct RecordService {
    let store: Store
    let keyring: FieldKeyring
    let instruments: InstrumentShelf
    let now: @Sendable () -> Date

    /// The whole record, after writing that `principal` read it: the record itself (`participantRead`),
    /// or the exit document or referrer's summary printed from it. Every render is a read, a record
    /// shown again around a refused form too: no page of personal data goes out without its row.
    func open(_ record: ParticipantInUnit, by principal: Principal, as read: AuditAction = .participantRead) async throws -> RecordFacts {
        let facts = try await self.read(record).shown(to: principal)
        try await audit(read, record.participant, by: principal)
        return facts
    }

    /// Writes that `principal` read or printed something of the participant's.
    func audit(_ action: AuditAction, _ participant: Participant, by principal: Principal) async throws {
        let now = self.now()
        try await store.audit(
            AuditEntry(at: now, by: principal, action: action, participant: participant)
        )
    }

    private func read(_ record: ParticipantInUnit) async throws -> RecordFacts {
        let (participant, unit) = (record.participant, record.unit)
        let keyring = self.keyring
        let now = self.now()
        let today = Day(now)
        let catalog = instruments.catalog(for: participant.associationID)
        return try await store.read { db in
            let participants = ParticipantRepository(db, keyring: keyring)
            let activities = ActivityRepository(db, keyring: keyring)
            let organisation = OrganisationRepository(db)
            let staff = try await UserRepository(db).users(of: participant.associationID)
            let steps = try await participants.allSteps(of: participant.id)
            let interventions = try await activities.interventions(of: participant.id, includingWithdrawn: true)
            return RecordFacts(
                participant: participant,
                unit: unit,
                now: now,
                today: today,
                steps: steps.filter { $0.withdrawal == nil },
                withdrawnSteps: steps.filter { $0.withdrawal != nil },
                association: try await organisation.association(participant.associationID),
                municipality: try await organisation.municipality(participant.municipalityID),
                counsellorHistory: try await participants.counsellorHistory(of: participant.id),
                unitCounsellors: staff.filter { $0.role == .counsellor && !$0.isDisabled && $0.unitIDs.contains(unit.id) },
                staffNames: Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0.name) }),
                eligibility: try await participants.eligibility(of: participant.id),
                eligibilityRules: try await EligibilityRepository(db).rules(of: participant.associationID),
                afterExit: try await AfterExitRepository(db).afterExit(of: participant.id),
                interventions: interventions.filter { $0.withdrawal == nil },
                withdrawnInterventions: interventions.filter { $0.withdrawal != nil },
                meetings: try await activities.meetings(of: participant.id),
                hoursGoals: try await activities.goals(of: participant.id),
                attendance: try await activities.attendance(of: participant.id),
                measurements: try await MeasurementRepository(db, keyring: keyring).measurements(of: participant.id),
                plan: try await PlanRepository(db, keyring: keyring).plan(of: participant.id).map(PlannedGoal.init),
                measurementInterval: try await organisation.measurementInterval(of: unit.id),
                surveyOffers: try await SurveyOfferRepository(db).offers(of: participant.id),
                catalog: catalog
            )
        }
    }
}
