/// Everything the audit log records, by name; `rawValue` is what is stored (`participant.read`).
public enum AuditAction: Hashable, Sendable {
    // Access and accounts.
    case accessDenied(Action)
    case signIn
    case signInThrottled
    case signOut
    /// The password was right; the sign-in waits for the second factor (or its enrolment).
    case signInPassword
    /// The second step of a sign-in: a code of the authenticator (or a recovery code) was typed.
    case signInSecondFactor
    /// A one-time recovery code was spent in place of the authenticator's code.
    case recoveryCodeUse
    /// An authenticator was enrolled (at a first sign-in, or replacing one in the settings).
    case secondFactorEnrol
    /// A sign-in through the association's identity provider (failures name the problem as the object).
    case signInIdentityProvider
    /// The first sign-in through the identity provider linked the account to the person it names.
    case identityLink
    /// An admin set the id by which the identity provider names the user (and the link ended).
    case userExternalID
    /// Password and code were asked again before a sensitive change; the object names the change.
    case reauthenticate
    case settingsLanguage
    case auditRead
    // Administration (`.cli` when done from the command line).
    case associationCreateCLI
    case associationUpdate
    case municipalityCreate
    case municipalityRename
    case municipalitySupportContact
    case unitCreate
    case unitUpdate
    case unitPlaces
    case unitSchedule
    /// The board's goals for a year were set (`association_goals`).
    case goalsSet
    /// The eligibility rules (age range, criteria) were changed.
    case eligibilityRules
    case userCreate
    case userCreateCLI
    case userUpdate
    case userDisable
    case userEnable
    case userPasswordReset
    /// An admin removed another user's second factor (and password); a setup link is the way back.
    case secondFactorReset
    /// The association requires, or stops requiring, a second factor of every staff role.
    case associationSecondFactor
    /// The association's identity provider was set (`.cli` when done from the command line).
    case identityProviderUpdate
    case identityProviderUpdateCLI
    /// The account's owner chose a password through a one-time setup link.
    case userSetup
    /// The account's owner changed their password (with the current one).
    case userPasswordChange
    /// A manager was granted or refused the right to open participants' records.
    case userRecordAccess
    /// An office user was granted or refused national deliveries (exact figures that leave the association).
    case userDeliveries
    case instrumentAdd
    case demoSeed
    // The participant's record.
    case participantRegister
    /// Registered through the public interest registration form.
    case participantRegisterPublic
    /// The public form named someone whose journey is already under way: nothing new is stored,
    /// the row about them tells their unit of the new interest.
    case participantRegisterPublicExisting
    case participantImport
    case participantRead
    case participantContact
    /// The participant was handed over to another responsible counsellor.
    case participantCounsellor
    case participantEligibility
    /// What happened after the exit was recorded (work or studies, next step, follow-ups).
    case participantAfterExit
    case participantStep(JourneyEventKind)
    /// The latest step was taken back, with a reason (`StepWithdrawal`).
    case participantStepWithdrawn
    case participantExitDocument
    case participantReferrerSummary
    /// "Mina framsteg", printed for the participant.
    case participantMyProgress
    case participantInterventionAdd
    case participantInterventionEnd
    /// An intervention recorded by mistake was withdrawn, or its end taken back, with a reason
    /// (`InterventionChange`).
    case participantInterventionCorrected(InterventionChange.Kind)
    case participantMeetingAdd
    /// A planned meeting was moved, recorded as held or cancelled; the change is in `meeting_changes`.
    case participantMeetingMove
    case participantMeetingHeld
    case participantMeetingCancel
    case participantMeetingWithdraw
    /// A planned meeting's calendar file was downloaded.
    case participantMeetingCalendar
    case participantMeetingsRead
    case participantInterventionsRead
    /// A list of participants (names and states) was shown: a unit's page, a work list, the API.
    case participantsListRead
    /// A search listed these participants (their names are personal data).
    case participantsSearch
    case participantHoursGoal
    case participantHoursAttended
    case participantPlanGoal
    case participantPlanStep
    case participantPlanStatus
    // Measurements, surveys and participant mode.
    case measurementStart
    case measurementAnswer(Respondent)
    case measurementComplete
    case measurementHandOver
    case measurementTakeBack
    case surveyOffer
    case surveyHandOver
    case surveyTakeBack
    case surveyComplete
    // Figures that leave the system.
    case figuresExport
    case surveyExport
    /// A national delivery exported exact (Uppföljning Finsam, the violence screening).
    case deliveryExport
    // The duties of the register (issue 20).
    /// Retention removed a record's identity and free text (no user: the run did it).
    case participantRetention
    /// A retention run: what it removed is the row's object.
    case retentionRun
    /// An admin set the association's retention periods.
    case retentionSettings
    /// A participant was marked as having, or no longer having, protected personal data.
    case participantProtected
    /// Someone was added to or removed from the log review's watch list.
    case watchList
    /// A log extract (who read a person's data) was made for the person.
    case logExtract
    /// A register extract (everything held about a person, GDPR art. 15) was made.
    case registerExtract
    /// The audit log was searched.
    case auditSearch
    /// A log review was recorded.
    case logReview
    /// The list of users for the access review was read or exported.
    case accessReviewRead
    /// An access review was recorded.
    case accessReview

