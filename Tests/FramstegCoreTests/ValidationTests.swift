import FramstegCore
import Testing

@Suite("Form validation")
struct ValidationTests {
    static let association = AssociationID(1)
    static let municipalities = [Municipality(id: MunicipalityID(3), associationID: association, name: "Lerum")]
    static let units = [
        OrganisationUnit(id: UnitID(7), associationID: association, municipalityID: MunicipalityID(3), name: "ACTivera Lerum")
    ]

    @Test("a unit needs a name and one of the association's municipalities")
    func unitDraft() throws {
        #expect(throws: ValidationFailure(problems: ["name": .required, "municipality": .required])) {
            try UnitDraft(name: "  ", municipalityID: "").validated(municipalities: Self.municipalities)
        }
        #expect(throws: ValidationFailure(problems: ["municipality": .unknownChoice])) {
            try UnitDraft(name: "X", municipalityID: "99").validated(municipalities: Self.municipalities)
        }
        let valid = try UnitDraft(name: " ACTivera Lerum ", municipalityID: "3").validated(municipalities: Self.municipalities)
        #expect(valid.name == "ACTivera Lerum")
        #expect(valid.municipalityID == MunicipalityID(3))
    }

    @Test("budgeted places are a whole number for a plausible year")
    func placesDraft() throws {
        #expect(throws: ValidationFailure(problems: ["year": .notAWholeNumber, "places": .outOfRange(minimum: 0, maximum: 100_000)])) {
            try PlacesDraft(year: "tjugo", places: "-4").validated(unitID: UnitID(7))
        }
        #expect(throws: ValidationFailure(problems: ["year": .outOfRange(minimum: 2000, maximum: 2100)])) {
            try PlacesDraft(year: "1999", places: "3").validated(unitID: UnitID(7))
        }
        #expect(
            try PlacesDraft(year: "2026", places: "1 450").validated(unitID: UnitID(7))
                == BudgetedPlaces(unitID: UnitID(7), year: 2026, places: 1450)
        )
    }

    @Test("managers and counsellors need a unit of the association; admins get none")
    func userDraft() throws {
        #expect(throws: ValidationFailure(problems: ["units": .noUnitChosen])) {
            try UserDraft(email: "a@b.se", name: "A", role: "counsellor", unitIDs: []).validated(units: Self.units)
        }
        #expect(
            throws: ValidationFailure(problems: [
                "email": .invalidEmail, "name": .required, "role": .unknownChoice, "units": .unknownChoice,
            ])
        ) {
            try UserDraft(email: "not an email", name: "", role: "boss", unitIDs: ["8"]).validated(units: Self.units)
        }
        let admin = try UserDraft(email: " Alva@Insjoriket.SE ", name: "Alva", role: "admin", unitIDs: ["7"]).validated(units: Self.units)
        #expect(admin.email == "alva@insjoriket.se")
        #expect(admin.unitIDs.isEmpty)
    }

    @Test(
        "the interface language follows Accept-Language, Swedish by default",
        arguments: [
            (nil, Language.swedish), ("en-GB,en;q=0.9", .english), ("de-DE, en;q=0.5", .english),
            ("en;q=0.4, sv;q=0.8", .swedish), ("fr", .swedish), ("nb-NO", .swedish), ("EN-us", .english),
        ] as [(String?, Language)]
    )
    func language(_ header: String?, _ expected: Language) {
        #expect(Language.preferred(acceptLanguage: header) == expected)
    }

    @Test(
        "identifiers parse only positive integers",
        arguments: [("12", Int64?.some(12)), ("0", nil), ("-3", nil), ("1e3", nil), ("", nil)]
    )
    func identifiers(_ text: String, _ expected: Int64?) {
        #expect(UnitID(parsing: text)?.rawValue == expected)
    }
}
