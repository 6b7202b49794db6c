import FramstegCore
import FramstegStore
import Hummingbird

/// Registering participants, their record (every open is audited), the documents printed from it,
/// and the changes made on it directly: contact details, eligibility and the steps of the journey.
struct RecordPages {
    let site: Site

    func register(on routes: RouteRegistrar) {
        routes.get("/units/:unit/participants/new", .registerParticipant, .unit) { _, context, _, unit in
            try await registrationPage(context, unit, form: FormState(values: ["referrerKind": ""]))
        }
        routes.post("/units/:unit/participants", .registerParticipant, .unit) { _, context, principal, unit in
            try await register(context, principal, unit)
        }
        routes.get("/participants/:participant", .readParticipant, .participant) { request, context, principal, record in
            try await page(context, principal, record, tab: RecordTab(query: request.query("tab", otherwise: "")))
        }
        routes.get("/participants/:participant/exit-document", .readParticipant, .participant) { request, context, principal, record in
            if let confirm = protectedDocument(request, context, record) { return confirm }
            let facts = try await site.services.record.open(record, by: principal, as: .participantExitDocument)
            let model = ExitDocument(facts, printedBy: context.session?.user.name ?? "", language: context.language)
            return site.renderer.page(.exitDocument, title: .key("exitDocument"), model: model, context: context)
        }
        routes.get("/participants/:participant/referrer-summary", .readParticipant, .participant) { request, context, principal, record in
            if let confirm = protectedDocument(request, context, record) { return confirm }
            let facts = try await site.services.record.open(record, by: principal, as: .participantReferrerSummary)
            let model = ReferrerSummary(facts, printedBy: context.session?.user.name ?? "", language: context.language)
            return site.renderer.page(.referrerSummary, title: .key("referrerSummary"), model: model, context: context)
        }
        routes.get("/participants/:participant/my-progress", .readParticipant, .participant) { request, context, principal, record in
            if let confirm = protectedDocument(request, context, record) { return confirm }
            let facts = try await site.services.record.open(record, by: principal, as: .participantMyProgress)
            let model = MyProgressDocument(facts, language: context.language)
            return site.renderer.page(.myProgress, title: .key("myProgressTitle"), model: model, context: context)
        }
        routes.post("/participants/:participant/protected", .changeParticipant, .participant) { _, context, principal, record in
            try await site.services.participants.setProtected(context.form["protected"] == "1", of: record.participant, by: principal)
            return .redirect(toRecordOf: record.participant.id, notice: .participantProtectionChanged, section: "protection")
        }
        routes.post("/participants/:participant/contact", .changeParticipant, .participant) { _, context, principal, record in
            let form = context.form
            let change = ContactChange(
                name: form["name"],
                phone: form["phone"],
                email: form["email"],
                referrerName: form["referrerName"],
                version: form["version"].isEmpty ? nil : form["version"]
            )
            let typed = [
                "name": form["name"], "phone": form["phone"], "email": form["email"], "referrerName": form["referrerName"],
                "version": form["version"],
            ]
            do {
                try await site.services.participants.updateContact(change, of: record.participant, by: principal)
                return .redirect(toRecordOf: record.participant.id, notice: .saved, section: "contact")
            } catch let failure as ValidationFailure {
                return try await page(context, principal, record, refused: .contact, typed, failure)
            } catch let conflict as ParticipantService.ContactConflict {
                // Both: what a colleague saved (on the page and named in the message), and what was typed, kept in the fields.
                let current = conflict.current
                let saved = [current.name, current.phone, current.email, current.referrerName].filter { !$0.isEmpty }.joined(
                    separator: ", "
                )
                var typedAgain = typed
                typedAgain["version"] = current.contactVersion
                let message = Texts.text("contactChangedMeanwhile", context.language, ["saved": saved])
                let fresh = ParticipantInUnit(participant: current, unit: record.unit)
                return try await page(
                    context,
                    principal,
                    fresh,
                    forms: RecordForms(.contact, FormState(values: typedAgain, errors: ["contact": message]))
                )
            }
        }
        routes.post("/participants/:participant/eligibility", .changeParticipant, .participant) { _, context, principal, record in
            let draft = EligibilityDraft(answers: context.form.named(after: "answer-"), notes: context.form.named(after: "note-"))
            do {
                try await site.services.participants.saveEligibility(draft, of: record.participant, by: principal)
                return .redirect(toRecordOf: record.participant.id, notice: .eligibilitySaved, section: "eligibility")
            } catch let failure as ValidationFailure {
                // Every answer and note comes back as typed.
                let typed =
                    Dictionary(uniqueKeysWithValues: draft.answers.map { ("answer-" + $0.key, $0.value) })
                    .merging(draft.notes.map { ("note-" + $0.key, $0.value) }) { $1 }
                return try await page(context, principal, record, refused: .eligibility, typed, failure)
            }
        }
        routes.post("/participants/:participant/after-exit", .changeParticipant, .participant) { _, context, principal, record in
            let draft = AfterExitDraft(
                workedOrStudied: context.form["workedOrStudied"],
                nextStep: context.form["nextStep"],
                nextStepOn: context.form["nextStepOn"],
                situationAfter3Months: context.form["situationAfter3Months"],
                situationAfter6Months: context.form["situationAfter6Months"]
            )
            do {
                try await site.services.participants.saveAfterExit(draft, of: record.participant, by: principal)
                return .redirect(toRecordOf: record.participant.id, notice: .afterExitSaved, section: "after-exit")
            } catch let failure as ValidationFailure {
                let typed = [
                    "workedOrStudied": draft.workedOrStudied, "nextStep": draft.nextStep, "nextStepOn": draft.nextStepOn,
                    "situationAfter3Months": draft.situationAfter3Months, "situationAfter6Months": draft.situationAfter6Months,
                ]
                return try await page(context, principal, record, refused: .afterExit, typed, failure)
            }
        }
        routes.post("/participants/:participant/counsellor", .changeParticipant, .participant) { _, context, principal, record in
            let chosen = context.form["counsellor"]
            do {
                try await site.services.participants.handOver(record.participant, to: chosen, by: principal)
                return .redirect(toRecordOf: record.participant.id, notice: .counsellorChanged, section: "counsellor")
            } catch let failure as ValidationFailure {
                return try await page(context, principal, record, refused: .counsellor, ["counsellor": chosen], failure)
            }
        }
        routes.post("/participants/:participant/steps", .changeParticipant, .participant) { _, context, principal, record in
            let form = context.form
            do {
                try await site.services.participants.recordStep(
                    event: form["event"],
                    day: form["day"],
                    outcome: form["outcome"],
                    reason: form["reason"],
                    of: record.participant,
                    by: principal
                )
                return .redirect(toRecordOf: record.participant.id, notice: .stepRecorded, section: "journey")
            } catch let failure as ValidationFailure {
                let typed = ["event": form["event"], "day": form["day"], "outcome": form["outcome"], "reason": form["reason"]]
                return try await page(context, principal, record, refused: .step, typed, failure)
            }
        }
        routes.post("/participants/:participant/steps/withdraw", .changeParticipant, .participant) { _, context, principal, record in
            let form = context.form
            do {
                try await site.services.participants.withdrawLatestStep(
                    Int64(form["step"]),
                    reason: form["reason"],
                    of: record.participant,
                    by: principal
                )
                return .redirect(toRecordOf: record.participant.id, notice: .stepWithdrawn, section: "journey")
            } catch let failure as ValidationFailure {
                return try await page(context, principal, record, refused: .stepWithdrawal, ["reason": form["reason"]], failure)
            }
        }
    }

