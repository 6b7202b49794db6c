import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// The unit's and the association's dashboards: for a chosen period, each figure as a chart with
/// its table under it, split by gender, every small group hidden (`CrossTable`). Figures are
/// computed from the records as they are, so they include what was entered a moment ago. The
/// office sees the association (or one municipality); a unit's staff see their unit. Exports are
/// a right of their own and each is audited.
struct FollowUpPages {
    let site: Site

    enum Scope {
        case association(municipality: Municipality?)
        case unit(OrganisationUnit)
    }

    func register(on routes: RouteRegistrar) {
        routes.get("/office/dashboard", .viewAssociationOverview, .association) { request, context, principal, _ in
            return try await dashboard(request, context, principal, scope: try await associationScope(request, principal))
        }
        routes.get("/office/report", .viewAssociationOverview, .association) { request, context, principal, _ in
            return try await dashboard(request, context, principal, scope: .association(municipality: nil), report: true)
        }
        routes.get("/units/:unit/dashboard", .viewUnit, .unit) { request, context, principal, unit in
            return try await dashboard(request, context, principal, scope: .unit(unit))
        }
        routes.get("/office/dashboard/export.csv", .exportFigures, .association) { request, context, principal, _ in
            return try await export(request, context, principal, scope: try await associationScope(request, principal))
        }
        routes.get("/units/:unit/dashboard/export.csv", .exportFigures, .unit) { request, context, principal, unit in
            return try await export(request, context, principal, scope: .unit(unit))
        }
        routes.get("/office/dashboard/export.xlsx", .exportFigures, .association) { request, context, principal, _ in
            return try await export(request, context, principal, scope: try await associationScope(request, principal), format: .xlsx)
        }
        routes.get("/units/:unit/dashboard/export.xlsx", .exportFigures, .unit) { request, context, principal, unit in
            return try await export(request, context, principal, scope: .unit(unit), format: .xlsx)
        }
        routes.get("/office/finsam.csv", .exportFigures, .association) { request, context, principal, _ in
            return try await finsam(request, context, principal)
        }
    }

    private func associationScope(_ request: Request, _ principal: Principal) async throws -> Scope {
        guard let text = request.uri.queryParameters["municipality"], !text.isEmpty else { return .association(municipality: nil) }
        guard let id = MunicipalityID(parsing: String(text)),
            let municipality = try await site.store.read({ db in try await OrganisationRepository(db).municipality(id) }),
            municipality.associationID == principal.associationID
        else { throw WebError.notFound }
        return .association(municipality: municipality)
    }

    // MARK: The period

    /// The period from the query (kind, year, part, from, to), or the form with its problems; the
    /// current year when nothing is asked.
    static func period(_ request: Request, today: Day, language: Language) -> (ReportingPeriod?, FormState) {
        let values = [
            "period": request.query("period", otherwise: "year"), "year": request.query("year", otherwise: String(today.year)),
            "part": request.query("part", otherwise: "1"),
            "from": request.query("from", otherwise: ""), "to": request.query("to", otherwise: ""),
            "split": request.query("split", otherwise: ""),
        ]
        var failure = ValidationFailure()
        if !values["split"]!.isEmpty, FollowUpFigures.SplitKind(rawValue: values["split"]!) == nil { failure.add("split", .unknownChoice) }
        let kind = ReportingPeriod.Kind(rawValue: values["period"]!)
        if kind == nil { failure.add("period", .unknownChoice) }
        var period: ReportingPeriod?
        if kind == .custom {
            let first = Day(values["from"]!)
            let last = Day(values["to"]!)
            if first == nil { failure.add("from", values["from"]!.isEmpty ? .required : .invalidDay) }
            if last == nil { failure.add("to", values["to"]!.isEmpty ? .required : .invalidDay) }
            if let first, let last {
                period = ReportingPeriod(first: first, last: last)
                if period == nil { failure.add("to", .endBeforeStart) }
            }
        } else if let kind {
            let year = Int(values["year"]!)
            let part = Int(values["part"]!) ?? 0
            if year == nil || !(1900...2999).contains(year!) { failure.add("year", .outOfRange(minimum: 1900, maximum: 2999)) }
            if let year {
                period = ReportingPeriod(kind: kind, year: year, part: part)
                if period == nil, failure.problems["year"] == nil { failure.add("part", .unknownChoice) }
            }
        }
        return (failure.problems.isEmpty ? period : nil, FormState(values: values, errors: failure.messages(language)))
    }

