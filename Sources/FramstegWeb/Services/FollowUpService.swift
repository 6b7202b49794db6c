import Foundation
import FramstegCore
import FramstegStore

/// What a dashboard covers: the association (or one of its municipalities) for the office, or one unit for its staff.
enum DashboardScope: Sendable {
    case association(municipality: Municipality?)
    case unit(OrganisationUnit)

    /// How exports and their audit rows name the scope: `association`, `municipality-ID`, `unit-ID`.
    var exportName: String {
        switch self {
        case .association(let municipality): municipality.map { "municipality-\($0.id)" } ?? "association"
        case .unit(let unit): "unit-\(unit.id)"
        }
    }
}

/// The dashboards' reads and the audit rows of their exports. Figures are computed from the
/// records as they are, so they include what was entered a moment ago; every export (a table as
/// CSV or XLSX, Uppföljning Finsam) writes one `figures.export` row, or `delivery.export` for an
/// exact national delivery.
struct FollowUpService {
    let store: Store
    let keyring: FieldKeyring
    let instruments: InstrumentShelf
    let now: @Sendable () -> Date

    /// Municipality `id` if it belongs to `association`.
    func municipality(_ id: MunicipalityID, in association: AssociationID) async throws -> Municipality? {
        let municipality = try await store.read { db in try await OrganisationRepository(db).municipality(id) }
        return municipality?.associationID == association ? municipality : nil
    }

    /// The association's municipalities, as they are listed (the office's scope picker).
    func municipalities(of association: AssociationID) async throws -> [Municipality] {
        try await store.read { db in try await OrganisationRepository(db).municipalities(of: association) }
    }

    /// How `reader` sees the figures of `scope` (`FigureAudience`): a unit's own staff exactly,
    /// everyone else through the cell key method.
    static func publication(_ scope: DashboardScope, for reader: Principal) -> Publication {
        switch scope {
        case .unit(let unit): FigureAudience.publication(for: reader, of: .unit(unit.id))
        case .association: FigureAudience.publication(for: reader, of: .units)
        }
    }

    /// Everything one dashboard of `scope` is computed from for `period`, published for `reader`.
    func dashboard(_ scope: DashboardScope, for reader: Principal, period: ReportingPeriod) async throws -> DashboardData {
        try await dashboard(scope, of: reader.associationID, period: period, publication: Self.publication(scope, for: reader))
    }

    /// Uppföljning Finsam for the association: exact for an office user holding the delivery's
    /// right, through the cell key method (and so not for delivery) for anyone else.
    func finsam(for reader: Principal, period: ReportingPeriod) async throws -> DashboardData {
        let publication = FigureAudience.publication(for: reader, of: .nationalDelivery(.finsam))
        return try await dashboard(
            .association(municipality: nil),
            of: reader.associationID,
            period: period,
            publication: publication,
            countsOnly: true
        )
    }

    /// With `countsOnly` (Uppföljning Finsam) only the counts are read, not the measurements behind
    /// distance travelled, the occasions and belief at start.
    private func dashboard(
        _ scope: DashboardScope,
        of association: AssociationID,
        period: ReportingPeriod,
        publication: Publication,
        countsOnly: Bool = false
    ) async throws -> DashboardData {
        let followed = instruments.catalog(for: association).current.filter {
            !countsOnly && (!$0.isAnonymous && $0.indicatorSet != nil || $0.followedByOccasion)
        }
        let distance = followed.filter { !$0.followedByOccasion && !$0.isAnonymous }
        let byOccasion = followed.filter { $0.followedByOccasion && !$0.isAnonymous }
        let (allUnits, municipalities, places, goals) = try await store.read { db in
            let organisation = OrganisationRepository(db)
            return (
                try await organisation.units(of: association), try await organisation.municipalities(of: association),
                try await organisation.places(inAssociation: association), try await GoalRepository(db).goals(of: association)
            )
        }
        let units: [OrganisationUnit] =
            switch scope {
            case .association(let municipality):
                municipality.map { chosen in allUnits.filter { $0.municipalityID == chosen.id } } ?? allUnits
            case .unit(let unit): [unit]
            }
        let sums = try await FollowUpRepository.dashboard(
            in: store,
            units: units.map(\.id),
            period: period,
            distance: distance.map(\.id),
            // Which way each area moved: shown for instruments whose goal counts areas improved on.
            directions: Set(distance.filter { $0.improvedAtLeast != nil }.map(\.id)),
            byOccasion: byOccasion.map(\.id),
            waitingDays: goals.waitingDays(year: period.last.year),
            beliefs: !countsOnly
        )
        var isAssociation = false
        if case .association = scope { isAssociation = true }
        return DashboardData(
            sums: sums,
            municipalities: municipalities,
            units: units,
            places: places.filter { place in units.contains { $0.id == place.unitID } },
            distance: distance,
            byOccasion: byOccasion,
            withUnitFlows: isAssociation,
            goals: goals,
            publication: publication
        )
    }

