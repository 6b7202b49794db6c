import Foundation
import FramstegCore
import FramstegStore
import FramstegTestSupport
import Testing

@Suite("Organisation repository")
struct OrganisationRepositoryTests {
    @Test("associations own municipalities and units, each kept apart", arguments: TestDatabase.available)
    func isolation(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let (first, second) = try await store.write { db throws in
                let organisation = OrganisationRepository(db)
                let first = try await organisation.createAssociation(name: "Insjöriket", now: Date())
                let second = try await organisation.createAssociation(name: "Kustlandet", now: Date())
                let lerum = try await organisation.createMunicipality(in: first.id, name: "Lerum")
                let varberg = try await organisation.createMunicipality(in: second.id, name: "Varberg")
                _ = try await organisation.createUnit(in: first.id, municipalityID: lerum.id, name: "ACTivera Lerum")
                _ = try await organisation.createUnit(in: second.id, municipalityID: varberg.id, name: "Steget Varberg")
                return (first, second)
            }
            try await store.read { db throws in
                let organisation = OrganisationRepository(db)
                #expect(try await organisation.municipalities(of: first.id).map(\.name) == ["Lerum"])
                #expect(try await organisation.units(of: second.id).map(\.name) == ["Steget Varberg"])
                #expect(try await organisation.isUnitNameTaken("activera lerum", in: first.id))
                #expect(try await !organisation.isUnitNameTaken("ACTivera Lerum", in: second.id))
            }
        }
    }

    @Test("setting places for a year replaces that year only", arguments: TestDatabase.available)
    func places(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            let unit = try await store.write { db throws in
                let organisation = OrganisationRepository(db)
                let association = try await organisation.createAssociation(name: "Insjöriket", now: Date())
                let municipality = try await organisation.createMunicipality(in: association.id, name: "Mölndal")
                let unit = try await organisation.createUnit(in: association.id, municipalityID: municipality.id, name: "ACTivera Mölndal")
                try await organisation.setPlaces(BudgetedPlaces(unitID: unit.id, year: 2025, places: 120))
                try await organisation.setPlaces(BudgetedPlaces(unitID: unit.id, year: 2026, places: 140))
                try await organisation.setPlaces(BudgetedPlaces(unitID: unit.id, year: 2026, places: 145))
                return unit
            }
            let places = try await store.read { db in try await OrganisationRepository(db).places(of: unit.id) }
            #expect(
                places == [
                    BudgetedPlaces(unitID: unit.id, year: 2025, places: 120), BudgetedPlaces(unitID: unit.id, year: 2026, places: 145),
                ]
            )
        }
    }

    @Test("a failed action leaves nothing half-written", arguments: TestDatabase.available)
    func rollback(_ database: TestDatabase) async throws {
        try await database.withFreshStore { store throws in
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await store.write { db throws in
                    _ = try await OrganisationRepository(db).createAssociation(name: "Halvfärdig", now: Date())
                    throw Refused()
                }
            }
            #expect(try await store.read { db in try await OrganisationRepository(db).associations() }.isEmpty)
        }
    }
}
