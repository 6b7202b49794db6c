import FramstegCore
import FramstegStore

/// The parts of the record the JSON API reads one at a time. Whatever opens personal data is audited.
extension RecordService {
    /// A unit's participants as lists show them (nothing sealed opened), after writing that
    /// `principal` read the list: names and journeys are personal data too.
    func participants(inUnit unit: OrganisationUnit, by principal: Principal) async throws -> [ParticipantSummary] {
        let list = try await store.read { db in try await ParticipantRepository(db, keyring: keyring).participants(inUnit: unit.id) }
            .map { $0.shown(to: principal.userID) }
        let now = self.now()
        try await store.audit(
            AuditEntry(at: now, by: principal, action: .participantsListRead, objectType: "unit", objectID: unit.id.description)
        )
        return list
    }

    /// The participants `principal` may open whose name begins as `query` does (each word the
    /// beginning of one of the name's, without case or accents) or whose personal identity number
    /// it is, ended journeys too, newest registration first; then writes whom the search listed.
    /// Someone who may open no record finds nobody. Nil when the query is neither a number nor has
    /// a word of two letters.
    func search(_ query: String, by principal: Principal) async throws -> [ParticipantSummary]? {
        let units = principal.mayOpenRecords ? principal.unitIDs : []
        let now = self.now()
        let number = try? PersonalIdentityNumber(parsing: query, today: now)
        guard number != nil || NameLookup.isSearchable(query) else { return nil }
        let found = try await store.read { [keyring] db in
            let participants = ParticipantRepository(db, keyring: keyring)
            if let number { return try await participants.participants(with: number, in: units) }
            return try await participants.participants(matchingName: query, in: principal.associationID, units: units)
        }
        .sorted { ($0.registeredOn, $0.id.rawValue) > ($1.registeredOn, $1.id.rawValue) }
        .prefix(Self.searchLimit).map { $0.shown(to: principal.userID) }
        try await store.audit(
            AuditEntry(
                at: now,
                by: principal,
                action: .participantsSearch,
                objectType: "participants",
                objectID: found.map(\.id.description).joined(separator: ",")
            )
        )
        return Array(found)
    }

    /// The most a search lists: enough for a common name in a unit, never the whole register.
    static let searchLimit = 50

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
