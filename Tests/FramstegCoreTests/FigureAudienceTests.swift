import FramstegCore
import Testing

/// Issue 16's rules by audience, as a table: who reads which figures exactly, and who through the
/// cell key method.
@Suite("Figures by audience")
struct FigureAudienceTests {
    static let unitA = UnitID(1)
    static let unitB = UnitID(2)

    static func reader(_ role: Role, units: Set<UnitID> = [], deliveries: Set<NationalDelivery> = []) -> Principal {
        Principal(userID: UserID(9), role: role, associationID: AssociationID(1), unitIDs: units, deliveries: deliveries)
    }

    static let table: [(String, Principal, FigureAudience.Subject, Bool)] = [
        ("a counsellor, their own unit", reader(.counsellor, units: [unitA]), .unit(unitA), true),
        ("a manager, their own unit", reader(.manager, units: [unitA]), .unit(unitA), true),
        ("a manager, another unit", reader(.manager, units: [unitA]), .unit(unitB), false),
        ("a manager, several units", reader(.manager, units: [unitA, unitB]), .units, false),
        ("a counsellor, the survey results of their own unit", reader(.counsellor, units: [unitA]), .anonymousSurvey, false),
        ("the office, one unit", reader(.office), .unit(unitA), false),
        ("the office, the association", reader(.office), .units, false),
        ("the office, the survey results", reader(.office, deliveries: Set(NationalDelivery.allCases)), .anonymousSurvey, false),
        ("the office without the right, the Finsam delivery", reader(.office), .nationalDelivery(.finsam), false),
        ("the office with the right, the Finsam delivery", reader(.office, deliveries: [.finsam]), .nationalDelivery(.finsam), true),
        (
            "the office with the Finsam right, the violence screening delivery", reader(.office, deliveries: [.finsam]),
            .nationalDelivery(.violenceScreening), false
        ),
        (
            "the office with the right, the violence screening delivery", reader(.office, deliveries: [.violenceScreening]),
            .nationalDelivery(.violenceScreening), true
        ),
        ("an admin, one unit", reader(.admin, units: [unitA]), .unit(unitA), false),
        ("an admin given a delivery right, the delivery", reader(.admin, deliveries: [.finsam]), .nationalDelivery(.finsam), false),
        (
            "a manager given a delivery right, the delivery", reader(.manager, units: [unitA], deliveries: [.finsam]),
            .nationalDelivery(.finsam), false
        ),
    ]

    @Test("exact only for a unit's own staff on that unit, and for an office user holding the delivery's right", arguments: table)
    func rule(_ row: (String, Principal, FigureAudience.Subject, Bool)) {
        let (who, reader, subject, exact) = row
        #expect(FigureAudience.publication(for: reader, of: subject).isExact == exact, "\(who)")
    }

    @Test("a perturbed tally is never 1 or 2 and keeps 0; an exact one is the count")
    func publication() {
        for count in 0..<40 {
            for key in stride(from: UInt32(0), to: UInt32.max, by: 97_000_001) {
                let tally = Tally(count: count, key: key)
                #expect(Publication.exact.publish(tally) == count)
                let published = Publication.standard.publish(tally)
                #expect(count == 0 ? published == 0 : ![1, 2].contains(published))
                #expect(abs(published - count) <= 2)
            }
        }
        #expect(Tally(count: 2, key: .max) + Tally(count: 3, key: 2) == Tally(count: 5, key: 1), "keys add modulo 2³²")
    }
}
