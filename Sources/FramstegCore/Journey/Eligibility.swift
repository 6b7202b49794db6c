import Foundation

/// The eligibility criteria from the association's description (seed 000). Age and municipality are
/// computed; the others are confirmed by a counsellor, who and when being kept.
public enum EligibilityCriterion: String, CaseIterable, Sendable, Hashable {
    case unemployedOrRehabilitationExhausted = "unemployed"
    case needsSeveralAuthorities = "several-authorities"
    case goalWorkOrStudies = "goal"
    case languageUnderstanding = "language"
    case canAttendAndBeReached = "reachable"
    case careContactsEstablished = "care-contacts"
    case noActiveSubstanceAbuse = "no-substance-abuse"
    case voluntary
}

public enum Eligibility {
    public static let ages = 16...66

    /// The checklist is answered before the journey starts; after that it is a record of what was known.
    public static func isOpen(in state: JourneyState) -> Bool {
        state == .registered || state == .informed
    }

    /// The criteria a counsellor has not confirmed as met, in the checklist's order.
    public static func unconfirmed(met: Set<EligibilityCriterion>) -> [EligibilityCriterion] {
        EligibilityCriterion.allCases.filter { !met.contains($0) }
    }

    /// Starting needs every criterion confirmed as met, or a reason for starting anyway (an
    /// exception), which is kept with the step.
    public static func checkStart(met: Set<EligibilityCriterion>, exceptionReason: String) throws(JourneyProblem) {
        let missing = unconfirmed(met: met)
        guard missing.isEmpty || !exceptionReason.trimmed.isEmpty else { throw .eligibilityUnconfirmed(count: missing.count) }
    }

    /// 16–66 years on the day checked.
    public static func isOfEligibleAge(_ number: PersonalIdentityNumber, on date: Date) -> Bool {
        ages.contains(number.age(on: date))
    }
}
