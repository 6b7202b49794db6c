/// The single place that decides who may do what. Routes ask; they never decide themselves.
public enum Policy {
    /// Decides whether `principal` may perform `action` on `resource`.
    ///
    /// Another association's resources are `hidden` (404): a tenant must not learn that they exist.
    /// Within the association a refusal is `forbidden` (403).
    public static func decide(_ principal: Principal, _ action: Action, _ resource: Resource) -> Decision {
        if let owner = resource.associationID, owner != principal.associationID { return .hidden }
        guard roles(for: action).contains(principal.role) else { return .forbidden }
        switch (action, resource) {
        case (.useOwnAccount, .ownAccount), (.viewUnit, .ownAccount):
            // Own account, and the list of one's own units: the principal is the resource.
            return .allowed
        case (.viewUnit, .unit(let unitID, _)):
            return principal.role.belongsToUnits && !principal.unitIDs.contains(unitID) ? .forbidden : .allowed
        case (.registerParticipant, .unit(let unitID, _)):
            // Registering opens a record: the same right as reading one.
            return principal.unitIDs.contains(unitID) && principal.mayOpenRecords ? .allowed : .forbidden
        case (.readParticipant, .participant(_, let unitID, _)), (.changeParticipant, .participant(_, let unitID, _)):
            // Personal data only for staff of the participant's own unit, and of them a manager only
            // when the association has granted it.
            return principal.unitIDs.contains(unitID) && principal.mayOpenRecords ? .allowed : .forbidden
        case (.administerUnits, .unit), (.administerUsers, .user):
            return .allowed
        case (.viewSurveyResults, .unit(let unitID, _)), (.exportSurveyResults, .unit(let unitID, _)):
            // Aggregates only: the office sees every unit's; staff see their own units'.
            return principal.role == .office || principal.unitIDs.contains(unitID) ? .allowed : .forbidden
        case (.exportFigures, .unit(let unitID, _)):
            return principal.role == .office || principal.unitIDs.contains(unitID) ? .allowed : .forbidden
        case (.exportFigures, .association):
            return principal.role == .office ? .allowed : .forbidden
        case (.makeNationalDelivery, .nationalDelivery(let delivery, _)):
            // Exact figures that leave the association: the named right, not the role, decides.
            return principal.deliveries.contains(delivery) ? .allowed : .forbidden
        case (.viewSurveyResults, .association):
            // The association and its municipalities are the office's view.
            return principal.role == .office ? .allowed : .forbidden
        case (_, .association):
            // A delivery is judged as itself (`.nationalDelivery`), never as the whole association.
            return [.useOwnAccount, .viewUnit, .makeNationalDelivery].contains(action) ? .forbidden : .allowed
        default:
            return .forbidden
        }
    }

    public static func allows(_ principal: Principal, _ action: Action, _ resource: Resource) -> Bool {
        decide(principal, action, resource).isAllowed
    }

    /// The roles that may ever perform an action, whatever it is aimed at.
    public static func roles(for action: Action) -> Set<Role> {
        switch action {
        case .useOwnAccount: Set(Role.allCases)
        case .administerAssociation, .administerMunicipalities, .administerUnits, .administerUsers, .administerInstruments, .readAuditLog,
            .makePersonalDataExtract:
            [.admin]
        case .viewAssociationOverview, .exportSurveyResults, .makeNationalDelivery: [.office]
        case .viewSurveyResults: [.office, .manager, .counsellor]
        case .exportFigures: [.office, .manager]
        case .viewUnit, .registerParticipant, .readParticipant, .changeParticipant: [.manager, .counsellor]
        }
    }
}
