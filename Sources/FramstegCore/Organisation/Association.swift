/// Samordningsförbund: a financial coordination association under FINSAM, the tenant of a deployment.
public struct Association: Hashable, Sendable, Codable {
    public let id: AssociationID
    public var name: String
    /// Organisationsnummer, optional and free-form until the association fills it in.
    public var organisationNumber: String

    public init(id: AssociationID, name: String, organisationNumber: String = "") {
        self.id = id
        self.name = name
        self.organisationNumber = organisationNumber
    }
}
