import Foundation
import FramstegCore
import FramstegStore

/// The JSON shapes of the API, as `/api/openapi.json` describes them. Field names are camelCase;
/// days are `YYYY-MM-DD`; enumerations use the same values as the forms.
enum API {
    struct Session: Encodable {
        let userId: Int64
        let name: String
        let role: String
        let unitIds: [Int64]
        let csrfToken: String
    }

    struct ParticipantSummary: Encodable {
        let id: Int64
        let unitId: Int64
        let name: String
        let gender: String
        let birthYear: Int
        let state: String
        let registeredOn: String
        let responsibleCounsellorId: Int64?

        init(_ summary: FramstegStore.ParticipantSummary) {
            id = summary.id.rawValue
            unitId = summary.unitID.rawValue
            name = summary.name
            gender = summary.gender.rawValue
            birthYear = summary.birthYear
            state = summary.state.storageValue
            registeredOn = summary.registeredOn.description
            responsibleCounsellorId = summary.responsibleCounsellor?.rawValue
        }
    }

    struct Step: Encodable {
        let event: String
        let from: String
        let to: String
        let day: String
        let outcome: String?
        let reason: String?
    }

    struct Participant: Encodable {
        let id: Int64
        let unitId: Int64
        let municipalityId: Int64
        let personalIdentityNumber: String
        let name: String
        let phone: String
        let email: String
        let gender: String
        let birthYear: Int
        let referrerKind: String
        let referrerName: String
        let authorities: [String]
        let reason: String
        let state: String
        let registeredOn: String
        let responsibleCounsellorId: Int64?
        let steps: [Step]

        init(_ participant: FramstegCore.Participant, steps: [RecordedStep]) {
            id = participant.id.rawValue
            unitId = participant.unitID.rawValue
            municipalityId = participant.municipalityID.rawValue
            personalIdentityNumber = participant.personalIdentityNumber?.formatted ?? ""
            name = participant.name
            phone = participant.phone
            email = participant.email
            gender = participant.gender.rawValue
            birthYear = participant.birthYear
            referrerKind = participant.referrerKind.rawValue
            referrerName = participant.referrerName
            authorities = participant.authorities.map(\.rawValue).sorted()
            reason = participant.reason ?? ""
            state = participant.state.storageValue
            registeredOn = participant.registeredOn.description
            responsibleCounsellorId = participant.responsibleCounsellor?.rawValue
            self.steps = steps.enumerated().map { index, step in
                var outcome: String?
                if case .exit(let result) = step.transition.event { outcome = result.rawValue }
                return Step(
                    event: index == 0 ? "registered" : step.transition.event.kind.rawValue,
                    from: step.transition.from.storageValue,
                    to: step.transition.to.storageValue,
                    day: step.transition.day.description,
                    outcome: outcome,
                    reason: step.reason
                )
            }
        }
    }

    struct NewParticipant: Decodable {
        let personalIdentityNumber: String
        let name: String
        let phone: String?
        let email: String?
        let gender: String
        let municipalityId: Int64
        let referrerKind: String
        let referrerName: String?
        let authorities: [String]?
        let reason: String?
        let consent: Bool

        var draft: ParticipantDraft {
            ParticipantDraft(
                personalIdentityNumber: personalIdentityNumber,
                name: name,
                phone: phone ?? "",
                email: email ?? "",
                gender: gender,
                municipalityID: String(municipalityId),
                referrerKind: referrerKind,
                referrerName: referrerName ?? "",
                authorities: authorities ?? [],
                reason: reason ?? "",
                consent: consent
            )
        }
    }

    struct ContactUpdate: Decodable {
        let name: String?
        let phone: String?
        let email: String?
        let referrerName: String?
    }

    struct NewTransition: Decodable {
        let event: String
        let day: String
        let outcome: String?
        let reason: String?
    }

    struct NewExit: Decodable {
        let day: String
        let outcome: String
    }

    struct Intervention: Encodable {
        let id: Int64
        let type: String
        let provider: String
        let title: String
        let employerName: String?
        let start: String
        let end: String?

        init(_ intervention: FramstegCore.Intervention) {
            id = intervention.id.rawValue
            type = intervention.type.rawValue
            provider = intervention.provider.rawValue
            title = intervention.title
            employerName = intervention.employerName
            start = intervention.start.description
            end = intervention.end?.description
        }
    }

    struct NewIntervention: Decodable {
        let type: String
        let provider: String
        let title: String
        let placement: Bool?
        let employerName: String?
        let start: String
        let end: String?

        var draft: InterventionDraft {
            InterventionDraft(
                type: type,
                provider: provider,
                title: title,
                isPlacement: placement ?? false,
                employerName: employerName ?? "",
                start: start,
                end: end ?? ""
            )
        }
    }

    struct Meeting: Encodable {
        let id: Int64
        let kind: String
        let day: String
        let status: String
        let time: String?
        let place: String
        let attendees: [String]
        let notes: String
        let decisions: String

        init(_ meeting: FramstegCore.Meeting) {
            id = meeting.id.rawValue
            kind = meeting.kind.rawValue
            day = meeting.day.description
            status = meeting.status.rawValue
            time = meeting.time?.description
            place = meeting.place
            attendees = meeting.attendees.map(\.rawValue).sorted()
            notes = meeting.notes
            decisions = meeting.decisions
        }
    }

    struct NewMeeting: Decodable {
        let kind: String
        let day: String
        let status: String?
        let time: String?
        let place: String?
        let attendees: [String]?
        let notes: String?
        let decisions: String?

        var draft: MeetingDraft {
            MeetingDraft(
                status: status ?? "",
                kind: kind,
                day: day,
                time: time ?? "",
                place: place ?? "",
                attendees: attendees ?? [],
                notes: notes ?? "",
                decisions: decisions ?? ""
            )
        }
    }

    /// Every refusal: a machine-readable code, a sentence in the user's language, and for invalid
    /// input a message per field.
    struct Problem: Encodable {
        let error: String
        let message: String
        let fields: [String: String]?
    }
}
