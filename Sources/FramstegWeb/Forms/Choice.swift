/// One option of a radio group, a set of checkboxes or a select, as a template draws it.
/// Radio and checkbox templates read `checked`, a select's options `selected`; both say the same.
struct Choice: Sendable {
    let value: String
    let label: String
    let checked: Bool
    let selected: Bool

    init(value: String, label: String, isChosen: Bool) {
        self.value = value
        self.label = label
        self.checked = isChosen
        self.selected = isChosen
    }
}
