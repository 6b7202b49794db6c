import Foundation
import FramstegCore
import FramstegStore

/// Offering an anonymous survey, answering it in participant mode, and completing it: the answers
/// go to an unlinkable response (`SurveyRepository.add`) and the record learns only "completed".
struct SurveyService {
    let store: Store
    let keyring: FieldKeyring
    let instruments: InstrumentShelf
    let surveyDrafts: SurveyDrafts
    let now: @Sendable () -> Date

    /// Offers the survey, or returns the participant's open offer of it.
    func offer(_ instrumentID: String, to participant: Participant, by principal: Principal) async throws -> SurveyOffer {
        guard let instrument = instruments.catalog(for: participant.associationID).latest(instrumentID), instrument.isAnonymous else {
            throw ValidationFailure(problems: ["instrument": instrumentID.isEmpty ? .required : .unknownChoice])
        }
        let now = self.now()
        return try await store.write { db in
            let surveys = SurveyOfferRepository(db)
            if let open = try await surveys.offers(of: participant.id).first(where: { $0.instrumentID == instrument.id && !$0.isCompleted })
            {
                return open
            }
            let offer = try await surveys.offer(instrument.id, to: participant.id, on: Day(now), by: principal.userID)
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: .surveyOffer, participant: participant)
            )
            return offer
        }
    }

    /// The offer with the newest version of its survey, if the participant is the offer's.
    func load(_ id: SurveyOfferID, association: AssociationID) async throws -> (SurveyOffer, Instrument)? {
        guard let offer = try await store.read({ db in try await SurveyOfferRepository(db).offer(id) }),
            let instrument = instruments.catalog(for: association).latest(offer.instrumentID), instrument.isAnonymous
        else { return nil }
        return (offer, instrument)
    }

    func draftKey(_ offer: SurveyOffer, _ session: ActiveSession) -> SurveyDrafts.Key {
        SurveyDrafts.Key(tokenHash: session.record.tokenHash, offer: offer.id)
    }

    func answers(_ offer: SurveyOffer, session: ActiveSession) -> [String: Answer] {
        surveyDrafts.answers(draftKey(offer, session), now: now())
    }

    /// Keeps the given answers in the draft (memory only). Valid answers are kept even when others
    /// are refused; `required` items without an answer are refused as missing.
    @discardableResult
    func save(
        _ given: [String: String],
        required: [InstrumentItem] = [],
        to offer: SurveyOffer,
        _ instrument: Instrument,
        session: ActiveSession
    ) throws -> [String: Answer] {
        var (valid, failure) = MeasurementService.checkedAnswers(given, respondent: .participant, instrument)
        let key = draftKey(offer, session)
        if !valid.isEmpty { surveyDrafts.save(Dictionary(uniqueKeysWithValues: valid), to: key, now: now()) }
        let answers = surveyDrafts.answers(key, now: now())
        for item in required where answers[item.id] == nil { failure.add(item.id, .answerMissing) }
        try failure.throwIfAny()
        return answers
    }

    /// Hands the finished survey to the held responses of the participant's unit (released five at
    /// a time, see `SurveyRepository`), then marks the offer completed. Two transactions, so no
    /// transaction id is shared by the response and the record; the audit row names the unit, not
    /// the participant, so the log keeps no time at which this participant completed.
    func complete(
        _ offer: SurveyOffer,
        _ instrument: Instrument,
        unit: UnitID,
        session: ActiveSession,
        by principal: Principal
    ) async throws {
        let key = draftKey(offer, session)
        let answers = surveyDrafts.answers(key, now: now())
        let missing = instrument.unanswered(by: .participant, in: answers)
        if !missing.isEmpty {
            throw ValidationFailure(problems: Dictionary(uniqueKeysWithValues: missing.map { ($0.id, FieldProblem.answerMissing) }))
        }
        let now = self.now()
        let response = AnonymousResponse(completing: answers, of: instrument, unitID: unit, month: Month(Day(now)), recordKey: .drawn())
        if !offer.isCompleted {
            try await store.write { db in try await SurveyRepository(db, keyring: keyring).add(response) }
            try await store.write { db in
                try await SurveyOfferRepository(db).markCompleted(offer.id)
                try await AuditLog(db).append(
                    AuditEntry(
                        at: now,
                        by: principal,
                        action: .surveyComplete,
                        objectType: "unit",
                        objectID: unit.description,
                        unitID: unit
                    )
                )
            }
            try await store.checkpoint()
        }
        surveyDrafts.discard(key)
    }

}

extension SurveyService {
    /// The support contact of the municipality of unit `unitID` (empty when none was entered).
    func supportContact(unitID: UnitID) async throws -> String {
        try await store.read { db -> String in
            guard let unit = try await OrganisationRepository(db).unit(unitID) else { return "" }
            return try await OrganisationRepository(db).supportContact(of: unit.municipalityID)
        }
    }

    /// Where a unit refers someone who answers yes to the questions about violence: its
    /// municipality and the support contact the admin entered for it (empty when none).
    func supportContact(for unit: OrganisationUnit) async throws -> (municipality: Municipality?, contact: String) {
        try await store.read { db in
            (
                try await OrganisationRepository(db).municipality(unit.municipalityID),
                try await OrganisationRepository(db).supportContact(of: unit.municipalityID)
            )
        }
    }
}