    /// The record on `tab`, or with the form that came back refused on its own tab (422 then).
    func page(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ record: ParticipantInUnit,
        tab: RecordTab = .overview,
        forms: RecordForms = RecordForms()
    )
        async throws -> Response
    {
        let facts = try await site.services.record.open(record, by: principal)
        let model = RecordPage(facts, tab: tab, forms: forms, notice: context.notice, language: context.language)
        return site.renderer.page(
            .participant,
            title: .text(model.title),
            model: model,
            context: context,
            status: model.hasProblems ? .unprocessableContent : .ok
        )
    }

    /// The record with one refused form: what was typed, and a message beside each field.
    func page(
        _ context: AppRequestContext,
        _ principal: Principal,
        _ record: ParticipantInUnit,
        refused form: RecordForms.Form,
        _ typed: [String: String],
        _ failure: ValidationFailure
    ) async throws -> Response {
        try await page(
            context,
            principal,
            record,
            forms: RecordForms(form, FormState(values: typed, errors: failure.messages(context.language)))
        )
    }

    // MARK: Registering

    /// A document that leaves the unit about a person with protected personal data is shown only
    /// after the counsellor chose it (`?include=protected`); until then, the page that asks.
    private func protectedDocument(_ request: Request, _ context: AppRequestContext, _ record: ParticipantInUnit) -> Response? {
        guard record.participant.isProtected, request.query("include", otherwise: "") != "protected" else { return nil }
        let model = ProtectedDocumentPage(participantID: record.participant.id.description, path: request.uri.path)
        return site.renderer.page(.protectedDocument, title: .key("protectedDocument"), model: model, context: context)
    }

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
        do {
            let id = try await site.services.participants.register(draft, in: unit, by: principal)
            // On to what comes first: checking the eligibility criteria.
            return .redirect(toRecordOf: id, notice: .participantRegistered, section: "eligibility")
        } catch let failure as ValidationFailure {
            let typed = [
                "personalIdentityNumber": draft.personalIdentityNumber, "name": draft.name, "phone": draft.phone, "email": draft.email,
                "gender": draft.gender, "municipality": draft.municipalityID, "referrerKind": draft.referrerKind,
                "referrerName": draft.referrerName, "authorities": draft.authorities.joined(separator: ","), "reason": draft.reason,
                "consent": draft.consent ? "yes" : "",
            ]
            return try await registrationPage(context, unit, form: FormState(values: typed, errors: failure.messages(context.language)))
        }
    }

    private func registrationPage(_ context: AppRequestContext, _ unit: OrganisationUnit, form: FormState) async throws -> Response {
        let municipalities = try await site.services.participants.municipalities(for: unit)
        return site.renderer.page(
            .participantNew,
            title: .key("registerParticipant"),
            model: RegistrationPage(unit: unit, municipalities: municipalities, form: form, language: context.language),
            context: context,
            status: form.hasErrors ? .unprocessableContent : .ok
        )
    }
}

