/// What was typed into a form and the message beside each refused field, for showing the form again.
struct FormState: Sendable {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]

    var data: [String: Any] {
        ["values": values, "errors": errors, "hasErrors": !errors.isEmpty]
    }
}
