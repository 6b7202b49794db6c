import Foundation
import FramstegCore
import FramstegStore

/// The participant's record: the facts at the top, then one section per part of the journey, each
/// with its own model and template (`record-*.mustache`). A form that was refused comes back in its
/// section with what was typed and a message beside each field (`forms`).
struct RecordPage: Sendable {
    struct UnitLink: Sendable {
        let id: String
        let name: String
    }

    /// What the record says about the person, opened for reading.
    struct Facts: Sendable {
        let id: String
        let name: String
        let state: String
        let personalIdentityNumber: String
        /// The number with its last four digits hidden, shown until the counsellor asks for the whole
        /// one: a participant sitting beside the screen, or anyone passing, does not read it.
        let maskedNumber: String
        let birthYear: String
        let gender: String
        let municipality: String
        let phone: String
        let email: String
        let referrer: String
        let authorities: String
        let reason: String
    }

    /// One link of the tab bar.
    struct TabLink: Sendable {
        let id: String
        let href: String
        let label: String
        let isCurrent: Bool
    }

    /// The list at the top of a refused form's tab, each message linking to its field.
    struct ErrorSummary: Sendable {
        struct Entry: Sendable {
            let href: String
            let message: String
        }

        let entries: [Entry]
    }

    /// The overview tab: what is due (from the summary) and the latest steps of the journey.
    struct Overview: Sendable {
        let latestSteps: [JourneySection.Step]
        let hasSteps: Bool
        let journeyHref: String

        init(_ facts: RecordFacts, language: Language) {
            latestSteps = Array(JourneySection.steps(facts, language: language).suffix(3).reversed())
            hasSteps = !latestSteps.isEmpty
            journeyHref = RecordTab.journey.path(facts.participant.id) + "#journey"
        }
    }

    let unit: UnitLink
    let participant: Facts
    let isExited: Bool
    let hasReferrerSummary: Bool
    let isProtected: Bool
    let isContactWithheld: Bool
    let summary: RecordSummary
    let tab: RecordTab
    let tabs: [TabLink]
    let errorSummary: ErrorSummary?
    /// The page title: the person, the tab, and first what happened (refused, or the notice).
    let title: String
    /// The notice of a change, by the section it reports on: shown there, under the section's
    /// heading the page is scrolled to, rather than at the top of the page out of sight.
    let notices: [String: String]

    // Each tab's sections, nil on the other tabs (they are neither built nor shown).
    let overview: Overview?
    let details: Bool
    /// Nil when the reader may not see (so not change) a protected person's contact details.
    let contactForm: FormState?
    let eligibility: EligibilitySection?
    /// After the exit only.
    let afterExitSection: AfterExitSection?
    let journey: JourneySection?
    let counsellorSection: CounsellorSection?
    let measurementSection: MeasurementSection?
    let surveySection: SurveySection?
    let interventionSection: InterventionSection?
    let hoursSection: HoursSection?
    let meetingSection: MeetingSection?

    /// Whether any form on the page came back refused (the page then answers 422).
    let hasProblems: Bool