    public var rawValue: String {
        switch self {
        case .accessDenied(let action): "access.\(action.rawValue)"
        case .signIn: "sign-in"
        case .signInThrottled: "sign-in.throttled"
        case .signOut: "sign-out"
        case .signInPassword: "sign-in.password"
        case .signInSecondFactor: "sign-in.second-factor"
        case .recoveryCodeUse: "sign-in.recovery-code"
        case .secondFactorEnrol: "second-factor.enrol"
        case .reauthenticate: "reauthenticate"
        case .signInIdentityProvider: "sign-in.identity-provider"
        case .identityLink: "user.identity-link"
        case .userExternalID: "user.external-id"
        case .settingsLanguage: "settings.language"
        case .auditRead: "audit.read"
        case .associationCreateCLI: "association.create.cli"
        case .associationUpdate: "association.update"
        case .municipalityCreate: "municipality.create"
        case .municipalityRename: "municipality.rename"
        case .municipalitySupportContact: "municipality.support-contact"
        case .unitCreate: "unit.create"
        case .unitUpdate: "unit.update"
        case .unitPlaces: "unit.places"
        case .unitSchedule: "unit.schedule"
        case .goalsSet: "association.goals"
        case .eligibilityRules: "association.eligibility"
        case .userCreate: "user.create"
        case .userCreateCLI: "user.create.cli"
        case .userUpdate: "user.update"
        case .userDisable: "user.disable"
        case .userEnable: "user.enable"
        case .userPasswordReset: "user.password-reset"
        case .secondFactorReset: "user.second-factor-reset"
        case .associationSecondFactor: "association.second-factor"
        case .identityProviderUpdate: "association.identity-provider"
        case .identityProviderUpdateCLI: "association.identity-provider.cli"
        case .userSetup: "user.setup"
        case .userPasswordChange: "user.password-change"
        case .userRecordAccess: "user.record-access"
        case .userDeliveries: "user.deliveries"
        case .instrumentAdd: "instrument.add"
        case .demoSeed: "demo.seed"
        case .participantRegister: "participant.register"
        case .participantRegisterPublic: "participant.register.public"
        case .participantRegisterPublicExisting: "participant.register.public.existing"
        case .participantImport: "participant.import"
        case .participantRead: "participant.read"
        case .participantContact: "participant.contact"
        case .participantCounsellor: "participant.counsellor"
        case .participantEligibility: "participant.eligibility"
        case .participantAfterExit: "participant.after-exit"
        case .participantStep(let kind): "participant.step.\(kind.rawValue)"
        case .participantStepWithdrawn: "participant.step.withdrawn"
        case .participantExitDocument: "participant.exit-document"
        case .participantReferrerSummary: "participant.referrer-summary"
        case .participantMyProgress: "participant.my-progress"
        case .participantInterventionAdd: "participant.intervention.add"
        case .participantInterventionEnd: "participant.intervention.end"
        case .participantInterventionCorrected(let kind): "participant.intervention.\(kind.rawValue)"
        case .participantMeetingAdd: "participant.meeting.add"
        case .participantMeetingMove: "participant.meeting.move"
        case .participantMeetingHeld: "participant.meeting.held"
        case .participantMeetingCancel: "participant.meeting.cancel"
        case .participantMeetingWithdraw: "participant.meeting.withdraw"
        case .participantMeetingCalendar: "participant.meeting.calendar"
        case .participantMeetingsRead: "participant.meetings.read"
        case .participantInterventionsRead: "participant.interventions.read"
        case .participantsListRead: "participants.list"
        case .participantsSearch: "participants.search"
        case .participantHoursGoal: "participant.hours.goal"
        case .participantHoursAttended: "participant.hours.attended"
        case .participantPlanGoal: "participant.plan.goal"
        case .participantPlanStep: "participant.plan.step"
        case .participantPlanStatus: "participant.plan.status"
        case .measurementStart: "measurement.start"
        case .measurementAnswer(let respondent): "measurement.answer.\(respondent.rawValue)"
        case .measurementComplete: "measurement.complete"
        case .measurementHandOver: "measurement.hand-over"
        case .measurementTakeBack: "measurement.take-back"
        case .surveyOffer: "survey.offer"
        case .surveyHandOver: "survey.hand-over"
        case .surveyTakeBack: "survey.take-back"
        case .surveyComplete: "survey.complete"
        case .figuresExport: "figures.export"
        case .surveyExport: "survey.export"
        case .deliveryExport: "delivery.export"
        case .participantRetention: "participant.retention"
        case .retentionRun: "retention.run"
        case .retentionSettings: "retention.settings"
        case .participantProtected: "participant.protected"
        case .watchList: "watch-list"
        case .logExtract: "participant.log-extract"
        case .registerExtract: "participant.register-extract"
        case .auditSearch: "audit.search"
        case .logReview: "audit.review"
        case .accessReviewRead: "access-review.read"
        case .accessReview: "access-review.record"
        }
    }
}
