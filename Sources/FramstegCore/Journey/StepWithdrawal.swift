/// Taking back the latest step of a journey that was recorded by mistake (a wrong step, an exit
/// too early): never silent. The step stays on the record as withdrawn, with who, when and why,
/// and the participant is back in the state before it. Only the latest step can be taken back,
/// within `windowDays` of when it was recorded; an ended journey (exit, withdrawal, decline) is
/// reopened only by the participant's responsible counsellor, when there is one, or by the unit's
/// manager (who answers for the unit's records when the counsellor is away or has left).
public enum StepWithdrawal {
    public static let windowDays = 30
    public static let reasonMaximum = 500

    /// The reason, trimmed, when the step may be taken back now by `user`; the problems otherwise.
    public static func validated(
        reason: String,
        from: JourneyState,
        to: JourneyState,
        recordedOn: Day,
        today: Day,
        by user: UserID,
        isManager: Bool = false,
        responsible: UserID?
    ) throws(ValidationFailure) -> String {
        var failure = ValidationFailure()
        // The registration is the record itself: it is not a step to take back.
        if from == .registered && to == .registered { failure.add("reason", .stepNotWithdrawable) }
        if recordedOn.days(until: today) > windowDays { failure.add("reason", .withdrawalWindowPassed(days: windowDays)) }
        if to.isFinal, !isManager, let responsible, responsible != user { failure.add("reason", .onlyResponsibleReopens) }
        let reason = reason.trimmed
        if reason.isEmpty { failure.add("reason", .required) }
        if reason.count > reasonMaximum { failure.add("reason", .tooLong(maximum: reasonMaximum)) }
        try failure.throwIfAny()
        return reason
    }
}
