/// The signed-in user as the policy sees them: role and where they belong, nothing else.
public struct Principal: Hashable, Sendable {
    public let userID: UserID
    public let role: Role
    public let associationID: AssociationID
    public let unitIDs: Set<UnitID>

    public init(userID: UserID, role: Role, associationID: AssociationID, unitIDs: Set<UnitID>) {
        self.userID = userID
        self.role = role
        self.associationID = associationID
        self.unitIDs = unitIDs
    }
}
