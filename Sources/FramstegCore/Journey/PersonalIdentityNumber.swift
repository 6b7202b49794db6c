import Foundation

/// Personnummer or samordningsnummer (co-ordination number, day of birth + 60), validated with its check digit.
public struct PersonalIdentityNumber: Hashable, Sendable, CustomStringConvertible {
    /// Twelve digits, century included: `YYYYMMDDNNNC`.
    public let digits: String
    public let birthDate: DateComponents
    public let isCoordinationNumber: Bool

    public enum Problem: Error, Hashable, Sendable {
        case empty
        /// Not 10 or 12 digits with an optional `-` or `+` before the last four.
        case wrongFormat
        /// The date part is not a real date (e.g. 19850230), also after removing 60 from the day.
        case impossibleDate
        /// The last digit does not match the Luhn check of the other nine.
        case wrongCheckDigit
        /// A birth date after the day it is checked.
        case inTheFuture
    }

    /// Accepts `YYYYMMDD-NNNN`, `YYYYMMDDNNNN`, `YYMMDD-NNNN`, `YYMMDDNNNN` and `YYMMDD+NNNN` (100 years or older).
    /// Ten-digit forms get their century from `today`.
    public init(parsing text: String, today: Date, calendar: Calendar = .swedish) throws(Problem) {
        let trimmed = text.filter { !$0.isWhitespace }
        guard !trimmed.isEmpty else { throw .empty }
        let separator = trimmed.first { $0 == "-" || $0 == "+" }
        let numerals = trimmed.filter { $0 != "-" && $0 != "+" }
        guard numerals.allSatisfy(\.isASCII), numerals.allSatisfy(\.isNumber), numerals.count == 10 || numerals.count == 12,
            trimmed.count == numerals.count + (separator == nil ? 0 : 1),
            separator == nil || trimmed.dropLast(4).last == separator
        else { throw .wrongFormat }
        let todayParts = calendar.dateComponents([.year, .month, .day], from: today)
        let full: String
        if numerals.count == 12 {
            full = numerals
        } else {
            let twoDigitYear = Int(numerals.prefix(2))!
            let currentYear = todayParts.year!
            var year = (currentYear / 100) * 100 + twoDigitYear
            if year > currentYear { year -= 100 }
            if separator == "+" { year -= 100 }
            full = String(year) + numerals.dropFirst(2)
        }
        let year = Int(full.prefix(4))!
        let month = Int(full.dropFirst(4).prefix(2))!
        var day = Int(full.dropFirst(6).prefix(2))!
        let isCoordination = day > 60
        if isCoordination { day -= 60 }
        var components = DateComponents(calendar: calendar, year: year, month: month, day: day)
        guard (1...12).contains(month), (1...31).contains(day), let date = components.date,
            calendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: year, month: month, day: day)
        else { throw .impossibleDate }
        guard Self.luhnIsValid(String(full.dropFirst(2))) else { throw .wrongCheckDigit }
        guard date <= today else { throw .inTheFuture }
        components.calendar = nil
        self.digits = full
        self.birthDate = components
        self.isCoordinationNumber = isCoordination
    }

    /// The Luhn (mod 10) check over the ten-digit form, as Skatteverket defines it.
    static func luhnIsValid(_ tenDigits: String) -> Bool {
        let values = tenDigits.compactMap(\.wholeNumberValue)
        guard values.count == 10 else { return false }
        let sum = values.enumerated().reduce(0) { total, pair in
            let product = pair.element * (pair.offset % 2 == 0 ? 2 : 1)
            return total + product / 10 + product % 10
        }
        return sum % 10 == 0
    }

    public var birthYear: Int { birthDate.year! }

    /// Whole years of age on `date`.
    public func age(on date: Date, calendar: Calendar = .swedish) -> Int {
        let today = calendar.dateComponents([.year, .month, .day], from: date)
        var age = today.year! - birthDate.year!
        if (today.month!, today.day!) < (birthDate.month!, birthDate.day!) { age -= 1 }
        return age
    }

    /// `YYYYMMDD-NNNN`, the form shown to staff.
    public var formatted: String { String(digits.prefix(8)) + "-" + String(digits.suffix(4)) }

    /// Never the number itself: descriptions end up in logs.
    public var description: String { "PersonalIdentityNumber(****)" }
}

extension Calendar {
    /// Gregorian in Swedish time, for dates of birth and journey dates.
    public static let swedish: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
        calendar.locale = Locale(identifier: "sv_SE")
        return calendar
    }()
}
