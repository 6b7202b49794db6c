import Foundation
import FramstegCore
import FramstegStore

/// The one path for every change, from pages, the JSON API and the command line alike: each
/// service takes only what it needs, opens one transaction per change and writes its audit row in it.
struct Services: Sendable {
    let participants: ParticipantService
    let activities: ActivityService
    let measurements: MeasurementService
    let plans: PlanService
    let surveys: SurveyService
    let participantMode: ParticipantModeService
    let account: AccountService
    let record: RecordService
    let organisation: OrganisationService
    let users: UserService
    let instruments: InstrumentService
    let signIn: SignInService
    let secondFactor: SecondFactorService
    let identityProvider: IdentityProviderService
    let auditLog: AuditLogService
    let logReview: LogReviewService
    let registerExtract: RegisterExtractService
    let accessReview: AccessReviewService
    let retention: RetentionService
    let health: HealthService
    let publicRegistration: PublicRegistrationService
    let followUp: FollowUpService
    let surveyResults: SurveyResultsService
    let overview: OverviewService

    init(
        store: Store,
        keyring: FieldKeyring,
        instruments: InstrumentShelf,
        surveyDrafts: SurveyDrafts,
        passwords: Passwords,
        configuration: WebConfiguration,
        dummyPasswordHash: String,
        now: @escaping @Sendable () -> Date
    ) {
        participants = ParticipantService(store: store, keyring: keyring, now: now)
        activities = ActivityService(store: store, keyring: keyring, now: now)
        measurements = MeasurementService(store: store, keyring: keyring, instruments: instruments, now: now)
        plans = PlanService(store: store, keyring: keyring, instruments: instruments, now: now)
        surveys = SurveyService(store: store, keyring: keyring, instruments: instruments, surveyDrafts: surveyDrafts, now: now)
        let secondFactor = SecondFactorService(
            store: store,
            keyring: keyring,
            passwords: passwords,
            throttle: configuration.throttle,
            now: now
        )
        self.secondFactor = secondFactor
        participantMode = ParticipantModeService(
            store: store,
            passwords: passwords,
            secondFactor: secondFactor,
            now: now
        )
        account = AccountService(store: store, passwords: passwords, now: now)
        record = RecordService(store: store, keyring: keyring, instruments: instruments, now: now)
        organisation = OrganisationService(store: store, now: now)
        users = UserService(store: store, passwords: passwords, now: now)
        self.instruments = InstrumentService(store: store, instruments: instruments, now: now)
        signIn = SignInService(
            store: store,
            keyring: keyring,
            passwords: passwords,
            throttle: configuration.throttle,
            sessionLifetime: configuration.sessionLifetime,
            dummyPasswordHash: dummyPasswordHash,
            now: now
        )
        identityProvider = IdentityProviderService(
            store: store,
            keyring: keyring,
            client: OpenIDConnectClient(),
            signIn: signIn,
            allowsLoopbackIssuer: configuration.allowsLoopbackIdentityProvider,
            now: now
        )
        auditLog = AuditLogService(store: store, now: now)
        logReview = LogReviewService(store: store, keyring: keyring, now: now)
        registerExtract = RegisterExtractService(store: store, keyring: keyring, now: now)
        accessReview = AccessReviewService(store: store, keyring: keyring, now: now)
        retention = RetentionService(store: store, keyring: keyring, now: now)
        health = HealthService(
            store: store,
            keyring: keyring,
            deadline: configuration.readinessDeadline,
            reuse: configuration.readinessReuse
        )
        publicRegistration = PublicRegistrationService(
            store: store,
            keyring: keyring,
            limit: configuration.publicRegistrationLimit,
            now: now
        )
        followUp = FollowUpService(store: store, keyring: keyring, instruments: instruments, now: now)
        surveyResults = SurveyResultsService(store: store, keyring: keyring, instruments: instruments, now: now)
        overview = OverviewService(store: store, keyring: keyring, now: now)
    }
}
