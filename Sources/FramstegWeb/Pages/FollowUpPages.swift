import FramstegCore
import FramstegStore
import Foundation
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

    /// The tables a dashboard shows and exports, by their key in the URL.
    static let tables = ["flow", "age", "municipality", "outcomes", "coverage", "time", "waiting", "continuity"]

    func register(on routes: RouteRegistrar) {
        routes.get("/office/dashboard", .viewAssociationOverview) { request, context, principal in
            try await site.authorize(principal, .viewAssociationOverview, .association(principal.associationID), path: request.uri.path)
            return try await dashboard(request, context, principal, scope: try await associationScope(request, principal))
        }
        routes.get("/office/report", .viewAssociationOverview) { request, context, principal in
            try await site.authorize(principal, .viewAssociationOverview, .association(principal.associationID), path: request.uri.path)
            return try await dashboard(request, context, principal, scope: .association(municipality: nil), report: true)
        }
        routes.get("/units/:unit/dashboard", .viewUnit) { request, context, principal in
            let unit = try await site.authorizedUnit(.viewUnit, request, context, principal)
            return try await dashboard(request, context, principal, scope: .unit(unit))
        }
        routes.get("/office/dashboard/export.csv", .exportFigures) { request, context, principal in
            try await site.authorize(principal, .exportFigures, .association(principal.associationID), path: request.uri.path)
            return try await export(request, context, principal, scope: try await associationScope(request, principal))
        }
        routes.get("/units/:unit/dashboard/export.csv", .exportFigures) { request, context, principal in
            let unit = try await site.authorizedUnit(.exportFigures, request, context, principal)
            return try await export(request, context, principal, scope: .unit(unit))
        }
        routes.get("/office/dashboard/export.xlsx", .exportFigures) { request, context, principal in
            try await site.authorize(principal, .exportFigures, .association(principal.associationID), path: request.uri.path)
            return try await export(request, context, principal, scope: try await associationScope(request, principal), format: .xlsx)
        }
        routes.get("/units/:unit/dashboard/export.xlsx", .exportFigures) { request, context, principal in
            let unit = try await site.authorizedUnit(.exportFigures, request, context, principal)
            return try await export(request, context, principal, scope: .unit(unit), format: .xlsx)
        }
        routes.get("/office/finsam.csv", .exportFigures) { request, context, principal in
            try await site.authorize(principal, .exportFigures, .association(principal.associationID), path: request.uri.path)
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
            "period": request.query("period", otherwise: "year"), "year": request.query("year", otherwise: String(today.year)), "part": request.query("part", otherwise: "1"),
            "from": request.query("from", otherwise: ""), "to": request.query("to", otherwise: ""),
        ]
        var failure = ValidationFailure()
        let kind = ReportingPeriod.Kind(rawValue: values["period"]!)
        if kind == nil { failure.add("period", .unknownChoice) }
        var period: ReportingPeriod?
        if kind == .custom {
            let first = Day(values["from"]!), last = Day(values["to"]!)
            if first == nil { failure.add("from", values["from"]!.isEmpty ? .required : .invalidDay) }
            if last == nil { failure.add("to", values["to"]!.isEmpty ? .required : .invalidDay) }
            if let first, let last {
                period = ReportingPeriod(first: first, last: last)
                if period == nil { failure.add("to", .endBeforeStart) }
            }
        } else if let kind {
            let year = Int(values["year"]!), part = Int(values["part"]!) ?? 0
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
        let groups: [FactGroup]
        let municipalities: [Municipality]
        let units: [OrganisationUnit]
        let places: [BudgetedPlaces]
        /// The first registration in the scope, if anyone is registered.
        let firstRegistration: Day?
        /// Participants enrolled some time in each year the period touches.
        let activeByYear: [Int: Int]
        /// Nobody was registered, started, active or ended in the period.
        let isEmptyPeriod: Bool
    }

    func load(_ scope: Scope, _ principal: Principal, period: ReportingPeriod) async throws -> Loaded {
        let association = principal.associationID
        return try await site.store.read { db in
            let organisation = OrganisationRepository(db)
            let allUnits = try await organisation.units(of: association)
            let units: [OrganisationUnit] = switch scope {
            case .association(let municipality): municipality.map { chosen in allUnits.filter { $0.municipalityID == chosen.id } } ?? allUnits
            case .unit(let unit): [unit]
            }
            let municipalities = try await organisation.municipalities(of: association).filter { municipality in units.contains { $0.municipalityID == municipality.id } }
            let places = try await organisation.places(inAssociation: association).filter { place in units.contains { $0.id == place.unitID } }
            let followUp = FollowUpRepository(db), ids = units.map(\.id)
            let groups = try await followUp.groups(units: ids, period: period)
            // Places are counted per calendar year: a year's period is the scan already made.
            var activeByYear: [Int: Int] = [:]
            for year in period.years {
                let whole = ReportingPeriod(kind: .year, year: year)!
                let yearly = whole == period ? groups : try await followUp.groups(units: ids, period: whole)
                activeByYear[year] = yearly.filter(\.key.active).reduce(0) { $0 + $1.count }
            }
            // Only an empty result needs to know when the first registration was.
            let anyone = groups.contains { $0.key.referred || $0.key.started || $0.key.active || $0.key.ended }
            return Loaded(groups: groups, municipalities: municipalities, units: units, places: places,
                          firstRegistration: anyone ? nil : try await followUp.firstRegistration(units: ids), activeByYear: activeByYear,
                          isEmptyPeriod: !anyone)
        }
    }

    // MARK: The page

    /// The dashboard, or with `report` the board's printable annual report: every figure of the
    /// association for one year, with the goals and whether they were met.
    func dashboard(_ request: Request, _ context: AppRequestContext, _ principal: Principal, scope: Scope, report: Bool = false) async throws -> Response {
        let language = context.language
        let (period, form) = Self.period(request, today: Day(site.now()), language: language)
        var data: [String: Any] = ["form": periodForm(form, language: language), "isReport": report]
        let (title, base): (String, String) = switch scope {
        case .association(let municipality): (municipality.map { Texts.text("municipality", language) + " " + $0.name } ?? Texts.text("wholeAssociation", language), "/office/dashboard")
        case .unit(let unit): (unit.name, "/units/\(unit.id)/dashboard")
        }
        data["scopeTitle"] = title
        data["action"] = base
        if case .association(let chosen) = scope {
            let municipalities = try await site.store.read { db in try await OrganisationRepository(db).municipalities(of: principal.associationID) }
            data["municipalities"] = [["value": "", "label": Texts.text("wholeAssociation", language), "selected": chosen == nil]]
                + municipalities.map { ["value": $0.id.description, "label": $0.name, "selected": chosen?.id == $0.id] as [String: Any] }
            data["isOffice"] = true
        }
        guard let period else {
            return site.renderer.page("dashboard", titleKey: "dashboardTitle", context: context, status: .unprocessableContent, data: data)
        }
        let loaded = try await load(scope, principal, period: period)
        data["periodLabel"] = period.label
        data["canExport"] = Policy.roles(for: .exportFigures).contains(principal.role)
        data["query"] = "period=\(form.values["period"] ?? "")&year=\(form.values["year"] ?? "")&part=\(form.values["part"] ?? "")&from=\(form.values["from"] ?? "")&to=\(form.values["to"] ?? "")"
            + { if case .association(let municipality?) = scope { "&municipality=\(municipality.id)" } else { "" } }()
        if loaded.isEmptyPeriod, let first = loaded.firstRegistration, first > period.last {
            data["explanation"] = Texts.text("dashboardBeforeFirst", language).replacingOccurrences(of: "{day}", with: first.description)
        } else if loaded.isEmptyPeriod, loaded.firstRegistration == nil {
            data["explanation"] = Texts.text("dashboardNoParticipants", language)
        } else {
            let figures = FollowUpFigures(groups: loaded.groups, period: period, municipalities: loaded.municipalities.map(\.id))
            if figures.flow.isEmpty {
                data["explanation"] = Texts.text("dashboardEmptyPeriod", language)
            } else {
                data["figures"] = figureData(figures, loaded, language: language)
                data["places"] = placesData(period, loaded, language: language)
                data["hasPlaces"] = true
                data["progression"] = try await progressionData(period, loaded, principal, language: language)
                if report {
                    data["goals"] = try await goalsData(figures, period, loaded, principal, language: language)
                    data["hasGoals"] = true
                }
            }
        }
        return site.renderer.page("dashboard", titleKey: "dashboardTitle", context: context, data: data)
    }

    /// Distance travelled with BIP (mean change per indicator) and Livshjulet (also the share who
    /// improved on at least three of the eight areas), for participants whose latest measurement
    /// falls in the period.
    private func progressionData(_ period: ReportingPeriod, _ loaded: Loaded, _ principal: Principal, language: Language) async throws -> [[String: Any]] {
        let catalog = site.instruments.catalog(for: principal.associationID)
        let units = loaded.units.map(\.id)
        var sections: [[String: Any]] = []
        for instrumentID in ["bip", "livshjulet"] {
            guard let instrument = catalog.latest(instrumentID), let set = instrument.indicatorSet else { continue }
            let summaries = try await site.store.read { db in try await ProgressSummaryRepository(db).summaries(of: instrumentID, units: units, latestIn: period) }
            let progression = Progression(summaries, indicators: set.indicators.map(\.id), period: period)
            let columns: [Gender?] = Gender.allCases.map(Optional.some) + [nil]
            func signed(_ value: Double?) -> String {
                guard let value else { return FigureFormat.hidden }
                let text = SwedishCSV.decimal(abs(value), decimals: 1)
                return value > 0.05 ? "+" + text : value < -0.05 ? "−" + text : text
            }
            var section: [String: Any] = [
                "instrument": instrument.title.text(language), "key": instrumentID,
                "columns": columns.map { $0.map { Texts.text("genderGroup." + $0.rawValue, language) } ?? Texts.text("everyone", language) },
                "rows": zip(set.indicators, progression.rows).map { indicator, row -> [String: Any] in
                    ["label": indicator.label.text(language), "cells": columns.map { signed(row.meanChange[$0]) }]
                },
                "count": columns.map { gender in FigureFormat.count(gender.map { g in progression.measuredTwice.cell(0, Gender.allCases.firstIndex(of: g)!) } ?? progression.measuredTwice.total) },
            ]
            if instrumentID == "livshjulet" {
                section["improved"] = Texts.text("improvedShare", language)
                    .replacingOccurrences(of: "{share}", with: progression.improved.share(ofRow: 0, column: nil).map { FigureFormat.percent($0) } ?? FigureFormat.hidden)
            }
            sections.append(section)
        }
        return sections
    }

    /// The association's goals for the report: places used, measurement coverage, waiting time and
    /// the exit survey's questions 1 and 5, each with its value (hidden for small groups) and whether it is met.
    private func goalsData(_ figures: FollowUpFigures, _ period: ReportingPeriod, _ loaded: Loaded, _ principal: Principal, language: Language) async throws -> [[String: Any]] {
        func row(_ label: String, _ value: Double?, _ goal: Double?) -> [String: Any] {
            let met: String = if let value, let goal { Texts.text(value >= goal ? "goalMet" : "goalNotMet", language) } else { "–" }
            return ["label": label, "value": value.map { FigureFormat.percent($0) } ?? FigureFormat.hidden, "goal": goal.map { FigureFormat.percent($0) } ?? "–", "met": met]
        }
        var rows: [[String: Any]] = []
        let year = period.last.year
        let budgeted = loaded.places.filter { $0.year == year }.reduce(0) { $0 + $1.places }
        let used = loaded.activeByYear[year].flatMap { $0 >= ProtectedCounts.smallestGroup ? $0 : nil }
        rows.append(row(Texts.text("placesTitle", language), used.flatMap { budgeted > 0 ? Double($0) / Double(budgeted) : nil },
                        AssociationGoals.goal(AssociationGoals.placesUsed, year: year)))
        rows.append(row(Texts.text("figure.coverage", language), figures.coverage.share(ofRow: 0, column: nil), figures.coverageGoal))
        rows.append(row(Texts.text("figureRow.within-goal", language), figures.waiting.share(ofRow: 0, column: nil), nil))
        let catalog = site.instruments.catalog(for: principal.associationID)
        if let survey = catalog.latest("deltagarenkat"), let months = MonthPeriod(first: Month(period.first), last: Month(period.last)) {
            let units = loaded.units.map(\.id)
            let responses = try await site.store.read { db in try await SurveyRepository(db).responses(to: survey.id, units: units, period: months) }
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

    private func periodForm(_ form: FormState, language: Language) -> [String: Any] {
        var data = form.data
        data["kinds"] = ReportingPeriod.Kind.allCases.map {
            ["value": $0.rawValue, "label": Texts.text("periodKind." + $0.rawValue, language), "selected": form.values["period"] == $0.rawValue] as [String: Any]
        }
        return data
    }

    func rowLabels(_ key: String, _ table: CrossTable, _ loaded: Loaded, _ language: Language) -> [String] {
        switch key {
        case "municipality": table.rows.map { id in loaded.municipalities.first { $0.id.description == id }?.name ?? id }
        case "outcomes": table.rows.map { Texts.text("outcome." + $0, language) }
        default: table.rows.map { Texts.text("figureRow." + $0, language) }
        }
    }

    func table(_ key: String, _ figures: FollowUpFigures) -> CrossTable {
        switch key {
        case "age": figures.byAge
        case "municipality": figures.byMunicipality
        case "outcomes": figures.outcomes
        case "coverage": figures.coverage
        case "time": figures.timeInProgramme
        case "waiting": figures.waiting
        case "continuity": figures.continuity
        default: figures.flow
        }
    }

    private func figureData(_ figures: FollowUpFigures, _ loaded: Loaded, language: Language) -> [[String: Any]] {
        Self.tables.map { key -> [String: Any] in
            let table = table(key, figures)
            let labels = rowLabels(key, table, loaded, language)
            let title = Texts.text("figure." + key, language)
            // The flow's rows overlap (one person is referred, started and active): no column sums.
            let sums = key != "flow"
            var data: [String: Any] = [
                "key": key, "title": title, "help": Texts.text("figureHelp." + key, language),
                "chart": FigureChart.bars(table, labels: labels, language: language, id: "figure-\(key)", title: title),
                "columns": table.columns.map { Texts.text("genderGroup." + $0, language) },
                "rows": labels.enumerated().map { row, label -> [String: Any] in
                    ["label": label, "cells": table.columns.indices.map { FigureFormat.count(table.cell(row, $0)) }, "total": FigureFormat.count(table.rowTotal(row))]
                },
                "hasSums": sums,
                "sums": table.columns.indices.map { FigureFormat.count(table.columnTotal($0)) }, "total": FigureFormat.count(table.total),
            ]
            var notes: [String] = []
            switch key {
            case "coverage":
                let share = table.share(ofRow: 0, column: nil).map { FigureFormat.percent($0) } ?? FigureFormat.hidden
                notes.append(Texts.text("coverageShare", language).replacingOccurrences(of: "{share}", with: share)
                    .replacingOccurrences(of: "{goal}", with: figures.coverageGoal.map { FigureFormat.percent($0) } ?? "–"))
                notes.append(Texts.text("byGenderShares", language) + " " + table.columns.indices.map { column in
                    Texts.text("genderGroup." + table.columns[column], language) + " " + (table.share(ofRow: 0, column: column).map { FigureFormat.percent($0) } ?? FigureFormat.hidden)
                }.joined(separator: ", "))
            case "time":
                notes.append(Texts.text("meanDays", language) + " " + means(figures.meanDaysInProgramme, language))
            case "waiting":
                let share = table.share(ofRow: 0, column: nil).map { FigureFormat.percent($0) } ?? FigureFormat.hidden
                notes.append(Texts.text("waitingShare", language).replacingOccurrences(of: "{share}", with: share))
                notes.append(Texts.text("meanWaiting", language) + " " + means(figures.meanWaitingDays, language))
            case "continuity":
                notes.append(Texts.text("continuityShare", language).replacingOccurrences(of: "{share}", with: table.share(ofRow: 0, column: nil).map { FigureFormat.percent($0) } ?? FigureFormat.hidden))
            default: break
            }
            data["notes"] = notes
            return data
        }
    }

    private func means(_ means: [Gender?: Double], _ language: Language) -> String {
        ([nil] + Gender.allCases.map(Optional.some)).map { gender -> String in
            let label = gender.map { Texts.text("genderGroup." + $0.rawValue, language) } ?? Texts.text("everyone", language)
            return label + " " + (means[gender].map { "\(Int($0.rounded()))" } ?? FigureFormat.hidden)
        }.joined(separator: ", ")
    }

    /// Places used (participants enrolled some time in the year) against budgeted places, per year.
    private func placesData(_ period: ReportingPeriod, _ loaded: Loaded, language: Language) -> [[String: Any]] {
        period.years.map { year -> [String: Any] in
            let used = loaded.activeByYear[year] ?? 0
            let budgeted = loaded.places.filter { $0.year == year }.reduce(0) { $0 + $1.places }
            let shown = used >= ProtectedCounts.smallestGroup ? used : nil
            return [
                "year": String(year), "used": FigureFormat.count(shown), "budgeted": budgeted == 0 ? "–" : String(budgeted),
                "share": shown.flatMap { used in budgeted > 0 ? FigureFormat.percent(Double(used) / Double(budgeted)) : nil } ?? "–",
                "goal": AssociationGoals.goal(AssociationGoals.placesUsed, year: year).map { FigureFormat.percent($0) } ?? "–",
            ]
        }
    }
}