    // MARK: Reading the figures

    struct Loaded {
        let sums: DashboardSums
        /// Every municipality of the association, in the order they are listed (names for the split by municipality).
        let municipalities: [Municipality]
        let units: [OrganisationUnit]
        let places: [BudgetedPlaces]
        /// The instruments followed by distance travelled and by occasion, as the catalogue has them now.
        let distance: [Instrument]
        let byOccasion: [Instrument]
        /// For the office: the whole association's groups and the units of each municipality, so
        /// the page is protected together with every other municipality's and the whole's.
        let associationGroups: [FactGroup]
        let areas: [MunicipalityID: Set<UnitID>]
        let shown: FollowUpFigures.Scope

        var groups: [FactGroup] { sums.groups }
        var activeByYear: [Int: Int] { sums.activeByYear }

        /// The count figures of the page, protected jointly with the views beside it: for the
        /// office also every municipality's part and each unit's Uppföljning Finsam counts, the
        /// same for the page, its exports and Finsam so that none of them can be set against another.
        func figures(_ period: ReportingPeriod) -> FollowUpFigures {
            FollowUpFigures(
                groups: associationGroups,
                period: period,
                municipalities: municipalities.map(\.id),
                areas: areas,
                shown: shown,
                unitFlows: !areas.isEmpty
            )
        }
    }

    func load(_ scope: Scope, _ principal: Principal, period: ReportingPeriod) async throws -> Loaded {
        let association = principal.associationID
        let followed = site.instruments.catalog(for: association).current.filter {
            !$0.isAnonymous && $0.indicatorSet != nil || $0.followedByOccasion
        }
        let distance = followed.filter { !$0.followedByOccasion && !$0.isAnonymous }
        let byOccasion = followed.filter { $0.followedByOccasion && !$0.isAnonymous }
        let (allUnits, municipalities, places) = try await site.store.read { db in
            let organisation = OrganisationRepository(db)
            return (
                try await organisation.units(of: association), try await organisation.municipalities(of: association),
                try await organisation.places(inAssociation: association)
            )
        }
        let units: [OrganisationUnit] =
            switch scope {
            case .association(let municipality):
                municipality.map { chosen in allUnits.filter { $0.municipalityID == chosen.id } } ?? allUnits
            case .unit(let unit): [unit]
            }
        let sums = try await FollowUpRepository.dashboard(
            in: site.store,
            units: units.map(\.id),
            period: period,
            distance: distance.map(\.id),
            byOccasion: byOccasion.map(\.id)
        )
        let (associationGroups, areas, shown): ([FactGroup], [MunicipalityID: Set<UnitID>], FollowUpFigures.Scope) =
            switch scope {
            case .association(let municipality?):
                (
                    try await site.store.read { db in try await FollowUpRepository(db).groups(units: allUnits.map(\.id), period: period) },
                    Dictionary(grouping: allUnits, by: \.municipalityID).mapValues { Set($0.map(\.id)) }, .area(municipality.id)
                )
            case .association(nil):
                (sums.groups, Dictionary(grouping: allUnits, by: \.municipalityID).mapValues { Set($0.map(\.id)) }, .all)
            case .unit: (sums.groups, [:], .all)
            }
        return Loaded(
            sums: sums,
            municipalities: municipalities,
            units: units,
            places: places.filter { place in units.contains { $0.id == place.unitID } },
            distance: distance,
            byOccasion: byOccasion,
            associationGroups: associationGroups,
            areas: areas,
            shown: shown
        )
    }

    // MARK: The page

