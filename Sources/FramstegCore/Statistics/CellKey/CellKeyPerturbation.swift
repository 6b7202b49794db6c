/// The cell key method: how every count outside a unit's own casework is published (issue 16).
///
/// Each participant and each anonymous response has a `RecordKey`, drawn at random when it is
/// created and never shown. A cell's key is the sum of its contributors' keys modulo 2³² (the
/// fractional part of the sum of their fractions), and its published value is the true count plus
/// the deviation the `PerturbationTable` gives for (true count, cell key). With the table's
/// parameters D (`maximumDeviation`), V (`variance`) and js (`smallestPublished`) this guarantees:
/// - the same contributors give the same published value, in every view, period and export, so
///   asking again or differencing two overlapping periods gives noise, not a person;
/// - a true 0 is published as 0;
/// - no count from 1 to js is ever published (with the defaults: never 1 or 2);
/// - the published count is never negative and differs from the true one by at most D;
/// - the expected deviation is 0 for every true count, with variance V from D + js + 1 on.
///
/// A total is a cell of its own, perturbed with the key of all its contributors, so a published
/// total need not equal the sum of its published parts; the interface should say so rather than
/// make them add up. Shares are computed from the published counts (`PerturbedFigures`).
public struct CellKeyPerturbation: Sendable, Hashable {
    public let table: PerturbationTable

    public init(table: PerturbationTable = PerturbationTable()) { self.table = table }

    /// The count to publish for a cell of `trueValue` contributors whose cell key is `cellKey`.
    public func publish(trueValue: Int, cellKey: UInt32) -> Int {
        precondition(trueValue >= 0, "a count is never negative")
        return trueValue + table.deviation(value: trueValue, cellKey: cellKey)
    }

    /// The count to publish for the cell of these contributors (each record once): their number,
    /// perturbed with their cell key.
    public func publish(contributors: some Collection<RecordKey>) -> Int {
        publish(trueValue: contributors.count, cellKey: RecordKey.cellKey(of: contributors))
    }
}
