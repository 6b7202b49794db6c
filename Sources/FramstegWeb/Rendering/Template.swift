/// Every Mustache template in `Templates/`, pages and the partials they include. `Renderer.load`
/// stops the application at start when one is missing, so a misspelt name is never an empty page.
enum Template: String, CaseIterable, Sendable {
    // The layout and the partials pages include.
    case layout
    case dashboardFigure = "dashboard-figure"
    case dashboardFilter = "dashboard-filter"
    case dashboardReport = "dashboard-report"
    case field
    case itemField = "item-field"
    case meetingOutcomeFields = "meeting-outcome-fields"
    case passwordFields = "password-fields"
    case progressChart = "progress-chart"
    case surveyFigures = "survey-figures"
    case unitFields = "unit-fields"
    case userFields = "user-fields"
    case workingView = "working-view"
    // Administration.
    case adminAssociation = "admin-association"
    case adminAudit = "admin-audit"
    case adminSignIn = "admin-sign-in"
    case adminHome = "admin-home"
    case adminGoals = "admin-goals"
    case adminEligibility = "admin-eligibility"
    case adminInstruments = "admin-instruments"
    case adminMunicipalities = "admin-municipalities"
    case adminUnit = "admin-unit"
    case adminUnits = "admin-units"
    case adminUser = "admin-user"
    case adminUserNew = "admin-user-new"
    case adminUserLink = "admin-user-link"
    case adminUsers = "admin-users"
    // The duties of the register: log review, extracts, retention, access review.
    case adminLogReview = "admin-log-review"
    case adminLogSample = "admin-log-sample"
    case adminWatchList = "admin-watch-list"
    case adminExtracts = "admin-extracts"
    case logExtract = "log-extract"
    case registerExtract = "register-extract"
    case adminRetention = "admin-retention"
    case adminAccessReview = "admin-access-review"
    // Signing in, settings, errors and the public pages.
    case error
    case settings
    case accountSetup = "account-setup"
    case signIn = "sign-in"
    case signInCode = "sign-in-code"
    case secondFactorEnrol = "second-factor-enrol"
    case recoveryCodes = "recovery-codes"
    case publicRegister = "public-register"
    case publicThanks = "public-thanks"
    case accessibility
    // The units, the office and the follow-up.
    case myUnits = "my-units"
    case unit
    case officeHome = "office-home"
    case dashboard
    case surveyResults = "survey-results"
    case surveySummary = "survey-summary"
    case nationalDeliveries = "national-deliveries"
    case violenceSupport = "violence-support"
    // The participant's record and what is printed from it.
    case participantNew = "participant-new"
    case participant
    case participantSearch = "participant-search"
    case recordEligibility = "record-eligibility"
    case recordAfterExit = "record-after-exit"
    case recordJourney = "record-journey"
    case recordCounsellor = "record-counsellor"
    case recordMeasurements = "record-measurements"
    case recordPlan = "record-plan"
    case recordSurveys = "record-surveys"
    case recordInterventions = "record-interventions"
    case recordHours = "record-hours"
    case recordMeetings = "record-meetings"
    case meeting
    case measurement
    case exitDocument = "exit-document"
    case referrerSummary = "referrer-summary"
    case myProgress = "my-progress"
    case protectedDocument = "protected-document"
    // Participant mode.
    case take
    case takeDone = "take-done"
    case takeReturn = "take-return"
    case surveyDone = "survey-done"
}
