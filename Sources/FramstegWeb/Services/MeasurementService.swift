import Foundation
import FramstegCore
import FramstegStore

/// Starting a measurement, saving answers the moment they are given, handing the device to the
/// participant and taking it back. Each change is one transaction with its audit row.
struct MeasurementService {
    let store: Store
    let keyring: FieldKeyring
    let instruments: InstrumentShelf
    let now: @Sendable () -> Date

    func start(
        instrument instrumentID: String,
        occasion: String,
        for participant: Participant,
        by principal: Principal
    ) async throws -> MeasurementID {
        var failure = ValidationFailure()
        let catalog = try await instruments.catalog(for: participant.associationID, store: store, now: now()) {
            $0.latest(instrumentID) != nil
        }
        let instrument = catalog.latest(instrumentID).flatMap { $0.isAnonymous ? nil : $0 }
        if instrument == nil { failure.add("instrument", instrumentID.isEmpty ? .required : .unknownChoice) }
        let occasion = MeasurementOccasion(rawValue: occasion)
        if occasion == nil { failure.add("occasion", .unknownChoice) }
        if !participant.state.isActive { failure.add("instrument", .notEnrolled) }
        try failure.throwIfAny()
        let now = self.now()
        return try await store.write { db in
            let id = try await MeasurementRepository(db, keyring: keyring).start(
                instrument!,
                for: participant.id,
                occasion: occasion!,
                on: Day(now),
                by: principal.userID
            )
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .measurementStart,
                    participant: participant
                )
            )
            return id
        }
    }

    /// The measurement with the instrument version it was taken with (from the association's catalogue).
    func load(_ id: MeasurementID, association: AssociationID) async throws -> (ProgressMeasurement, Instrument)? {
        guard let measurement = try await store.read({ db in try await MeasurementRepository(db, keyring: keyring).measurement(id) })
        else { return nil }
        let catalog = try await instruments.catalog(for: association, store: store, now: now()) {
            $0.instrument(measurement.instrumentID, version: measurement.version) != nil
        }
        guard let instrument = catalog.instrument(measurement.instrumentID, version: measurement.version) else { return nil }
        return (measurement, instrument)
    }

    /// Parses what was given for one item: a number, a choice, or "-" for "not answered".
    static func answer(_ text: String, for item: InstrumentItem) -> Answer? {
        let value = text.trimmed
        if value.isEmpty { return nil }
        if value == "-" { return .notAnswered }
        switch item.scale {
        case .numeric: return Int(value).map(Answer.number) ?? .choice(value)
        case .choice: return .choice(value)
        }
    }

    /// Parses and checks what was given for the respondent's items, in item order: the valid
    /// answers, and a refusal per item that is unknown, someone else's, or out of range.
    static func checkedAnswers(
        _ given: [String: String],
        respondent: Respondent,
        _ instrument: Instrument
    ) -> ([(String, Answer)], ValidationFailure) {
        var failure = ValidationFailure()
        var valid: [(String, Answer)] = []
        for (itemID, text) in given.sorted(by: { $0.key < $1.key }) {
            guard let item = instrument.item(itemID), item.respondent == respondent else {
                failure.add(itemID, .unknownChoice)
                continue
            }
            guard let answer = answer(text, for: item) else { continue }
            do throws(AnswerProblem) {
                try instrument.check(answer, for: itemID)
                valid.append((itemID, answer))
            } catch {
                failure.add(itemID, fieldProblem(error))
            }
        }
        return (valid, failure)
    }

    /// Saves the given answers of one respondent (a screen, or a single answer as it is given).
    /// Every valid answer is kept even when others are refused; the refusals come back by item.
    /// `required` items without an answer are refused as missing.
    @discardableResult
    func save(
        _ given: [String: String],
        required: [InstrumentItem] = [],
        respondent: Respondent,
        in measurement: ProgressMeasurement,
        _ instrument: Instrument,
        by principal: Principal
    ) async throws -> ProgressMeasurement {
        var (valid, failure) = Self.checkedAnswers(given, respondent: respondent, instrument)
        var updated = measurement
        for (itemID, answer) in valid { updated.answers[itemID] = answer }
        for item in required where updated.answers[item.id] == nil { failure.add(item.id, .answerMissing) }
        let completes = !measurement.isComplete && instrument.isComplete(updated.answers)
        if !valid.isEmpty {
            let now = self.now()
            let saved = valid
            let answers = updated.answers
            try await store.write { db in
                let repository = MeasurementRepository(db, keyring: keyring)
                for (itemID, answer) in saved {
                    try await repository.saveAnswer(answer, item: itemID, respondent: respondent, in: measurement.id, now: now)
                }
                let object = measurement.participantID.description
                let unit = try await OrganisationRepository(db).unit(ofParticipant: measurement.participantID)
                try await AuditLog(db).append(
                    AuditEntry(
                        at: now,
                        by: principal,
                        action: .measurementAnswer(respondent),
                        objectType: "participant",
                        objectID: object,
                        unitID: unit
                    )
                )
                if completes {
                    try await repository.complete(measurement.id, now: now)
                    try await ProgressSummaryRepository(db).record(
                        instrument,
                        answers: answers,
                        measurement: measurement.id,
                        occasion: measurement.occasion,
                        participant: measurement.participantID,
                        on: measurement.takenOn
                    )
                    try await AuditLog(db).append(
                        AuditEntry(
                            at: now,
                            by: principal,
                            action: .measurementComplete,
                            objectType: "participant",
                            objectID: object,
                            unitID: unit
                        )
                    )
                }
            }
            updated.isComplete = updated.isComplete || completes
        }
        try failure.throwIfAny()
        return updated
    }

    static func fieldProblem(_ problem: AnswerProblem) -> FieldProblem {
        switch problem {
        case .unknownItem, .unknownChoice: .unknownChoice
        case .outOfRange(let min, let max): .outOfRange(minimum: min, maximum: max)
        case .notAnswerable, .required: .answerMissing
        }
    }
}

extension MeasurementService {
    /// Every measurement of the participant, oldest first.
    func measurements(of participant: ParticipantID) async throws -> [ProgressMeasurement] {
        try await store.read { db in try await MeasurementRepository(db, keyring: keyring).measurements(of: participant) }
    }
}