    /// The exit survey's results for `units` over the months `period` touches, for the annual
    /// report's goals; nil when the association has no exit survey.
    func exitSurveyResults(for reader: Principal, units: [UnitID], period: ReportingPeriod) async throws -> SurveyResults? {
        let catalog = instruments.catalog(for: reader.associationID)
        guard let survey = catalog.latest("deltagarenkat"), let months = MonthPeriod(first: Month(period.first), last: Month(period.last))
        else { return nil }
        let (responses, reading) = try await store.read { db in
            (
                try await SurveyRepository(db, keyring: keyring).responses(to: survey.id, units: units, period: months),
                try await OrganisationRepository(db).surveyShareReading(of: reader.associationID)
            )
        }
        let versions = catalog.versions(of: survey.id).compactMap { catalog.instrument(survey.id, version: $0) }
        return SurveyResults(
            instrument: survey,
            versions: versions,
            responses: responses,
            publication: FigureAudience.publication(for: reader, of: .anonymousSurvey),
            reading: reading
        )
    }

    /// Writes the audit row of one exported table: which table, of what, for which period, in which format.
    func recordTableExport(
        _ key: String,
        of scope: DashboardScope,
        period: ReportingPeriod,
        format: String,
        by principal: Principal
    )
        async throws
    {
        try await recordExport("\(key) \(scope.exportName) \(period.label) \(format)", by: principal)
    }

    /// Writes the audit row of one Uppföljning Finsam export: `delivery.export` when it was exact
    /// (the reader holds the right), `figures.export` when it was published like the dashboard.
    func recordFinsamExport(period: ReportingPeriod, publication: Publication, by principal: Principal) async throws {
        try await recordExport(
            "\(NationalDelivery.finsam.rawValue) association \(period.label)",
            action: publication.isExact ? .deliveryExport : .figuresExport,
            by: principal
        )
    }

    private func recordExport(_ what: String, action: AuditAction = .figuresExport, by principal: Principal) async throws {
        let now = self.now()
        try await store.audit(AuditEntry(at: now, by: principal, action: action, objectType: "figures", objectID: what))
    }
}

/// What one dashboard reads for a period: the sums, the organisation around them and the instruments followed.
struct DashboardData: Sendable {
    let sums: DashboardSums
    /// Every municipality of the association, in the order they are listed (names for the split by municipality).
    let municipalities: [Municipality]
    let units: [OrganisationUnit]
    let places: [BudgetedPlaces]
    /// The instruments followed by distance travelled and by occasion, as the catalogue has them now.
    let distance: [Instrument]
    let byOccasion: [Instrument]
    /// For the association's dashboards: each unit's Uppföljning Finsam counts too.
    let withUnitFlows: Bool
    /// The association's goal decisions; the period's last year's are in force.
    let goals: AssociationGoals
    /// How every figure of the page, its exports and its report is published (`FigureAudience`).
    let publication: Publication

    var activeByYear: [Int: Tally] { sums.activeByYear }

    /// Days from registration to start the waiting goal allows in the period's last year.
    func waitingDays(_ period: ReportingPeriod) -> Int { goals.waitingDays(year: period.last.year) }

    /// The count figures of the page. Under the cell key method each count is the same in this view
    /// and every other (a municipality's, a split, another period), so none can be set against another.
    func figures(_ period: ReportingPeriod) -> FollowUpFigures {
        FollowUpFigures(
            groups: sums.groups,
            period: period,
            municipalities: municipalities.map(\.id),
            unitFlows: withUnitFlows,
            coverageGoal: goals.level(.measurementCoverage, year: period.last.year),
            publication: publication
        )
    }
}
