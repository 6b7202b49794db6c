import FramstegCore
import Testing

@Suite("Taking back a step recorded by mistake")
struct StepWithdrawalTests {
    static let today = Day("2026-11-18")!
    static let counsellor = UserID(1)
    static let colleague = UserID(2)

    static func check(
        from: JourneyState = .introduction,
        to: JourneyState = .block(1),
        recordedOn: Day = today,
        by user: UserID = counsellor,
        isManager: Bool = false,
        responsible: UserID? = counsellor,
        reason: String = " Fel deltagare "
    ) throws(ValidationFailure) -> String {
        try StepWithdrawal.validated(
            reason: reason,
            from: from,
            to: to,
            recordedOn: recordedOn,
            today: today,
            by: user,
            isManager: isManager,
            responsible: responsible
        )
    }

    @Test("a step recorded within 30 days is taken back with its reason, by any counsellor of the unit")
    func withinWindow() throws {
        #expect(try Self.check() == "Fel deltagare")
        #expect(try Self.check(recordedOn: Self.today.adding(days: -30), by: Self.colleague) == "Fel deltagare")
    }

    @Test("the registration, a step older than 30 days, and a step without a reason are refused")
    func refused() {
        #expect(throws: ValidationFailure(problems: ["reason": .stepNotWithdrawable])) {
            try Self.check(from: .registered, to: .registered)
        }
        #expect(throws: ValidationFailure(problems: ["reason": .withdrawalWindowPassed(days: 30)])) {
            try Self.check(recordedOn: Self.today.adding(days: -31))
        }
        #expect(throws: ValidationFailure(problems: ["reason": .required])) { try Self.check(reason: "  ") }
        #expect(throws: ValidationFailure(problems: ["reason": .tooLong(maximum: 500)])) {
            try Self.check(reason: String(repeating: "x", count: 501))
        }
    }

    @Test("an ended journey is reopened by its responsible counsellor or the unit's manager; with nobody responsible, by the unit")
    func reopening() throws {
        #expect(throws: ValidationFailure(problems: ["reason": .onlyResponsibleReopens])) {
            try Self.check(from: .block(2), to: .exited, by: Self.colleague)
        }
        #expect(try Self.check(from: .block(2), to: .exited) == "Fel deltagare")
        #expect(try Self.check(from: .block(2), to: .exited, by: Self.colleague, isManager: true) == "Fel deltagare")
        #expect(try Self.check(from: .informed, to: .declined, by: Self.colleague, responsible: nil) == "Fel deltagare")
    }
}
