import Foundation
import FramstegCore
import SQLKit

/// A participant as a list shows them: the name is opened, nothing else sealed is.
public struct ParticipantSummary: Hashable, Sendable {
    public let id: ParticipantID
    public let unitID: UnitID
    public private(set) var name: String
    public let gender: Gender
    public let birthYear: Int
    public let state: JourneyState
    public let registeredOn: Day
    public let responsibleCounsellor: UserID?
    /// Protected personal data: others than the responsible counsellor see initials (`shown(to:)`).
    public var isProtected: Bool = false

    /// The summary as `viewer` may see it: a protected person's name as initials unless the viewer
    /// is their responsible counsellor.
    public func shown(to viewer: UserID) -> ParticipantSummary {
        guard isProtected, responsibleCounsellor != viewer else { return self }
        var shown = self
        shown.name = ProtectedIdentity.initials(of: name)
        return shown
    }
}

/// One answer of the eligibility checklist: who gave it when, and the criterion's wording then.
public struct EligibilityAnswer: Hashable, Sendable {
    public let isMet: Bool
    public let checkedBy: UserID
    public let checkedAt: Date
    /// The wording the answer was given under (nil only for answers from before it was kept).
    public let wording: LocalizedText?
    /// Why a criterion is not met (kept sealed; nil for a met one, an older answer, or after retention).
    public let note: String?
}

extension Dictionary where Key == String, Value == EligibilityAnswer {
    /// The keys of the criteria answered as met (a "no", or one never answered, is not).
    public var met: Set<String> { Set(filter(\.value.isMet).keys) }
}

/// One recorded step, with its reason opened when there is one.
public struct RecordedStep: Hashable, Sendable {
    /// Who took a step back, when and why (`StepWithdrawal`).
    public struct Withdrawal: Hashable, Sendable {
        public let by: UserID
        public let at: Date
        public let reason: String
    }

    public let id: Int64
    public let transition: JourneyTransition
    public let reason: String?
    public let recordedAt: Date
    /// Nil for a step that stands.
    public let withdrawal: Withdrawal?

    /// The registration, the first step of every record.
    public var isRegistration: Bool { transition.from == .registered && transition.to == .registered }
}

/// Participants and their journey steps. Every personal column is sealed and bound to its row
/// (`SealedColumns`); lists open the name, and only `participant(_:)` opens the rest.
public struct ParticipantRepository: Sendable {
    let db: any SQLDatabase
    let keyring: FieldKeyring
    let sealed: SealedColumns
    let sealedSteps: SealedColumns
    let sealedEligibility: SealedColumns

    public init(_ db: any SQLDatabase, keyring: FieldKeyring) {
        self.db = db
        self.keyring = keyring
        self.sealed = SealedColumns(keyring, table: "participants")
        self.sealedSteps = SealedColumns(keyring, table: "journey_steps")
        self.sealedEligibility = SealedColumns(keyring, table: "eligibility_checks")
    }

    /// The look-up value for a number: the same person always gives the same hash, and nothing else does.
    func lookup(_ number: PersonalIdentityNumber) -> String { keyring.lookupHash(number.digits) }

