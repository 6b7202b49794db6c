/// Everything a route can ask permission for. Each route declares exactly one.
public enum Action: String, CaseIterable, Sendable, Hashable {
    /// Change one's own settings (language) and see one's home page.
    case useOwnAccount
    /// Administer the association record itself (name, organisation number).
    case administerAssociation
    /// Add and rename municipalities.
    case administerMunicipalities
    /// Add and change units and their budgeted places.
    case administerUnits
    /// Create users, change roles and units, disable, reset passwords.
    case administerUsers
    /// Add instruments and new versions of them (validated, previewed) for the association.
    case administerInstruments
    /// Read the association's audit log.
    case readAuditLog
    /// See the association's organisation and aggregate figures (no individuals).
    case viewAssociationOverview
    /// See a unit's own page (its places, its staff, its participants).
    case viewUnit
    /// Register a participant in a unit (intake by staff).
    case registerParticipant
    /// Open a participant's record: personal data, read-logged.
    case readParticipant
    /// Record steps of a participant's journey.
    case changeParticipant
    /// See anonymous survey results: a unit's (its staff, the office) or the whole association's
    /// and its municipalities' (the office). Only groups of five or more.
    case viewSurveyResults
    /// Export survey results for the national systems (CSV): a right of its own, audited.
    case exportSurveyResults
    /// Export follow-up tables (CSV) and the Uppföljning Finsam counts: a right of its own, audited.
    case exportFigures
    /// Make a mandatory national delivery, exact: only an office user the admin has granted that
    /// delivery (`Principal.deliveries`), audited.
    case makeNationalDelivery
    /// Make a person's log extract (who read their data) or register extract (everything held about
    /// them): the association's answer to their request, audited.
    case makePersonalDataExtract
}

/// What an action is aimed at; carries the owner so the policy can compare it with the principal.
public enum Resource: Hashable, Sendable {
    /// Nothing beyond the principal's own account.
    case ownAccount
    /// The whole association (its settings, users list, overview).
    case association(AssociationID)
    /// One unit of an association.
    case unit(UnitID, of: AssociationID)
    /// One user of an association.
    case user(UserID, of: AssociationID)
    /// One participant, who belongs to a unit of an association.
    case participant(ParticipantID, unit: UnitID, of: AssociationID)
    /// One of the association's national deliveries.
    case nationalDelivery(NationalDelivery, of: AssociationID)

    public var associationID: AssociationID? {
        switch self {
        case .ownAccount: nil
        case .association(let id): id
        case .unit(_, let id), .user(_, let id), .participant(_, _, let id), .nationalDelivery(_, let id): id
        }
    }
}

/// The answer of the policy. `hidden` is a refusal whose response must not confirm the resource exists.
public enum Decision: Hashable, Sendable {
    case allowed
    case forbidden
    case hidden

    public var isAllowed: Bool { self == .allowed }
}
