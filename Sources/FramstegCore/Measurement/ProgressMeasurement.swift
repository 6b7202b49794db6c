/// When in the journey a measurement is taken: at start, every N weeks, at exit, or otherwise.
public enum MeasurementOccasion: String, CaseIterable, Sendable, Hashable {
    case start
    case periodic
    case exit
    case other
}

/// One measurement of a participant with one version of an instrument, and the answers given so far.
public struct ProgressMeasurement: Hashable, Sendable {
    public let id: MeasurementID
    public let participantID: ParticipantID
    public let instrumentID: String
    public let version: Int
    public let occasion: MeasurementOccasion
    public let takenOn: Day
    public var answers: [String: Answer]
    public var isComplete: Bool

    public init(
        id: MeasurementID,
        participantID: ParticipantID,
        instrumentID: String,
        version: Int,
        occasion: MeasurementOccasion,
        takenOn: Day,
        answers: [String: Answer],
        isComplete: Bool
    ) {
        self.id = id
        self.participantID = participantID
        self.instrumentID = instrumentID
        self.version = version
        self.occasion = occasion
        self.takenOn = takenOn
        self.answers = answers
        self.isComplete = isComplete
    }
}