    /// Creates the participant in state `registered`, with the registration as the first step.
    public func register(
        _ valid: ParticipantDraft.Valid,
        unit: OrganisationUnit,
        on day: Day,
        by user: UserID?,
        now: Date,
        recordKey: RecordKey = .drawn()
    ) async throws -> ParticipantID {
        // The sealed columns are empty until the row has its id, a moment later in the same transaction.
        let id = ParticipantID(
            try await db.insertReturningID(
                db.insert(into: "participants")
                    .columns(
                        "association_id",
                        "unit_id",
                        "municipality_id",
                        "name",
                        "phone",
                        "email",
                        "gender",
                        "birth_year",
                        "pnr_sealed",
                        "pnr_lookup",
                        "referrer_kind",
                        "referrer_name",
                        "authorities",
                        "reason_sealed",
                        "has_consented",
                        "state",
                        "registered_on",
                        "created_at",
                        "record_key"
                    )
                    .values(
                        SQLBind(unit.associationID.rawValue),
                        SQLBind(unit.id.rawValue),
                        SQLBind(valid.municipalityID.rawValue),
                        SQLBind(""),
                        SQLBind(""),
                        SQLBind(""),
                        SQLBind(valid.gender.rawValue),
                        SQLBind(valid.personalIdentityNumber.birthYear),
                        SQLBind(""),
                        SQLBind(lookup(valid.personalIdentityNumber)),
                        SQLBind(valid.referrerKind.rawValue),
                        SQLBind(""),
                        SQLBind(""),
                        SQLBind(String?.none),
                        SQLBind(true),
                        SQLBind(JourneyState.registered.storageValue),
                        SQLBind(day.description),
                        SQLBind(now.storedSeconds),
                        SQLBind(recordKey.storedValue)
                    )
            )
        )
        try await sealed.fill(
            db,
            id: id.rawValue,
            [
                ("name", valid.name), ("phone", valid.phone), ("email", valid.email), ("pnr_sealed", valid.personalIdentityNumber.digits),
                ("referrer_name", valid.referrerName), ("authorities", valid.authorities.map(\.rawValue).sorted().joined(separator: ",")),
                ("reason_sealed", valid.reason.isEmpty ? nil : valid.reason),
            ]
        )
        try await NameLookup(db: db, keyring: keyring).index(id.rawValue, name: valid.name)
        try await insertStep(
            participant: id,
            from: .registered,
            to: .registered,
            event: "registered",
            outcome: nil,
            reason: nil,
            day: day,
            by: user,
            now: now
        )
        return id
    }

    /// Every record of the association with this number, ended journeys too, oldest first: whom a
    /// request for an extract is about.
    public func all(with number: PersonalIdentityNumber, in associationID: AssociationID) async throws -> [ParticipantSummary] {
        try await db.select().columns(Self.summaryColumns).from("participants")
            .where("association_id", .equal, associationID.rawValue).where("pnr_lookup", .equal, lookup(number))
            .orderBy("id").all().map(summary(from:))
    }

    /// Participants of the association with this number whose journey has not ended.
    public func ongoing(with number: PersonalIdentityNumber, in associationID: AssociationID) async throws -> [ParticipantSummary] {
        try await db.select().columns(Self.summaryColumns).from("participants")
            .where("association_id", .equal, associationID.rawValue).where("pnr_lookup", .equal, lookup(number))
            .all().map(summary(from:)).filter { !$0.state.isFinal }
    }

    /// The participants of the association (or of `units` in it) whose name has a word beginning
    /// with each word of `query`, without case or accents (see `NameLookup`), found by keyed hashes:
    /// "anna lind" and "aberg" find Anna Lindqvist and Anna Åberg.
    public func participants(
        matchingName query: String,
        in associationID: AssociationID,
        units: Set<UnitID>? = nil
    ) async throws -> [ParticipantSummary] {
        let ids = try await NameLookup(db: db, keyring: keyring).participants(matching: query, in: associationID, units: units)
        guard !ids.isEmpty else { return [] }
        return try await db.select().columns(Self.summaryColumns).from("participants").where("id", .in, ids.sorted()).orderBy("id").all()
            .map(summary(from:))
    }

    /// Every participant of these units with this personal identity number, ended ones too.
    public func participants(with number: PersonalIdentityNumber, in units: Set<UnitID>) async throws -> [ParticipantSummary] {
        guard !units.isEmpty else { return [] }
        return try await db.select().columns(Self.summaryColumns).from("participants")
            .where("unit_id", .in, units.map(\.rawValue).sorted()).where("pnr_lookup", .equal, lookup(number))
            .orderBy("registered_on").all().map(summary(from:))
    }

