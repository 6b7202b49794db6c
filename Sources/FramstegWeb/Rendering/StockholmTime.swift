import Foundation

/// Instants as staff read them: Swedish local time to the minute ("2026-12-01 14:05").
enum StockholmTime {
    static func minute(_ date: Date) -> String { formatter.string(from: date) }

    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        return formatter
    }()
}
