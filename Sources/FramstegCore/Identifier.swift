/// A typed database identifier, so a unit id can never be passed where a user id is expected.
public struct Identifier<Tag>: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }

    /// Parses a path segment such as `"42"`; nil for anything that is not a positive integer.
    public init?(parsing text: some StringProtocol) {
        guard let value = Int64(text), value > 0 else { return nil }
        self.rawValue = value
    }
}

public typealias AssociationID = Identifier<Association>
public typealias MunicipalityID = Identifier<Municipality>
public typealias UnitID = Identifier<OrganisationUnit>
public typealias UserID = Identifier<User>
public typealias ParticipantID = Identifier<Participant>
public typealias InterventionID = Identifier<Intervention>
public typealias MeetingID = Identifier<Meeting>
public typealias MeasurementID = Identifier<ProgressMeasurement>
public typealias PlanGoalID = Identifier<PlanGoal>
public typealias PlanStepID = Identifier<PlanStep>
public typealias SurveyOfferID = Identifier<SurveyOffer>
