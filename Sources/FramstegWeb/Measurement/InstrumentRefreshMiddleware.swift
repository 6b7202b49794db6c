import Hummingbird

/// Before a signed-in request, lets the shelf catch up with instruments another node added (at
/// most one small read every few seconds, see `InstrumentShelf.refresh`). A failed read keeps the
/// shelf as it is: the request then meets the database's trouble where it reads what it needs.
struct InstrumentRefreshMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if context.session != nil {
            do {
                try await site.instruments.refresh(store: site.store, now: site.now())
            } catch {
                site.logger.warning("instruments not refreshed", metadata: ["error": "\(error)"])
            }
        }
        return try await next(request, context)
    }
}
