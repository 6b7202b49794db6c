import Foundation
import FramstegCore
import FramstegStore

/// Offering an anonymous survey, answering it in participant mode, and completing it: the answers
/// go to an unlinkable response (`SurveyRepository.add`) and the record learns only "completed".
/// The draft until then is the browser's (`SurveyDrafts`); the pages set and clear its cookie.
struct SurveyService {
    let store: Store
    let keyring: FieldKeyring
    let instruments: InstrumentShelf
    let surveyDrafts: SurveyDrafts
    let now: @Sendable () -> Date

    /// Offers the survey, or returns the participant's open offer of it.
    func offer(_ instrumentID: String, to participant: Participant, by principal: Principal) async throws -> SurveyOffer {
        let catalog = try await instruments.catalog(for: participant.associationID, store: store, now: now()) {
            $0.latest(instrumentID) != nil
        }
        guard let instrument = catalog.latest(instrumentID), instrument.isAnonymous else {
            throw ValidationFailure(problems: ["instrument": instrumentID.isEmpty ? .required : .unknownChoice])
        }
        // Stored before drafts went into a cookie: its answers could outgrow one and be lost unseen.
        if !SurveyDrafts.fits(instrument) {
            let length = SurveyDrafts.largestLength(of: instrument)
            throw ValidationFailure(
                problems: ["instrument": .surveyDraftTooLarge(id: instrument.id, length: length, maximum: SurveyDrafts.maximumLength)]
            )
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
        guard let offer = try await store.read({ db in try await SurveyOfferRepository(db).offer(id) }) else { return nil }
        let catalog = try await instruments.catalog(for: association, store: store, now: now()) { $0.latest(offer.instrumentID) != nil }
        guard let instrument = catalog.latest(offer.instrumentID), instrument.isAnonymous else { return nil }
        return (offer, instrument)
    }

    func binding(_ offer: SurveyOffer, _ session: ActiveSession) -> SurveyDrafts.Binding {
        SurveyDrafts.Binding(tokenHash: session.record.tokenHash, offer: offer.id)
    }

    /// The answers of the draft the browser sent back (`draft`, the cookie's sealed value).
    func answers(_ offer: SurveyOffer, session: ActiveSession, draft: String?) -> [String: Answer] {
        surveyDrafts.answers(draft, binding: binding(offer, session), now: now())
    }

    /// A draft after saving: its answers, the sealed value for the cookie (nil when nothing was
    /// taken, so the cookie stays as it is) and what was refused.
    struct SavedDraft {
        let answers: [String: Answer]
        let sealed: String?
        let failure: ValidationFailure?
    }

    /// Adds the given answers to the draft (sealed for the browser; nothing is kept here). Valid
    /// answers are kept even when others are refused; `required` items without an answer are
    /// refused as missing.
    func save(
        _ given: [String: String],
        required: [InstrumentItem] = [],
        to offer: SurveyOffer,
        _ instrument: Instrument,
        session: ActiveSession,
        draft: String?
    ) -> SavedDraft {
        var (valid, failure) = MeasurementService.checkedAnswers(given, respondent: .participant, instrument)
        let binding = binding(offer, session)
        let now = self.now()
        var answers = surveyDrafts.answers(draft, binding: binding, now: now)
        var sealed: String?
        if !valid.isEmpty {
            answers.merge(valid) { $1 }
            sealed = surveyDrafts.seal(answers, binding: binding, now: now)
        }
        for item in required where answers[item.id] == nil { failure.add(item.id, .answerMissing) }
        return SavedDraft(answers: answers, sealed: sealed, failure: failure.isEmpty ? nil : failure)
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
        draft: String?,
        by principal: Principal
    ) async throws {
        let answers = answers(offer, session: session, draft: draft)
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
