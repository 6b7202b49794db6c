import FramstegCore
import FramstegStore
import Hummingbird

/// What a session handed over to the participant is for.
enum HandedOverTask: Sendable {
    case measurement(ProgressMeasurement, Instrument)
    case survey(SurveyModePages.HandedOver)
    /// The session is not handed over (or what it was for is gone): the pages send the user home.
    case nothing
}

extension RouteResource where Object == HandedOverTask {
    /// The measurement or survey the session was handed over for, judged as its participant's
    /// (the counsellor may have lost the unit since the hand-over).
    static var handedOver: RouteResource {
        RouteResource { site, _, context, principal in
            guard let session = context.session, let handover = session.record.handover else { return Located(nil, object: .nothing) }
            let keyring = site.keyring
            switch handover.target {
            case .measurement(let id):
                guard let (measurement, instrument) = try await site.services.measurements.load(id, association: principal.associationID)
                else { return Located(nil, object: .nothing) }
                return try await site.locateParticipant(measurement.participantID).map {
                    Located($0.resource, object: .measurement(measurement, instrument))
                }
            case .survey(let id):
                guard let (offer, instrument) = try await site.services.surveys.load(id, association: principal.associationID)
                else { return Located(nil, object: .nothing) }
                guard
                    let owner = try await site.store.read({ db in
                        try await ParticipantRepository(db, keyring: keyring).owner(of: offer.participantID)
                    })
                else { return nil }
                let task = SurveyModePages.HandedOver(offer: offer, instrument: instrument, unitID: owner.unitID, session: session)
                return Located(.participant(offer.participantID, unit: owner.unitID, of: owner.associationID), object: .survey(task))
            }
        }
    }
}

extension RouteResource where Object == ActiveSession {
    /// The signed-in session itself: taking the device back must work whatever has happened to the
    /// participant's record since, so the role is all that is asked.
    static var session: RouteResource {
        RouteResource { _, _, context, _ in context.session.map { Located(nil, object: $0) } }
    }
}
