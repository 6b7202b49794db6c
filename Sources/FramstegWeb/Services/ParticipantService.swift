import Foundation
import FramstegCore
import FramstegStore

/// Registering participants and recording their steps, for the pages and the API alike: the same
/// checks, one transaction with its audit row each.
struct ParticipantService {
    let store: Store
    /// Seals and opens personal data at rest.
    let keyring: FieldKeyring
    let now: @Sendable () -> Date

    /// Registers in `unit`; refuses, by the one duplicate rule (`registerUnlessUnderWay`), a number
    /// that already has a journey under way in the unit (and says nothing of other units).
    func register(_ draft: ParticipantDraft, in unit: OrganisationUnit, by principal: Principal) async throws -> ParticipantID {
        let now = self.now()
        let municipalities = try await store.read { db in try await OrganisationRepository(db).municipalities(of: unit.associationID) }
        let valid = try draft.validated(municipalities: municipalities, today: now)
        return try await store.write { db in
            let registration = try await ParticipantRepository(db, keyring: keyring).registerUnlessUnderWay(
                valid,
                unit: unit,
                on: Day(now),
                by: principal.userID,
                now: now
            )
            guard case .registered(let id) = registration else {
                throw ValidationFailure(problems: ["personalIdentityNumber": .alreadyTaken])
            }
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .participantRegister,
                    objectType: "participant",
                    objectID: id.description,
                    unitID: unit.id
                )
            )
            return id
        }
    }

    /// Records one step of the journey from what was typed or sent: the event's name, the day, and
    /// the outcome or reason the event needs. The state machine decides; its refusal names the field.
    func recordStep(
        event eventName: String,
        day dayText: String,
        outcome: String,
        reason: String,
        of participant: Participant,
        by principal: Principal
    ) async throws {
        let event = try Self.event(eventName, outcome: outcome, reason: reason)
        guard let day = Day(dayText) else { throw ValidationFailure(problems: ["day": dayText.isEmpty ? .required : .invalidDay]) }
        let now = self.now()
        try await store.write { db in
            let participants = ParticipantRepository(db, keyring: keyring)
            // Read inside the transaction: the state may have moved since the page was loaded.
            let state = try await participants.summary(participant.id)?.state ?? participant.state
            let previous = try await participants.steps(of: participant.id).last?.transition.day ?? participant.registeredOn
            let transition: JourneyTransition
            do {
                transition = try Journey.transition(
                    from: state,
                    event,
                    on: day,
                    previousDay: previous,
                    today: Day(now),
                    by: principal.userID
                )
            } catch let error as JourneyProblem {
                let field =
                    switch error {
                    case .beforePreviousStep, .inTheFuture: "day"
                    case .reasonRequired: "reason"
                    default: "event"
                    }
                throw ValidationFailure(problems: [field: .journey(error)])
            }
            // Starting with criteria unconfirmed is an exception, and its reason is kept with the step.
            var note: String?
            if transition.event == .start {
                let met = try await participants.eligibility(of: participant.id).met
                let rules = try await EligibilityRepository(db).rules(of: participant.associationID)
                do throws(JourneyProblem) { try rules.checkStart(met: met, exceptionReason: reason) } catch {
                    throw ValidationFailure(problems: ["reason": .journey(error)])
                }
                note = reason
            }
            do {
                try await participants.record(transition, participant: participant.id, note: note, now: now)
            } catch StoreError.conflict {
                throw ValidationFailure(problems: ["event": .changedMeanwhile])
            }
            if transition.event == .start, participant.responsibleCounsellor == nil, principal.role == .counsellor {
                try await participants.assignCounsellor(principal.userID, to: participant.id, from: day, by: principal.userID, now: now)
            }
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .participantStep(event.kind),
                    participant: participant
                )
            )
        }
    }

    /// Takes back the latest step, recorded by mistake, with a reason: the participant is back in
    /// the state before it, and the step stays on the record as taken back. `stepID` is the step
    /// the form showed; if another was recorded or taken back meanwhile, nothing changes.
    func withdrawLatestStep(_ stepID: Int64?, reason: String, of participant: Participant, by principal: Principal) async throws {
        let now = self.now()
        try await store.write { db in
            let participants = ParticipantRepository(db, keyring: keyring)
            try await participants.lockForUpdate(participant.id)
            guard let latest = try await participants.steps(of: participant.id).last, latest.id == stepID else {
                throw ValidationFailure(problems: ["reason": .changedMeanwhile])
            }
            let current = try await participants.summary(participant.id)
            let reason = try StepWithdrawal.validated(
                reason: reason,
                from: latest.transition.from,
                to: latest.transition.to,
                recordedOn: Day(latest.recordedAt),
                today: Day(now),
                by: principal.userID,
                isManager: principal.role == .manager,
                responsible: current?.responsibleCounsellor ?? participant.responsibleCounsellor
            )
            do {
                try await participants.withdraw(latest, of: participant.id, reason: reason, by: principal.userID, now: now)
            } catch StoreError.conflict {
                throw ValidationFailure(problems: ["reason": .changedMeanwhile])
            }
            try await AuditLog(db).append(AuditEntry(at: now, by: principal, action: .participantStepWithdrawn, participant: participant))
        }
    }

    static func event(_ name: String, outcome: String, reason: String) throws(ValidationFailure) -> JourneyEvent {
        guard let kind = JourneyEventKind(rawValue: name) else {
            throw ValidationFailure(problems: ["event": name.isEmpty ? .required : .unknownChoice])
        }
        switch kind {
        case .informationConversation: return .informationConversation
        case .start: return .start
        case .multiPartyMeeting: return .multiPartyMeeting
        case .checkIn: return .checkIn
        case .decline: return .decline(reason: reason)
        case .withdraw: return .withdraw(reason: reason)
        case .exit:
            guard let result = ExitOutcome(rawValue: outcome) else {
                throw ValidationFailure(problems: ["outcome": outcome.isEmpty ? .required : .unknownChoice])
            }
            return .exit(result)
        }
    }
}

