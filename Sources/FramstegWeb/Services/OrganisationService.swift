import Foundation
import FramstegCore
import FramstegStore
import SQLKit

/// The association's own shape, for the admin pages and the command line: its details, its member
/// municipalities with their support contact, and its units (in `OrganisationService+Units`).
public struct OrganisationService: Sendable {
    let store: Store
    let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// The longest support contact text: a few lines of service, phone and hours.
    static let maximumContactLength = 1000
    /// The longest organisation number kept (Swedish ones are 10 digits and a dash).
    static let maximumOrganisationNumberLength = 20

    /// Creates a tenant. Only the operator of the deployment does, at the command line, so the audit
    /// row names no user.
    public func createAssociation(named typed: String) async throws -> Association {
        let name = try NameDraft(name: typed).validated()
        let now = self.now()
        return try await store.write { db in
            let association = try await OrganisationRepository(db).createAssociation(name: name, now: now)
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: nil,
                    action: .associationCreateCLI,
                    objectType: "association",
                    objectID: association.id.description,
                    associationID: association.id
                )
            )
            return association
        }
    }

    /// What the admin's home counts.
    struct Overview: Sendable {
        let association: Association
        let municipalityCount: Int
        let unitCount: Int
        let userCount: Int
    }

    func overview(of associationID: AssociationID) async throws -> Overview? {
        try await store.read { db in
            let organisation = OrganisationRepository(db)
            guard let association = try await organisation.association(associationID) else { return nil }
            return Overview(
                association: association,
                municipalityCount: try await organisation.municipalities(of: associationID).count,
                unitCount: try await organisation.units(of: associationID).count,
                userCount: try await UserRepository(db).users(of: associationID).count
            )
        }
    }

    func association(_ id: AssociationID) async throws -> Association? {
        try await store.read { db in try await OrganisationRepository(db).association(id) }
    }

    /// Renames the association and sets its organisation number (which may be left empty).
    /// Saves the association's name, organisation number and how its exit survey's share is read;
    /// every field is checked before anything is saved.
    func updateAssociation(
        name typedName: String,
        organisationNumber typedNumber: String,
        surveyShareReading typedReading: String,
        by principal: Principal
    ) async throws {
        var failure = ValidationFailure()
        var name: String?
        do {
            name = try NameDraft(name: typedName).validated()
        } catch {
            for (field, problem) in error.problems { failure.add(field, problem) }
        }
        let number = typedNumber.trimmed
        if number.count > Self.maximumOrganisationNumberLength {
            failure.add("organisationNumber", .tooLong(maximum: Self.maximumOrganisationNumberLength))
        }
        let reading = SurveyShareReading(rawValue: typedReading)
        if reading == nil { failure.add("surveyShareReading", .unknownChoice) }
        try failure.throwIfAny()
        let association = Association(
            id: principal.associationID,
            name: name!,
            organisationNumber: number,
            surveyShareReading: reading!
        )
        try await write(.associationUpdate, "association", principal.associationID.description, by: principal) { db in
            try await OrganisationRepository(db).updateAssociation(association)
        }
    }

    /// A member municipality with the text its participants are given about support against violence.
    struct MunicipalityContact: Sendable {
        let municipality: Municipality
        let supportContact: String
    }

    func municipalities(of associationID: AssociationID) async throws -> [MunicipalityContact] {
        try await store.read { db in
            let repository = OrganisationRepository(db)
            var loaded: [MunicipalityContact] = []
            for municipality in try await repository.municipalities(of: associationID) {
                loaded.append(
                    MunicipalityContact(
                        municipality: municipality,
                        supportContact: try await repository.supportContact(of: municipality.id)
                    )
                )
            }
            return loaded
        }
    }

    func createMunicipality(named typed: String, by principal: Principal) async throws {
        let now = self.now()
        try await store.write { db in
            let name = try await Self.municipalityName(typed, db: db, associationID: principal.associationID, excluding: nil)
            let created = try await OrganisationRepository(db).createMunicipality(in: principal.associationID, name: name)
            try await AuditLog(db).append(
                AuditEntry(
                    at: now,
                    by: principal,
                    action: .municipalityCreate,
                    objectType: "municipality",
                    objectID: created.id.description
                )
            )
        }
    }

    func renameMunicipality(_ municipality: Municipality, to typed: String, by principal: Principal) async throws {
        try await write(.municipalityRename, "municipality", municipality.id.description, by: principal) { db in
            let name = try await Self.municipalityName(typed, db: db, associationID: principal.associationID, excluding: municipality.id)
            try await OrganisationRepository(db).renameMunicipality(municipality.id, to: name)
        }
    }

    /// Sets the support contact (trimmed; empty removes it).
    func setSupportContact(_ typed: String, of municipality: Municipality, by principal: Principal) async throws {
        let contact = typed.trimmed
        guard contact.count <= Self.maximumContactLength else {
            throw ValidationFailure(problems: ["contact": .tooLong(maximum: Self.maximumContactLength)])
        }
        try await write(.municipalitySupportContact, "municipality", municipality.id.description, by: principal) { db in
            try await OrganisationRepository(db).setSupportContact(contact, of: municipality.id)
        }
    }

    /// The trimmed name, refused when empty, too long or another municipality's of the association.
    private static func municipalityName(
        _ typed: String,
        db: any SQLDatabase,
        associationID: AssociationID,
        excluding: MunicipalityID?
    ) async throws -> String {
        let name = try NameDraft(name: typed).validated()
        if try await OrganisationRepository(db).isMunicipalityNameTaken(name, in: associationID, excluding: excluding) {
            throw ValidationFailure(problems: ["name": .alreadyTaken])
        }
        return name
    }

    /// One change and its audit row in one transaction.
    func write(
        _ action: AuditAction,
        _ objectType: String,
        _ objectID: String,
        by principal: Principal,
        _ change: @Sendable (any SQLDatabase) async throws -> Void
    ) async throws {
        let now = self.now()
        try await store.write { db in
            try await change(db)
            try await AuditLog(db).append(AuditEntry(at: now, by: principal, action: action, objectType: objectType, objectID: objectID))
        }
    }
}
