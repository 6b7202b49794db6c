import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// Anonymous survey results for a unit, a municipality or the association over a period of
/// months: the share positive against the goal, each question's distribution by gender, every
/// count of 1–4 hidden, with the cells that would give it away (`ProtectedCounts`). A group of fewer than five responses gives no figures
/// at all. The office also exports the counts as CSV for the national systems; a printable summary
/// is for the board. No route reads a single response.
struct SurveyResultsPages {
    let site: Site

    enum Scope {
        case association
        case municipality(Municipality)
        case unit(OrganisationUnit)

        var value: String {
            switch self {
            case .association: "association"
            case .municipality(let municipality): "municipality-\(municipality.id)"
            case .unit(let unit): "unit-\(unit.id)"
            }
        }
    }

    struct Query {
        let instrument: Instrument
        let scope: Scope
        let period: MonthPeriod
    }

    func register(on routes: RouteRegistrar) {
        routes.get("/surveys", .viewSurveyResults, .surveyScope) { request, context, principal, _ in
            try await respond(request, context, principal, template: .surveyResults)
        }
        routes.get("/surveys/summary", .viewSurveyResults, .surveyScope) { request, context, principal, _ in
            try await respond(request, context, principal, template: .surveySummary)
        }
        routes.get("/surveys/export.csv", .exportSurveyResults, .surveyScope) { request, context, principal, _ in
            let (query, form, options) = try await read(request, context, principal)
            guard let query else { return page(.surveyResults, context, form: form, options: options, status: .unprocessableContent) }
            let (results, coverage) = try await results(query, principal)
            guard results.isShown else {
                return page(
                    .surveyResults,
                    context,
                    form: form,
                    options: options,
                    query: query,
                    results: results,
                    coverage: coverage,
                    status: .unprocessableContent
                )
            }
            let objectID: String? =
                switch query.scope {
                case .association: principal.associationID.description
                case .municipality(let municipality): municipality.id.description
                case .unit(let unit): unit.id.description
                }
            try await site.audit(
                AuditEntry(
                    at: site.now(),
                    by: principal,
                    action: .surveyExport,
                    objectType: "survey-results",
                    objectID: "\(query.instrument.id) \(query.scope.value) \(query.period.first)–\(query.period.last) \(objectID ?? "")"
                )
            )
            let name = "\(query.instrument.id)-\(query.scope.value)-\(query.period.first)-\(query.period.last).csv"
            return FigureFormat.csv(csv(results, query, area: areaName(query.scope, principal), language: context.language), name: name)
        }
    }

    private func respond(
        _ request: Request,
        _ context: AppRequestContext,
        _ principal: Principal,
        template: Template
    ) async throws -> Response {
        let (query, form, options) = try await read(request, context, principal)
        guard let query else { return page(template, context, form: form, options: options, status: .unprocessableContent) }
        let (results, coverage) = try await results(query, principal)
        var data: [String: Any] = [:]
        data["canExport"] = Policy.roles(for: .exportSurveyResults).contains(principal.role)
        return page(template, context, form: form, options: options, query: query, results: results, coverage: coverage, extra: data)
    }

    // MARK: Reading the request

    /// The scopes the principal may choose: the office every level, staff their own units.
    private func scopes(_ principal: Principal) async throws -> [Scope] {
        let association = principal.associationID
        let (municipalities, units) = try await site.store.read { db in
            (
                try await OrganisationRepository(db).municipalities(of: association),
                try await OrganisationRepository(db).units(of: association)
            )
        }
        if principal.role == .office { return [.association] + municipalities.map(Scope.municipality) + units.map(Scope.unit) }
        return units.filter { principal.unitIDs.contains($0.id) }.map(Scope.unit)
    }