extension ParticipantService {
    /// Someone saved the contact details after the form was loaded: nothing was written, and these
    /// are the details as they are now.
    struct ContactConflict: Error {
        let current: Participant
    }

    /// Saves the contact details, checked against the stored ones inside the transaction: a change
    /// typed against an older version (`ContactChange.version`) is refused with `ContactConflict`.
    func updateContact(_ change: ContactChange, of participant: Participant, by principal: Principal) async throws {
        // A protected person's contact details are the responsible counsellor's alone, to read and to change.
        if participant.isProtected, participant.responsibleCounsellor != principal.userID {
            throw ValidationFailure(problems: ["phone": .contactProtected])
        }
        let now = self.now()
        try await store.write { [keyring] db in
            let participants = ParticipantRepository(db, keyring: keyring)
            // The row is locked for the check and the write, so two saves queue and the second sees the first's.
            try await participants.lockForUpdate(participant.id)
            guard let current = try await participants.participant(participant.id) else { throw WebError.notFound }
            if let version = change.version, version != current.contactVersion { throw ContactConflict(current: current) }
            let contact = try change.applied(to: current)
            try await participants.updateContact(
                of: participant.id,
                name: contact.name,
                phone: contact.phone,
                email: contact.email,
                referrerName: contact.referrerName
            )
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .participantContact,
                    participant: participant
                )
            )
        }
    }
}

extension ParticipantService {
    /// Marks the participant as having protected personal data (skyddade personuppgifter), or
    /// takes the mark away; audited, and the person's reads are then on the log review's watch list.
    func setProtected(_ isProtected: Bool, of participant: Participant, by principal: Principal) async throws {
        let now = self.now()
        try await store.write { [keyring] db in
            try await ParticipantRepository(db, keyring: keyring).setProtected(isProtected, of: participant.id)
            try await AuditLog(db).append(AuditEntry(at: now, by: principal, action: .participantProtected, participant: participant))
        }
    }

