import Foundation
import FramstegCore

/// The instrument definitions shipped with Framsteg (`Instruments/*.json` in this module): BIP,
/// Livshjulet, KASAM and the self-rating. A broken file is named with its path and reason.
public enum ShippedInstruments {
    public static func load() throws(InstrumentDefinitionProblem) -> [Instrument] {
        let folder = Bundle.module.url(forResource: "Instruments", withExtension: nil)
        let urls = ((folder.flatMap { try? FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil) }) ?? [])
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        var instruments: [Instrument] = []
        for url in urls {
            guard let data = try? Data(contentsOf: url) else {
                throw InstrumentDefinitionProblem(file: url.lastPathComponent, path: "", reason: .notJSON)
            }
            instruments.append(try Instrument(definition: data, file: url.lastPathComponent))
        }
        return instruments
    }
}
