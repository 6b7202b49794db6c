/// The signed-in user as the policy sees them: role and where they belong, nothing else.
public struct Principal: Hashable, Sendable {
    public let userID: UserID
    public let role: Role
    public let associationID: AssociationID
    public let unitIDs: Set<UnitID>
    /// The association has granted this unit manager the right to open participants' records.
    public let isGrantedRecords: Bool
    /// The national deliveries the admin has let this office user make, exact.
    public let deliveries: Set<NationalDelivery>

    public init(
        userID: UserID,
        role: Role,
        associationID: AssociationID,
        unitIDs: Set<UnitID>,
        isGrantedRecords: Bool = false,
        deliveries: Set<NationalDelivery> = []
    ) {
        self.userID = userID
        self.role = role
        self.associationID = associationID
        self.unitIDs = unitIDs
        self.isGrantedRecords = isGrantedRecords
        self.deliveries = deliveries
    }

    /// Counsellors open their units' participants' records; a unit manager, whose work is the unit's
    /// figures, only when the association has granted it by name.
    public var mayOpenRecords: Bool { role == .counsellor || (role == .manager && isGrantedRecords) }
}
