import FramstegCore

/// The fields of a unit (the `unit-fields` partial): its name and the municipality it serves.
struct UnitFields: Sendable {
    let nameField: FieldView
    let municipalities: [Choice]
    let municipalityError: String?

    init(_ form: FormState, municipalities: [Municipality], language: Language) {
        nameField = .withoutAutocomplete("name", in: form, label: Texts.text("name", language))
        let selected = form.values["municipality"] ?? ""
        self.municipalities = municipalities.map {
            Choice(value: $0.id.description, label: $0.name, isChosen: $0.id.description == selected)
        }
        municipalityError = form.errors["municipality"]
    }
}

/// The units page: each unit with its places in the last three budgeted years, and the form to add one.
struct UnitsPage: Sendable {
    struct Row: Sendable {
        let id: String
        let name: String
        let municipality: String
        /// One cell per year of `years`: the places, or a dash when none are budgeted.
        let placesByYear: [String]
    }

    let hasErrors: Bool
    let units: [Row]
    let hasUnits: Bool
    let years: [Int]
    let hasMunicipalities: Bool
    let unitFields: UnitFields

    init(_ list: OrganisationService.UnitList, form: FormState, language: Language) {
        let years = Array(Set(list.places.map(\.year)).sorted().suffix(3))
        units = list.units.map { unit in
            Row(
                id: unit.id.description,
                name: unit.name,
                municipality: list.municipalities.first { $0.id == unit.municipalityID }?.name ?? "",
                placesByYear: years.map { year in
                    list.places.first { $0.unitID == unit.id && $0.year == year }.map { String($0.places) } ?? "–"
                }
            )
        }
        hasErrors = form.hasErrors
        hasUnits = !units.isEmpty
        self.years = years
        hasMunicipalities = !list.municipalities.isEmpty
        unitFields = UnitFields(form, municipalities: list.municipalities, language: language)
    }
}

/// One unit's page: its fields, its places by year with the form to set a year's, and its
/// measurement schedule.
struct UnitAdminPage: Sendable {
    /// The page's three forms, each as stored or as typed with its problems.
    struct Forms: Sendable {
        let unit: FormState
        let places: FormState
        /// Nil shows the stored schedule.
        let schedule: FormState?

        var areAllAccepted: Bool { !unit.hasErrors && !places.hasErrors && !(schedule?.hasErrors ?? false) }
    }

    struct Name: Sendable {
        let id: String
        let name: String
    }

    struct Places: Sendable {
        let year: String
        let places: String
        let budget: String
    }

    let unit: Name
    /// The alert above the forms, for the unit and places forms (the schedule's error stands beside it).
    let hasErrors: Bool
    let unitFields: UnitFields
    /// Newest year first.
    let places: [Places]
    let hasPlaces: Bool
    let yearField: FieldView
    let placesField: FieldView
    let budgetField: FieldView
    let scheduleForm: FormState

    init(_ unit: OrganisationUnit, _ details: OrganisationService.UnitDetails, forms: Forms, language: Language) {
        self.unit = Name(id: unit.id.description, name: unit.name)
        unitFields = UnitFields(forms.unit, municipalities: details.municipalities, language: language)
        places = details.places.reversed().map {
            Places(year: String($0.year), places: String($0.places), budget: $0.budget.map(FigureFormat.kronor) ?? "–")
        }
        hasPlaces = !details.places.isEmpty
        yearField = .withoutAutocomplete("year", in: forms.places, label: Texts.text("year", language), inputMode: "numeric")
        placesField = .withoutAutocomplete("places", in: forms.places, label: Texts.text("places", language), inputMode: "numeric")
        budgetField = .withoutAutocomplete("budget", in: forms.places, label: Texts.text("budgetField", language), inputMode: "numeric")
        scheduleForm = forms.schedule ?? FormState(values: ["intervalWeeks": String(details.intervalWeeks)])
        hasErrors = forms.unit.hasErrors || forms.places.hasErrors
    }
}
