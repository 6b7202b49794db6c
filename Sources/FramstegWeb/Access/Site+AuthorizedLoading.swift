import FramstegCore
import FramstegStore
import Hummingbird

extension Site {
    /// The unit named by the path's `:unit`, after the policy has allowed `action` on it.
    /// An unknown id and another association's unit both answer 404.
    func authorizedUnit(
        _ action: Action,
        _ request: Request,
        _ context: AppRequestContext,
        _ principal: Principal
    ) async throws -> OrganisationUnit {
        guard let id = context.parameters.get("unit").flatMap(UnitID.init(parsing:)),
            let unit = try await store.read({ db in try await OrganisationRepository(db).unit(id) })
        else { throw WebError.notFound }
        try await authorize(principal, action, .unit(unit.id, of: unit.associationID), path: request.uri.path)
        return unit
    }

    /// The participant named by the path's `:participant` and their unit, after the policy has
    /// allowed `action` on where they belong; nothing sealed is opened before that.
    func authorizedParticipant(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ action: Action,
        path: String
    ) async throws -> (Participant, OrganisationUnit) {
        guard let id = context.parameters.get("participant").flatMap(ParticipantID.init(parsing:)) else { throw WebError.notFound }
        let owner = try await authorizeParticipant(id, principal, action, path: path)
        let keyring = self.keyring
        let loaded = try await store.read { db in
            (try await ParticipantRepository(db, keyring: keyring).participant(id), try await OrganisationRepository(db).unit(owner.unitID))
        }
        guard let participant = loaded.0, let unit = loaded.1 else { throw WebError.notFound }
        return (participant, unit)
    }

    /// Asks the policy about a participant known otherwise (participant mode knows them from the
    /// session) without reading their record: only where they belong is loaded.
    @discardableResult
    func authorizeParticipant(
        _ id: ParticipantID,
        _ principal: Principal,
        _ action: Action,
        path: String
    ) async throws -> (unitID: UnitID, associationID: AssociationID) {
        let keyring = self.keyring
        guard let owner = try await store.read({ db in try await ParticipantRepository(db, keyring: keyring).owner(of: id) })
        else { throw WebError.notFound }
        try await authorize(principal, action, .participant(id, unit: owner.unitID, of: owner.associationID), path: path)
        return (owner.unitID, owner.associationID)
    }
}
