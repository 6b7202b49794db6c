import Foundation
import FramstegCore
import FramstegStore

/// The association's instruments: what it measures with, definitions that failed to load, and
/// adding an instrument or a new version, checked against the catalogue before it is kept. A
/// version once saved is never changed; measurements keep the version they were taken with.
struct InstrumentService {
    let store: Store
    let instruments: InstrumentShelf
    let now: @Sendable () -> Date

    /// Definitions are small; anything larger is not one.
    static let maximumLength = 200_000

    func catalog(for associationID: AssociationID) -> InstrumentCatalog {
        instruments.catalog(for: associationID)
    }

    /// Stored definitions of the association that were left out at start-up, as "file: reason".
    func problems(for associationID: AssociationID) -> [String] {
        instruments.problems(for: associationID)
    }

    /// Reads the definition and checks it against the association's catalogue, keeping nothing.
    func checked(_ text: String, for associationID: AssociationID) throws(ValidationFailure) -> Instrument {
        if text.trimmed.isEmpty { throw ValidationFailure(problems: ["definition": .required]) }
        if text.utf8.count > Self.maximumLength { throw ValidationFailure(problems: ["definition": .tooLong(maximum: Self.maximumLength)]) }
        let instrument: Instrument
        do {
            instrument = try Instrument(definition: Data(text.utf8), file: "definition")
        } catch {
            throw ValidationFailure(problems: ["definition": .definition(error)])
        }
        if instrument.isAnonymous, !SurveyDrafts.fits(instrument) {
            let length = SurveyDrafts.largestLength(of: instrument)
            throw ValidationFailure(
                problems: ["definition": .surveyDraftTooLarge(id: instrument.id, length: length, maximum: SurveyDrafts.maximumLength)]
            )
        }
        do {
            try instruments.check(instrument, for: associationID)
        } catch .wordingLocked(let id, let item) {
            throw ValidationFailure(problems: ["definition": .wordingLocked(id: id, item: item)])
        } catch .anonymityLocked(let id) {
            throw ValidationFailure(problems: ["definition": .anonymityLocked(id: id)])
        } catch {
            throw ValidationFailure(problems: ["definition": .versionExists(id: instrument.id, version: instrument.version)])
        }
        return instrument
    }

    /// Checks and stores the definition as written, then puts it on the association's shelf.
    func add(_ text: String, by principal: Principal) async throws {
        // Checked against what every node has added, not only this one.
        try await instruments.refresh(store: store, now: now(), force: true)
        let instrument = try checked(text, for: principal.associationID)
        let now = self.now()
        do {
            try await store.write { db in
                try await InstrumentDefinitionRepository(db).addDefinition(
                    instrument,
                    text: text,
                    association: principal.associationID,
                    by: principal.userID,
                    now: now
                )
                try await AuditLog(db).append(
                    AuditEntry(
                        at: now,
                        by: principal,
                        action: .instrumentAdd,
                        objectType: "instrument",
                        objectID: "\(instrument.id)-\(instrument.version)"
                    )
                )
            }
        } catch StoreError.duplicate {
            // Taken by another association: ids and versions are unique across the deployment.
            throw ValidationFailure(problems: ["definition": .versionExists(id: instrument.id, version: instrument.version)])
        }
        instruments.add(instrument, for: principal.associationID)
    }
}
