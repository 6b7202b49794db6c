import Foundation
import FramstegCore
import Hummingbird

/// The national deliveries for a year, on one page that says what each contains and where it goes:
/// Uppföljning Finsam (referrals, starts and active participants per unit and gender) and the
/// violence screening for NNS (the answers per question and municipality). Each is exact, a right
/// the admin grants by name (`Action.makeNationalDelivery`), and each export is audited as
/// `delivery.export`. An office user without a right sees what it is and who grants it.
struct NationalDeliveryPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/office/deliveries", .viewAssociationOverview, .association) { request, context, principal, _ in
            try await page(request, context, principal)
        }
        routes.get("/office/deliveries/violence-screening.csv", .makeNationalDelivery, .nationalDelivery(.violenceScreening)) {
            request,
            context,
            principal,
            _ in
            let choice = DeliveryYear(request, today: Day(site.now()), language: context.language)
            guard let year = choice.year, let delivery = try await site.services.surveyResults.violenceScreening(year: year, for: principal)
            else { return try await page(request, context, principal) }
            try await site.services.surveyResults.recordDelivery(delivery, by: principal)
            return FigureFormat.csv(
                SwedishCSV.write(Self.violenceScreeningRows(delivery, language: context.language)),
                name: "\(NationalDelivery.violenceScreening.rawValue)-\(year).csv"
            )
        }
    }

    private func page(_ request: Request, _ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let language = context.language
        let choice = DeliveryYear(request, today: Day(site.now()), language: language)
        var violenceScreening: ViolenceScreeningDelivery?
        if let year = choice.year, principal.deliveries.contains(.violenceScreening) {
            violenceScreening = try await site.services.surveyResults.violenceScreening(year: year, for: principal)
        }
        let hasSurvey = site.services.surveyResults.survey(delivering: .violenceScreening, in: principal.associationID) != nil
        let page = NationalDeliveriesPage(
            choice,
            holds: principal.deliveries,
            violenceScreening: violenceScreening,
            hasViolenceScreening: hasSurvey,
            language: language
        )
        return site.renderer.page(
            .nationalDeliveries,
            title: .key("deliveryRights"),
            model: page,
            context: context,
            status: choice.year == nil ? .unprocessableContent : .ok
        )
    }

    /// A header, then for each municipality its responses by gender and each question's answers:
    /// women, men, another or not stated, and in all, exact.
    static func violenceScreeningRows(_ delivery: ViolenceScreeningDelivery, language: Language) -> [[String]] {
        let groups = genderColumns(language)
        var rows: [[String]] = [
            [
                Texts.text("municipality", language), Texts.text("year", language), Texts.text("question", language),
                Texts.text("answer", language),
            ] + groups
        ]
        for (municipality, results) in delivery.municipalities {
            let head = [municipality.name, String(delivery.year)]
            rows.append(head + [Texts.text("responses", language), Texts.text("responsesInAll", language)] + responseCounts(results))
            for question in results.questions {
                let label = question.item.label.text(language)
                for (index, choice) in question.choices.enumerated() {
                    rows.append(head + [label, choice.label.text(language)] + question.rows.map { FigureFormat.count($0.counts[index]) })
                }
            }
        }
        return rows
    }

    /// Women, men, another or not stated, and in all: the delivery's columns, on the page and in the file.
    static func genderColumns(_ language: Language) -> [String] {
        Gender.allCases.map { Texts.text("genderGroup." + $0.rawValue, language) } + [Texts.text("total", language)]
    }

    /// A municipality's responses by gender, then in all, exact.
    static func responseCounts(_ results: SurveyResults) -> [String] {
        results.byGender.map { FigureFormat.count($0.count) } + [String(results.responseCount)]
    }
}

/// The year a delivery is for, from the query (this year when none is asked), with the form's
/// state: the year when it reads, and always what was chosen with its problem.
struct DeliveryYear {
    let year: Int?
    let form: FormState
    /// The years offered, newest first.
    let years: [Int]

    static let yearsOffered = 6

    init(_ request: Request, today: Day, language: Language) {
        let text = request.query("year", otherwise: String(today.year))
        years = Array(((today.year - Self.yearsOffered)...today.year).reversed())
        var failure = ValidationFailure()
        let year = Int(text)
        if year == nil {
            failure.add("year", .notAWholeNumber)
        } else if !years.contains(year!) {
            failure.add("year", .outOfRange(minimum: years.last!, maximum: years.first!))
        }
        self.year = failure.isEmpty ? year : nil
        form = FormState(values: ["year": text], errors: failure.messages(language))
    }
}

/// The `national-deliveries` page: the year chosen, then each delivery with what it holds, where it
/// goes, and its download, or who grants the right to it.
struct NationalDeliveriesPage: Sendable {
    struct Delivery: Sendable {
        let key: String
        let title: String
        let contents: String
        let destination: String
        let held: Bool
        let href: String?
        let missing: String?
        /// The violence screening's responses per municipality follow (`screeningRows`).
        let showsScreening: Bool
    }

    struct MunicipalityRow: Sendable {
        let name: String
        let counts: [String]
    }

    let form: FormState
    let years: [Choice]
    let year: String?
    let deliveries: [Delivery]
    /// The violence screening's responses per municipality, for one who holds that delivery.
    let screeningRows: [MunicipalityRow]
    let screeningColumns: [String]

    init(
        _ choice: DeliveryYear,
        holds: Set<NationalDelivery>,
        violenceScreening: ViolenceScreeningDelivery?,
        hasViolenceScreening: Bool,
        language: Language
    ) {
        let screeningRows =
            violenceScreening?.municipalities.map { municipality, results in
                MunicipalityRow(
                    name: municipality.name,
                    counts: NationalDeliveryPages.responseCounts(results)
                )
            } ?? []
        self.screeningRows = screeningRows
        screeningColumns = NationalDeliveryPages.genderColumns(language)
        form = choice.form
        years = choice.years.map { Choice(value: String($0), label: String($0), isChosen: choice.form.values["year"] == String($0)) }
        year = choice.year.map(String.init)
        deliveries = NationalDelivery.allCases.map { delivery in
            let held = holds.contains(delivery)
            var href: String?
            if held, let year = choice.year {
                switch delivery {
                case .finsam: href = "/office/finsam.csv?period=year&year=\(year)"
                case .violenceScreening: href = hasViolenceScreening ? "/office/deliveries/violence-screening.csv?year=\(year)" : nil
                }
            }
            var missing: String?
            if !held {
                missing = Texts.text("deliveryNotHeld", language)
            } else if delivery == .violenceScreening && !hasViolenceScreening {
                missing = Texts.text("deliveryNoSurvey", language)
            }
            return Delivery(
                key: delivery.rawValue,
                title: Texts.text("delivery." + delivery.rawValue, language),
                contents: Texts.text("delivery." + delivery.rawValue + ".contents", language),
                destination: Texts.text("delivery." + delivery.rawValue + ".destination", language),
                held: held,
                href: href,
                missing: missing,
                showsScreening: delivery == .violenceScreening && !screeningRows.isEmpty
            )
        }
    }
}
