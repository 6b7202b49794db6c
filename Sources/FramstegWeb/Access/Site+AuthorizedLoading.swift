import FramstegCore
import FramstegStore
import Hummingbird

extension Site {
    /// The unit named by the path's `:unit`, after the policy has allowed `action` on it.
    /// An unknown id and another association's unit both answer 404.
    func authorizedUnit(_ action: Action, _ request: Request, _ context: AppRequestContext, _ principal: Principal) async throws -> OrganisationUnit {
        guard let id = context.parameters.get("unit").flatMap(UnitID.init(parsing:)),
              let unit = try await store.read({ db in try await OrganisationRepository(db).unit(id) })
        else { throw WebError.notFound }
        try await authorize(principal, action, .unit(unit.id, of: unit.associationID), path: request.uri.path)
        return unit
    }
}
