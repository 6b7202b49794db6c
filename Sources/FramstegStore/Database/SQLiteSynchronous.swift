/// How hard SQLite makes a commit durable before it returns (`PRAGMA synchronous`), in WAL mode.
///
/// `full` (the default) syncs the WAL at every commit: an acknowledged write survives a power loss
/// or a kernel crash. `normal` syncs only at checkpoints: commits are cheaper, a crash of the
/// process still loses nothing, but a power loss may lose the last commits (never corrupts).
public enum SQLiteSynchronous: String, CaseIterable, Sendable {
    case full
    case normal

    /// What `PRAGMA synchronous` reads back for this setting.
    public var pragmaValue: Int {
        switch self {
        case .full: 2
        case .normal: 1
        }
    }
}
