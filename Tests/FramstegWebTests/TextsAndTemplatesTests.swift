import Foundation
import FramstegCore
import Mustache
import Testing

@testable import FramstegWeb

/// Every text the interface can ask for exists in Swedish and English, and every template the
/// application renders exists: a misspelt key or template name fails here, not on a page.
@Suite("Texts and templates")
struct TextsAndTemplatesTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/FramstegWeb")

    static func files(under folder: URL, ending suffix: String) throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.lastPathComponent.hasSuffix(suffix) }
    }

    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    static func isInBothLanguages(_ key: String) -> Bool {
        guard let entry = Texts.entries[key] else { return false }
        return !entry.sv.isEmpty && !entry.en.isEmpty
    }

    @Test("every {{t.key}} in a template is a text in both languages")
    func templateKeys() throws {
        var missing: [String] = []
        for file in try Self.files(under: Self.sources.appendingPathComponent("Templates"), ending: ".mustache") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for key in try Self.matches(#"\{\{[#^/]?t\.([A-Za-z0-9_.-]+)\}\}"#, in: text) where !Self.isInBothLanguages(key) {
                missing.append("\(file.lastPathComponent): \(key)")
            }
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test("every key written out in Swift (Texts.text(\"…\") and text(\"…\")) is a text in both languages")
    func sourceKeys() throws {
        var missing: [String] = []
        for file in try Self.files(under: Self.sources, ending: ".swift") where !file.path.contains("/Localization/Texts") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for key in try Self.matches(#"\btext\("([A-Za-z0-9_.-]+)"[,)]"#, in: text) where !key.hasSuffix(".") {
                if !Self.isInBothLanguages(key) { missing.append("\(file.lastPathComponent): \(key)") }
            }
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test("every notice and every label made from an enumeration's values is a text in both languages")
    func enumerationKeys() {
        var keys = Notice.allCases.map(\.rawValue) + ["event.registered"]
        let labelled: [(String, [String])] = [
            ("gender.", Gender.allCases.map(\.rawValue)), ("genderGroup.", Gender.allCases.map(\.rawValue)),
            ("referrer.", ReferrerKind.allCases.map(\.rawValue)), ("authority.", Authority.allCases.map(\.rawValue)),
            ("outcome.", ExitOutcome.allCases.map(\.rawValue)), ("event.", JourneyEventKind.allCases.map(\.rawValue)),
            ("occasion.", MeasurementOccasion.allCases.map(\.rawValue)),
            ("meetingKind.", MeetingKind.allCases.map(\.rawValue)), ("attendee.", MeetingAttendee.allCases.map(\.rawValue)),
            ("interventionType.", InterventionType.allCases.map(\.rawValue)),
            ("provider.", InterventionProvider.allCases.map(\.rawValue)), ("stepStatus.", PlanStepStatus.allCases.map(\.rawValue)),
            ("language.", Language.allCases.map(\.rawValue)), ("mix.", InterventionMix.allCases.map(\.rawValue)),
            ("mixRow.", InterventionMix.allCases.map(\.rawValue)), ("belief.", BeliefBand.allCases.map(\.rawValue)),
            ("figureRow.", AgeBand.allCases.map(\.rawValue)), ("splitBy.", FollowUpFigures.SplitKind.allCases.map(\.rawValue)),
            ("splitTitle.", FollowUpFigures.SplitKind.allCases.map(\.rawValue)),
            ("goalKind.", GoalKind.allCases.map(\.rawValue)), ("goalStatus.", ["met", "not-met", "on-track", "behind"]),
            ("periodKind.", ReportingPeriod.Kind.allCases.map(\.rawValue)), ("respondent.", Respondent.allCases.map(\.rawValue)),
            ("series.", ["first", "previous", "latest"]),
        ]
        for (prefix, values) in labelled { keys += values.map { prefix + $0 } }
        #expect(keys.filter { !Self.isInBothLanguages($0) }.isEmpty, "\(keys.filter { !Self.isInBothLanguages($0) })")
    }

    @Test("placeholders are all {name}: no printf-style %d or %@ is left in any text")
    func onePlaceholderStyle() {
        let printf = Texts.entries.filter { $0.value.sv.contains("%d") || $0.value.en.contains("%d") || $0.value.sv.contains("%@") }
        #expect(printf.isEmpty, "\(printf.keys.sorted())")
        #expect(Texts.text("problemOutOfRange", .english, ["min": "1", "max": "10"]) == "Enter a number between 1 and 10.")
    }

    @Test("the templates on disk and the Template enumeration agree, and a missing one stops the start")
    func templatesResolveAtStart() async throws {
        _ = try await Renderer.load()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("framsteg-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for template in Template.allCases where template != .dashboard {
            try "x".write(to: folder.appendingPathComponent(template.rawValue + ".mustache"), atomically: true, encoding: .utf8)
        }
        try "x".write(to: folder.appendingPathComponent("dashbord.mustache"), atomically: true, encoding: .utf8)
        let library = try await MustacheLibrary(directory: folder.path)
        #expect(throws: RendererError.self) { try Renderer.check(library, directory: folder) }
        do {
            try Renderer.check(library, directory: folder)
        } catch {
            #expect("\(error)" == "templates missing: dashboard; templates not named in Template: dashbord")
        }
    }

    @Test("the field partial links label, help and error, and a field without help borrows nothing from the page around it")
    func fieldPartial() async throws {
        let renderer = try await Renderer.load()
        struct Page {
            let help = "the page's own help"
            let field: FieldView
        }
        let form = FormState(values: ["name": "Sara <3"], errors: ["name": "Fyll i det här fältet."])
        let html = renderer.render(.field, Page(field: FieldView("name", in: form, label: "Namn")).field)
        #expect(html.contains(#"<label for="name">Namn</label>"#))
        #expect(html.contains(#"value="Sara &lt;3""#), "escaped")
        #expect(html.contains(#"aria-describedby="name-error" aria-invalid="true""#))
        #expect(html.contains(#"<p id="name-error" class="field-error">Fyll i det här fältet.</p>"#))
        #expect(!html.contains("help"))
        let helped = renderer.render(.field, FieldView("day", in: FormState(), label: "Dag", type: "date", help: "ÅÅÅÅ-MM-DD"))
        #expect(helped.contains(#"type="date""#) && helped.contains(#"aria-describedby="day-help""#))
        #expect(helped.contains(#"<p id="day-help" class="help">ÅÅÅÅ-MM-DD</p>"#) && !helped.contains("aria-invalid"))
    }
}
