/// Failures of the storage layer that a person can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database named by `--database` / `FRAMSTEG_DATABASE` could not be opened or reached.
    case unreachable(location: String, reason: String)
    /// A row that had to exist did not (e.g. a unit id from a form that was deleted meanwhile).
    case notFound(String)
    /// A unique value was taken (e.g. an e-mail address already in use).
    case duplicate(String)
    /// A stored value could not be read back (e.g. a day that is not `YYYY-MM-DD`).
    case corrupt(String)
    /// The row changed since it was read (another request got there first): nothing was written.
    case conflict(String)
    /// The database cannot be written (a read-only file, folder, mount or server).
    case readOnly(String)

    public var description: String {
        switch self {
        case .unreachable(let location, let reason):
            "cannot open the database given by --database / FRAMSTEG_DATABASE (\(location)): \(reason)"
        case .notFound(let what): "not found: \(what)"
        case .duplicate(let what): "already exists: \(what)"
        case .conflict(let what): "changed meanwhile: \(what)"
        case .corrupt(let what): "unreadable stored value: \(what)"
        case .readOnly(let what): "read-only: \(what)"
        }
    }
}
