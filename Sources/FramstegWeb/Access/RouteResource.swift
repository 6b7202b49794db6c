import FramstegCore
import FramstegStore
import Hummingbird

/// Where a located object belongs, and how to load it once the policy has allowed the action.
struct Located<Object: Sendable>: Sendable {
    /// What the policy judges; nil when the route acts on nothing beyond what its role allows.
    let resource: Resource?
    let load: @Sendable () async throws -> Object?

    init(_ resource: Resource?, load: @escaping @Sendable () async throws -> Object?) {
        self.resource = resource
        self.load = load
    }

    /// An object that was read to find where it belongs and holds nothing sealed.
    init(_ resource: Resource?, object: Object) {
        self.init(resource) { object }
    }
}

/// What a route acts on: found from the request (usually a path parameter), judged by `Policy.decide`
/// in `RouteRegistrar`, then loaded. `nil` from `locate` answers 404.
struct RouteResource<Object: Sendable>: Sendable {
    let locate: @Sendable (Site, Request, AppRequestContext, Principal) async throws -> Located<Object>?
}

/// A participant with the unit whose staff follow them.
struct ParticipantInUnit: Sendable {
    let participant: Participant
    let unit: OrganisationUnit
}

extension RouteResource where Object == Principal {
    /// The signed-in user's own account (settings, sign-out, the list of their own units).
    static var ownAccount: RouteResource {
        RouteResource { _, _, _, principal in Located(.ownAccount, object: principal) }
    }

    /// The signed-in user's whole association (its settings, lists, overview and figures).
    static var association: RouteResource {
        RouteResource { _, _, _, principal in Located(.association(principal.associationID), object: principal) }
    }
}

extension RouteResource where Object == Principal {
    /// One of the association's national deliveries: only an office user granted it may make it.
    static func nationalDelivery(_ delivery: NationalDelivery) -> RouteResource {
        RouteResource { _, _, _, principal in Located(.nationalDelivery(delivery, of: principal.associationID), object: principal) }
    }
}

extension RouteResource where Object == Principal {
    /// The scope named by the query's `scope`: a unit (`unit-ID`) is judged as that unit, a
    /// municipality or the association as the association. Without a scope (or with one that names
    /// nothing) the page offers only the scopes the user may choose, so the role suffices.
    static var surveyScope: RouteResource {
        RouteResource { site, request, _, principal in
            let scope = request.query("scope", otherwise: "")
            if scope.hasPrefix("unit-"), let id = UnitID(parsing: String(scope.dropFirst(5))) {
                guard let unit = try await site.store.read({ db in try await OrganisationRepository(db).unit(id) }) else {
                    return Located(nil, object: principal)
                }
                return Located(.unit(unit.id, of: unit.associationID), object: principal)
            }
            if scope == "association" || scope.hasPrefix("municipality-") {
                return Located(.association(principal.associationID), object: principal)
            }
            return Located(nil, object: principal)
        }
    }
}

extension RouteResource where Object == OrganisationUnit {
    /// The unit named by the path's `:unit`; another association's unit answers 404.
    static var unit: RouteResource {
        RouteResource { site, _, context, _ in
            guard let id = context.parameters.get("unit").flatMap(UnitID.init(parsing:)),
                let unit = try await site.store.read({ db in try await OrganisationRepository(db).unit(id) })
            else { return nil }
            return Located(.unit(unit.id, of: unit.associationID), object: unit)
        }
    }
}

extension RouteResource where Object == User {
    /// The user named by the path's `:user`.
    static var user: RouteResource {
        RouteResource { site, _, context, _ in
            guard let id = context.parameters.get("user").flatMap(UserID.init(parsing:)),
                let user = try await site.store.read({ db in try await UserRepository(db).user(id) })
            else { return nil }
            return Located(.user(user.id, of: user.associationID), object: user)
        }
    }
}

extension RouteResource where Object == Municipality {
    /// The municipality named by the path's `:municipality`, judged as part of its association.
    static var municipality: RouteResource {
        RouteResource { site, _, context, _ in
            guard let id = context.parameters.get("municipality").flatMap(MunicipalityID.init(parsing:)),
                let municipality = try await site.store.read({ db in try await OrganisationRepository(db).municipality(id) })
            else { return nil }
            return Located(.association(municipality.associationID), object: municipality)
        }
    }
}

extension RouteResource where Object == ParticipantInUnit {
    /// The participant named by the path's `:participant`, with their unit. Only where they belong
    /// is read before the policy decides; their record is opened after.
    static var participant: RouteResource {
        RouteResource { site, _, context, _ in
            guard let id = context.parameters.get("participant").flatMap(ParticipantID.init(parsing:)) else { return nil }
            return try await site.locateParticipant(id)
        }
    }
}

extension Site {
    /// Where participant `id` belongs, and how to open their record and unit once allowed.
    func locateParticipant(_ id: ParticipantID) async throws -> Located<ParticipantInUnit>? {
        let keyring = self.keyring
        let store = self.store
        guard let owner = try await store.read({ db in try await ParticipantRepository(db, keyring: keyring).owner(of: id) })
        else { return nil }
        return Located(.participant(id, unit: owner.unitID, of: owner.associationID)) {
            let (participant, unit) = try await store.read { db in
                (
                    try await ParticipantRepository(db, keyring: keyring).participant(id),
                    try await OrganisationRepository(db).unit(owner.unitID)
                )
            }
            guard let participant, let unit else { return nil }
            return ParticipantInUnit(participant: participant, unit: unit)
        }
    }
}

/// A measurement on a participant's record, with the instrument version it was taken with.
struct MeasurementOnRecord: Sendable {
    let record: ParticipantInUnit
    let measurement: ProgressMeasurement
    let instrument: Instrument
}

extension RouteResource where Object == MeasurementOnRecord {
    /// The measurement named by the path's `:measurement`, judged as the path's `:participant`'s;
    /// one of someone else's answers 404.
    static var measurement: RouteResource {
        RouteResource { site, request, context, principal in
            guard let located = try await RouteResource<ParticipantInUnit>.participant.locate(site, request, context, principal),
                let id = context.parameters.get("measurement").flatMap(MeasurementID.init(parsing:))
            else { return nil }
            return Located(located.resource) {
                guard let record = try await located.load(),
                    let (measurement, instrument) = try await site.services.measurements.load(
                        id,
                        association: record.participant.associationID
                    ),
                    measurement.participantID == record.participant.id
                else { return nil }
                return MeasurementOnRecord(record: record, measurement: measurement, instrument: instrument)
            }
        }
    }
}

/// An anonymous survey offered on a participant's record.
struct SurveyOfferOnRecord: Sendable {
    let record: ParticipantInUnit
    let offer: SurveyOffer
}

extension RouteResource where Object == SurveyOfferOnRecord {
    /// The offer named by the path's `:offer`, judged as the path's `:participant`'s; one made to
    /// someone else answers 404.
    static var surveyOffer: RouteResource {
        RouteResource { site, request, context, principal in
            guard let located = try await RouteResource<ParticipantInUnit>.participant.locate(site, request, context, principal),
                let id = context.parameters.get("offer").flatMap(SurveyOfferID.init(parsing:))
            else { return nil }
            return Located(located.resource) {
                guard let record = try await located.load(),
                    let (offer, _) = try await site.services.surveys.load(id, association: record.participant.associationID),
                    offer.participantID == record.participant.id
                else { return nil }
                return SurveyOfferOnRecord(record: record, offer: offer)
            }
        }
    }
}
