import Foundation
import FramstegCore
import FramstegStore

/// The register extract as a document: one section per kind of data, each a table, the same for
/// the printed page and the JSON file.
struct RegisterExtract: Sendable, Encodable {
    struct Section: Sendable, Encodable {
        let title: String
        let columns: [String]
        let rows: [[String]]
        /// Stored, not computed: the templates see stored properties only.
        let isEmpty: Bool

        init(title: String, columns: [String], rows: [[String]]) {
            self.title = title
            self.columns = columns
            self.rows = rows
            self.isEmpty = rows.isEmpty
        }

        private enum CodingKeys: String, CodingKey { case title, columns, rows }
    }

    let name: String
    let madeAt: String
    let sections: [Section]

    init(_ contents: RegisterExtractService.Contents, language: Language) {
        let t = { (key: String) in Texts.text(key, language) }
        let p = contents.participant
        let users = contents.names.users
        let person = { (id: UserID?) in id.flatMap { users[$0]?.name } ?? "–" }
        name = p.name
        madeAt = StockholmTime.minute(contents.madeAt)
        let details: [[String]] = [
            [t("name"), p.name],
            [t("personalIdentityNumber"), p.personalIdentityNumber?.formatted ?? "–"],
            [t("phone"), p.phone],
            [t("email"), p.email],
            [t("gender"), Texts.text("gender." + p.gender.rawValue, language)],
            [t("birthYear"), String(p.birthYear)],
            [t("unit"), contents.unitName],
            [t("municipality"), contents.municipalityName],
            [t("referrerName"), p.referrerName],
            [t("reason"), p.reason ?? "–"],
            [t("state"), p.state.label(language)],
            [t("registeredOn"), p.registeredOn.description],
            [t("protectedIdentity"), p.isProtected ? t("yes") : t("no")],
        ]
        var sections = [Section(title: t("extractDetails"), columns: [t("extractField"), t("extractValue")], rows: details)]
        sections.append(
            Section(
                title: t("extractSteps"),
                columns: [t("day"), t("extractEvent"), t("reason")],
                rows: contents.steps.map { step in
                    [
                        step.transition.day.description, Texts.text("event." + step.transition.event.kind.rawValue, language),
                        step.reason ?? "",
                    ]
                }
            )
        )
        sections.append(
            Section(
                title: t("extractEligibility"),
                columns: [t("extractCriterion"), t("extractAnswer"), t("extractBy")],
                // Each answer with the wording it was given under.
                rows: contents.eligibility.sorted { $0.key < $1.key }.map { key, answer in
                    // A "no" with the note that says why: that is held about the person too.
                    [
                        answer.wording?.text(language) ?? key,
                        answer.isMet ? t("yes") : t("no") + (answer.note.map { " – " + $0 } ?? ""),
                        person(answer.checkedBy),
                    ]
                }
            )
        )
        if let after = contents.afterExit {
            let rows: [[String]] = [
                [t("afterWorkedOrStudied"), after.workedOrStudied.map { $0 ? t("yes") : t("no") } ?? t("notRecorded")],
                [t("afterNextStep"), after.nextStep.map { t("nextStep." + $0.rawValue) } ?? t("notRecorded")],
                [t("afterNextStepOn"), after.nextStepOn?.description ?? "–"],
                [t("afterSituation3"), after.situationAfter3Months.map { t("situation." + $0.rawValue) } ?? t("notRecorded")],
                [t("afterSituation6"), after.situationAfter6Months.map { t("situation." + $0.rawValue) } ?? t("notRecorded")],
            ]
            sections.append(Section(title: t("afterExitTitle"), columns: [t("extractQuestion"), t("extractRecorded")], rows: rows))
        }
        sections.append(
            Section(
                title: t("extractCounsellors"),
                columns: [t("extractFrom"), t("responsibleCounsellor")],
                rows: contents.counsellors.map { [$0.from.description, person($0.counsellor)] }
            )
        )
        sections.append(
            Section(
                title: t("extractMeetings"),
                columns: [
                    t("day"), t("meetingTime"), t("extractKind"), t("meetingStatus"), t("meetingPlace"), t("extractAttendees"), t("notes"),
                    t("decisions"), t("meetingChanges"),
                ],
                rows: contents.meetings.map { meeting in
                    [
                        meeting.day.description, meeting.time?.description ?? "",
                        Texts.text("meetingKind." + meeting.kind.rawValue, language),
                        t("meetingStatus." + meeting.status.rawValue), meeting.place,
                        meeting.attendees.map { Texts.text("attendee." + $0.rawValue, language) }.sorted().joined(separator: ", "),
                        meeting.notes,
                        meeting.decisions,
                        meeting.changes.map { MeetingSection.change($0, names: contents.names.users.mapValues(\.name), language) }.joined(
                            separator: "; "
                        ),
                    ]
                }
            )
        )
        sections.append(
            Section(
                title: t("extractInterventions"),
                columns: [
                    t("extractKind"), t("extractProvider"), t("extractTitle"), t("extractEmployer"), t("extractFrom"), t("extractThrough"),
                    t("extractCorrections"),
                ],
                rows: contents.interventions.map { intervention in
                    [
                        Texts.text("interventionType." + intervention.type.rawValue, language),
                        Texts.text("provider." + intervention.provider.rawValue, language), intervention.title,
                        intervention.employerName ?? "",
                        intervention.start.description, intervention.end?.description ?? "",
                        intervention.changes.map { InterventionSection.change($0, names: contents.names.users.mapValues(\.name), language) }
                            .joined(separator: "; "),
                    ]
                }
            )
        )
        sections.append(
            Section(
                title: t("extractHours"),
                columns: [t("extractWeek"), t("extractHoursGoal"), t("extractHoursAttended")],
                rows: contents.hoursGoals.map { [$0.from.description, SwedishCSV.decimal($0.hoursPerWeek), ""] }
                    + contents.attendance.map { [$0.week.description, "", SwedishCSV.decimal($0.hours)] }
            )
        )
        sections.append(
            Section(
                title: t("extractPlan"),
                columns: [t("extractGoal"), t("extractStep"), t("extractDue"), t("extractStatus")],
                rows: contents.plan.flatMap { goal, steps in
                    [[goal.text, "", goal.createdOn.description, ""]]
                        + steps.map { ["", $0.text, $0.due.description, Texts.text("stepStatus." + $0.status.rawValue, language)] }
                }
            )
        )
        sections.append(
            Section(
                title: t("extractMeasurements"),
                columns: [t("day"), t("extractInstrument"), t("extractOccasion"), t("extractAnswers")],
                rows: contents.measurements.map { measurement in
                    [
                        measurement.takenOn.description, measurement.instrumentID,
                        Texts.text("occasion." + measurement.occasion.rawValue, language),
                        measurement.answers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.storageValue)" }.joined(
                            separator: "; "
                        ),
                    ]
                }
            )
        )
        sections.append(
            Section(
                title: t("extractSurveys"),
                columns: [t("day"), t("extractInstrument"), t("extractAnswered")],
                rows: contents.surveyOffers.map { [$0.offeredOn.description, $0.instrumentID, $0.isCompleted ? t("yes") : t("no")] }
            )
        )
        sections.append(
            Section(
                title: t("extractLog"),
                columns: AuditRowView.csvHeader(language),
                rows: contents.log.map { AuditRowView($0, names: contents.names, language: language).csvFields }
            )
        )
        self.sections = sections
    }

    func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array(try encoder.encode(self))
    }
}
