import FramstegCore
import FramstegStore

/// The parts of the record the JSON API reads one at a time. Whatever opens personal data is audited.
extension RecordService {
    /// A unit's participants as lists show them (nothing sealed opened), after writing that
    /// `principal` read the list: names and journeys are personal data too.
    func participants(inUnit unit: OrganisationUnit, by principal: Principal) async throws -> [ParticipantSummary] {
        let list = try await store.read { db in try await ParticipantRepository(db, keyring: keyring).participants(inUnit: unit.id) }
        let now = self.now()
        try await store.audit(
            AuditEntry(at: now, by: principal, action: .participantsListRead, objectType: "unit", objectID: unit.id.description)
        )
        return list
    }

    /// One participant as lists show them.
    func summary(_ id: ParticipantID) async throws -> ParticipantSummary? {
        try await store.read { db in try await ParticipantRepository(db, keyring: keyring).summary(id) }
    }

    /// The journey's steps, after writing that `principal` read the record.
    func steps(of participant: Participant, by principal: Principal) async throws -> [RecordedStep] {
        let steps = try await store.read { db in try await ParticipantRepository(db, keyring: keyring).steps(of: participant.id) }
        try await audit(.participantRead, participant, by: principal)
        return steps
    }

    /// The interventions (titles and employers are personal data), after writing that `principal` read them.
    func interventions(of participant: Participant, by principal: Principal) async throws -> [Intervention] {
        let list = try await store.read { db in try await ActivityRepository(db, keyring: keyring).interventions(of: participant.id) }
        try await audit(.participantInterventionsRead, participant, by: principal)
        return list
    }

    /// The meetings with their notes opened, after writing that `principal` read them.
    func meetings(of participant: Participant, by principal: Principal) async throws -> [Meeting] {
        let meetings = try await store.read { db in try await ActivityRepository(db, keyring: keyring).meetings(of: participant.id) }
        try await audit(.participantMeetingsRead, participant, by: principal)
        return meetings
    }
}
