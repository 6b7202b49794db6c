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
                day: valid.day,
                attendees: valid.attendees,
                notes: valid.notes,
                decisions: valid.decisions,
                recordedBy: principal.userID
            )
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
