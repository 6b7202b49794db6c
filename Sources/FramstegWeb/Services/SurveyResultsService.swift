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
        let (responses, coverage) = try await store.read { db in
            let units = try await OrganisationRepository(db).units(of: association).filter { unit in
                switch query.scope {
                case .association: true
                case .municipality(let municipality): unit.municipalityID == municipality.id
                case .unit(let chosen): unit.id == chosen.id
                }
            }.map(\.id)
            return (
                try await SurveyRepository(db, keyring: keyring).responses(to: instrumentID, units: units, period: query.period),
                try await SurveyOfferRepository(db).coverage(of: instrumentID, units: units, period: query.period)
            )
        }
        let catalog = instruments.catalog(for: association)
        let versions = catalog.versions(of: instrumentID).compactMap { catalog.instrument(instrumentID, version: $0) }
        let publication = FigureAudience.publication(for: reader, of: .anonymousSurvey)
        let results = SurveyResults(instrument: query.instrument, versions: versions, responses: responses, publication: publication)
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

/// How many were offered a survey in the scope and period, and how many completed it, as published.
struct SurveyCoverage: Sendable {
    let offered: Int
    let completed: Int
}
