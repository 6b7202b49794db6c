import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// The log review (loggkontroll): the audit log searched by user, participant, event, unit and
/// period with paging; a sample of reads to check, always with the watched people's; the record of
/// each review; and the watch list. The admin's, as the audit log is.
struct LogReviewPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/log-review", .readAuditLog, .association) { _, context, principal, _ in
            try await search(FormState(), page: 1, context, principal)
        }
        // A POST, so a personal identity number typed as the participant stays out of addresses and histories.
        routes.post("/admin/log-review", .readAuditLog, .association) { _, context, principal, _ in
            let fields = ["user", "participant", "action", "unit", "from", "through"]
            let form = FormState(values: Dictionary(uniqueKeysWithValues: fields.map { ($0, context.form[$0].trimmed) }))
            return try await search(form, page: max(1, Int(context.form["page"]) ?? 1), context, principal)
        }
        routes.get("/admin/log-review/sample", .readAuditLog, .association) { request, context, principal, _ in
            let period = TypedPeriod(
                from: request.query("from", otherwise: ""),
                through: request.query("through", otherwise: ""),
                today: Day(site.now()),
                language: context.language
            )
            let size = Int(request.query("size", otherwise: "")).map {
                min(max($0, LogSample.sizeRange.lowerBound), LogSample.sizeRange.upperBound)
            }
            return try await sample(period, size: size ?? LogSample.standardSize, conclusion: FormState(), context, principal)
        }
        routes.post("/admin/log-review/reviews", .readAuditLog, .association) { _, context, principal, _ in
            let period = TypedPeriod(
                from: context.form["from"],
                through: context.form["through"],
                today: Day(site.now()),
                language: context.language
            )
            let checked = context.form.all("checked").compactMap { Int64($0) }
            let typed = context.form["conclusion"]
            do {
                try await site.services.logReview.recordReview(
                    from: period.from,
                    through: period.through,
                    checked: checked,
                    conclusion: typed,
                    by: principal
                )
                return .redirect(to: "/admin/log-review", notice: .reviewRecorded, section: "reviews")
            } catch let failure as ValidationFailure {
                let form = FormState(values: ["conclusion": typed], errors: failure.messages(context.language))
                return try await sample(period, size: 0, keeping: checked, conclusion: form, context, principal)
            }
        }
        routes.get("/admin/watch-list", .readAuditLog, .association) { _, context, principal, _ in
            try await watchList(FormState(), context, principal)
        }
        routes.post("/admin/watch-list", .readAuditLog, .association) { _, context, principal, _ in
            let typed = ["personalIdentityNumber": context.form["personalIdentityNumber"], "reason": context.form["reason"]]
            do {
                try await site.services.logReview.watch(numbered: typed["personalIdentityNumber"]!, reason: typed["reason"]!, by: principal)
                return .redirect(to: "/admin/watch-list", notice: .saved)
            } catch let failure as ValidationFailure {
                return try await watchList(FormState(values: typed, errors: failure.messages(context.language)), context, principal)
            }
        }
        routes.post("/admin/watch-list/:participant/remove", .readAuditLog, .association) { _, context, principal, _ in
            guard let id = context.parameters.get("participant").flatMap(ParticipantID.init(parsing:)) else { throw HTTPError(.notFound) }
            try await site.services.logReview.unwatch(id, by: principal)
            return .redirect(to: "/admin/watch-list", notice: .saved)
        }
    }

    private func search(_ typed: FormState, page: Int, _ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        var form = typed
        let language = context.language
        let period = TypedPeriod(
            from: typed.values["from"] ?? "",
            through: typed.values["through"] ?? "",
            today: Day(site.now()),
            language: language
        )
        form.values.merge(period.values) { _, new in new }
        form.errors.merge(period.errors) { first, _ in first }
        var filter = AuditFilter(from: period.from, through: period.through)
        filter.userID = typed.values["user"].flatMap(UserID.init(parsing:))
        filter.unitID = typed.values["unit"].flatMap(UnitID.init(parsing:))
        filter.action = typed.values["action"].flatMap { $0.isEmpty ? nil : $0 }
        if let participant = typed.values["participant"], !participant.isEmpty {
            if let id = ParticipantID(parsing: participant) {
                filter.participantID = id
            } else if let found = try await site.services.logReview.participant(numbered: participant, by: principal) {
                filter.participantID = found.id
            } else {
                form.errors["participant"] = FieldProblem.notFound.message(language)
            }
        }
        let result: LogReviewService.SearchResult? =
            form.hasErrors ? nil : try await site.services.logReview.search(filter, page: page, by: principal)
        let reviews = try await site.services.logReview.reviews(by: principal)
        let model = LogReviewPage(form: form, result: result, page: page, reviews: reviews, language: language)
        return site.renderer.page(
            .adminLogReview,
            title: .key("logReview"),
            model: model,
            context: context,
            status: form.hasErrors ? .unprocessableContent : .ok
        )
    }

    private func sample(
        _ period: TypedPeriod,
        size: Int,
        keeping checked: [Int64]? = nil,
        conclusion: FormState,
        _ context: AppRequestContext,
        _ principal: Principal
    ) async throws -> Response {
        let sample = try await site.services.logReview.sample(
            from: period.from,
            through: period.through,
            size: size,
            keeping: checked,
            by: principal
        )
        let model = LogSamplePage(period: period, sample: sample, size: size, conclusion: conclusion, language: context.language)
        return site.renderer.page(
            .adminLogSample,
            title: .key("logSample"),
            model: model,
            context: context,
            status: conclusion.hasErrors || !period.errors.isEmpty ? .unprocessableContent : .ok
        )
    }

    private func watchList(_ form: FormState, _ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let (watched, names) = try await site.services.logReview.watchList(by: principal)
        let model = WatchListPage(watched, names: names, form: form, language: context.language)
        return site.renderer.page(
            .adminWatchList,
            title: .key("watchList"),
            model: model,
            context: context,
            status: form.hasErrors ? .unprocessableContent : .ok
        )
    }
}
