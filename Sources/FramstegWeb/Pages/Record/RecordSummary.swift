import FramstegCore
import FramstegStore

/// The head of every tab of the record: where the participant is and for how long, who is
/// responsible, the latest meeting, hours against the goal, the latest measurement and the plan,
/// each linking to the tab where it is worked on; and what is due, soonest first.
struct RecordSummary: Sendable {
    struct Item: Sendable {
        let id: String
        let label: String
        let value: String
        let href: String
        let isWarning: Bool
    }

    /// Something to do for this participant, and where it is done.
    struct Due: Sendable {
        let text: String
        let day: String
        let href: String
        let isOverdue: Bool
    }

    let items: [Item]
    let due: [Due]
    let hasDue: Bool

    init(_ facts: RecordFacts, language: Language) {
        let text = { (key: String) in Texts.text(key, language) }
        let participant = facts.participant
        let id = participant.id
        let today = facts.today
        let link = { (section: String) in RecordTab(section: section).path(id) + "#" + section }

        var state = participant.state.label(language)
        if participant.state.isActive, let start = facts.startDay {
            let weeks = start.days(until: today) / 7 + 1
            state += ", " + Texts.text("weekInProgramme", language, ["week": String(weeks)])
        }
        let counsellor = participant.responsibleCounsellor.flatMap { facts.staffNames[$0] }
        let next = facts.meetings.filter { $0.isPlanned && $0.day >= today }.min(by: Meeting.soonestFirst)
        let lastHeld = facts.meetings.filter(\.isHeld).max { $0.day < $1.day }
        let kindAndWhen = { (meeting: Meeting) in
            Texts.text("meetingKind." + meeting.kind.rawValue, language) + " " + meeting.day.description
                + (meeting.time.map { " " + $0.description } ?? "")
        }
        var meetingValue = next.map(kindAndWhen) ?? text("noMeetingPlanned")
        if let lastHeld { meetingValue += "; " + Texts.text("lastHeld", language, ["day": lastHeld.day.description]) }
        let goal = ActivityHours.goal(inForce: facts.hoursGoals, in: Week(containing: today))
        let attended = facts.attendance.filter { $0.week < Week(containing: today) }.max { $0.week < $1.week }
        let format = { (hours: Double) in ActivityHours.format(hours, decimalSeparator: language.decimalSeparator) }
        var hours = goal.map { Texts.text("hoursGoalPerWeek", language, ["hours": format($0.hoursPerWeek)]) } ?? text("noHoursGoal")
        if let attended {
            hours +=
                "; " + Texts.text("hoursAttendedWeek", language, ["hours": format(attended.hours), "week": String(attended.week.number)])
        }
        let latest = facts.measurements.max { $0.takenOn < $1.takenOn }
        let measurement = latest.map { latest in
            let title = facts.catalog.instrument(latest.instrumentID, version: latest.version)?.title.text(language) ?? latest.instrumentID
            return title + " " + latest.takenOn.description + (latest.isComplete ? "" : " (" + text("measurementOngoing") + ")")
        }
        let steps = facts.plan.flatMap(\.steps).filter(\.status.isOpen)
        let overdueSteps = steps.filter { $0.isOverdue(today: today) }.count
        var plan = facts.plan.isEmpty ? text("noPlanYet") : Texts.counted(steps.count, "openPlanSteps", language)
        if overdueSteps > 0 { plan += ", " + Texts.counted(overdueSteps, "overdueSteps", language) }

        items = [
            Item(id: "summary-state", label: text("state"), value: state, href: link("journey"), isWarning: false),
            Item(
                id: "summary-counsellor",
                label: text("responsibleCounsellor"),
                value: counsellor ?? text("noResponsibleCounsellor"),
                href: link("counsellor"),
                isWarning: counsellor == nil && !participant.state.isFinal
            ),
            Item(id: "summary-meeting", label: text("nextMeeting"), value: meetingValue, href: link("meetings"), isWarning: false),
            Item(id: "summary-hours", label: text("hours"), value: hours, href: link("hours"), isWarning: false),
            Item(
                id: "summary-measurement",
                label: text("latestMeasurement"),
                value: measurement ?? text("noMeasurementYet"),
                href: link("measurements"),
                isWarning: false
            ),
            Item(id: "summary-plan", label: text("actionPlan"), value: plan, href: link("plan"), isWarning: overdueSteps > 0),
        ]

        var due: [(day: Day, item: Due)] = []
        if let next = MeasurementSection.nextDue(facts) {
            let title = facts.catalog.latest(MeasurementSchedule.instrumentID)?.title.text(language) ?? MeasurementSchedule.instrumentID
            let occasion = Texts.text("occasion." + next.occasion.rawValue, language).lowercased()
            due.append(
                (
                    next.day,
                    Due(
                        text: Texts.text("dueMeasurement", language, ["instrument": title, "occasion": occasion]),
                        day: next.day.description,
                        href: link("measurements"),
                        isOverdue: next.day < today
                    )
                )
            )
        }
        let horizon = today.adding(days: 14)
        for meeting in facts.meetings where meeting.isPlanned && meeting.day <= horizon {
            let href = MeetingPage.path(meeting.id, of: id)
            let overdue = meeting.isAwaitingOutcome(today: today)
            let what = Texts.text("meetingKind." + meeting.kind.rawValue, language) + (meeting.time.map { " " + $0.description } ?? "")
            due.append(
                (
                    meeting.day,
                    Due(
                        text: overdue ? Texts.text("dueMeetingOutcome", language, ["day": meeting.day.description]) : what,
                        day: meeting.day.description,
                        href: href,
                        isOverdue: overdue
                    )
                )
            )
        }
        for step in steps where step.due <= horizon {
            due.append(
                (step.due, Due(text: step.text, day: step.due.description, href: link("plan"), isOverdue: step.isOverdue(today: today)))
            )
        }
        // Due while a start would still be an exception: the same criteria `Eligibility.checkStart` asks for.
        if Eligibility.isOpen(in: participant.state) && !facts.eligibilityRules.unconfirmed(met: facts.eligibility.met).isEmpty {
            due.append((today, Due(text: text("dueEligibility"), day: "", href: link("eligibility"), isOverdue: false)))
        }
        for offer in facts.surveyOffers where !offer.isCompleted {
            let title = facts.catalog.latest(offer.instrumentID)?.title.text(language) ?? offer.instrumentID
            due.append(
                (
                    offer.offeredOn,
                    Due(text: Texts.text("dueSurvey", language, ["survey": title]), day: "", href: link("surveys"), isOverdue: false)
                )
            )
        }
        self.due = due.sorted { $0.day < $1.day }.map(\.item)
        hasDue = !due.isEmpty
    }
}
