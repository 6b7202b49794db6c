import FramstegCore
import Testing

/// The access policy as a table: every role against every action, on own, sibling and foreign objects.
@Suite("Policy")
struct PolicyTests {
    static let home = AssociationID(1)
    static let elsewhere = AssociationID(2)
    static let ownUnit = UnitID(10)
    static let siblingUnit = UnitID(11)
    static let foreignUnit = UnitID(20)

    static func principal(_ role: Role) -> Principal {
        Principal(userID: UserID(99), role: role, associationID: home, unitIDs: role.belongsToUnits ? [ownUnit] : [])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let role: Role
        let action: Action
        let resource: Resource
        let expected: Decision
        var testDescription: String { "\(role) \(action) \(resource) → \(expected)" }
    }

    static let cases: [Case] = [
        // Own account: everyone.
        Case(role: .admin, action: .useOwnAccount, resource: .ownAccount, expected: .allowed),
        Case(role: .office, action: .useOwnAccount, resource: .ownAccount, expected: .allowed),
        Case(role: .manager, action: .useOwnAccount, resource: .ownAccount, expected: .allowed),
        Case(role: .counsellor, action: .useOwnAccount, resource: .ownAccount, expected: .allowed),
        // Administration: the admin of the association only.
        Case(role: .admin, action: .administerAssociation, resource: .association(home), expected: .allowed),
        Case(role: .admin, action: .administerAssociation, resource: .association(elsewhere), expected: .hidden),
        Case(role: .office, action: .administerAssociation, resource: .association(home), expected: .forbidden),
        Case(role: .manager, action: .administerUnits, resource: .unit(ownUnit, of: home), expected: .forbidden),
        Case(role: .counsellor, action: .administerUsers, resource: .association(home), expected: .forbidden),
        Case(role: .admin, action: .administerUnits, resource: .unit(siblingUnit, of: home), expected: .allowed),
        Case(role: .admin, action: .administerUnits, resource: .unit(foreignUnit, of: elsewhere), expected: .hidden),
        Case(role: .admin, action: .administerUsers, resource: .user(UserID(5), of: home), expected: .allowed),
        Case(role: .admin, action: .administerUsers, resource: .user(UserID(6), of: elsewhere), expected: .hidden),
        Case(role: .admin, action: .administerMunicipalities, resource: .association(home), expected: .allowed),
        Case(role: .admin, action: .readAuditLog, resource: .association(home), expected: .allowed),
        Case(role: .office, action: .readAuditLog, resource: .association(home), expected: .forbidden),
        // The office sees aggregates of its own association, nothing else.
        Case(role: .office, action: .viewAssociationOverview, resource: .association(home), expected: .allowed),
        Case(role: .office, action: .viewAssociationOverview, resource: .association(elsewhere), expected: .hidden),
        Case(role: .admin, action: .viewAssociationOverview, resource: .association(home), expected: .forbidden),
        Case(role: .manager, action: .viewAssociationOverview, resource: .association(home), expected: .forbidden),
        Case(role: .office, action: .viewUnit, resource: .unit(ownUnit, of: home), expected: .forbidden),
        // Units: managers and counsellors of that unit only.
        Case(role: .manager, action: .viewUnit, resource: .unit(ownUnit, of: home), expected: .allowed),
        Case(role: .counsellor, action: .viewUnit, resource: .unit(ownUnit, of: home), expected: .allowed),
        Case(role: .manager, action: .viewUnit, resource: .unit(siblingUnit, of: home), expected: .forbidden),
        Case(role: .counsellor, action: .viewUnit, resource: .unit(siblingUnit, of: home), expected: .forbidden),
        Case(role: .counsellor, action: .viewUnit, resource: .unit(foreignUnit, of: elsewhere), expected: .hidden),
        Case(role: .manager, action: .viewUnit, resource: .ownAccount, expected: .allowed),
        Case(role: .counsellor, action: .viewUnit, resource: .ownAccount, expected: .allowed),
        Case(role: .admin, action: .viewUnit, resource: .unit(ownUnit, of: home), expected: .forbidden),
        // Participants: staff of their own unit only; never the office or an admin.
        Case(
            role: .counsellor,
            action: .readParticipant,
            resource: .participant(ParticipantID(1), unit: ownUnit, of: home),
            expected: .allowed
        ),
        // A manager's work is the unit's figures: records only with the association's grant (below).
        Case(
            role: .manager,
            action: .changeParticipant,
            resource: .participant(ParticipantID(1), unit: ownUnit, of: home),
            expected: .forbidden
        ),
        Case(
            role: .manager,
            action: .readParticipant,
            resource: .participant(ParticipantID(1), unit: ownUnit, of: home),
            expected: .forbidden
        ),
        Case(role: .manager, action: .registerParticipant, resource: .unit(ownUnit, of: home), expected: .forbidden),
        Case(
            role: .counsellor,
            action: .readParticipant,
            resource: .participant(ParticipantID(2), unit: siblingUnit, of: home),
            expected: .forbidden
        ),
        Case(
            role: .counsellor,
            action: .readParticipant,
            resource: .participant(ParticipantID(3), unit: foreignUnit, of: elsewhere),
            expected: .hidden
        ),
        Case(
            role: .office,
            action: .readParticipant,
            resource: .participant(ParticipantID(1), unit: ownUnit, of: home),
            expected: .forbidden
        ),
        Case(
            role: .admin,
            action: .readParticipant,
            resource: .participant(ParticipantID(1), unit: ownUnit, of: home),
            expected: .forbidden
        ),
        Case(role: .counsellor, action: .registerParticipant, resource: .unit(ownUnit, of: home), expected: .allowed),
        Case(role: .counsellor, action: .registerParticipant, resource: .unit(siblingUnit, of: home), expected: .forbidden),
        Case(role: .office, action: .registerParticipant, resource: .unit(ownUnit, of: home), expected: .forbidden),
    ]

