import Hummingbird

/// A confirmation shown after a redirect (`?notice=saved`); anything else in `notice` is ignored.
/// Each case's raw value is also its text key.
enum Notice: String, CaseIterable, Sendable {
    case saved
    case settingsSaved
    case userDisabled
    case userEnabled
    case passwordChosen
    case passwordChanged
    case signedOut
    case participantRegistered
    case stepRecorded
    case stepWithdrawn
    case counsellorChanged
    case eligibilitySaved
    case afterExitSaved
    case interventionAdded
    case interventionEnded
    case interventionWithdrawn
    case interventionEndTakenBack
    case meetingSaved
    case meetingPlanned
    case meetingMoved
    case meetingHeld
    case meetingCancelled
    case meetingWithdrawn
    case goalSaved
    case hoursSaved
    case answersSaved
    case deviceReturned
    case planGoalAdded
    case planStepAdded
    case planStepChanged
    case instrumentAdded
    case scheduleSaved
    case goalsSaved
    case goalsUnchanged
    case supportContactSaved
    case reviewRecorded
    case accessReviewRecorded
    case participantProtectionChanged
    /// The same form came again (a double click): it was done once, the first time.
    case alreadySent
}

extension Notice {
    /// `path` (which may have a query of its own) with this notice to show, scrolled to `section` when given.
    func location(_ path: String, section: String? = nil) -> String {
        path + (path.contains("?") ? "&" : "?") + "notice=" + rawValue + (section.map { "#" + $0 } ?? "")
    }
}

extension Response {
    /// A 303 to `path` that shows `notice` there, scrolled to `section` when given.
    static func redirect(to path: String, notice: Notice, section: String? = nil) -> Response {
        .redirect(to: notice.location(path, section: section), type: .normal)
    }
}