    /// The query, or the form with its problems; the form always comes back with what was typed.
    private func read(
        _ request: Request,
        _ context: AppRequestContext,
        _ principal: Principal
    ) async throws -> (Query?, FormState, [Scope]) {
        let surveys = site.instruments.catalog(for: principal.associationID).current.filter(\.isAnonymous)
        let scopes = try await scopes(principal)
        let today = Month(Day(site.now()))
        let defaultPeriod = MonthPeriod.yearToDate(today)
        let values: [String: String] = [
            "instrument": request.query("instrument", otherwise: surveys.first?.id ?? ""),
            "scope": request.query("scope", otherwise: scopes.first?.value ?? ""),
            "from": request.query("from", otherwise: defaultPeriod.first.description),
            "to": request.query("to", otherwise: defaultPeriod.last.description),
        ]
        var failure = ValidationFailure()
        let instrument = surveys.first { $0.id == values["instrument"] }
        if instrument == nil { failure.add("instrument", .unknownChoice) }
        let scope = scopes.first { $0.value == values["scope"] }
        // Someone else's unit or municipality was refused before the handler ran (`RouteResource.surveyScope`).
        if scope == nil { failure.add("scope", .unknownChoice) }
        let first = Month(values["from"] ?? "")
        let last = Month(values["to"] ?? "")
        if first == nil { failure.add("from", .invalidMonth) }
        if last == nil { failure.add("to", .invalidMonth) }
        if let first, let last, first > last { failure.add("to", .endBeforeStart) }
        let form = FormState(values: values, errors: failure.messages(context.language))
        guard let instrument, let scope, let first, let last, let period = MonthPeriod(first: first, last: last) else {
            return (nil, form, scopes)
        }
        return (Query(instrument: instrument, scope: scope, period: period), form, scopes)
    }

    // MARK: The figures

    private func results(_ query: Query, _ principal: Principal) async throws -> (SurveyResults, ProtectedCounts) {
        let association = principal.associationID
        let instrumentID = query.instrument.id
        let (responses, coverage) = try await site.store.read { db in
            let units = try await OrganisationRepository(db).units(of: association).filter { unit in
                switch query.scope {
                case .association: true
                case .municipality(let municipality): unit.municipalityID == municipality.id
                case .unit(let chosen): unit.id == chosen.id
                }
            }.map(\.id)
            let surveys = SurveyRepository(db)
            return (
                try await surveys.responses(to: instrumentID, units: units, period: query.period),
                try await surveys.coverage(of: instrumentID, units: units, period: query.period)
            )
        }
        let catalog = site.instruments.catalog(for: association)
        let versions = catalog.versions(of: instrumentID).compactMap { catalog.instrument(instrumentID, version: $0) }
        let results = SurveyResults(instrument: query.instrument, versions: versions, responses: responses)
        // Offered = completed + not completed: all three published, so all three protected.
        let counts = ProtectedCounts(
            values: [coverage.offered, coverage.completed, coverage.offered - coverage.completed],
            sums: [.init(total: 0, parts: [1, 2])]
        )
        return (results, counts)
    }

    private func areaName(_ scope: Scope, _ principal: Principal) -> String {
        switch scope {
        case .association: "association"
        case .municipality(let municipality): municipality.name
        case .unit(let unit): unit.name
        }
    }

    private func groupName(_ group: SurveyResults.Group, _ language: Language) -> String {
        switch group {
        case .gender(let gender): Texts.text("genderGroup." + gender.rawValue, language)
        case .everyone: Texts.text("everyone", language)
        }
    }

    // MARK: Rendering

    private func page(
        _ template: Template,
        _ context: AppRequestContext,
        form: FormState,
        options: [Scope],
        query: Query? = nil,
        results: SurveyResults? = nil,
        coverage: ProtectedCounts? = nil,
        extra: [String: Any] = [:],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let language = context.language
        var formData = form.data
        formData["instruments"] = site.instruments.catalog(for: context.principal?.associationID ?? AssociationID(0)).current.filter(
            \.isAnonymous
        ).map {
            ["value": $0.id, "label": $0.title.text(language), "selected": form.values["instrument"] == $0.id] as [String: Any]
        }
        formData["scopes"] = options.map { scope -> [String: Any] in
            let label: String =
                switch scope {
                case .association: Texts.text("wholeAssociation", language)
                case .municipality(let municipality): Texts.text("municipality", language) + " " + municipality.name
                case .unit(let unit): unit.name
                }
            return ["value": scope.value, "label": label, "selected": form.values["scope"] == scope.value]
        }
        var data = extra
        data["form"] = formData
        data["query"] =
            "instrument=\(form.values["instrument"] ?? "")&scope=\(form.values["scope"] ?? "")&from=\(form.values["from"] ?? "")&to=\(form.values["to"] ?? "")"
        if let query, let results {
            data["hasQuery"] = true
            data["surveyTitle"] = query.instrument.title.text(language)
            data["area"] = (formData["scopes"] as? [[String: Any]])?.first { $0["selected"] as? Bool == true }?["label"] ?? ""
            data["period"] = "\(query.period.first) – \(query.period.last)"
            data["description"] = query.instrument.description.text(language)
            if let coverage {
                data["offered"] = FigureFormat.count(coverage.shown(0))
                data["completed"] = FigureFormat.count(coverage.shown(1))
            }
            if results.isShown {
                data["results"] = resultsData(results, language: language)
            } else {
                data["tooFew"] = true
            }
        }
        let status = status == .ok && (data["tooFew"] as? Bool == true) ? .ok : status
        return site.renderer.page(template, title: .key("surveyResultsTitle"), model: data, context: context, status: status)
    }

