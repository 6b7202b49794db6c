import Foundation
import FramstegCore
import Testing

@Suite("Retention periods, log samples and protected identity")
struct DutiesTests {
    @Test("retention periods outside the limits are refused with the limits named, each field on its own")
    func retentionLimits() throws {
        let periods = try RetentionPeriods(recordMonths: " 36 ", auditYears: "7")
        #expect(periods.recordMonths == 36 && periods.auditYears == 7)
        #expect(throws: ValidationFailure(problems: ["auditYears": .outOfRange(minimum: 5, maximum: 20)])) {
            try RetentionPeriods(recordMonths: "24", auditYears: "4")
        }
        #expect(
            throws: ValidationFailure(problems: ["recordMonths": .outOfRange(minimum: 6, maximum: 120), "auditYears": .notAWholeNumber])
        ) {
            try RetentionPeriods(recordMonths: "121", auditYears: "fem")
        }
        #expect(throws: ValidationFailure(problems: ["recordMonths": .required])) {
            try RetentionPeriods(recordMonths: "", auditYears: "5")
        }
        // Stored values from a looser version are brought within the limits.
        #expect(RetentionPeriods(storedRecordMonths: 1, auditYears: 50) == (try RetentionPeriods(recordMonths: "6", auditYears: "20")))
    }

    @Test("a record is due the day its months after the end have passed; the log's cutoff is so many years back")
    func retentionDue() throws {
        let periods = try RetentionPeriods(recordMonths: "6", auditYears: "5")
        let ended = Day("2026-01-31")!
        #expect(!periods.isDue(endedOn: ended, today: Day("2026-07-30")!))
        #expect(periods.isDue(endedOn: ended, today: Day("2026-07-31")!))
        let now = Day("2031-06-01")!.date
        #expect(Day(periods.auditCutoff(now: now)) == Day("2026-06-01")!)
    }

    @Test("a sample always holds every read of a watched person, and so many others drawn at random")
    func sample() {
        let watched: Set<ParticipantID> = [ParticipantID(2)]
        let reads = (1...40).map { LogSample.Read(sequence: Int64($0), participant: ParticipantID(Int64($0 % 5))) }
        var generator = SystemRandomNumberGenerator()
        let chosen = LogSample.choose(from: reads, watched: watched, size: 10, using: &generator)
        let ofWatched = reads.filter { $0.participant == ParticipantID(2) }
        #expect(chosen.count == ofWatched.count + 10)
        #expect(Set(ofWatched).isSubset(of: Set(chosen)))
        #expect(chosen.map(\.sequence) == chosen.map(\.sequence).sorted(), "in log order")
        #expect(Set(chosen).isSubset(of: Set(reads)))
        // Fewer reads than asked for: all of them.
        #expect(LogSample.choose(from: Array(reads.prefix(3)), watched: [], size: 10, using: &generator).count == 3)
        // Two draws of the same log usually differ: the sample is random, not the first rows.
        let draws = Set((0..<5).map { _ in LogSample.choose(from: reads, watched: [], size: 5, using: &generator).map(\.sequence) })
        #expect(draws.count > 1)
    }

    @Test("a protected person's name is shown as initials")
    func initials() {
        #expect(ProtectedIdentity.initials(of: "Anna-Karin Lindqvist") == "A.-K. L.")
        #expect(ProtectedIdentity.initials(of: "  åsa  öberg ") == "Å. Ö.")
        #expect(ProtectedIdentity.initials(of: "") == "")
    }
}