    /// Hands the participant over to another counsellor of their unit, responsible from today; the
    /// earlier ones stay in the history (and count in the dashboards' counsellor changes). Refused
    /// beside the field for someone who is not an active counsellor of the unit, for the one
    /// already responsible, and once the journey has ended.
    func handOver(_ participant: Participant, to counsellor: String, by principal: Principal) async throws {
        let now = self.now()
        try await store.write { [keyring] db in
            let participants = ParticipantRepository(db, keyring: keyring)
            guard let summary = try await participants.summary(participant.id) else { throw WebError.notFound }
            if summary.state.isFinal { throw ValidationFailure(problems: ["counsellor": .handOverEnded]) }
            let staff = try await UserRepository(db).users(of: participant.associationID)
            guard let id = UserID(parsing: counsellor),
                let chosen = staff.first(where: { $0.id == id }),
                chosen.role == .counsellor, !chosen.isDisabled, chosen.unitIDs.contains(participant.unitID)
            else { throw ValidationFailure(problems: ["counsellor": counsellor.isEmpty ? .required : .unknownChoice]) }
            if summary.responsibleCounsellor == chosen.id { throw ValidationFailure(problems: ["counsellor": .alreadyResponsible]) }
            try await participants.assignCounsellor(chosen.id, to: participant.id, from: Day(now), by: principal.userID, now: now)
            try await AuditLog(db).append(AuditEntry(at: now, by: principal, action: .participantCounsellor, participant: participant))
        }
    }
}

extension ParticipantService {
    /// Saves the eligibility checklist as assessed: met, or not met with a note. Refused once the
    /// journey has started, whatever the page that sent it showed: the state is read inside the transaction.
    func saveEligibility(_ draft: EligibilityDraft, of participant: Participant, by principal: Principal) async throws {
        let now = self.now()
        try await store.write { db in
            // The criteria asked now, as the association has them at this moment.
            let rules = try await EligibilityRepository(db).rules(of: participant.associationID)
            let participants = ParticipantRepository(db, keyring: keyring)
            let state = try await participants.summary(participant.id)?.state ?? participant.state
            guard Eligibility.isOpen(in: state) else { throw ValidationFailure(problems: ["eligibility": .eligibilityClosed]) }
            let answers = try draft.validated(rules.active)
            try await participants.saveEligibility(answers, for: participant.id, by: principal.userID, now: now)
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .participantEligibility,
                    participant: participant
                )
            )
        }
    }
}

extension ParticipantService {
    /// The municipalities a participant registered in `unit` may live in.
    func municipalities(for unit: OrganisationUnit) async throws -> [Municipality] {
        try await store.read { db in try await OrganisationRepository(db).municipalities(of: unit.associationID) }
    }
}

extension ParticipantService {
    /// Records what happened and what happened next, once the journey has ended in an exit: the
    /// exit day is read inside the transaction, and each follow-up waits for its months.
    func saveAfterExit(_ draft: AfterExitDraft, of participant: Participant, by principal: Principal) async throws {
        let now = self.now()
        try await store.write { db in
            let participants = ParticipantRepository(db, keyring: keyring)
            let steps = try await participants.steps(of: participant.id)
            let state = try await participants.summary(participant.id)?.state ?? participant.state
            guard state == .exited, let exit = steps.last(where: { $0.transition.event.kind == .exit })?.transition.day else {
                throw ValidationFailure(problems: ["workedOrStudied": .notExited])
            }
            let facts = try draft.validated(exitOn: exit, today: Day(now))
            try await AfterExitRepository(db).set(facts, for: participant.id, by: principal.userID, now: now)
            try await AuditLog(db).append(AuditEntry(at: now, by: principal, action: .participantAfterExit, participant: participant))
        }
    }
}