    /// The whole record, personal identity number and reason opened. Callers audit the read.
    public func participant(_ id: ParticipantID) async throws -> Participant? {
        guard let row = try await db.select().column("*").from("participants").where("id", .equal, id.rawValue).first() else { return nil }
        let open = { (column: String) throws -> String in try sealed.open(column, in: row) ?? "" }
        let number = try open("pnr_sealed")
        let reason = try sealed.open("reason_sealed", in: row)
        let summary = try summary(from: row)
        return Participant(
            id: id,
            associationID: try row.id("association_id"),
            unitID: summary.unitID,
            municipalityID: try row.id("municipality_id"),
            name: summary.name,
            phone: try open("phone"),
            email: try open("email"),
            gender: summary.gender,
            birthYear: summary.birthYear,
            personalIdentityNumber: try? PersonalIdentityNumber(parsing: number, today: .distantFuture),
            referrerKind: ReferrerKind(rawValue: try row.decode(column: "referrer_kind", as: String.self)) ?? .other,
            referrerName: try open("referrer_name"),
            authorities: Set(try open("authorities").split(separator: ",").compactMap { Authority(rawValue: String($0)) }),
            reason: reason,
            hasConsented: try row.decode(column: "has_consented", as: Bool.self),
            state: summary.state,
            registeredOn: summary.registeredOn,
            responsibleCounsellor: summary.responsibleCounsellor,
            isProtected: summary.isProtected
        )
    }

    /// Where the participant belongs, without opening anything: what the policy needs.
    public func owner(of id: ParticipantID) async throws -> (unitID: UnitID, associationID: AssociationID)? {
        guard
            let row = try await db.select().columns("unit_id", "association_id").from("participants").where("id", .equal, id.rawValue)
                .first()
        else { return nil }
        return (try row.id("unit_id"), try row.id("association_id"))
    }

    /// One participant as lists show them, only the name opened.
    public func summary(_ id: ParticipantID) async throws -> ParticipantSummary? {
        try await db.select().columns(Self.summaryColumns).from("participants").where("id", .equal, id.rawValue).first().map(
            summary(from:)
        )
    }

    public func participants(inAssociation associationID: AssociationID) async throws -> [ParticipantSummary] {
        try await db.select().columns(Self.summaryColumns).from("participants").where("association_id", .equal, associationID.rawValue)
            .orderBy("id").all().map(summary(from:))
    }

    public func participants(inUnit unitID: UnitID) async throws -> [ParticipantSummary] {
        try await db.select().columns(Self.summaryColumns).from("participants").where("unit_id", .equal, unitID.rawValue)
            .orderBy("registered_on").orderBy("id").all().map(summary(from:))
    }

    /// Registrations not yet started or declined in these units: the inbox.
    public func waiting(inUnits unitIDs: Set<UnitID>) async throws -> [ParticipantSummary] {
        guard !unitIDs.isEmpty else { return [] }
        return try await db.select().columns(Self.summaryColumns).from("participants")
            .where("unit_id", .in, unitIDs.map(\.rawValue).sorted())
            .where("state", .in, [JourneyState.registered.storageValue, JourneyState.informed.storageValue])
            .orderBy("registered_on").orderBy("id").all().map(summary(from:))
    }

    /// The started, not yet ended participants a counsellor is responsible for, by name. Names are
    /// sealed, so they are sorted here, after opening, in Swedish order (å, ä, ö after z).
    public func active(responsible counsellor: UserID) async throws -> [ParticipantSummary] {
        // Only the active rows are decoded and their names opened: a counsellor's ended participants
        // (most of them, after a few years) are left in the database.
        try await db.select().columns(Self.summaryColumns).from("participants")
            .where("responsible_counsellor", .equal, counsellor.rawValue)
            .where(group: { $0.where("state", .equal, JourneyState.introduction.storageValue).orWhere("state", .like, "block:%") })
            .all().map(summary(from:)).filter(\.state.isActive).sorted(by: Self.byName)
    }

    static let swedish = Locale(identifier: "sv_SE")

