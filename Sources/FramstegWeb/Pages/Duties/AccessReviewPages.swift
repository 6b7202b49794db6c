import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// The access review (behörighetsgenomgång): every user with role, units, rights, second factor,
/// last sign-in and status, as a page and a CSV, and the record of each review the admin makes.
struct AccessReviewPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/admin/access-review", .administerUsers, .association) { _, context, principal, _ in
            try await page(FormState(), context, principal)
        }
        routes.get("/admin/access-review.csv", .administerUsers, .association) { _, context, principal, _ in
            let listing = try await site.services.accessReview.listing(by: principal)
            let model = AccessReviewPage(listing, form: FormState(), language: context.language)
            return FigureFormat.csv(SwedishCSV.write([model.csvHeader] + model.rows.map(\.csvFields)), name: "behorigheter.csv")
        }
        routes.post("/admin/access-review", .administerUsers, .association) { _, context, principal, _ in
            let typed = context.form["conclusion"]
            do {
                try await site.services.accessReview.record(conclusion: typed, by: principal)
                return .redirect(to: "/admin/access-review", notice: .accessReviewRecorded, section: "reviews")
            } catch let failure as ValidationFailure {
                return try await page(
                    FormState(values: ["conclusion": typed], errors: failure.messages(context.language)),
                    context,
                    principal
                )
            }
        }
    }

    private func page(_ form: FormState, _ context: AppRequestContext, _ principal: Principal) async throws -> Response {
        let listing = try await site.services.accessReview.listing(by: principal)
        return site.renderer.page(
            .adminAccessReview,
            title: .key("accessReview"),
            model: AccessReviewPage(listing, form: form, language: context.language),
            context: context,
            status: form.hasErrors ? .unprocessableContent : .ok
        )
    }
}

struct AccessReviewPage: Sendable {
    struct Row: Sendable {
        let name: String
        let email: String
        let role: String
        let units: String
        let rights: String
        let secondFactor: String
        let lastSignIn: String
        let status: String

        var csvFields: [String] { [name, email, role, units, rights, secondFactor, lastSignIn, status] }
    }

    struct Review: Sendable {
        let when: String
        let reviewer: String
        let userCount: Int
        let conclusion: String
    }

    let rows: [Row]
    let reviews: [Review]
    let hasReviews: Bool
    let csvHeader: [String]
    let conclusionField: FieldView
    let hasErrors: Bool

    init(_ listing: AccessReviewService.Listing, form: FormState, language: Language) {
        let t = { (key: String) in Texts.text(key, language) }
        rows = listing.rows.map { row in
            let user = row.user
            var rights: [String] = []
            if user.role == .manager && user.mayOpenRecords { rights.append(t("rightOpenRecords")) }
            rights += user.deliveries.sorted { $0.rawValue < $1.rawValue }.map { $0.rightLabel(language) }
            return Row(
                name: user.name,
                email: user.email,
                role: user.role.label(language),
                units: row.unitNames.isEmpty ? "–" : row.unitNames.joined(separator: ", "),
                rights: rights.isEmpty ? "–" : rights.joined(separator: "; "),
                secondFactor: row.hasSecondFactor ? t("yes") : t("no"),
                lastSignIn: row.lastSignIn.map(StockholmTime.minute) ?? t("neverSignedIn"),
                status: user.isDisabled ? t("userDisabledStatus") : t("userActiveStatus")
            )
        }
        reviews = listing.reviews.map { review in
            Review(
                when: StockholmTime.minute(review.reviewedAt),
                reviewer: listing.reviewerNames[review.reviewer] ?? "#\(review.reviewer)",
                userCount: review.userCount,
                conclusion: review.conclusion
            )
        }
        hasReviews = !reviews.isEmpty
        csvHeader = ["name", "email", "role", "units", "accessRights", "secondFactorColumn", "lastSignIn", "status"].map(t)
        conclusionField = FieldView(
            id: "conclusion",
            label: t("reviewConclusion"),
            value: form.values["conclusion"] ?? "",
            help: t("accessReviewConclusionHelp"),
            error: form.errors["conclusion"],
            isTextArea: true
        )
        hasErrors = form.hasErrors
    }
}