    /// The record on `tab`, or on the tab of the form that came back refused.
    init(_ facts: RecordFacts, tab requested: RecordTab = .overview, forms: RecordForms, notice: Notice? = nil, language: Language) {
        let participant = facts.participant
        let noticeText = notice.map { Texts.text($0.rawValue, language) }
        let refused = forms.refused
        let tab = refused.map { RecordTab(section: $0.form.section) } ?? requested
        self.tab = tab
        tabs = RecordTab.allCases.map {
            TabLink(id: "tab-" + $0.rawValue, href: $0.path(participant.id), label: Texts.text($0.labelKey, language), isCurrent: $0 == tab)
        }
        errorSummary = refused.map { refused in
            ErrorSummary(
                entries: refused.state.errors.sorted { $0.key < $1.key }.map {
                    ErrorSummary.Entry(href: "#" + refused.form.fieldID($0.key), message: $0.value)
                }
            )
        }
        let tabLabel = Texts.text(tab.labelKey, language)
        // A notice is a sentence; in the title it is a phrase before the name.
        let happened =
            refused != nil ? Texts.text("titleRefused", language) : noticeText.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
        title = (happened.map { $0 + " – " } ?? "") + participant.name + " – " + tabLabel
        // In its section when the tab shown holds it (the redirect asks for that tab); at the top otherwise.
        notices =
            notice.flatMap { notice in
                notice.recordSection.flatMap { RecordTab(section: $0) == tab && refused == nil ? [$0: noticeText ?? ""] : nil }
            } ?? [:]
        summary = RecordSummary(facts, language: language)
        unit = UnitLink(id: facts.unit.id.description, name: facts.unit.name)
        self.participant = Facts(
            id: participant.id.description,
            name: participant.name,
            state: participant.state.label(language),
            personalIdentityNumber: participant.personalIdentityNumber?.formatted ?? "",
            maskedNumber: participant.personalIdentityNumber.map { String($0.digits.prefix(8)) + "-••••" } ?? "",
            birthYear: String(participant.birthYear),
            gender: Texts.text("gender." + participant.gender.rawValue, language),
            municipality: facts.municipality?.name ?? "",
            phone: participant.phone,
            email: participant.email,
            referrer: participant.referrerLabel(language),
            authorities: participant.authorities.map { Texts.text("authority." + $0.rawValue, language) }.sorted().joined(separator: ", "),
            reason: participant.reason ?? "–"
        )
        isExited = participant.state == .exited
        hasReferrerSummary = participant.state != .registered && participant.state != .informed
        isProtected = participant.isProtected
        isContactWithheld = facts.isContactWithheld
        details = tab == .details
        contactForm =
            tab != .details || facts.isContactWithheld
            ? nil
            : forms[.contact]
                ?? FormState(values: [
                    "name": participant.name, "phone": participant.phone, "email": participant.email,
                    "referrerName": participant.referrerName, "version": participant.contactVersion,
                ])
        let onJourney = tab == .journey
        eligibility = onJourney ? EligibilitySection(facts, form: forms[.eligibility], language: language) : nil
        journey = onJourney ? JourneySection(facts, form: forms[.step], withdrawal: forms[.stepWithdrawal], language: language) : nil
        counsellorSection = onJourney ? CounsellorSection(facts, form: forms[.counsellor], language: language) : nil
        afterExitSection = onJourney ? AfterExitSection(facts, form: forms[.afterExit], language: language) : nil
        measurementSection = tab == .measurements ? MeasurementSection(facts, forms: forms, language: language) : nil
        surveySection = tab == .measurements ? SurveySection(facts, forms: forms, language: language) : nil
        interventionSection = tab == .activities ? InterventionSection(facts, forms: forms, language: language) : nil
        hoursSection = tab == .activities ? HoursSection(facts, forms: forms, language: language) : nil
        meetingSection = tab == .meetings ? MeetingSection(facts, forms: forms, language: language) : nil
        overview = tab == .overview ? Overview(facts, language: language) : nil
        hasProblems = forms.hasProblems
    }
}

extension RecordPage: PlacesItsNotice {
    var placesNotice: Bool { !notices.isEmpty }
}

/// The forms of the record that came back refused, by the form they belong to.
struct RecordForms: Sendable {
    enum Form: Hashable, Sendable {
        case contact
        case eligibility
        case step
        /// Taking back the latest step.
        case stepWithdrawal
        case counsellor
        /// What happened, and what happened next (after the exit).
        case afterExit
        case measurement
        case survey
        /// Going on with the survey offer of this id.
        case surveyContinue(SurveyOfferID)
        case intervention
        /// Ending the intervention of this id.
        case interventionEnd(InterventionID)
        /// Withdrawing the intervention of this id, or taking back its end.
        case interventionCorrection(InterventionID)
        case meeting
        case meetingPlan
        case hoursGoal
        case hours
        case planGoal
        /// A step for the plan goal of this id.
        case planStep(PlanGoalID)
        case planStatus
    }

    private var forms: [Form: FormState] = [:]

    init() {}

    init(_ form: Form, _ state: FormState) {
        forms[form] = state
    }

    subscript(_ form: Form) -> FormState? { forms[form] }

    var hasProblems: Bool { forms.values.contains { $0.hasErrors } }

    /// The form that came back refused (a request sends one form, so there is at most one).
    var refused: (form: Form, state: FormState)? {
        forms.first { $0.value.hasErrors }.map { ($0.key, $0.value) }
    }
}