    /// Swedish alphabetical order of names, then the id, so equal names keep one order.
    static func byName(_ first: ParticipantSummary, _ second: ParticipantSummary) -> Bool {
        switch first.name.compare(second.name, options: [.caseInsensitive], range: nil, locale: swedish) {
        case .orderedAscending: true
        case .orderedDescending: false
        case .orderedSame: first.id.rawValue < second.id.rawValue
        }
    }

    /// Records a step the state machine allowed, and moves the participant to its state.
    public func record(_ transition: JourneyTransition, participant id: ParticipantID, note: String? = nil, now: Date) async throws {
        try await record(transition, participant: id, recordedBy: transition.recordedBy, note: note, now: now)
    }

    /// Records a step; `recordedBy` nil marks one the system recorded (an import), not a person.
    /// `note` is kept as the reason of a step whose event carries none (a start by exception).
    public func record(
        _ transition: JourneyTransition,
        participant id: ParticipantID,
        recordedBy: UserID?,
        note: String? = nil,
        now: Date
    ) async throws {
        var outcome: String?
        var reason = note.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        switch transition.event {
        case .exit(let result): outcome = result.rawValue
        case .decline(let text), .withdraw(let text): reason = text.trimmed
        default: break
        }
        // Only from the state the step was judged from: of two steps sent at once, the second finds
        // the state moved and nothing is written (on PostgreSQL it waits for the first's row lock).
        let moved = try await db.update("participants").set("state", to: transition.to.storageValue).where("id", .equal, id.rawValue)
            .where("state", .equal, transition.from.storageValue).returning("id").all()
        guard !moved.isEmpty else { throw StoreError.conflict("participant \(id)'s journey") }
        // The follow-up columns change with the step, in the same transaction (see migration 12).
        switch transition.event {
        case .start:
            try await db.update("participants").set("started_on", to: transition.day.description).where("id", .equal, id.rawValue).run()
        case .exit, .withdraw:
            try await db.update("participants").set("ended_on", to: transition.day.description).set(
                "outcome",
                to: outcome ?? ExitOutcome.other.rawValue
            )
            .where("id", .equal, id.rawValue).where("started_on", .isNot, SQLLiteral.null).run()
        default: break
        }
        try await insertStep(
            participant: id,
            from: transition.from,
            to: transition.to,
            event: transition.event.kind.rawValue,
            outcome: outcome,
            reason: reason,
            day: transition.day,
            by: recordedBy,
            now: now
        )
        // Nothing runs on after the journey ends.
        if transition.to == .exited || transition.to == .withdrawn {
            try await ActivityRepository(db, keyring: keyring).endRunningInterventions(of: id, on: transition.day)
        }
    }

    /// Changes the contact details that may change during a journey, and the name's look-up with them.
    public func updateContact(of id: ParticipantID, name: String, phone: String, email: String, referrerName: String) async throws {
        try await sealed.fill(db, id: id.rawValue, [("name", name), ("phone", phone), ("email", email), ("referrer_name", referrerName)])
        try await NameLookup(db: db, keyring: keyring).index(id.rawValue, name: name)
    }

    /// The day each participant entered their current state: the day of their latest step.
    public func stateSince(_ ids: Set<ParticipantID>) async throws -> [ParticipantID: Day] {
        guard !ids.isEmpty else { return [:] }
        var result: [ParticipantID: Day] = [:]
        for row in try await db.select().column("participant_id").column(SQLFunction("MAX", args: SQLIdentifier("day")), as: "since")
            .from("journey_steps").where("participant_id", .in, ids.map(\.rawValue).sorted()).where("withdrawn_at", .is, SQLLiteral.null)
            .groupBy("participant_id").all()
        {
            if let day = Day(try row.decode(column: "since", as: String.self)) { result[try row.id("participant_id")] = day }
        }
        return result
    }

