/// How anonymous responses wait and are released: a response is held until four more of the same
/// survey, version and unit have come in, and the five (or more) are then released together, all
/// stamped with the month of the newest of them. Someone who can tell when a participant finished
/// (from the record, the audit log or two backups) can only tell that their answers are one of a
/// batch of at least five that look alike in everything stored in plain: survey, version, unit and
/// month. Never which one.
///
/// The price: a response counts in the month its batch was complete, not always the month it was
/// given, and a unit's last few responses of a survey wait until enough others come in.
public enum ResponseBatches {
    /// The fewest responses released at once.
    public static let size = 5

    /// What is held together: responses of one pool are released together.
    public struct Pool: Hashable, Sendable {
        public let instrumentID: String
        public let version: Int
        public let unitID: UnitID

        public init(_ response: AnonymousResponse) {
            instrumentID = response.instrumentID
            version = response.version
            unitID = response.unitID
        }
    }

    /// The outcome of adding responses to those held: batches to release and what stays held.
    public struct Outcome: Sendable {
        /// Each batch holds at least `size` responses of one pool, all with the same month.
        public var released: [[AnonymousResponse]]
        public var held: [AnonymousResponse]
    }

    /// Adds `new` to `held` (in that order) and releases every pool that reaches `size`.
    public static func adding(_ new: [AnonymousResponse], to held: [AnonymousResponse]) -> Outcome {
        var pools: [Pool: [AnonymousResponse]] = [:]
        var order: [Pool] = []
        var released: [[AnonymousResponse]] = []
        for response in held + new {
            let pool = Pool(response)
            if pools[pool] == nil { order.append(pool) }
            pools[pool, default: []].append(response)
            if let waiting = pools[pool], waiting.count >= size {
                released.append(stamped(waiting))
                pools[pool] = []
            }
        }
        return Outcome(released: released, held: order.flatMap { pools[$0] ?? [] })
    }

    /// The batch with every response's month set to the newest month among them.
    static func stamped(_ batch: [AnonymousResponse]) -> [AnonymousResponse] {
        let month = batch.map(\.month).max()!
        return batch.map { $0.released(in: month) }
    }
}
