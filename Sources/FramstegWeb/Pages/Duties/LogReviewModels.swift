import Foundation
import FramstegCore
import FramstegStore

/// The log review page: the search form with what was typed, a page of rows, paging, and the
/// reviews recorded so far.
struct LogReviewPage: Sendable {
    struct Review: Sendable {
        let when: String
        let reviewer: String
        let period: String
        let checkedCount: Int
        let conclusion: String
    }

    let userChoices: [Choice]
    let unitChoices: [Choice]
    let actionChoices: [Choice]
    let participantField: FieldView
    let fromField: FieldView
    let throughField: FieldView
    let values: [String: String]
    let hasErrors: Bool
    let rows: [AuditRowView]
    let hasResult: Bool
    let isEmpty: Bool
    let page: Int
    let previousPage: Int?
    let nextPage: Int?
    let reviews: [Review]
    let hasReviews: Bool
    let sampleQuery: String

    init(
        form: FormState,
        result: LogReviewService.SearchResult?,
        page: Int,
        reviews: (reviews: [LogReview], names: LogReviewService.Names),
        language: Language
    ) {
        let names = reviews.names
        let t = { (key: String) in Texts.text(key, language) }
        userChoices =
            [Choice(value: "", label: t("auditAnyone"), isChosen: (form.values["user"] ?? "").isEmpty)]
            + names.users.sorted { ($0.value.name, $0.key.rawValue) < ($1.value.name, $1.key.rawValue) }.map {
                Choice(value: $0.key.description, label: $0.value.name, isChosen: form.values["user"] == $0.key.description)
            }
        unitChoices =
            [Choice(value: "", label: t("auditAnyUnit"), isChosen: (form.values["unit"] ?? "").isEmpty)]
            + names.units.sorted { $0.value < $1.value }.map {
                Choice(value: $0.key.description, label: $0.value, isChosen: form.values["unit"] == $0.key.description)
            }
        actionChoices =
            [Choice(value: "", label: t("auditAnyEvent"), isChosen: (form.values["action"] ?? "").isEmpty)]
            + AuditEventName.names.sorted { $0.key < $1.key }.map { key, names in
                Choice(value: key, label: language == .swedish ? names.sv : names.en, isChosen: form.values["action"] == key)
            }
        participantField = FieldView("participant", in: form, label: t("auditParticipant"), help: t("auditParticipantHelp"))
        fromField = FieldView("from", in: form, label: t("dayFrom"), type: "date")
        throughField = FieldView("through", in: form, label: t("dayThrough"), type: "date")
        values = form.values
        hasErrors = form.hasErrors
        rows = result.map { found in found.records.map { AuditRowView($0, names: found.names, language: language) } } ?? []
        hasResult = result != nil
        isEmpty = result?.records.isEmpty ?? false
        self.page = page
        previousPage = page > 1 ? page - 1 : nil
        nextPage = result?.hasMore == true ? page + 1 : nil
        self.reviews = reviews.reviews.map { review in
            Review(
                when: StockholmTime.minute(review.reviewedAt),
                reviewer: names.users[review.reviewer]?.name ?? "#\(review.reviewer)",
                period: "\(review.from) – \(review.through)",
                checkedCount: review.checked.count,
                conclusion: review.conclusion
            )
        }
        hasReviews = !self.reviews.isEmpty
        sampleQuery = "from=\(form.values["from"] ?? "")&through=\(form.values["through"] ?? "")"
    }
}

/// The sample to check: each row with whose record it read and why they are watched, and the form
/// that records the review.
struct LogSamplePage: Sendable {
    struct Row: Sendable {
        let row: AuditRowView
        let participant: String
        let watchReason: String?
    }

    let from: String
    let through: String
    let size: Int
    let readCount: Int
    let rows: [Row]
    let isEmpty: Bool
    let checked: [String]
    let conclusionField: FieldView
    let hasErrors: Bool
    let periodError: String?

    init(period: TypedPeriod, sample: LogReviewService.Sample, size: Int, conclusion: FormState, language: Language) {
        from = period.from.description
        through = period.through.description
        self.size = size
        readCount = sample.readCount
        rows = sample.records.map { record in
            let participant = record.entry.objectID.flatMap(ParticipantID.init(parsing:))
            return Row(
                row: AuditRowView(record, names: sample.names, language: language),
                participant: participant.map { Texts.text("auditParticipantNumbered", language, ["id": $0.description]) } ?? "–",
                watchReason: participant.flatMap { sample.watched[$0] }.map { Texts.text("watchReason." + $0.rawValue, language) }
            )
        }
        isEmpty = rows.isEmpty
        checked = sample.records.map { String($0.sequence) }
        conclusionField = FieldView(
            id: "conclusion",
            label: Texts.text("reviewConclusion", language),
            value: conclusion.values["conclusion"] ?? "",
            help: Texts.text("reviewConclusionHelp", language),
            error: conclusion.errors["conclusion"],
            isTextArea: true
        )
        hasErrors = conclusion.hasErrors
        periodError = period.errors["through"] ?? period.errors["from"]
    }
}

/// The watch list: who is on it and why, and the form to add someone by personal identity number.
struct WatchListPage: Sendable {
    struct Row: Sendable {
        let id: String
        let name: String
        let unit: String
        let reason: String
        let isRemovable: Bool
    }

    let rows: [Row]
    let isEmpty: Bool
    let numberField: FieldView
    let reasonChoices: [Choice]
    let reasonError: String?
    let hasErrors: Bool

    init(_ watched: [WatchedPerson], names: LogReviewService.Names, form: FormState, language: Language) {
        rows = watched.map { person in
            Row(
                id: person.participantID.description,
                name: person.name,
                unit: names.units[person.unitID] ?? "–",
                reason: Texts.text("watchReason." + person.reason.rawValue, language),
                isRemovable: person.reason != .protectedIdentity
            )
        }
        isEmpty = rows.isEmpty
        numberField = FieldView(
            id: "personalIdentityNumber",
            label: Texts.text("personalIdentityNumber", language),
            value: form.values["personalIdentityNumber"] ?? "",
            inputMode: "numeric",
            error: form.errors["personalIdentityNumber"]
        )
        reasonChoices = [WatchReason.staffRelative, .particularInterest].map {
            Choice(
                value: $0.rawValue,
                label: Texts.text("watchReason." + $0.rawValue, language),
                isChosen: form.values["reason"] == $0.rawValue
            )
        }
        reasonError = form.errors["reason"]
        hasErrors = form.hasErrors
    }
}
