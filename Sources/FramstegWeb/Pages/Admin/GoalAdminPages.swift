import Foundation
import FramstegCore
import Hummingbird

/// The association's goals, year by year (`/admin/goals?year=2026`): a form with every goal of
/// the year as in force, each unit's agreed referrals, and the history of every decision.
struct GoalAdminPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/goals", .administerAssociation, .association) { request, context, principal, _ in
            let overview = try await site.services.organisation.goals(of: principal.associationID)
            let thisYear = Day(site.now()).year
            let year = Int(request.query("year", otherwise: "")).flatMap { GoalsDraft.years.contains($0) ? $0 : nil } ?? thisYear
            let draft = GoalsDraft.inForce(overview.goals, year: year, units: overview.units.map(\.id))
            return page(context, overview, form: GoalsPage.form(draft), year: year)
        }
        routes.post("/admin/goals", .administerAssociation, .association) { _, context, principal, _ in
            let overview = try await site.services.organisation.goals(of: principal.associationID)
            let draft = GoalsDraft(
                year: context.form["year"],
                levels: Dictionary(uniqueKeysWithValues: GoalKind.associationWide.map { ($0, context.form[GoalsDraft.field($0)]) }),
                referrals: Dictionary(
                    uniqueKeysWithValues: overview.units.map { ($0.id, context.form[GoalsDraft.field(.referrals, unit: $0.id)]) }
                )
            )
            do {
                let saved = try await site.services.organisation.setGoals(draft, by: principal)
                return .redirect(to: "/admin/goals?year=\(saved.year)", notice: saved.changed == 0 ? .goalsUnchanged : .goalsSaved)
            } catch let failure as ValidationFailure {
                let form = FormState(values: GoalsPage.form(draft).values, errors: failure.messages(context.language))
                return page(context, overview, form: form, year: draft.yearNumber ?? Day(site.now()).year)
            }
        }
    }

    private func page(_ context: AppRequestContext, _ overview: OrganisationService.GoalsOverview, form: FormState, year: Int) -> Response {
        site.renderer.page(
            .adminGoals,
            title: .key("goalsTitle"),
            model: GoalsPage(overview, form: form, year: year, language: context.language),
            context: context,
            status: form.hasErrors ? .unprocessableContent : .ok
        )
    }
}

/// The goals page's model: the year's form (association-wide goals, then each unit's referrals)
/// and the history, newest first.
struct GoalsPage: Sendable {
    struct HistoryRow: Sendable {
        let year: String
        let goal: String
        let level: String
        let setAt: String
        let setBy: String
    }

    let hasErrors: Bool
    let heading: String
    let yearField: FieldView
    let goalFields: [FieldView]
    let referralFields: [FieldView]
    let hasUnits: Bool
    let history: [HistoryRow]
    let hasHistory: Bool
    let years: [Choice]

    init(_ overview: OrganisationService.GoalsOverview, form: FormState, year: Int, language: Language) {
        hasErrors = form.hasErrors
        heading = Texts.text("goalsForYear", language).replacingOccurrences(of: "{year}", with: String(year))
        yearField = .withoutAutocomplete("year", in: form, label: Texts.text("year", language), inputMode: "numeric")
        func help(_ kind: GoalKind) -> String {
            var parts: [String] = []
            if let setting = overview.goals.inForce(kind, year: year), setting.year < year {
                parts.append(Texts.text("goalInForceFrom", language).replacingOccurrences(of: "{year}", with: String(setting.year)))
            }
            parts.append(Texts.text("goalKindHelp." + kind.rawValue, language))
            return parts.joined(separator: ". ")
        }
        goalFields = GoalKind.associationWide.map { kind in
            let id = GoalsDraft.field(kind)
            return FieldView(
                id: id,
                label: Texts.text("goalKind." + kind.rawValue, language),
                value: form.values[id] ?? "",
                autocomplete: nil,
                inputMode: "numeric",
                help: help(kind),
                error: form.errors[id]
            )
        }
        referralFields = overview.units.map { unit in
            let id = GoalsDraft.field(.referrals, unit: unit.id)
            return FieldView(
                id: id,
                label: unit.name,
                value: form.values[id] ?? "",
                autocomplete: nil,
                inputMode: "numeric",
                error: form.errors[id]
            )
        }
        hasUnits = !overview.units.isEmpty
        let names = Dictionary(uniqueKeysWithValues: overview.units.map { ($0.id, $0.name) })
        history = overview.goals.history.map { setting in
            let level: String =
                switch (setting.level, setting.kind.measure) {
                case (nil, _): Texts.text("goalRemoved", language)
                case (let level?, .share): FigureFormat.percent(level)
                case (let level?, .days): Texts.text("goalDays", language).replacingOccurrences(of: "{days}", with: String(Int(level)))
                case (let level?, .count): String(Int(level))
                }
            var goal = Texts.text("goalKind." + setting.kind.rawValue, language)
            if let unit = setting.unitID { goal += ": " + (names[unit] ?? unit.description) }
            return HistoryRow(
                year: String(setting.year),
                goal: goal,
                level: level,
                setAt: StockholmTime.minute(setting.setAt),
                setBy: setting.setBy ?? "–"
            )
        }
        hasHistory = !history.isEmpty
        years = ((year - 3)...(year + 1)).map { Choice(value: String($0), label: String($0), isChosen: $0 == year) }
    }

    /// The form as a draft has it.
    static func form(_ draft: GoalsDraft) -> FormState {
        var values = ["year": draft.year]
        for (kind, typed) in draft.levels { values[GoalsDraft.field(kind)] = typed }
        for (unit, typed) in draft.referrals { values[GoalsDraft.field(.referrals, unit: unit)] = typed }
        return FormState(values: values)
    }
}
