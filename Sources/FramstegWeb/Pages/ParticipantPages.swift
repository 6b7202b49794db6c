import Foundation
import FramstegCore
import FramstegStore
import Hummingbird

/// Registering participants, their record (every open is audited) and the steps of their journey.
struct ParticipantPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/units/:unit/participants/new", .registerParticipant, .unit) { request, context, principal, unit in
            return try await newPage(context, unit, form: FormState(values: ["referrerKind": ""]))
        }
        routes.post("/units/:unit/participants", .registerParticipant, .unit) { request, context, principal, unit in
            return try await register(context, principal, unit)
        }
        routes.get("/participants/:participant", .readParticipant, .participant) { request, context, principal, record in
            let (participant, unit) = (record.participant, record.unit)
            return try await recordPage(context, principal, participant, unit)
        }
        routes.get("/participants/:participant/exit-document", .readParticipant, .participant) { request, context, principal, record in
            let (participant, unit) = (record.participant, record.unit)
            return try await ExitDocument(site: site).page(context, principal, participant, unit)
        }
        routes.get("/participants/:participant/referrer-summary", .readParticipant, .participant) { request, context, principal, record in
            let (participant, unit) = (record.participant, record.unit)
            return try await ReferrerSummary(site: site).page(context, principal, participant, unit)
        }
        routes.post("/participants/:participant/contact", .changeParticipant, .participant) { request, context, principal, record in
            let (participant, unit) = (record.participant, record.unit)
            let form = context.form
            let typed = ["name": form["name"], "phone": form["phone"], "email": form["email"], "referrerName": form["referrerName"]]
            do {
                try await site.services.participants.updateContact(
                    ContactChange(name: form["name"], phone: form["phone"], email: form["email"], referrerName: form["referrerName"]),
                    of: participant,
                    by: principal
                )
                return .redirect(to: "/participants/\(participant.id)", notice: .saved)
            } catch let failure as ValidationFailure {
                return try await recordPage(
                    context,
                    principal,
                    participant,
                    unit,
                    sections: ["contactForm": FormState(values: typed, errors: failure.messages(context.language))],
                    audit: false
                )
            }
        }
        routes.post("/participants/:participant/eligibility", .changeParticipant, .participant) { request, context, principal, record in
            let participant = record.participant
            let answers = Dictionary(
                uniqueKeysWithValues: EligibilityCriterion.allCases.map { ($0, context.form.all("met").contains($0.rawValue)) }
            )
            let now = site.now()
            let keyring = site.keyring
            try await site.store.write { db in
                try await ParticipantRepository(db, keyring: keyring).saveEligibility(
                    answers,
                    for: participant.id,
                    by: principal.userID,
                    now: now
                )
                try await AuditLog(db).append(
                    AuditEntry(
                        at: now,
                        by: principal,
                        action: .participantEligibility,
                        objectType: "participant",
                        objectID: participant.id.description
                    )
                )
            }
            return .redirect(to: "/participants/\(participant.id)", notice: .eligibilitySaved, section: "eligibility")
        }
        routes.post("/participants/:participant/steps", .changeParticipant, .participant) { request, context, principal, record in
            let (participant, unit) = (record.participant, record.unit)
            return try await recordStep(context, principal, participant, unit)
        }
    }

    // MARK: Registering

    private func register(_ context: AppRequestContext, _ principal: Principal, _ unit: OrganisationUnit) async throws -> Response {
        let form = context.form
        let draft = ParticipantDraft(
            personalIdentityNumber: form["personalIdentityNumber"],
            name: form["name"],
            phone: form["phone"],
            email: form["email"],
            gender: form["gender"],
            municipalityID: form["municipality"],
            referrerKind: form["referrerKind"],
            referrerName: form["referrerName"],
            authorities: form.all("authorities"),
            reason: form["reason"],
            consent: form["consent"] == "yes"
        )
        let typed: [String: Any] = [
            "personalIdentityNumber": draft.personalIdentityNumber, "name": draft.name, "phone": draft.phone, "email": draft.email,
            "gender": draft.gender, "municipality": draft.municipalityID, "referrerKind": draft.referrerKind,
            "referrerName": draft.referrerName, "authorities": draft.authorities.joined(separator: ","), "reason": draft.reason,
            "consent": draft.consent,
        ]
        do {
            let id = try await site.services.participants.register(draft, in: unit, by: principal)
            return .redirect(to: "/participants/\(id)", notice: .participantRegistered)
        } catch let failure as ValidationFailure {
            return try await newPage(context, unit, form: FormState(values: [:], errors: failure.messages(context.language)), typed: typed)
        }
    }

    private func newPage(
        _ context: AppRequestContext,
        _ unit: OrganisationUnit,
        form: FormState,
        typed: [String: Any] = [:]
    ) async throws -> Response {
        let language = context.language
        let municipalities = try await site.store.read { db in try await OrganisationRepository(db).municipalities(of: unit.associationID) }
        let chosenMunicipality = (typed["municipality"] as? String) ?? ""
        let chosenAuthorities = Set(((typed["authorities"] as? String) ?? "").split(separator: ",").map(String.init))
        var data = form.data
        data["values"] = typed
        data["unit"] = ["id": unit.id.description, "name": unit.name]
        data["genders"] = Gender.allCases.map {
            [
                "value": $0.rawValue, "label": Texts.text("gender." + $0.rawValue, language),
                "checked": (typed["gender"] as? String) == $0.rawValue,
            ] as [String: Any]
        }
        data["municipalities"] = municipalities.map {
            ["id": $0.id.description, "name": $0.name, "selected": $0.id.description == chosenMunicipality] as [String: Any]
        }
        data["referrers"] = ReferrerKind.allCases.map {
            [
                "value": $0.rawValue, "label": Texts.text("referrer." + $0.rawValue, language),
                "selected": (typed["referrerKind"] as? String) == $0.rawValue,
            ] as [String: Any]
        }
        data["authorityChoices"] = Authority.allCases.map {
            [
                "value": $0.rawValue, "label": Texts.text("authority." + $0.rawValue, language),
                "checked": chosenAuthorities.contains($0.rawValue),
            ] as [String: Any]
        }
        return site.renderer.page(
            .participantNew,
            title: .key("registerParticipant"),
            model: data,
            context: context,
            status: form.errors.isEmpty ? .ok : .unprocessableContent
        )
    }

    // MARK: The record and its steps

    private func recordStep(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ participant: Participant,
        _ unit: OrganisationUnit
    ) async throws -> Response {
        let form = context.form
        let typed = ["event": form["event"], "day": form["day"], "outcome": form["outcome"], "reason": form["reason"]]
        do {
            try await site.services.participants.recordStep(
                event: form["event"],
                day: form["day"],
                outcome: form["outcome"],
                reason: form["reason"],
                of: participant,
                by: principal
            )
            return .redirect(to: "/participants/\(participant.id)", notice: .stepRecorded)
        } catch let failure as ValidationFailure {
            return try await recordPage(
                context,
                principal,
                participant,
                unit,
                form: FormState(values: typed, errors: failure.messages(context.language)),
                audit: false
            )
        }
    }

    /// The record; `sections` are activity forms coming back with problems (see `ActivityPages`).
    func recordPage(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ participant: Participant,
        _ unit: OrganisationUnit,
        form stepForm: FormState? = nil,
        sections: [String: FormState] = [:],
        audit: Bool = true
    ) async throws -> Response {
        // Without a step form coming back, the next step is offered for today.
        let form = stepForm ?? FormState(values: ["day": Day(site.now()).description])
        let language = context.language
        let keyring = site.keyring
        let (steps, municipality, staff, answers) = try await site.store.read { db in
            (
                try await ParticipantRepository(db, keyring: keyring).steps(of: participant.id),
                try await OrganisationRepository(db).municipality(participant.municipalityID),
                try await UserRepository(db).users(of: participant.associationID),
                try await ParticipantRepository(db, keyring: keyring).eligibility(of: participant.id)
            )
        }
        if audit {
            // Reading personal data is logged, every time.
            try await site.audit(
                AuditEntry(
                    at: site.now(),
                    by: principal,
                    action: .participantRead,
                    objectType: "participant",
                    objectID: participant.id.description
                )
            )
        }
        let names = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0.name) })
        var data = form.data
        data["unit"] = ["id": unit.id.description, "name": unit.name]
        data["participant"] = [
            "id": participant.id.description, "name": participant.name, "state": participant.state.label(language),
            "personalIdentityNumber": participant.personalIdentityNumber?.formatted ?? "", "birthYear": String(participant.birthYear),
            "gender": Texts.text("gender." + participant.gender.rawValue, language), "municipality": municipality?.name ?? "",
            "phone": participant.phone, "email": participant.email,
            "referrer": participant.referrerLabel(language),
            "authorities": participant.authorities.map { Texts.text("authority." + $0.rawValue, language) }.sorted().joined(
                separator: ", "
            ),
            "reason": participant.reason ?? "–",
        ]
        data["steps"] = steps.enumerated().map { index, step -> [String: Any] in
            let transition = step.transition
            var detail: String?
            if case .exit(let outcome) = transition.event { detail = Texts.text("outcome." + outcome.rawValue, language) }
            if let reason = step.reason, !reason.isEmpty { detail = reason }
            var row: [String: Any] = [
                "day": transition.day.description, "state": transition.to.label(language),
                "event": index == 0
                    ? Texts.text("event.registered", language) : Texts.text("event." + transition.event.kind.rawValue, language),
                "by": names[transition.recordedBy] ?? "–",
            ]
            // An absent value must not reach the template as an optional: it would print "nil".
            if let detail { row["detail"] = detail }
            return row
        }
        data["eligibility"] = eligibilityData(participant, municipality: municipality, answers: answers, names: names, language: language)
        let possible = Journey.possibleEvents(after: participant.state)
        data["canStep"] = !possible.isEmpty
        data["isExited"] = participant.state == .exited
        data["events"] = possible.map {
            ["value": $0.rawValue, "label": Texts.text("event." + $0.rawValue, language), "checked": form.values["event"] == $0.rawValue]
                as [String: Any]
        }
        data.merge(
            try await ActivityPages(site: site).recordData(participant, steps: steps, names: names, sections: sections, language: language)
        ) { $1 }
        data.merge(
            try await MeasurementPages(site: site).recordData(participant, unit: unit, steps: steps, sections: sections, language: language)
        ) { $1 }
        data.merge(
            try await SurveyPages(site: site).recordData(
                participant,
                unit: unit,
                session: context.session,
                sections: sections,
                language: language
            )
        ) { $1 }
        let contact =
            sections["contactForm"]
            ?? FormState(values: [
                "name": participant.name, "phone": participant.phone, "email": participant.email, "referrerName": participant.referrerName,
            ])
        data["contactForm"] = contact.data
        data["hasReferrerSummary"] = participant.state != .registered && participant.state != .informed
        data["outcomes"] = ExitOutcome.allCases.map {
            [
                "value": $0.rawValue, "label": Texts.text("outcome." + $0.rawValue, language),
                "selected": form.values["outcome"] == $0.rawValue,
            ] as [String: Any]
        }
        let hasProblems = !form.errors.isEmpty || sections.values.contains { !$0.errors.isEmpty }
        return site.renderer.page(
            .participant,
            title: .text(participant.name),
            model: data,
            context: context,
            status: hasProblems ? .unprocessableContent : .ok
        )
    }

    /// The checklist: two computed criteria, the others as the counsellor confirmed them (who and when).
    private func eligibilityData(
        _ participant: Participant,
        municipality: Municipality?,
        answers: [EligibilityCriterion: EligibilityAnswer],
        names: [UserID: String],
        language: Language
    ) -> [String: Any] {
        let age = participant.personalIdentityNumber?.age(on: site.now())
        let ageOK = participant.personalIdentityNumber.map { Eligibility.isOfEligibleAge($0, on: site.now()) } ?? false
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        return [
            "editable": participant.state == .registered || participant.state == .informed,
            "age": age.map { "\($0) \(Texts.text("yearsOld", language))" } ?? "–",
            "ageMet": Texts.text(ageOK ? "yes" : "no", language), "ageFails": !ageOK,
            "municipality": municipality?.name ?? "–", "municipalityMet": Texts.text(municipality == nil ? "no" : "yes", language),
            "criteria": EligibilityCriterion.allCases.map { criterion -> [String: Any] in
                let answer = answers[criterion]
                var row: [String: Any] = [
                    "value": criterion.rawValue, "label": Texts.text("criterion." + criterion.rawValue, language),
                    "checked": answer?.isMet == true,
                    "answer": Texts.text(answer.map { $0.isMet ? "yes" : "no" } ?? "notChecked", language),
                ]
                if let answer {
                    row["by"] = (names[answer.checkedBy] ?? "–") + ", " + formatter.string(from: answer.checkedAt)
                }
                return row
            },
        ]
    }
}