    /// The days these participants started, for those who have.
    public func startDays(_ ids: Set<ParticipantID>) async throws -> [ParticipantID: Day] {
        guard !ids.isEmpty else { return [:] }
        var result: [ParticipantID: Day] = [:]
        for row in try await db.select().columns("participant_id", "day").from("journey_steps")
            .where("participant_id", .in, ids.map(\.rawValue).sorted()).where("event", .equal, JourneyEventKind.start.rawValue)
            .where("withdrawn_at", .is, SQLLiteral.null).all()
        {
            if let day = Day(try row.decode(column: "day", as: String.self)) { result[try row.id("participant_id")] = day }
        }
        return result
    }

    /// The day the participant started (inskrivning), if they have.
    public func startDay(of id: ParticipantID) async throws -> Day? {
        try await db.select().column("day").from("journey_steps").where("participant_id", .equal, id.rawValue)
            .where("event", .equal, JourneyEventKind.start.rawValue).where("withdrawn_at", .is, SQLLiteral.null).first()
            .flatMap { Day(try $0.decode(column: "day", as: String.self)) }
    }

    /// The steps that stand, in the order recorded: what the journey is.
    public func steps(of id: ParticipantID) async throws -> [RecordedStep] {
        try await allSteps(of: id).filter { $0.withdrawal == nil }
    }

