import FramstegCore
import FramstegStore
import Hummingbird

/// Finding a participant from any staff page: by the beginnings of the name's words or by personal
/// identity number, among the participants of the units the user may open records in, ended
/// journeys too. `RecordService.search` writes whom each search listed.
struct SearchPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/search", .viewUnit, .ownAccount) { request, context, principal, _ in
            let language = context.language
            let query = request.query("q", otherwise: "")
            guard !query.isEmpty else { return render(SearchPage(query: query, language: language), context) }
            guard query.count <= Self.longestQuery, let found = try await site.services.record.search(query, by: principal) else {
                let problem: FieldProblem = query.count > Self.longestQuery ? .tooLong(maximum: Self.longestQuery) : .searchTooShort
                var failure = ValidationFailure()
                failure.add("q", problem)
                let page = SearchPage(query: query, error: failure.messages(language)["q"], language: language)
                return render(page, context, status: .unprocessableContent)
            }
            let units = try await site.services.overview.organisation(of: principal.associationID).units
            let page = SearchPage(
                query: query,
                found: found,
                unitNames: Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }),
                mayOpenRecords: principal.mayOpenRecords,
                language: language
            )
            return render(page, context)
        }
    }

    /// A name or a number is never longer; a longer query is a paste gone wrong.
    static let longestQuery = 100

    private func render(_ page: SearchPage, _ context: AppRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        site.renderer.page(.participantSearch, title: .key("searchTitle"), model: page, context: context, status: status)
    }
}

/// The `participant-search` page: the query as typed with its message, then whom it found.
struct SearchPage: Sendable {
    struct Row: Sendable {
        let id: String
        let name: String
        let unit: String
        let state: String
        let registeredOn: String
    }

    let query: FieldView
    let hasErrors: Bool
    let searched: Bool
    let rows: [Row]
    let hasRows: Bool
    let summary: String
    let mayOpenRecords: Bool

    init(
        query: String,
        error: String? = nil,
        found: [ParticipantSummary]? = nil,
        unitNames: [UnitID: String] = [:],
        mayOpenRecords: Bool = true,
        language: Language
    ) {
        self.query = FieldView(
            id: "search-q",
            name: "q",
            label: Texts.text("searchLabel", language),
            value: query,
            type: "search",
            help: Texts.text("searchHelp", language),
            error: error
        )
        hasErrors = error != nil
        searched = found != nil
        rows = (found ?? []).map { participant in
            Row(
                id: participant.id.description,
                name: participant.name,
                unit: unitNames[participant.unitID] ?? "",
                state: participant.state.label(language),
                registeredOn: participant.registeredOn.description
            )
        }
        hasRows = !rows.isEmpty
        summary =
            found.map { found in
                found.isEmpty
                    ? Texts.text("searchNone", language, ["query": query])
                    : Texts.counted(found.count, "count.found", language)
                        + (found.count == RecordService.searchLimit
                            ? " " + Texts.text("searchMore", language) : "")
            } ?? ""
        self.mayOpenRecords = mayOpenRecords
    }
}
