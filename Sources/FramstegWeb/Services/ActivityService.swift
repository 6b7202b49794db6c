import Foundation
import FramstegCore
import FramstegStore

/// The changes behind the forms (and the API): checks against the participant's journey, one
/// transaction with its audit row each.
struct ActivityService {
    let store: Store
    /// Seals and opens personal data at rest.
    let keyring: FieldKeyring
    let now: @Sendable () -> Date

    @discardableResult
    /// Returns the intervention as stored, for the API to answer with.
    func addIntervention(_ draft: InterventionDraft, to participant: Participant, by principal: Principal) async throws -> Intervention {
        guard participant.state.isActive else { throw ValidationFailure(problems: ["type": .notEnrolled]) }
        let now = self.now()
        return try await store.write { db in
            let started = try await ParticipantRepository(db, keyring: keyring).startDay(of: participant.id) ?? participant.registeredOn
            let valid = try draft.validated(started: started, today: Day(now))
            let id = try await ActivityRepository(db, keyring: keyring).addIntervention(
                valid,
                to: participant.id,
                by: principal.userID,
                now: now
            )
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .participantInterventionAdd,
                    participant: participant
                )
            )
            return Intervention(
                id: id,
                participantID: participant.id,
                type: valid.type,
                provider: valid.provider,
                title: valid.title,
                employerName: valid.employerName,
                start: valid.start,
                end: valid.end
            )
        }
    }

    func endIntervention(_ id: InterventionID, of participant: Participant, on text: String, by principal: Principal) async throws {
        guard participant.state.isActive else { throw ValidationFailure(problems: ["end": .notEnrolled]) }
        let now = self.now()
        try await store.write { db in
            let activities = ActivityRepository(db, keyring: keyring)
            guard let intervention = try await activities.interventions(of: participant.id).first(where: { $0.id == id }) else {
                throw WebError.notFound
            }
            guard intervention.end == nil else { throw ValidationFailure(problems: ["end": .interventionAlreadyEnded]) }
            guard let day = Day(text) else { throw ValidationFailure(problems: ["end": text.trimmed.isEmpty ? .required : .invalidDay]) }
            if day < intervention.start { throw ValidationFailure(problems: ["end": .endBeforeStart]) }
            if day > Day(now) { throw ValidationFailure(problems: ["end": .journey(.inTheFuture)]) }
            try await activities.endIntervention(id, of: participant.id, on: day)
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .participantInterventionEnd,
                    participant: participant
                )
            )
        }
    }

    /// Withdraws an intervention recorded by mistake, or takes back an end recorded by mistake,
    /// with a reason: the intervention and the participant's state are read inside the transaction,
    /// so a page showing an older record cannot correct what has changed since.
    func correctIntervention(
        _ id: InterventionID,
        _ kind: InterventionChange.Kind,
        reason: String,
        of participant: Participant,
        by principal: Principal
    ) async throws {
        let now = self.now()
        try await store.write { db in
            let activities = ActivityRepository(db, keyring: keyring)
            guard
                let intervention = try await activities.interventions(of: participant.id, includingWithdrawn: true).first(where: {
                    $0.id == id
                })
            else { throw WebError.notFound }
            let state = try await ParticipantRepository(db, keyring: keyring).summary(participant.id)?.state ?? participant.state
            let reason = try InterventionChange.validated(kind, of: intervention, reason: reason, participantIsActive: state.isActive)
            try await activities.correct(intervention, kind, reason: reason, by: principal.userID, now: now)
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: .participantInterventionCorrected(kind), participant: participant)
            )
        }
    }

    @discardableResult
    /// Returns the meeting as stored, for the API to answer with.
    func addMeeting(_ draft: MeetingDraft, to participant: Participant, by principal: Principal) async throws -> Meeting {
        let valid = try draft.validated(registeredOn: participant.registeredOn, today: Day(now()))
        let now = self.now()
        return try await store.write { db in
            let id = try await ActivityRepository(db, keyring: keyring).addMeeting(
                valid,
                to: participant.id,
                by: principal.userID,
                now: now
            )
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .participantMeetingAdd,
                    participant: participant
                )
            )
            return Meeting(
                id: id,
                participantID: participant.id,
                kind: valid.kind,
                status: valid.status,
                day: valid.day,
                time: valid.time,
                place: valid.place,
                attendees: valid.attendees,
                notes: valid.notes,
                decisions: valid.decisions,
                recordedBy: principal.userID
            )
        }
    }

    /// Moves a planned meeting to another day, time or place; what it was stays on the record.
    func moveMeeting(_ id: MeetingID, _ draft: MeetingMoveDraft, of participant: Participant, by principal: Principal) async throws {
        try await changeMeeting(id, of: participant, by: principal, action: .participantMeetingMove) { activities, meeting, now in
            try await activities.move(meeting, to: try draft.validated(meeting, today: Day(now)), by: principal.userID, now: now)
        }
    }

    /// Records a planned meeting as held, with who came, notes and decisions.
    func holdMeeting(_ id: MeetingID, _ draft: MeetingOutcomeDraft, of participant: Participant, by principal: Principal) async throws {
        try await changeMeeting(id, of: participant, by: principal, action: .participantMeetingHeld) { activities, meeting, now in
            let valid = try draft.validated(meeting, registeredOn: participant.registeredOn, today: Day(now))
            try await activities.markHeld(meeting, as: valid, by: principal.userID, now: now)
        }
    }

    /// Cancels a planned meeting with a reason; it stays on the record, struck through.
    func cancelMeeting(_ id: MeetingID, reason: String, of participant: Participant, by principal: Principal) async throws {
        try await changeMeeting(id, of: participant, by: principal, action: .participantMeetingCancel) { activities, meeting, now in
            let reason = try MeetingChangeReason.validatedCancellation(meeting, reason: reason)
            try await activities.cancel(meeting, reason: reason, by: principal.userID, now: now)
        }
    }

    /// Withdraws a held meeting recorded by mistake, with a reason; it stays on the record.
    func withdrawMeeting(_ id: MeetingID, reason: String, of participant: Participant, by principal: Principal) async throws {
        try await changeMeeting(id, of: participant, by: principal, action: .participantMeetingWithdraw) { activities, meeting, now in
            let reason = try MeetingChangeReason.validatedWithdrawal(meeting, reason: reason)
            try await activities.withdraw(meeting, reason: reason, by: principal.userID, now: now)
        }
    }

    /// One change to one meeting: the participant locked, the meeting read again inside the
    /// transaction (so of a "held" and a "cancel" sent at once the second finds it no longer
    /// planned and is refused), the change and its audit row.
    private func changeMeeting(
        _ id: MeetingID,
        of participant: Participant,
        by principal: Principal,
        action: AuditAction,
        _ change: @escaping @Sendable (ActivityRepository, Meeting, Date) async throws -> Void
    ) async throws {
        let now = self.now()
        try await store.write { db in
            try await ParticipantRepository(db, keyring: keyring).lockForUpdate(participant.id)
            let activities = ActivityRepository(db, keyring: keyring)
            guard let meeting = try await activities.meeting(id, of: participant.id) else { throw WebError.notFound }
            try await change(activities, meeting, now)
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: action, participant: participant)
            )
        }
    }

    /// One meeting and the names of the staff its changes name, for its page.
    struct MeetingRead: Sendable {
        let meeting: Meeting
        let staffNames: [UserID: String]
    }

    /// The meeting, for its page or its calendar file, after writing who read it (`action`).
    func meeting(_ id: MeetingID, of participant: Participant, by principal: Principal, action: AuditAction) async throws -> MeetingRead {
        let now = self.now()
        return try await store.write { db in
            guard let meeting = try await ActivityRepository(db, keyring: keyring).meeting(id, of: participant.id) else {
                throw WebError.notFound
            }
            try await AuditLog(db).append(AuditEntry(at: now, by: principal, action: action, participant: participant))
            let staff = try await UserRepository(db).users(of: participant.associationID)
            return MeetingRead(meeting: meeting, staffNames: Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0.name) }))
        }
    }

    func setGoal(_ draft: HoursDraft, for participant: Participant, by principal: Principal) async throws {
        try await saveHours(participant, principal, action: .participantHoursGoal) { activities, started, now in
            try await activities.setGoal(try draft.validatedGoal(started: started), for: participant.id, by: principal.userID, now: now)
        }
    }

    func recordAttendance(_ draft: HoursDraft, for participant: Participant, by principal: Principal) async throws {
        try await saveHours(participant, principal, action: .participantHoursAttended) { activities, started, now in
            try await activities.recordAttendance(
                try draft.validatedAttendance(started: started, today: Day(now)),
                for: participant.id,
                by: principal.userID,
                now: now
            )
        }
    }

    /// Hours belong to a started journey; after exit, the last weeks can still be filled in.
    private func saveHours(
        _ participant: Participant,
        _ principal: Principal,
        action: AuditAction,
        _ body: @escaping @Sendable (ActivityRepository, Day, Date) async throws -> Void
    ) async throws {
        let now = self.now()
        try await store.write { db in
            guard participant.state != .declined,
                let started = try await ParticipantRepository(db, keyring: keyring).startDay(of: participant.id)
            else { throw ValidationFailure(problems: ["week": .notEnrolled]) }
            try await body(ActivityRepository(db, keyring: keyring), started, now)
            try await AuditLog(db).append(
                AuditEntry(at: now, by: principal, action: action, participant: participant)
            )
        }
    }
}
