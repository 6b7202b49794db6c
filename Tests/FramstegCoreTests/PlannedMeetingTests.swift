import Foundation
import FramstegCore
import Testing

private func day(_ text: String) -> Day { Day(text)! }

@Suite("Meetings planned with a time and a place, then held, moved or cancelled")
struct PlannedMeetingTests {
    static let today = day("2026-11-18")
    static let registered = day("2026-08-20")

    static func planned(_ text: String = "2026-11-25", at time: String = "10:00", place: String = "Rum 2") -> Meeting {
        Meeting(
            id: MeetingID(1),
            participantID: ParticipantID(1),
            kind: .individual,
            status: .planned,
            day: day(text),
            time: ClockTime(time),
            place: place,
            attendees: [],
            notes: "",
            decisions: "",
            recordedBy: UserID(1)
        )
    }

    @Test("a time reads as HH:MM or with a point, and nothing else does")
    func clockTimes() {
        #expect(ClockTime("09:30")?.description == "09:30")
        #expect(ClockTime("9:05")?.description == "09:05")
        #expect(ClockTime(" 14.15 ")?.description == "14:15")
        #expect(ClockTime("23:59")?.minutes == 23 * 60 + 59)
        for bad in ["24:00", "12:60", "1230", "12:5", "12:345", "ab:cd", "", "١٢:٣٠", "-1:30"] {
            #expect(ClockTime(bad) == nil, "\(bad)")
        }
        #expect(ClockTime("08:00")! < ClockTime("13:30")!)
    }

