import FramstegCore

/// The answer fields of a few items, as participant mode and the counsellor's form draw them
/// (`item-field` partial): one group of large choices per item, the given answer checked, a message
/// beside a refused one.
struct ItemField: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
        let hint: String?
        let checked: Bool
        let isNotAnswered: Bool
    }

    let id: String
    let text: String
    let options: [Option]
    let isNumeric: Bool
    let error: String?

    /// Each given answer as its field's value (`7`, `yes`, `-`), the inverse of `MeasurementService.answer`.
    static func values(of items: [InstrumentItem], in answers: [String: Answer]) -> [String: String] {
        var values: [String: String] = [:]
        for item in items {
            switch answers[item.id] {
            case .number(let value): values[item.id] = String(value)
            case .choice(let value): values[item.id] = value
            case .notAnswered: values[item.id] = "-"
            case nil: break
            }
        }
        return values
    }

    static func fields(_ items: [InstrumentItem], values: [String: String], errors: [String: String], language: Language) -> [ItemField] {
        items.map { item in
            var options: [Option]
            var isNumeric = false
            switch item.scale {
            case .numeric(let min, let max, let labels):
                isNumeric = true
                options = (min...max).map { step in
                    Option(
                        value: String(step),
                        label: String(step),
                        hint: labels[step]?.text(language),
                        checked: values[item.id] == String(step),
                        isNotAnswered: false
                    )
                }
            case .choice(let choices):
                options = choices.map {
                    Option(
                        value: $0.value,
                        label: $0.label.text(language),
                        hint: nil,
                        checked: values[item.id] == $0.value,
                        isNotAnswered: false
                    )
                }
            }
            if item.allowsNotAnswered {
                options.append(
                    Option(
                        value: "-",
                        label: Texts.text("preferNotToAnswer", language),
                        hint: nil,
                        checked: values[item.id] == "-",
                        isNotAnswered: true
                    )
                )
            }
            return ItemField(id: item.id, text: item.text.text(language), options: options, isNumeric: isNumeric, error: errors[item.id])
        }
    }

    /// Answers posted as `item-<id>` fields, for the given items only.
    static func givenAnswers(_ form: FormData, items: [InstrumentItem]) -> [String: String] {
        var given: [String: String] = [:]
        for item in items {
            let value = form["item-" + item.id]
            if !value.isEmpty { given[item.id] = value }
        }
        return given
    }
}
