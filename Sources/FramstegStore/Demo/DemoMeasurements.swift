import Foundation
import FramstegCore
import SQLKit

/// The demo's measurements, following each journey: BIP at the start, every 12 weeks and at exit;
/// Livshjulet for some and KASAM for fewer, at the start and at the end. Ratings mostly rise,
/// faster for those who leave for work or studies, with setbacks along the way.
struct DemoMeasurements {
    let db: any SQLDatabase
    let keyring: FieldKeyring
    let catalog: InstrumentCatalog
    let today: Day
    let now: Date

    func add(to id: ParticipantID, _ steps: [JourneyTransition], by user: UserID) async throws {
        guard let start = steps.first(where: { $0.event == .start })?.day else { return }
        // A stream of its own per participant, so the rest of the demo stays as it was.
        var random = SeededRandom(seed: 90_000 + UInt64(id.rawValue))
        var outcome: ExitOutcome?
        if case .exit(let value) = steps.last?.event { outcome = value }
        let end = steps.last.flatMap { $0.to.isFinal ? $0.day : nil } ?? today
        let doingWell = outcome.map { [.unsubsidisedWork, .subsidisedWork, .studies].contains($0) } ?? random.chance(0.5)
        let repository = MeasurementRepository(db, keyring: keyring)

        var days: [(Day, MeasurementOccasion)] = [(start.adding(days: Int.random(in: 0...3, using: &random)), .start)]
        while let last = days.last?.0, last.adding(days: 84) < end.adding(days: -14) { days.append((last.adding(days: 84), .periodic)) }
        if outcome != nil { days.append((end.adding(days: -Int.random(in: 0...7, using: &random)), .exit)) }
        days = days.filter { $0.0 <= today }

        if let bip = catalog.latest("bip") {
            var ratings = Dictionary(uniqueKeysWithValues: bip.items.map { ($0.id, Int.random(in: 2...6, using: &random)) })
            for (index, (day, occasion)) in days.enumerated() {
                if index > 0 {
                    for item in ratings.keys {
                        let step = random.weighted([(-2, 0.05), (-1, 0.15), (0, 0.3), (1, 0.35), (2, doingWell ? 0.25 : 0.1)])
                        ratings[item] = min(10, max(1, ratings[item]! + step))
                    }
                }
                var answers: [String: Answer] = [:]
                for item in bip.items {
                    switch item.scale {
                    case .numeric: answers[item.id] = .number(ratings[item.id]!)
                    case .choice(let choices):
                        let position = min(choices.count - 1, index + (doingWell ? 1 : 0) - (random.chance(0.3) ? 1 : 0))
                        answers[item.id] =
                            random.chance(0.08) && item.allowsNotAnswered ? .notAnswered : .choice(choices[max(0, position)].value)
                    }
                }
                try await repository.addCompleted(bip, for: id, occasion: occasion, on: day, answers: answers, by: user, now: now)
            }
        }
        // Livshjulet and KASAM at the first and the last occasion, for some.
        guard let first = days.first else { return }
        let pair = days.count > 1 ? [first, days[days.count - 1]] : [first]
        for (instrumentID, share) in [("livshjulet", 0.3), ("kasam", 0.18)] where random.chance(share) {
            guard let instrument = catalog.latest(instrumentID) else { continue }
            var base = Dictionary(
                uniqueKeysWithValues: instrument.items.map { item -> (String, Int) in
                    guard case .numeric(let min, let max, _) = item.scale else { return (item.id, 0) }
                    return (item.id, Int.random(in: min...(min + (max - min) / 2 + 1), using: &random))
                }
            )
            for (index, (day, occasion)) in pair.enumerated() {
                var answers: [String: Answer] = [:]
                for item in instrument.items {
                    guard case .numeric(let min, let max, _) = item.scale else { continue }
                    if index > 0 {
                        base[item.id] = Swift.min(
                            max,
                            Swift.max(min, base[item.id]! + Int.random(in: (doingWell ? 0 : -1)...2, using: &random))
                        )
                    }
                    if item.allowsNotAnswered, random.chance(0.1) {
                        answers[item.id] = .notAnswered
                        continue
                    }
                    // The desired level sits above today's.
                    let value =
                        item.id.hasSuffix("-desired")
                        ? Swift.min(max, (base[String(item.id.dropLast(8))] ?? base[item.id]!) + Int.random(in: 1...3, using: &random))
                        : base[item.id]!
                    answers[item.id] = .number(value)
                }
                try await repository.addCompleted(instrument, for: id, occasion: occasion, on: day, answers: answers, by: user, now: now)
            }
        }
    }
}