/// The eligibility checklist: two criteria worked out from the record, the others as the counsellor
/// assessed them (met, or not met with a note; who and when). Editable only before the journey starts.
struct EligibilitySection: Sendable {
    struct Criterion: Sendable {
        let value: String
        let label: String
        /// The choice shown: as typed on a refused form, otherwise as answered.
        let isMet: Bool
        let isNotMet: Bool
        /// "Not assessed" is offered only while the criterion has never been answered.
        let canBeUnassessed: Bool
        let isUnassessed: Bool
        let answer: String
        let criterionNote: String?
        let noteError: String?
        let answerError: String?
        let by: String?
    }

    let editable: Bool
    let age: String
    let ageMet: String
    let ageFails: Bool
    let municipality: String
    let municipalityMet: String
    /// The criteria asked now.
    let criteria: [Criterion]
    /// Retired criteria this participant has an answer under, as answered.
    let retired: [Criterion]
    let hasRetired: Bool
    /// "16–66 år": the association's age range.
    let ageRange: String
    /// Why a save was refused (the checklist was closed meanwhile).
    let error: String?
    let hasErrors: Bool

    init(_ facts: RecordFacts, form: FormState?, language: Language) {
        let participant = facts.participant
        let now = facts.now
        let number = participant.personalIdentityNumber
        let ageOK = number.map { facts.eligibilityRules.isOfEligibleAge($0, on: now) } ?? false
        editable = Eligibility.isOpen(in: participant.state)
        age = number.map { "\($0.age(on: now)) \(Texts.text("yearsOld", language))" } ?? "–"
        ageMet = Texts.text(ageOK ? "yes" : "no", language)
        ageFails = !ageOK
        municipality = facts.municipality?.name ?? "–"
        municipalityMet = Texts.text(facts.municipality == nil ? "no" : "yes", language)
        // The criteria asked now; a retired one only where this participant has an answer under it.
        let rules = facts.eligibilityRules
        ageRange = Texts.text("eligibleAges", language, ["min": String(rules.ages.lowerBound), "max": String(rules.ages.upperBound)])
        func criterion(_ criterion: EligibilityCriterion) -> Criterion {
            let answer = facts.eligibility[criterion.key]
            let stored = answer.map { $0.isMet ? EligibilityDraft.met : EligibilityDraft.notMet } ?? ""
            let chosen = form?.values["answer-" + criterion.key] ?? stored
            let note = form?.values["note-" + criterion.key] ?? answer?.note
            // An answer is shown with the wording it was given under.
            return Criterion(
                value: criterion.key,
                label: (answer?.wording ?? criterion.wording).text(language),
                isMet: chosen == EligibilityDraft.met,
                isNotMet: chosen == EligibilityDraft.notMet,
                canBeUnassessed: answer == nil,
                isUnassessed: chosen.isEmpty,
                answer: Texts.text(answer.map { $0.isMet ? "eligibilityMet" : "eligibilityNotMet" } ?? "notChecked", language),
                criterionNote: note.flatMap { $0.isEmpty ? nil : $0 },
                noteError: form?.errors["note-" + criterion.key],
                answerError: form?.errors["answer-" + criterion.key],
                by: answer.map { (facts.staffNames[$0.checkedBy] ?? "–") + ", " + StockholmTime.minute($0.checkedAt) }
            )
        }
        criteria = rules.active.map(criterion)
        retired = rules.criteria.filter { $0.isRetired && facts.eligibility[$0.key] != nil }.map(criterion)
        hasRetired = !retired.isEmpty
        error = form?.errors["eligibility"]
        hasErrors = form?.hasErrors ?? false
    }
}

/// The journey's steps so far, and the form for the next one.
struct JourneySection: Sendable {
    struct Step: Sendable {
        let day: String
        let event: String
        let detail: String?
        let state: String
        let by: String
    }

    let steps: [Step]
    let canStep: Bool
    /// Said beside the step form when starting now would be an exception (criteria unconfirmed).
    let startException: String?
    let events: [Choice]
    let outcomes: [Choice]
    let values: [String: String]
    let errors: [String: String]
    let hasErrors: Bool

    /// The latest step, when it can still be taken back (not the registration, recorded within
    /// `StepWithdrawal.windowDays`); the server checks again, and who may.
    struct Withdrawable: Sendable {
        let stepID: String
        let label: String
        /// Taking it back reopens an ended journey.
        let reopens: Bool
    }

    let withdrawable: Withdrawable?
    let withdrawForm: FormState
    /// "2026-12-01: Avslut – taget tillbaka 2026-12-02 10:15 av Anna Berg: fel deltagare".
    let withdrawn: [String]
    let hasWithdrawn: Bool