    /// The dashboard, or with `report` the board's printable annual report: every figure of the
    /// association for one year, with the goals and whether they were met.
    func dashboard(
        _ request: Request,
        _ context: AppRequestContext,
        _ principal: Principal,
        scope: Scope,
        report: Bool = false
    ) async throws -> Response {
        let language = context.language
        let (period, form) = Self.period(request, today: Day(site.now()), language: language)
        var data: [String: Any] = ["form": periodForm(form, language: language), "isReport": report]
        let (title, base): (String, String) =
            switch scope {
            case .association(let municipality):
                (
                    municipality.map { Texts.text("municipality", language) + " " + $0.name } ?? Texts.text("wholeAssociation", language),
                    "/office/dashboard"
                )
            case .unit(let unit): (unit.name, "/units/\(unit.id)/dashboard")
            }
        data["scopeTitle"] = title
        data["action"] = base
        if case .association(let chosen) = scope {
            let municipalities = try await site.store.read { db in
                try await OrganisationRepository(db).municipalities(of: principal.associationID)
            }
            data["municipalities"] =
                [["value": "", "label": Texts.text("wholeAssociation", language), "selected": chosen == nil]]
                + municipalities.map { ["value": $0.id.description, "label": $0.name, "selected": chosen?.id == $0.id] as [String: Any] }
            data["isOffice"] = true
        }
        guard let period else {
            return site.renderer.page(
                .dashboard,
                title: .key("dashboardTitle"),
                model: data,
                context: context,
                status: .unprocessableContent
            )
        }
        let loaded = try await load(scope, principal, period: period)
        data["periodLabel"] = period.label
        data["canExport"] = Policy.roles(for: .exportFigures).contains(principal.role)
        data["query"] =
            "period=\(form.values["period"] ?? "")&year=\(form.values["year"] ?? "")&part=\(form.values["part"] ?? "")&from=\(form.values["from"] ?? "")&to=\(form.values["to"] ?? "")&split=\(form.values["split"] ?? "")"
            + { if case .association(let municipality?) = scope { "&municipality=\(municipality.id)" } else { "" } }()
        if loaded.sums.isEmptyPeriod, let first = loaded.sums.firstRegistration, first > period.last {
            data["explanation"] = Texts.text("dashboardBeforeFirst", language).replacingOccurrences(of: "{day}", with: first.description)
        } else if loaded.sums.isEmptyPeriod, loaded.sums.firstRegistration == nil {
            data["explanation"] = Texts.text("dashboardNoParticipants", language)
        } else {
            let figures = loaded.figures(period)
            if figures.flow.isEmpty {
                data["explanation"] = Texts.text("dashboardEmptyPeriod", language)
            } else {
                data["figures"] = figureTables(figures, loaded, split: Self.split(form), language: language).map(\.data)
                data["places"] = placesData(period, loaded, figures, language: language)
                data["hasPlaces"] = true
                if report {
                    data["goals"] = try await goalsData(figures, period, loaded, principal, language: language)
                    data["hasGoals"] = true
                }
            }
        }
        return site.renderer.page(.dashboard, title: .key("dashboardTitle"), model: data, context: context)
    }

