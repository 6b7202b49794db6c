/// The instruments in use, every version kept: a measurement names the id and version it was taken
/// with, so a new version never changes how an old measurement reads or scores.
public struct InstrumentCatalog: Sendable {
    private var versions: [String: [Int: Instrument]] = [:]

    public init(_ instruments: [Instrument] = []) {
        for instrument in instruments { try? add(instrument) }
    }

    public enum Problem: Error, Hashable, Sendable {
        /// That id and version exists with other content: versions are never edited, only added.
        case versionExists(id: String, version: Int)
        /// The instrument's wording is read-only (it belongs to the national network): a new
        /// version may correct its scales, never the text of a question, nor unlock itself.
        case wordingLocked(id: String, item: String?)
        /// An anonymous instrument stays anonymous in every later version: its answers are never
        /// tied to a person, whoever adds the version.
        case anonymityLocked(id: String)
    }

    /// Adds a version. The same content again is accepted (idempotent loading); changed content
    /// under an existing version is refused.
    public mutating func add(_ instrument: Instrument) throws(Problem) {
        if let existing = versions[instrument.id]?[instrument.version] {
            if existing == instrument { return }
            throw .versionExists(id: instrument.id, version: instrument.version)
        }
        if let locked = versions[instrument.id]?.values.filter(\.isReadOnly).max(by: { $0.version < $1.version }) {
            guard instrument.isReadOnly else { throw .wordingLocked(id: instrument.id, item: nil) }
            for item in locked.items {
                guard let changed = instrument.item(item.id), changed.text == item.text else {
                    throw .wordingLocked(id: instrument.id, item: item.id)
                }
            }
        }
        if versions[instrument.id]?.values.contains(where: \.isAnonymous) == true, !instrument.isAnonymous {
            throw .anonymityLocked(id: instrument.id)
        }
        versions[instrument.id, default: [:]][instrument.version] = instrument
    }

    public func instrument(_ id: String, version: Int) -> Instrument? { versions[id]?[version] }

    /// Every version of an instrument, oldest first.
    public func versions(of id: String) -> [Int] { (versions[id]?.keys).map { $0.sorted() } ?? [] }

    /// The newest version: what a new measurement is taken with.
    public func latest(_ id: String) -> Instrument? {
        versions[id].flatMap { $0.max { $0.key < $1.key }?.value }
    }

    /// The newest version of each instrument, in id order.
    public var current: [Instrument] { versions.keys.sorted().compactMap(latest) }
}
