/// What was typed into a form and the message beside each refused field, for showing the form again.
/// A page model can hold it as it is: every property is stored, so Mustache sees them all.
struct FormState: Sendable {
    var values: [String: String] {
        didSet { hasErrors = !errors.isEmpty }
    }
    var errors: [String: String] {
        didSet { hasErrors = !errors.isEmpty }
    }
    private(set) var hasErrors: Bool

    init(values: [String: String] = [:], errors: [String: String] = [:]) {
        self.values = values
        self.errors = errors
        self.hasErrors = !errors.isEmpty
    }
}