    init(_ facts: RecordFacts, form returning: FormState?, withdrawal: FormState? = nil, language: Language) {
        if let latest = facts.steps.last, !latest.isRegistration,
            Day(latest.recordedAt).days(until: facts.today) <= StepWithdrawal.windowDays
        {
            let label = Self.steps(facts, language: language).last.map {
                $0.day + ": " + $0.event + ($0.detail.map { " (" + $0 + ")" } ?? "")
            }
            withdrawable = Withdrawable(stepID: String(latest.id), label: label ?? "", reopens: latest.transition.to.isFinal)
        } else {
            withdrawable = nil
        }
        withdrawForm = withdrawal ?? FormState()
        withdrawn = facts.withdrawnSteps.map { step in
            let event = Texts.text("event." + step.transition.event.kind.rawValue, language)
            let taken = step.withdrawal.map { withdrawal in
                Texts.text(
                    "stepWithdrawnLine",
                    language,
                    [
                        "at": StockholmTime.minute(withdrawal.at), "by": facts.staffNames[withdrawal.by] ?? "–",
                        "reason": withdrawal.reason,
                    ]
                )
            }
            return step.transition.day.description + ": " + event + " – " + (taken ?? "")
        }
        hasWithdrawn = !withdrawn.isEmpty
        // Without a step form coming back, the next step is offered for today.
        let form = returning ?? FormState(values: ["day": facts.today.description])
        steps = Self.steps(facts, language: language)
        let possible = Journey.possibleEvents(after: facts.participant.state)
        canStep = !possible.isEmpty
        let unconfirmed = facts.eligibilityRules.unconfirmed(met: facts.eligibility.met).count
        startException =
            possible.contains(.start) && unconfirmed > 0 ? Texts.counted(unconfirmed, "startNeedsException", language) : nil
        events = possible.map {
            Choice(value: $0.rawValue, label: Texts.text("event." + $0.rawValue, language), isChosen: form.values["event"] == $0.rawValue)
        }
        outcomes = ExitOutcome.allCases.map {
            Choice(
                value: $0.rawValue,
                label: Texts.text("outcome." + $0.rawValue, language),
                isChosen: form.values["outcome"] == $0.rawValue
            )
        }
        values = form.values
        errors = form.errors
        hasErrors = form.hasErrors
    }
}

/// Who is responsible for the participant, who was before and from when, and handing the
/// participant over to another counsellor of the unit (not once the journey has ended).
struct CounsellorSection: Sendable {
    struct Period: Sendable {
        let name: String
        let from: String
    }

    let responsible: String
    let history: [Period]
    let hasEarlier: Bool
    let choices: [Choice]
    let canHandOver: Bool
    let errors: [String: String]
    let hasErrors: Bool

    init(_ facts: RecordFacts, form: FormState?, language: Language) {
        let current = facts.participant.responsibleCounsellor
        responsible = current.map { facts.staffNames[$0] ?? "–" } ?? Texts.text("noResponsibleCounsellor", language)
        history = facts.counsellorHistory.map { Period(name: facts.staffNames[$0.counsellor] ?? "–", from: $0.from.description) }.reversed()
        hasEarlier = facts.counsellorHistory.count > 1
        let others = facts.unitCounsellors.filter { $0.id != current }.sorted { $0.name < $1.name }
        choices = others.map { Choice(value: $0.id.description, label: $0.name, isChosen: form?.values["counsellor"] == $0.id.description) }
        canHandOver = !facts.participant.state.isFinal && !others.isEmpty
        errors = form?.errors ?? [:]
        hasErrors = !errors.isEmpty
    }
}

extension JourneySection {
    /// The steps so far as the record lists them, oldest first.
    static func steps(_ facts: RecordFacts, language: Language) -> [Step] {
        facts.steps.enumerated().map { index, step in
            let transition = step.transition
            var detail: String?
            if case .exit(let outcome) = transition.event { detail = Texts.text("outcome." + outcome.rawValue, language) }
            if let reason = step.reason, !reason.isEmpty { detail = reason }
            return Step(
                day: transition.day.description,
                event: Texts.text(index == 0 ? "event.registered" : "event." + transition.event.kind.rawValue, language),
                detail: detail,
                state: transition.to.label(language),
                by: facts.staffNames[transition.recordedBy] ?? "–"
            )
        }
    }
}