    /// The association's goals for the report: places used, measurement coverage, waiting time and
    /// the exit survey's questions 1 and 5, each with its value (hidden for small groups) and whether it is met.
    private func goalsData(
        _ figures: FollowUpFigures,
        _ period: ReportingPeriod,
        _ loaded: Loaded,
        _ principal: Principal,
        language: Language
    ) async throws -> [[String: Any]] {
        func row(_ label: String, _ value: Double?, _ goal: Double?) -> [String: Any] {
            let met: String = if let value, let goal { Texts.text(value >= goal ? "goalMet" : "goalNotMet", language) } else { "–" }
            return [
                "label": label, "value": value.map { FigureFormat.percent($0) } ?? FigureFormat.hidden,
                "goal": goal.map { FigureFormat.percent($0) } ?? "–", "met": met,
            ]
        }
        var rows: [[String: Any]] = []
        let year = period.last.year
        let budgeted = loaded.places.filter { $0.year == year }.reduce(0) { $0 + $1.places }
        let used = Self.placesUsed(year, period, loaded, figures)
        rows.append(
            row(
                Texts.text("placesTitle", language),
                used.flatMap { budgeted > 0 ? Double($0) / Double(budgeted) : nil },
                AssociationGoals.goal(AssociationGoals.placesUsed, year: year)
            )
        )
        rows.append(row(Texts.text("figure.coverage", language), figures.coverage.share(ofRow: 0, column: nil), figures.coverageGoal))
        rows.append(row(Texts.text("figureRow.within-goal", language), figures.waiting.share(ofRow: 0, column: nil), nil))
        let catalog = site.instruments.catalog(for: principal.associationID)
        if let survey = catalog.latest("deltagarenkat"), let months = MonthPeriod(first: Month(period.first), last: Month(period.last)) {
            let units = loaded.units.map(\.id)
            let responses = try await site.store.read { db in
                try await SurveyRepository(db).responses(to: survey.id, units: units, period: months)
            }
            let versions = catalog.versions(of: survey.id).compactMap { catalog.instrument(survey.id, version: $0) }
            let results = SurveyResults(instrument: survey, versions: versions, responses: responses)
            // Every goal question is listed; with fewer than five responses its result is hidden.
            for goal in survey.shareGoals {
                for itemID in goal.itemIDs {
                    guard let item = survey.item(itemID) else { continue }
                    let share = results.questions.first { $0.item.id == itemID }?.everyone.positiveShare
                    rows.append(row(survey.title.text(language) + ": " + item.label.text(language), share, goal.share))
                }
            }
        }
        return rows
    }

    /// The split asked for (validated with the period).
    static func split(_ form: FormState) -> FollowUpFigures.SplitKind? { FollowUpFigures.SplitKind(rawValue: form.values["split"] ?? "") }

    private func periodForm(_ form: FormState, language: Language) -> [String: Any] {
        var data = form.data
        data["splits"] =
            [["value": "", "label": Texts.text("splitNone", language), "selected": Self.split(form) == nil] as [String: Any]]
            + FollowUpFigures.SplitKind.allCases.map {
                ["value": $0.rawValue, "label": Texts.text("splitBy." + $0.rawValue, language), "selected": Self.split(form) == $0]
                    as [String: Any]
            }
        data["kinds"] = ReportingPeriod.Kind.allCases.map {
            [
                "value": $0.rawValue, "label": Texts.text("periodKind." + $0.rawValue, language),
                "selected": form.values["period"] == $0.rawValue,
            ] as [String: Any]
        }
        return data
    }

    /// Participants enrolled some time in the year: when the period is that year it is the flow's
    /// "active" total, shown or hidden as the joint protection decided; another year the period
    /// touches is shown from five.
    static func placesUsed(_ year: Int, _ period: ReportingPeriod, _ loaded: Loaded, _ figures: FollowUpFigures) -> Int? {
        if ReportingPeriod(kind: .year, year: year) == period {
            return figures.flow.rowTotal(FollowUpFigures.Flow.allCases.firstIndex(of: .active)!)
        }
        return loaded.activeByYear[year].flatMap { $0 >= ProtectedCounts.smallestGroup ? $0 : nil }
    }

    /// Places used (participants enrolled some time in the year) against budgeted places, per year.
    private func placesData(_ period: ReportingPeriod, _ loaded: Loaded, _ figures: FollowUpFigures, language: Language) -> [[String: Any]]
    {
        period.years.map { year -> [String: Any] in
            let budgeted = loaded.places.filter { $0.year == year }.reduce(0) { $0 + $1.places }
            let shown = Self.placesUsed(year, period, loaded, figures)
            return [
                "year": String(year), "used": FigureFormat.count(shown), "budgeted": budgeted == 0 ? "–" : String(budgeted),
                "share": shown.flatMap { used in budgeted > 0 ? FigureFormat.percent(Double(used) / Double(budgeted)) : nil } ?? "–",
                "goal": AssociationGoals.goal(AssociationGoals.placesUsed, year: year).map { FigureFormat.percent($0) } ?? "–",
            ]
        }
    }
}