    /// Every step, those taken back too (with who, when and why), in the order recorded.
    public func allSteps(of id: ParticipantID) async throws -> [RecordedStep] {
        try await db.select().columns(
            "id",
            "from_state",
            "to_state",
            "event",
            "outcome",
            "reason_sealed",
            "day",
            "recorded_by",
            "recorded_at",
            "withdrawn_at",
            "withdrawn_by",
            "withdrawal_reason_sealed"
        ).from("journey_steps")
            .where("participant_id", .equal, id.rawValue).orderBy("id").all()
            .compactMap { row -> RecordedStep? in
                let reason = try sealedSteps.open("reason_sealed", in: row)
                guard let from = JourneyState(storageValue: try row.decode(column: "from_state", as: String.self)),
                    let to = JourneyState(storageValue: try row.decode(column: "to_state", as: String.self)),
                    let day = Day(try row.decode(column: "day", as: String.self))
                else { return nil }
                let eventText = try row.decode(column: "event", as: String.self)
                let outcome = try row.decode(column: "outcome", as: String?.self).flatMap(ExitOutcome.init(rawValue:))
                let event: JourneyEvent =
                    switch JourneyEventKind(rawValue: eventText) {
                    case .informationConversation: .informationConversation
                    case .start: .start
                    case .multiPartyMeeting: .multiPartyMeeting
                    case .checkIn: .checkIn
                    case .exit: .exit(outcome ?? .other)
                    case .decline: .decline(reason: reason ?? "")
                    case .withdraw: .withdraw(reason: reason ?? "")
                    case nil: .informationConversation
                    }
                let user: UserID? = try row.optionalID("recorded_by")
                let withdrawal = try row.decode(column: "withdrawn_at", as: Int64?.self).map { at in
                    RecordedStep.Withdrawal(
                        by: try row.id("withdrawn_by"),
                        at: Date(timeIntervalSince1970: TimeInterval(at)),
                        reason: try sealedSteps.open("withdrawal_reason_sealed", in: row) ?? ""
                    )
                }
                return RecordedStep(
                    id: try row.decode(column: "id", as: Int64.self),
                    transition: JourneyTransition(from: from, to: to, event: event, day: day, recordedBy: user ?? UserID(0)),
                    reason: eventText == "registered" ? nil : reason,
                    recordedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "recorded_at", as: Int64.self))),
                    withdrawal: withdrawal
                )
            }
    }

    /// Takes back `step` (the latest that stands, checked by the caller in this transaction): the
    /// participant returns to the state before it, and the follow-up columns it set are cleared.
    /// Of two sent at once the second finds the state moved and is refused.
    public func withdraw(_ step: RecordedStep, of id: ParticipantID, reason: String, by user: UserID, now: Date) async throws {
        let moved = try await db.update("participants").set("state", to: step.transition.from.storageValue)
            .where("id", .equal, id.rawValue).where("state", .equal, step.transition.to.storageValue).returning("id").all()
        guard !moved.isEmpty else { throw StoreError.conflict("participant \(id)'s journey") }
        switch step.transition.event {
        case .start:
            try await db.update("participants").set("started_on", to: SQLLiteral.null).where("id", .equal, id.rawValue).run()
        case .exit, .withdraw:
            try await db.update("participants").set("ended_on", to: SQLLiteral.null).set("outcome", to: SQLLiteral.null)
                .where("id", .equal, id.rawValue).run()
        default: break
        }
        try await db.update("journey_steps").set("withdrawn_at", to: SQLBind(now.storedSeconds)).set(
            "withdrawn_by",
            to: SQLBind(user.rawValue)
        )
        .where("id", .equal, step.id).where("participant_id", .equal, id.rawValue).run()
        try await sealedSteps.fill(db, id: step.id, [("withdrawal_reason_sealed", reason)])
    }

    /// Saves the checklist: one answer per criterion given, replacing an earlier one, stamped with
    /// who and when and the criterion's wording now; a "not met" keeps its note, sealed to the row.
    public func saveEligibility(
        _ verdicts: [EligibilityCriterion: EligibilityVerdict],
        for id: ParticipantID,
        by user: UserID,
        now: Date
    ) async throws {
        let earlier = try await eligibility(of: id)
        for (criterion, verdict) in verdicts.sorted(by: { $0.key.key < $1.key.key }) {
            let note: String? = if case .notMet(let note) = verdict { note } else { nil }
            // An unchanged answer keeps its original who-and-when.
            if let existing = earlier[criterion.key], existing.isMet == verdict.isMet, existing.note == note { continue }
            try await db.delete(from: "eligibility_checks")
                .where("participant_id", .equal, id.rawValue).where("criterion", .equal, criterion.key).run()
            try await db.insert(into: "eligibility_checks")
                .columns("participant_id", "criterion", "is_met", "checked_by", "checked_at", "wording_sv", "wording_en", "note_sealed")
                .values(
                    SQLBind(id.rawValue),
                    SQLBind(criterion.key),
                    SQLBind(verdict.isMet),
                    SQLBind(user.rawValue),
                    SQLBind(now.storedSeconds),
                    SQLBind(criterion.wording.swedish),
                    SQLBind(criterion.wording.english),
                    SQLBind(try note.map { try sealedEligibility.seal($0, "note_sealed", row: Self.row(id, criterion.key)) })
                )
                .run()
        }
    }

    /// The row key an eligibility note is sealed to (the table's key is participant and criterion).
    static func row(_ participant: ParticipantID, _ criterion: String) -> String { "\(participant.rawValue)/\(criterion)" }

    /// The participant's answers by criterion key.
    public func eligibility(of id: ParticipantID) async throws -> [String: EligibilityAnswer] {
        var result: [String: EligibilityAnswer] = [:]
        for row in try await db.select().columns(
            "criterion",
            "is_met",
            "checked_by",
            "checked_at",
            "wording_sv",
            "wording_en",
            "note_sealed"
        )
        .from("eligibility_checks").where("participant_id", .equal, id.rawValue).all() {
            let swedish = try row.decode(column: "wording_sv", as: String?.self)
            let english = try row.decode(column: "wording_en", as: String?.self) ?? ""
            let criterion = try row.decode(column: "criterion", as: String.self)
            result[criterion] = EligibilityAnswer(
                isMet: try row.decode(column: "is_met", as: Bool.self),
                checkedBy: try row.id("checked_by"),
                checkedAt: try row.date("checked_at"),
                wording: swedish.map { LocalizedText(swedish: $0, english: english) },
                note: try row.decode(column: "note_sealed", as: String?.self).map {
                    try sealedEligibility.open($0, "note_sealed", row: Self.row(id, criterion))
                }
            )
        }
        return result
    }

    /// Makes `counsellor` the one responsible from `day`; earlier assignments are kept for continuity figures.
    public func assignCounsellor(_ counsellor: UserID, to id: ParticipantID, from day: Day, by user: UserID, now: Date) async throws {
        try await db.update("participants").set("responsible_counsellor", to: counsellor.rawValue)
            .set("counsellor_count", to: SQLRaw("counsellor_count + 1")).where("id", .equal, id.rawValue).run()
        try await db.insert(into: "counsellor_assignments").columns(
            "participant_id",
            "counsellor_id",
            "from_day",
            "assigned_by",
            "assigned_at"
        )
        .values(
            SQLBind(id.rawValue),
            SQLBind(counsellor.rawValue),
            SQLBind(day.description),
            SQLBind(user.rawValue),
            SQLBind(now.storedSeconds)
        )
        .run()
    }

    public func counsellorHistory(of id: ParticipantID) async throws -> [(counsellor: UserID, from: Day)] {
        try await db.select().columns("counsellor_id", "from_day").from("counsellor_assignments")
            .where("participant_id", .equal, id.rawValue).orderBy("id").all()
            .map { (try $0.id("counsellor_id"), Day(try $0.decode(column: "from_day", as: String.self))!) }
    }

    private func insertStep(
        participant id: ParticipantID,
        from: JourneyState,
        to: JourneyState,
        event: String,
        outcome: String?,
        reason: String?,
        day: Day,
        by user: UserID?,
        now: Date
    ) async throws {
        let step = try await db.insertReturningID(
            db.insert(into: "journey_steps")
                .columns("participant_id", "from_state", "to_state", "event", "outcome", "day", "recorded_by", "recorded_at")
                .values(
                    SQLBind(id.rawValue),
                    SQLBind(from.storageValue),
                    SQLBind(to.storageValue),
                    SQLBind(event),
                    SQLBind(outcome),
                    SQLBind(day.description),
                    SQLBind(user?.rawValue),
                    SQLBind(now.storedSeconds)
                )
        )
        if let reason { try await sealedSteps.fill(db, id: step, [("reason_sealed", reason)]) }
    }

    static let summaryColumns = [
        "id", "unit_id", "name", "gender", "birth_year", "state", "registered_on", "responsible_counsellor", "is_protected",
    ]

    func summary(from row: any SQLRow) throws -> ParticipantSummary {
        ParticipantSummary(
            id: try row.id("id"),
            unitID: try row.id("unit_id"),
            name: try sealed.open("name", in: row) ?? "",
            gender: Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .anotherOrNotStated,
            birthYear: try row.decode(column: "birth_year", as: Int.self),
            state: JourneyState(storageValue: try row.decode(column: "state", as: String.self)) ?? .registered,
            registeredOn: Day(try row.decode(column: "registered_on", as: String.self)) ?? Day(Date(timeIntervalSince1970: 0)),
            responsibleCounsellor: try row.optionalID("responsible_counsellor"),
            isProtected: try row.decode(column: "is_protected", as: Int.self) != 0
        )
    }

    /// Locks the participant's row until the transaction ends (PostgreSQL; SQLite's one writer
    /// already holds the whole database): a read-check-write in the transaction then cannot interleave.
    public func lockForUpdate(_ id: ParticipantID) async throws {
        guard db.isPostgres else { return }
        try await db.raw("SELECT id FROM participants WHERE id = \(bind: id.rawValue) FOR UPDATE").run()
    }

    /// Marks or unmarks the participant as having protected personal data.
    public func setProtected(_ isProtected: Bool, of id: ParticipantID) async throws {
        try await db.update("participants").set("is_protected", to: SQLBind(isProtected ? 1 : 0)).where("id", .equal, id.rawValue).run()
    }
}

extension RecordKey {
    /// A key from the system's secure generator: what every new participant and response gets.
    public static func drawn() -> RecordKey {
        var generator = SystemRandomNumberGenerator()
        return .random(using: &generator)
    }
}
