/// What a participant's record knows of an anonymous survey: that it was offered, and whether it
/// was completed (for coverage). Never the answers, and never when they were given.
public struct SurveyOffer: Hashable, Sendable {
    public let id: SurveyOfferID
    public let participantID: ParticipantID
    public let instrumentID: String
    public let offeredOn: Day
    public var isCompleted: Bool

    public init(id: SurveyOfferID, participantID: ParticipantID, instrumentID: String, offeredOn: Day, isCompleted: Bool) {
        self.id = id
        self.participantID = participantID
        self.instrumentID = instrumentID
        self.offeredOn = offeredOn
        self.isCompleted = isCompleted
    }
}