/// A counsellor registering a participant in their unit: the form, with what was typed when refused.
struct RegistrationPage: Sendable {
    let unit: RecordPage.UnitLink
    let values: [String: String]
    let errors: [String: String]
    let hasErrors: Bool
    let consentChecked: Bool
    let numberField: FieldView
    let nameField: FieldView
    let emailField: FieldView
    let reasonField: FieldView
    let referrerNameField: FieldView
    let genders: [Choice]
    let municipalities: [Choice]
    let referrers: [Choice]
    let authorityChoices: [Choice]

    init(unit: OrganisationUnit, municipalities: [Municipality], form: FormState, language: Language) {
        self.unit = RecordPage.UnitLink(id: unit.id.description, name: unit.name)
        values = form.values
        errors = form.errors
        hasErrors = form.hasErrors
        consentChecked = form.values["consent"] == "yes"
        let text = { (key: String) in Texts.text(key, language) }
        numberField = FieldView(
            "personalIdentityNumber",
            in: form,
            label: text("personalIdentityNumber"),
            help: text("personalIdentityNumberHelp"),
            inputMode: "numeric"
        )
        nameField = FieldView("name", in: form, label: text("name"))
        referrerNameField = FieldView("referrerName", in: form, label: text("referrerName"))
        emailField = FieldView("email", in: form, label: text("email"), type: "email")
        reasonField = FieldView(
            id: "reason",
            label: text("reason"),
            value: form.values["reason"] ?? "",
            error: form.errors["reason"],
            isTextArea: true
        )
        let chosenAuthorities = Set((form.values["authorities"] ?? "").split(separator: ",").map(String.init))
        genders = Gender.allCases.map {
            Choice(value: $0.rawValue, label: Texts.text("gender." + $0.rawValue, language), isChosen: form.values["gender"] == $0.rawValue)
        }
        self.municipalities = municipalities.map {
            Choice(value: $0.id.description, label: $0.name, isChosen: $0.id.description == form.values["municipality"])
        }
        referrers = ReferrerKind.allCases.map {
            Choice(
                value: $0.rawValue,
                label: Texts.text("referrer." + $0.rawValue, language),
                isChosen: form.values["referrerKind"] == $0.rawValue
            )
        }
        authorityChoices = Authority.allCases.map {
            Choice(
                value: $0.rawValue,
                label: Texts.text("authority." + $0.rawValue, language),
                isChosen: chosenAuthorities.contains($0.rawValue)
            )
        }
    }
}

/// The question before a document about a protected person leaves the unit.
struct ProtectedDocumentPage: Sendable {
    let participantID: String
    let path: String
}
