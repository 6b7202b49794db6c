/// Samordningsförbund: a financial coordination association under FINSAM, the tenant of a deployment.
public struct Association: Hashable, Sendable, Codable {
    public let id: AssociationID
    public var name: String
    /// Organisationsnummer, optional and free-form until the association fills it in.
    public var organisationNumber: String
    /// Which answers the exit survey's share against its goal counts.
    public var surveyShareReading: SurveyShareReading

    public init(id: AssociationID, name: String, organisationNumber: String = "", surveyShareReading: SurveyShareReading = .positive) {
        self.id = id
        self.name = name
        self.organisationNumber = organisationNumber
        self.surveyShareReading = surveyShareReading
    }
}
