import FramstegCore
import Mustache
import Testing

@testable import FramstegWeb

/// The templates read a view model through `ReflectedModel` exactly as swift-mustache reads the
/// plain struct: names, nesting, sections, nil falling through to the context below, arrays,
/// values that render as their description, lambdas and dictionaries.
@Suite("Templates read view models as swift-mustache does")
struct ReflectedModelTests {
    struct Row {
        let name: String
        let note: String?
        let isLate: Bool
        let due: Day
    }

    struct Group {
        let title: String
        let rows: [Row]
        let count: Int
        let tags: Set<String>
    }

    struct Page {
        let title: String
        let note: String?
        let groups: [Group]
        let empty: [Row]
        let t: [String: String]
        let lambda: MustacheLambda
        let pair: (first: String, second: Int)
        let nested: Group?
    }

    static let template = """
        <h1>{{title}}</h1>{{#note}}<p>{{.}}</p>{{/note}}{{^note}}<p>{{t.none}}</p>{{/note}}
        {{#groups}}<h2>{{title}} ({{count}})</h2>{{#rows}}<li>{{name}}: {{note}} {{#isLate}}{{t.late}}{{/isLate}} {{due}}</li>{{/rows}}{{^rows}}{{t.empty}}{{/rows}}{{/groups}}
        {{^empty}}-{{/empty}}{{#lambda}}x{{/lambda}} {{pair.first}} {{pair.second}} {{#nested}}[{{title}}]{{/nested}} {{nested.count}}
        """

    static func page(note: String?) -> Page {
        let rows = [
            Row(name: "Anna <A>", note: "har \"citat\"", isLate: true, due: Day("2026-12-03")!),
            Row(name: "Bo", note: nil, isLate: false, due: Day("2027-01-01")!),
        ]
        return Page(
            title: "Arbetslista",
            note: note,
            groups: [
                Group(title: "I dag", rows: rows, count: 2, tags: ["a"]),
                Group(title: "Senare", rows: [], count: 0, tags: []),
            ],
            empty: [],
            t: ["none": "Ingen notis", "late": "försenad", "empty": "Inget"],
            lambda: MustacheLambda { "λ" },
            pair: ("ett", 2),
            nested: Group(title: "Inre", rows: rows, count: 7, tags: [])
        )
    }

    @Test("a page renders the same through the wrapper as from the plain struct", arguments: ["En notis", nil] as [String?])
    func sameOutput(note: String?) throws {
        let template = try MustacheTemplate(string: Self.template)
        let page = Self.page(note: note)
        let plain = template.render(page)
        let wrapped = template.render(ReflectedModel.wrap(page) ?? page)
        #expect(wrapped == plain)
        #expect(plain.contains("Anna &lt;A&gt;: har &quot;citat&quot; försenad 2026-12-03"))
        // Bo's nil note falls through to the page's note, as it does for a plain struct.
        #expect(plain.contains("Bo: \(note ?? "")  2027-01-01"))
        #expect(plain.contains(note.map { "<p>\($0)</p>" } ?? "<p>Ingen notis</p>"))
        #expect(plain.contains("Senare (0)</h2>Inget"))
        #expect(plain.contains("[Inre"))
    }
}
