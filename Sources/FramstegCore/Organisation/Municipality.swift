/// Kommun: a member municipality of an association.
public struct Municipality: Hashable, Sendable, Codable {
    public let id: MunicipalityID
    public let associationID: AssociationID
    public var name: String

    public init(id: MunicipalityID, associationID: AssociationID, name: String) {
        self.id = id
        self.associationID = associationID
        self.name = name
    }
}