    private func resultsData(_ results: SurveyResults, language: Language) -> [String: Any] {
        let shareLabel = SurveyCharts.shareLabel(results.instrument, language)
        return [
            "responses": String(results.responseCount),
            "byGender": results.byGender.map { ["group": groupName(.gender($0.gender), language), "count": FigureFormat.count($0.count)] },
            "hasGender": !results.byGender.isEmpty,
            "shareLabel": shareLabel,
            "shareChart": SurveyCharts.shares(results, language: language, id: "share-chart"),
            "goals": results.instrument.shareGoals.map { goal in
                Texts.text("surveyGoal", language).replacingOccurrences(of: "{share}", with: FigureFormat.percent(goal.share))
                    .replacingOccurrences(
                        of: "{questions}",
                        with: goal.itemIDs.compactMap { results.instrument.item($0)?.label.text(language) }.joined(separator: ", ")
                    )
            },
            "questions": results.questions.enumerated().map { index, question -> [String: Any] in
                [
                    "id": question.item.id, "label": question.item.label.text(language), "text": question.item.text.text(language),
                    "chart": SurveyCharts.distribution(question, language: language, id: "question-\(index)"),
                    "choices": question.choices.map { $0.label.text(language) },
                    "rows": question.rows.map { row -> [String: Any] in
                        [
                            "group": groupName(row.group, language), "counts": row.counts.map(FigureFormat.count),
                            "total": FigureFormat.count(row.total),
                            "share": row.positiveShare.map { FigureFormat.percent($0) } ?? "–",
                            "isEveryone": row.group == .everyone,
                        ]
                    },
                    "goal": question.goal.map { FigureFormat.percent($0) } ?? "",
                    "goalMet": question.meetsGoal.map { Texts.text($0 ? "goalMet" : "goalNotMet", language) } ?? "",
                ]
            },
        ]
    }

    /// Counts per question, answer and gender, hidden cells as "..", then each question's share.
    private func csv(_ results: SurveyResults, _ query: Query, area: String, language: Language) -> String {
        let groups = results.questions.first?.rows.map { groupName($0.group, language) } ?? []
        var rows: [[String]] = [
            [
                Texts.text("survey", language), Texts.text("version", language), Texts.text("area", language),
                Texts.text("period", language),
                Texts.text("question", language), Texts.text("answer", language),
            ] + groups
        ]
        let head = [query.instrument.id, String(query.instrument.version), area, "\(query.period.first)–\(query.period.last)"]
        for question in results.questions {
            for (index, choice) in question.choices.enumerated() {
                rows.append(
                    head + [question.item.label.text(language), choice.label.text(language)]
                        + question.rows.map { FigureFormat.count($0.counts[index]) }
                )
            }
            rows.append(
                head + [question.item.label.text(language), Texts.text("total", language)]
                    + question.rows.map { FigureFormat.count($0.total) }
            )
            rows.append(
                head + [question.item.label.text(language), SurveyCharts.shareLabel(results.instrument, language) + " (%)"]
                    + question.rows.map { $0.positiveShare.map { SwedishCSV.decimal($0 * 100) } ?? "–" }
            )
        }
        return SwedishCSV.write(rows)
    }
}
