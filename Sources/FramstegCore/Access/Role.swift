/// What a user does in Framsteg; decides which pages and which data they reach.
public enum Role: String, CaseIterable, Sendable, Codable, Hashable {
    /// Administratör: the association's units, users, roles and instruments. No participant data.
    case admin
    /// Förbundskansli: aggregated, de-identified figures across the association's units.
    case office
    /// Enhetschef: the dashboard of their own unit(s).
    case manager
    /// Handledare/handläggare: works with the participants of their own unit(s).
    case counsellor

    /// Managers and counsellors work in units; admins and the office work across the association.
    public var belongsToUnits: Bool { self == .manager || self == .counsellor }
}
