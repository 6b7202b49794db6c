/// Kön, as the person states it; every figure is split by it.
public enum Gender: String, CaseIterable, Sendable, Codable, Hashable {
    case woman
    case man
    /// Annat eller ej angivet: another gender, or the person chose not to say.
    case anotherOrNotStated = "other"
}
