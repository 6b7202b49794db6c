/// A count as the figures carry it before publication: how many contributors, and their cell key
/// (the sum of their record keys modulo 2³²). Tallies add: the tally of a union of disjoint groups
/// is the sum of theirs, so a total's key is its contributors' key whichever way it is reached.
public struct Tally: Hashable, Sendable {
    public var count: Int
    public var key: UInt32

    public init(count: Int, key: UInt32) {
        self.count = count
        self.key = key
    }

    public static let zero = Tally(count: 0, key: 0)

    public static func + (lhs: Tally, rhs: Tally) -> Tally {
        Tally(count: lhs.count + rhs.count, key: lhs.key &+ rhs.key)
    }

    public static func += (lhs: inout Tally, rhs: Tally) { lhs = lhs + rhs }
}

/// How a count reaches its reader: exactly, or through the cell key method.
public enum Publication: Hashable, Sendable {
    /// The true count: for a unit's own staff, and for the national deliveries.
    case exact
    /// The true count plus the cell key method's deviation: for everyone else.
    case perturbed(CellKeyPerturbation)

    /// The cell key method with its documented defaults (never 1 or 2, at most ±2, mean 0).
    public static let standard = Publication.perturbed(CellKeyPerturbation())

    public func publish(_ tally: Tally) -> Int {
        switch self {
        case .exact: tally.count
        case .perturbed(let method): method.publish(trueValue: tally.count, cellKey: tally.key)
        }
    }

    public var isExact: Bool { self == .exact }
}

/// Who sees figures how: the one rule set behind every dashboard, report and export (issue 16).
///
/// | reader                                   | figures of                     | published |
/// |------------------------------------------|--------------------------------|-----------|
/// | a unit's manager or counsellor           | that unit                      | exact     |
/// | a unit's manager or counsellor           | another unit, an area, all     | perturbed |
/// | the office, an admin                     | anything                       | perturbed |
/// | anyone                                   | anonymous survey results       | perturbed |
/// | an office user granted the delivery      | Uppföljning Finsam, the NNS    | exact     |
///
/// Protecting people from those who work with them every day protects nobody; everyone else reads
/// counts that are the same in every view, period and export, so no comparison gives a person away.
public enum FigureAudience {
    /// What a set of figures is of.
    public enum Subject: Hashable, Sendable {
        /// The follow-up of one unit.
        case unit(UnitID)
        /// The follow-up of several units: a municipality's, the association's.
        case units
        /// Anonymous survey results, whoever reads them (a unit's staff know who was offered a
        /// survey and when, so exact counts would let them tell respondents apart).
        case anonymousSurvey
        /// A mandatory national delivery, for a reader holding its right.
        case nationalDelivery(NationalDelivery)
    }

    public static func publication(for reader: Principal, of subject: Subject) -> Publication {
        switch subject {
        case .unit(let unit) where reader.role.belongsToUnits && reader.unitIDs.contains(unit): .exact
        case .nationalDelivery(let delivery) where reader.role == .office && reader.deliveries.contains(delivery): .exact
        default: .standard
        }
    }
}

/// The deliveries the association must make to national systems, exact, each a right of its own
/// that the admin grants to named office users.
public enum NationalDelivery: String, CaseIterable, Hashable, Sendable {
    /// Uppföljning Finsam: referrals, cases started and participants active by gender, per unit.
    case finsam
    /// The violence screening's answers per question and municipality for a year (NNS).
    case violenceScreening = "violence-screening"

    /// Whether the delivery counts an anonymous survey's answers (the instrument that collects
    /// them says so in its definition, `Instrument.nationalDelivery`).
    public var isSurvey: Bool { self == .violenceScreening }
}
