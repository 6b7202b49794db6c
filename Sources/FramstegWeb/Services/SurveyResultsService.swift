import Foundation
import FramstegCore
import FramstegStore

/// Where survey results are counted: the association, one municipality or one unit.
enum SurveyResultsScope: Sendable {
    case association
    case municipality(Municipality)
    case unit(OrganisationUnit)

    /// The value of the scope in the query and the export's name: `association`, `municipality-ID`, `unit-ID`.
    var value: String {
        switch self {
        case .association: "association"
        case .municipality(let municipality): "municipality-\(municipality.id)"
        case .unit(let unit): "unit-\(unit.id)"
        }
    }
}

/// One survey's results asked for: which survey, where, and over which months.
struct SurveyResultsQuery: Sendable {
    let instrument: Instrument
    let scope: SurveyResultsScope
    let period: MonthPeriod
}

/// Reads anonymous survey results, never a single response: the counts of a survey's answers in
/// a scope and period, and how many were offered and completed. Each export writes one
/// `survey.export` audit row.
struct SurveyResultsService {
    let store: Store
    let keyring: FieldKeyring
    let instruments: InstrumentShelf
    let now: @Sendable () -> Date

    /// The anonymous surveys of the association, as the catalogue has them now.
    func surveys(of association: AssociationID) -> [Instrument] {
        instruments.catalog(for: association).current.filter(\.isAnonymous)
    }

    /// The scopes the principal may choose: the office every level, staff their own units.
    func scopes(for principal: Principal) async throws -> [SurveyResultsScope] {
        let association = principal.associationID
        let (municipalities, units) = try await store.read { db in
            (
                try await OrganisationRepository(db).municipalities(of: association),
                try await OrganisationRepository(db).units(of: association)
            )
        }
        if principal.role == .office {
            return [.association] + municipalities.map(SurveyResultsScope.municipality) + units.map(SurveyResultsScope.unit)
        }
        return units.filter { principal.unitIDs.contains($0.id) }.map(SurveyResultsScope.unit)
    }

    /// The results of `query`, and how many were offered and completed, all published through the
    /// cell key method (`FigureAudience` never gives survey results exactly, to anyone).
    func results(_ query: SurveyResultsQuery, for reader: Principal) async throws -> (SurveyResults, SurveyCoverage) {
        let instrumentID = query.instrument.id
        let association = reader.associationID
        let (responses, coverage, reading) = try await store.read { db in
            let organisation = OrganisationRepository(db)
            let units = try await organisation.units(of: association).filter { unit in
                switch query.scope {
                case .association: true
                case .municipality(let municipality): unit.municipalityID == municipality.id
                case .unit(let chosen): unit.id == chosen.id
                }
            }.map(\.id)
            return (
                try await SurveyRepository(db, keyring: keyring).responses(to: instrumentID, units: units, period: query.period),
                try await SurveyOfferRepository(db).coverage(of: instrumentID, units: units, period: query.period),
                try await organisation.surveyShareReading(of: association)
            )
        }
        let catalog = instruments.catalog(for: association)
        let versions = catalog.versions(of: instrumentID).compactMap { catalog.instrument(instrumentID, version: $0) }
        let publication = FigureAudience.publication(for: reader, of: .anonymousSurvey)
        let results = SurveyResults(
            instrument: query.instrument,
            versions: versions,
            responses: responses,
            publication: publication,
            reading: reading
        )
        // Offered is a cell of its own: completed and not completed together.
        let published = SurveyCoverage(
            offered: publication.publish(coverage.completed + coverage.notCompleted),
            completed: publication.publish(coverage.completed)
        )
        return (results, published)
    }

    /// Writes the audit row of one export: the survey, the scope, the months and the object it covers.
    func recordExport(_ query: SurveyResultsQuery, by principal: Principal) async throws {
        let objectID: String =
            switch query.scope {
            case .association: principal.associationID.description
            case .municipality(let municipality): municipality.id.description
            case .unit(let unit): unit.id.description
            }
        let now = self.now()
        try await store.audit(
            AuditEntry(
                at: now,
                by: principal,
                action: .surveyExport,
                objectType: "survey-results",
                objectID: "\(query.instrument.id) \(query.scope.value) \(query.period.first)–\(query.period.last) \(objectID)"
            )
        )
    }
}

extension SurveyResultsService {
    /// The survey whose answers a national delivery counts (its definition names the delivery), if
    /// the association has one.
    func survey(delivering delivery: NationalDelivery, in association: AssociationID) -> Instrument? {
        instruments.catalog(for: association).current.first { $0.nationalDelivery == delivery }
    }

    /// The violence screening's answers per municipality for `year`, exact: what the office enters
    /// into NNS's national system. Only for an office user granted the delivery (the route's policy
    /// has decided; this refuses anyone else again). Nil when no survey collects it.
    func violenceScreening(year: Int, for reader: Principal) async throws -> ViolenceScreeningDelivery? {
        guard FigureAudience.publication(for: reader, of: .nationalDelivery(.violenceScreening)).isExact else {
            throw WebError.forbidden
        }
        let association = reader.associationID
        guard let survey = survey(delivering: .violenceScreening, in: association),
            let months = MonthPeriod(quarters: Quarter(year: year, quarter: 1)!, through: Quarter(year: year, quarter: 4)!)
        else { return nil }
        let catalog = instruments.catalog(for: association)
        let versions = catalog.versions(of: survey.id).compactMap { catalog.instrument(survey.id, version: $0) }
        let parts = try await store.read { db in
            let organisation = OrganisationRepository(db)
            let units = try await organisation.units(of: association)
            var parts: [(Municipality, [AnonymousResponse])] = []
            for municipality in try await organisation.municipalities(of: association) {
                let inMunicipality = units.filter { $0.municipalityID == municipality.id }.map(\.id)
                let responses = try await SurveyRepository(db, keyring: keyring).responses(
                    to: survey.id,
                    units: inMunicipality,
                    period: months
                )
                parts.append((municipality, responses))
            }
            return parts
        }
        return ViolenceScreeningDelivery(
            instrument: survey,
            year: year,
            municipalities: parts.map { municipality, responses in
                (municipality, SurveyResults(instrument: survey, versions: versions, responses: responses, publication: .exact))
            }
        )
    }

    /// Writes the `delivery.export` audit row of one violence screening delivery.
    func recordDelivery(_ delivery: ViolenceScreeningDelivery, by principal: Principal) async throws {
        let now = self.now()
        try await store.audit(
            AuditEntry(
                at: now,
                by: principal,
                action: .deliveryExport,
                objectType: "survey-results",
                objectID: "\(NationalDelivery.violenceScreening.rawValue) \(delivery.instrument.id) association \(delivery.year)"
            )
        )
    }
}

/// The violence screening's answers for one year, exact, for each of the association's
/// municipalities in the order they are listed (a municipality nobody answered in has zeros).
struct ViolenceScreeningDelivery: Sendable {
    let instrument: Instrument
    let year: Int
    let municipalities: [(municipality: Municipality, results: SurveyResults)]
}

/// How many were offered a survey in the scope and period, and how many completed it, as published.
struct SurveyCoverage: Sendable {
    let offered: Int
    let completed: Int
}