    @Test("decides each case as the table says", arguments: cases)
    func decides(_ testCase: Case) {
        #expect(Policy.decide(Self.principal(testCase.role), testCase.action, testCase.resource) == testCase.expected)
    }

    @Test("a manager granted record access reads, changes and registers in their own units only, as a counsellor does")
    func grantedManager() {
        let granted = Principal(
            userID: UserID(98),
            role: .manager,
            associationID: Self.home,
            unitIDs: [Self.ownUnit],
            isGrantedRecords: true
        )
        let own = Resource.participant(ParticipantID(1), unit: Self.ownUnit, of: Self.home)
        let sibling = Resource.participant(ParticipantID(2), unit: Self.siblingUnit, of: Self.home)
        #expect(Policy.decide(granted, .readParticipant, own) == .allowed)
        #expect(Policy.decide(granted, .changeParticipant, own) == .allowed)
        #expect(Policy.decide(granted, .registerParticipant, .unit(Self.ownUnit, of: Self.home)) == .allowed)
        #expect(Policy.decide(granted, .readParticipant, sibling) == .forbidden)
        let grantedOffice = Principal(userID: UserID(97), role: .office, associationID: Self.home, unitIDs: [], isGrantedRecords: true)
        #expect(Policy.decide(grantedOffice, .readParticipant, own) == .forbidden, "the grant means something for managers only")
    }

    @Test("a national delivery is made only by an office user granted that delivery by name: not by the role, nor by another right")
    func nationalDelivery() {
        func principal(_ role: Role, _ deliveries: Set<NationalDelivery>) -> Principal {
            Principal(userID: UserID(97), role: role, associationID: Self.home, unitIDs: [], deliveries: deliveries)
        }
        let screening = Resource.nationalDelivery(.violenceScreening, of: Self.home)
        #expect(Policy.decide(principal(.office, [.violenceScreening]), .makeNationalDelivery, screening) == .allowed)
        #expect(Policy.decide(principal(.office, []), .makeNationalDelivery, screening) == .forbidden)
        #expect(Policy.decide(principal(.office, [.finsam]), .makeNationalDelivery, screening) == .forbidden)
        #expect(Policy.decide(principal(.admin, [.violenceScreening]), .makeNationalDelivery, screening) == .forbidden)
        #expect(Policy.decide(principal(.office, [.violenceScreening]), .makeNationalDelivery, .association(Self.home)) == .forbidden)
    }

    @Test("another association's objects are hidden from every role and every action")
    func foreignIsHidden() {
        for role in Role.allCases {
            for action in Action.allCases {
                for resource in [
                    Resource.association(Self.elsewhere), .unit(Self.foreignUnit, of: Self.elsewhere), .user(UserID(1), of: Self.elsewhere),
                    .participant(ParticipantID(1), unit: Self.foreignUnit, of: Self.elsewhere),
                    .nationalDelivery(.violenceScreening, of: Self.elsewhere),
                ] {
                    #expect(Policy.decide(Self.principal(role), action, resource) == .hidden)
                }
            }
        }
    }

    @Test("a role outside an action's roles is never allowed it")
    func rolesBoundEveryAction() {
        for action in Action.allCases {
            for role in Role.allCases where !Policy.roles(for: action).contains(role) {
                for resource in [Resource.ownAccount, .association(Self.home), .unit(Self.ownUnit, of: Self.home)] {
                    #expect(Policy.decide(Self.principal(role), action, resource) != .allowed)
                }
            }
        }
    }
}