    @Test("planning asks for a day from today on and a time; recording a held one refuses a day ahead")
    func planningAndRecording() throws {
        let plan = try MeetingDraft(
            status: "planned",
            kind: "individual",
            day: "2026-11-25",
            time: "9.30",
            place: " Rum 2 ",
            attendees: [],
            notes: "",
            decisions: ""
        )
        .validated(registeredOn: Self.registered, today: Self.today)
        #expect(plan.status == .planned)
        #expect(plan.time == ClockTime(hour: 9, minute: 30))
        #expect(plan.place == "Rum 2")
        // Today can still be planned.
        #expect(
            try MeetingDraft(
                status: "planned",
                kind: "individual",
                day: "2026-11-18",
                time: "16:00",
                attendees: [],
                notes: "",
                decisions: ""
            )
            .validated(registeredOn: Self.registered, today: Self.today).status == .planned
        )
        #expect(throws: ValidationFailure(problems: ["day": .inThePast, "time": .required])) {
            try MeetingDraft(status: "planned", kind: "individual", day: "2026-11-17", attendees: [], notes: "", decisions: "")
                .validated(registeredOn: Self.registered, today: Self.today)
        }
        #expect(throws: ValidationFailure(problems: ["time": .invalidTime, "place": .tooLong(maximum: 200)])) {
            try MeetingDraft(
                status: "planned",
                kind: "individual",
                day: "2026-11-25",
                time: "25:00",
                place: String(repeating: "x", count: 201),
                attendees: [],
                notes: "",
                decisions: ""
            )
            .validated(registeredOn: Self.registered, today: Self.today)
        }
        #expect(throws: ValidationFailure(problems: ["day": .inTheFuture])) {
            try MeetingDraft(status: "held", kind: "individual", day: "2026-11-19", attendees: [], notes: "", decisions: "")
                .validated(registeredOn: Self.registered, today: Self.today)
        }
        #expect(throws: ValidationFailure(problems: ["status": .unknownChoice])) {
            try MeetingDraft(status: "cancelled", kind: "individual", day: "2026-11-18", attendees: [], notes: "", decisions: "")
                .validated(registeredOn: Self.registered, today: Self.today)
        }
        // A held meeting's time is optional.
        let held = try MeetingDraft(
            status: "held",
            kind: "exit",
            day: "2026-11-18",
            attendees: ["participant"],
            notes: "Bra",
            decisions: ""
        )
        .validated(registeredOn: Self.registered, today: Self.today)
        #expect(held.status == .held)
        #expect(held.time == nil)
    }

    @Test("a move needs a day from today, a time, and a change; only a planned meeting moves")
    func moving() throws {
        let meeting = Self.planned()
        let moved = try MeetingMoveDraft(day: "2026-11-26", time: "13:00", place: "Rum 2", reason: " Deltagaren sjuk ")
            .validated(meeting, today: Self.today)
        #expect(moved.day == day("2026-11-26"))
        #expect(moved.reason == "Deltagaren sjuk")
        #expect(throws: ValidationFailure(problems: ["day": .unchanged])) {
            try MeetingMoveDraft(day: "2026-11-25", time: "10:00", place: "Rum 2", reason: "").validated(meeting, today: Self.today)
        }
        // The place alone is a change.
        #expect(
            try MeetingMoveDraft(day: "2026-11-25", time: "10:00", place: "Video", reason: "").validated(meeting, today: Self.today).place
                == "Video"
        )
        #expect(throws: ValidationFailure(problems: ["day": .inThePast, "time": .required])) {
            try MeetingMoveDraft(day: "2026-11-01", time: "", place: "", reason: "").validated(meeting, today: Self.today)
        }
        var held = meeting
        held.status = .held
        #expect(throws: ValidationFailure(problems: ["day": .meetingNotPlanned])) {
            try MeetingMoveDraft(day: "2026-11-26", time: "13:00", place: "", reason: "").validated(held, today: Self.today)
        }
    }

    @Test("held from its day on, with who came; cancelled with a reason; never twice")
    func holdingAndCancelling() throws {
        let past = Self.planned("2026-11-16")
        #expect(past.isAwaitingOutcome(today: Self.today))
        #expect(!Self.planned().isAwaitingOutcome(today: Self.today))
        let outcome = try MeetingOutcomeDraft(
            day: "2026-11-16",
            attendees: ["participant", "referrer"],
            notes: "Gick bra",
            decisions: "Ny plan"
        )
        .validated(past, registeredOn: Self.registered, today: Self.today)
        #expect(outcome.status == .held)
        #expect(outcome.attendees == [.participant, .referrer])
        #expect(outcome.time == ClockTime(hour: 10, minute: 0))
        #expect(outcome.place == "Rum 2")
        #expect(throws: ValidationFailure(problems: ["day": .inTheFuture])) {
            try MeetingOutcomeDraft(day: "2026-11-25", attendees: [], notes: "", decisions: "")
                .validated(Self.planned(), registeredOn: Self.registered, today: Self.today)
        }
        #expect(try MeetingChangeReason.validatedCancellation(Self.planned(), reason: " Sjuk ") == "Sjuk")
        #expect(throws: ValidationFailure(problems: ["reason": .required])) {
            try MeetingChangeReason.validatedCancellation(Self.planned(), reason: "  ")
        }
        var cancelled = Self.planned()
        cancelled.status = .cancelled
        #expect(throws: ValidationFailure(problems: ["reason": .meetingNotPlanned])) {
            try MeetingChangeReason.validatedCancellation(cancelled, reason: "Igen")
        }
        #expect(throws: ValidationFailure(problems: ["day": .meetingNotPlanned])) {
            try MeetingOutcomeDraft(day: "2026-11-16", attendees: [], notes: "", decisions: "")
                .validated(cancelled, registeredOn: Self.registered, today: Self.today)
        }
    }

    @Test("meetings sort by day, then time, a meeting without a time first")
    func soonestFirst() {
        var untimed = Self.planned("2026-11-25")
        untimed.time = nil
        let early = Self.planned("2026-11-25", at: "08:00")
        let late = Self.planned("2026-11-25", at: "15:00")
        let tomorrow = Self.planned("2026-11-19", at: "16:00")
        #expect(
            [late, early, untimed, tomorrow].sorted(by: Meeting.soonestFirst).map(\.time) == [tomorrow.time, nil, early.time, late.time]
        )
    }
}
