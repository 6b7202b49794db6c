import Foundation
import FramstegCore
import FramstegStore

/// One audit row as people read it: Swedish time, who by name, role and unit, the event and its
/// result in words.
struct AuditRowView: Sendable {
    let sequence: String
    let time: String
    let user: String
    let role: String
    let unit: String
    let event: String
    let object: String
    let result: String
    let address: String

    init(_ record: AuditRecord, names: LogReviewService.Names, language: Language) {
        let entry = record.entry
        let user = entry.userID.flatMap { names.users[$0] }
        sequence = String(record.sequence)
        time = StockholmTime.minute(Date(timeIntervalSince1970: TimeInterval(entry.occurredAt)))
        self.user = entry.userID.map { user?.name ?? "#\($0)" } ?? Texts.text("auditSystem", language)
        role = (entry.role ?? user?.role)?.label(language) ?? "–"
        unit = entry.unitID.map { names.units[$0] ?? "#\($0)" } ?? "–"
        event = AuditEventName.label(entry.action, language)
        object = [entry.objectType, entry.objectID].compactMap { $0 }.joined(separator: " ")
        result = AuditEventName.result(entry.result, language)
        address = entry.sourceAddress ?? "–"
    }

    /// The row's fields in the order of `csvHeader`.
    var csvFields: [String] { [time, user, role, unit, event, result] }

    static func csvHeader(_ language: Language) -> [String] {
        ["Time", "User", "Role", "Unit", "Event", "Result"].map { Texts.text("auditColumn" + $0, language) }
    }
}

/// A period typed into a form as two days (`from`, `through`), defaulting to the last 30 days.
struct TypedPeriod: Sendable {
    let from: Day
    let through: Day
    let values: [String: String]
    let errors: [String: String]

    init(from typedFrom: String, through typedThrough: String, today: Day, language: Language, defaultDays: Int = 30) {
        var errors: [String: String] = [:]
        let from = typedFrom.isEmpty ? today.adding(days: -defaultDays) : Day(typedFrom)
        let through = typedThrough.isEmpty ? today : Day(typedThrough)
        if from == nil { errors["from"] = FieldProblem.invalidDay.message(language) }
        if through == nil { errors["through"] = FieldProblem.invalidDay.message(language) }
        if let from, let through, through < from { errors["through"] = FieldProblem.endBeforeStart.message(language) }
        self.from = from ?? today
        self.through = through ?? today
        self.values = ["from": (from ?? today).description, "through": (through ?? today).description].merging(
            [("from", typedFrom), ("through", typedThrough)].filter { !$0.1.isEmpty }
        ) { _, typed in typed }
        self.errors = errors
    }
}
