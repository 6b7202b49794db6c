import Foundation
import FramstegCore
import Testing

@Suite("Personal identity number")
struct PersonalIdentityNumberTests {
    /// 2026-11-23 at noon in Sweden.
    static let today = Day(year: 2026, month: 11, day: 23)!.date

    @Test(
        "valid numbers in every accepted form",
        arguments: [
            ("19811218-9876", "198112189876"), ("198112189876", "198112189876"), ("811218-9876", "198112189876"),
            ("8112189876", "198112189876"), ("20100101-0006", "201001010006"), ("100101-0006", "201001010006"),
            (" 19811218 - 9876 ", "198112189876"),
        ]
    )
    func valid(_ text: String, _ digits: String) throws {
        let number = try PersonalIdentityNumber(parsing: text, today: Self.today)
        #expect(number.digits == digits)
        #expect(!number.isCoordinationNumber)
    }

    @Test("a plus sign marks someone 100 or older")
    func centenarian() throws {
        let number = try PersonalIdentityNumber(parsing: "121212+1212", today: Self.today)
        #expect(number.birthYear == 1912)
        #expect(number.age(on: Self.today) == 113)
    }

    @Test("a samordningsnummer has 60 added to the day")
    func coordinationNumber() throws {
        let number = try PersonalIdentityNumber(parsing: "19701063-2391", today: Self.today)
        #expect(number.isCoordinationNumber)
        #expect(number.birthDate == DateComponents(year: 1970, month: 10, day: 3))
    }

    @Test("a wrong check digit is named as such", arguments: ["19811218-9875", "8112189870", "19701063-2392"])
    func wrongCheckDigit(_ text: String) {
        #expect(throws: PersonalIdentityNumber.Problem.wrongCheckDigit) { try PersonalIdentityNumber(parsing: text, today: Self.today) }
    }

    @Test(
        "impossible dates are refused before the check digit",
        arguments: ["19850230-1234", "19811318-9876", "19811200-9876", "20230229-1234", "19701093-2391"]
    )
    func impossibleDate(_ text: String) {
        #expect(throws: PersonalIdentityNumber.Problem.impossibleDate) { try PersonalIdentityNumber(parsing: text, today: Self.today) }
    }

    @Test("29 February exists in leap years")
    func leapDay() throws {
        #expect(try PersonalIdentityNumber(parsing: "20000229-0005", today: Self.today).birthYear == 2000)
    }

    @Test(
        "malformed input is refused as a format problem",
        arguments: ["1981-12-18-9876", "19811218-987", "abcdefghij", "19811218_9876", "1981121-89876", "١٩٨١١٢١٨٩٨٧٦"]
    )
    func wrongFormat(_ text: String) {
        #expect(throws: PersonalIdentityNumber.Problem.wrongFormat) { try PersonalIdentityNumber(parsing: text, today: Self.today) }
    }

    @Test("empty input and a birth date after today are refused")
    func emptyAndFuture() {
        #expect(throws: PersonalIdentityNumber.Problem.empty) { try PersonalIdentityNumber(parsing: "  ", today: Self.today) }
        #expect(throws: PersonalIdentityNumber.Problem.inTheFuture) {
            try PersonalIdentityNumber(parsing: "20261224-0008", today: Self.today)
        }
    }

    @Test("age counts whole years and turns on the birthday")
    func age() throws {
        let number = try PersonalIdentityNumber(parsing: "20101124-0007", today: Self.today)
        #expect(number.age(on: Self.today) == 15)
        #expect(number.age(on: Day(year: 2026, month: 11, day: 24)!.date) == 16)
        #expect(!EligibilityRules.standard.isOfEligibleAge(number, on: Self.today))
        #expect(EligibilityRules.standard.isOfEligibleAge(number, on: Day(year: 2026, month: 11, day: 24)!.date))
    }

    @Test("the description never contains the number")
    func neverLogged() throws {
        let number = try PersonalIdentityNumber(parsing: "19811218-9876", today: Self.today)
        #expect(!"\(number)".contains("9876"))
        #expect(number.formatted == "19811218-9876")
    }
}
