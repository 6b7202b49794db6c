/// One text field for the shared `field` partial: its label, what was typed, help and the message
/// beside it, with the ARIA links between them worked out once.
struct FieldView: Sendable {
    let id: String
    let name: String
    let label: String
    let value: String
    let type: String?
    let autocomplete: String?
    let inputMode: String?
    let help: String?
    let error: String?
    let describedBy: String?
    let isTextArea: Bool
    let isRequired: Bool

    init(
        id: String,
        name: String? = nil,
        label: String,
        value: String,
        type: String? = nil,
        autocomplete: String? = "off",
        inputMode: String? = nil,
        help: String? = nil,
        error: String? = nil,
        isTextArea: Bool = false,
        isRequired: Bool = false
    ) {
        self.id = id
        self.name = name ?? id
        self.label = label
        self.value = value
        self.type = type
        self.autocomplete = autocomplete
        self.inputMode = inputMode
        self.help = help
        self.error = error
        let described = [help.map { _ in id + "-help" }, error.map { _ in id + "-error" }].compactMap { $0 }
        self.describedBy = described.isEmpty ? nil : described.joined(separator: " ")
        self.isTextArea = isTextArea
        self.isRequired = isRequired
    }

    /// The field `id` of `form`, with what was typed and its message.
    init(_ id: String, in form: FormState, label: String, type: String? = nil, help: String? = nil, inputMode: String? = nil) {
        self.init(
            id: id,
            label: label,
            value: form.values[id] ?? "",
            type: type,
            inputMode: inputMode,
            help: help,
            error: form.errors[id]
        )
    }
}

extension FieldView {
    /// Field `id` of `form` without an autocomplete hint, as the admin forms draw names and numbers.
    static func withoutAutocomplete(_ id: String, in form: FormState, label: String, inputMode: String? = nil) -> FieldView {
        FieldView(id: id, label: label, value: form.values[id] ?? "", autocomplete: nil, inputMode: inputMode, error: form.errors[id])
    }
}
