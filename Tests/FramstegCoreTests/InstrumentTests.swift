import Foundation
import FramstegCore
import Testing

@Suite("Instrument engine: definitions, answers, scoring, versions")
struct InstrumentTests {
    /// A small instrument: four items on 1–5 (one reversed, one that may be left unanswered),
    /// a yes/no choice with scores, two subscales and a total with thresholds.
    static func definition(version: Int = 1, reverseB: Bool = true) -> String {
        """
        {
          "id": "test", "version": \(version),
          "title": {"sv": "Prov", "en": "Test"},
          "scales": {
            "five": {"min": 1, "max": 5, "labels": {"1": {"sv": "Aldrig"}, "5": {"sv": "Alltid", "en": "Always"}}},
            "yes-no": {"choices": [{"value": "yes", "score": 2, "label": {"sv": "Ja"}}, {"value": "no", "score": 0, "label": {"sv": "Nej"}}]}
          },
          "items": [
            {"id": "a", "respondent": "participant", "scale": "five", "text": {"sv": "A"}, "area": "belief"},
            {"id": "b", "respondent": "participant", "scale": "five", "text": {"sv": "B"}, "reverse": \(reverseB)},
            {"id": "c", "respondent": "participant", "scale": "five", "text": {"sv": "C"}, "notAnswered": true},
            {"id": "d", "respondent": "counsellor", "scale": "five", "text": {"sv": "D"}, "area": "belief"},
            {"id": "e", "respondent": "participant", "scale": "yes-no", "text": {"sv": "E"}}
          ],
          "subscales": [
            {"id": "first", "title": {"sv": "Första"}, "items": ["a", "b", "c"], "method": "sum", "minimumAnswered": 2,
             "thresholds": [{"below": 6, "text": {"sv": "Lågt"}}, {"below": 10, "text": {"sv": "Medel"}}], "otherwise": {"sv": "Högt"}},
            {"id": "second", "title": {"sv": "Andra"}, "items": ["d", "e"], "method": "mean"}
          ],
          "total": {"id": "total", "title": {"sv": "Totalt"}, "items": "all", "minimumAnswered": 4}
        }
        """
    }

    static func load(_ text: String, file: String = "test-1.json") throws(InstrumentDefinitionProblem) -> Instrument {
        try Instrument(definition: Data(text.utf8), file: file)
    }

    @Test("a good definition loads with its scales, items, labels and subscales")
    func loads() throws {
        let instrument = try Self.load(Self.definition())
        #expect(instrument.id == "test" && instrument.version == 1)
        #expect(instrument.items.map(\.id) == ["a", "b", "c", "d", "e"])
        #expect(instrument.items(for: .counsellor).map(\.id) == ["d"])
        #expect(instrument.item("b")?.isReversed == true)
        guard case .numeric(1, 5, let labels) = instrument.item("a")?.scale else {
            Issue.record("scale")
            return
        }
        #expect(labels[5]?.text(.english) == "Always")
        #expect(labels[1]?.text(.english) == "Aldrig", "English falls back to Swedish")
        #expect(instrument.total?.itemIDs == ["a", "b", "c", "d", "e"])
        #expect(instrument.sharedAreas.map { "\($0.area):\($0.participant.id)/\($0.counsellor.id)" } == ["belief:a/d"])
    }

    /// Each kind of mistake, and the path it must be reported at.
    static let brokenDefinitions: [(String, String, InstrumentDefinitionProblem.Reason)] = [
        ("{", "", .notJSON),
        (#"{"version": 1}"#, "id", .missing),
        (#"{"id": "Test!", "version": 1}"#, "id", .badIdentifier("Test!")),
        (#"{"id": "t", "version": "1"}"#, "version", .wrongType(expected: "a number")),
        (#"{"id": "t", "version": 1, "title": {"en": "x"}}"#, "title.sv", .missing),
        (#"{"id": "t", "version": 1, "title": {"sv": "x"}, "scales": {}}"#, "scales", .emptyList),
        (#"{"id": "t", "version": 1, "title": {"sv": "x"}, "scales": {"s": {"min": 5, "max": 1}}}"#, "scales.s", .badRange(min: 5, max: 1)),
        (
            #"{"id": "t", "version": 1, "title": {"sv": "x"}, "scales": {"s": {"min": 1, "max": 5, "labels": {"9": {"sv": "x"}}}}}"#,
            "scales.s.labels.9", .labelOutsideScale(9)
        ),
        (
            #"{"id": "t", "version": 1, "title": {"sv": "x"}, "scales": {"s": {"min": 1, "max": 5}}, "items": [{"id": "a", "respondent": "participant", "scale": "t", "text": {"sv": "A"}}]}"#,
            "items[0].scale", .unknownScale("t")
        ),
        (
            #"{"id": "t", "version": 1, "title": {"sv": "x"}, "scales": {"s": {"min": 1, "max": 5}}, "items": [{"id": "a", "respondent": "boss", "scale": "s", "text": {"sv": "A"}}]}"#,
            "items[0].respondent", .unknownRespondent("boss")
        ),
        (
            #"{"id": "t", "version": 1, "title": {"sv": "x"}, "scales": {"s": {"min": 1, "max": 5}}, "items": [{"id": "a", "respondent": "participant", "scale": "s", "text": {"sv": "A"}}, {"id": "a", "respondent": "participant", "scale": "s", "text": {"sv": "A"}}]}"#,
            "items[1].id", .duplicate("a")
        ),
        (
            #"{"id": "t", "version": 1, "title": {"sv": "x"}, "scales": {"c": {"choices": [{"value": "y", "label": {"sv": "Ja"}}]}}, "items": [{"id": "a", "respondent": "participant", "scale": "c", "text": {"sv": "A"}, "reverse": true}]}"#,
            "items[0].reverse", .reverseNeedsNumericScale
        ),
        (
            #"{"id": "t", "version": 1, "title": {"sv": "x"}, "improvedAtLeast": 4, "scales": {"s": {"min": 1, "max": 5}}, "items": [{"id": "a", "respondent": "participant", "scale": "s", "text": {"sv": "A"}}, {"id": "b", "respondent": "participant", "scale": "s", "text": {"sv": "B"}}, {"id": "c", "respondent": "participant", "scale": "s", "text": {"sv": "C"}}], "subscales": [{"id": "x", "title": {"sv": "X"}, "items": ["a", "b", "c"]}]}"#,
            "improvedAtLeast", .improvedOutOfRange(indicators: 3)
        ),
        (
            #"{"id": "t", "version": 1, "title": {"sv": "x"}, "scales": {"s": {"min": 1, "max": 5}}, "items": [{"id": "a", "respondent": "participant", "scale": "s", "text": {"sv": "A"}}], "subscales": [{"id": "x", "title": {"sv": "X"}, "items": ["a", "z"]}]}"#,
            "subscales[0].items[1]", .unknownItem("z")
        ),
        (
            #"{"id": "t", "version": 1, "title": {"sv": "x"}, "scales": {"s": {"min": 1, "max": 5}}, "items": [{"id": "a", "respondent": "participant", "scale": "s", "text": {"sv": "A"}}], "subscales": [{"id": "x", "title": {"sv": "X"}, "items": ["a"], "method": "median"}]}"#,
            "subscales[0].method", .unknownMethod("median")
        ),
        (
            #"{"id": "t", "version": 1, "title": {"sv": "x"}, "scales": {"s": {"min": 1, "max": 5}}, "items": [{"id": "a", "respondent": "participant", "scale": "s", "text": {"sv": "A"}}], "subscales": [{"id": "x", "title": {"sv": "X"}, "items": ["a"], "minimumAnswered": 2}]}"#,
            "subscales[0].minimumAnswered", .minimumAnsweredTooHigh(items: 1)
        ),
        (
            #"{"id": "t", "version": 1, "title": {"sv": "x"}, "scales": {"s": {"min": 1, "max": 5}}, "items": [{"id": "a", "respondent": "participant", "scale": "s", "text": {"sv": "A"}}], "total": {"id": "x", "title": {"sv": "X"}, "items": "all", "thresholds": [{"below": 5, "text": {"sv": "a"}}, {"below": 3, "text": {"sv": "b"}}]}}"#,
            "total.thresholds[1].below", .thresholdsNotAscending
        ),
    ]

    @Test("every kind of broken definition is named by file, path and reason", arguments: brokenDefinitions.indices)
    func brokenDefinition(_ index: Int) {
        let (text, path, reason) = Self.brokenDefinitions[index]
        #expect(throws: InstrumentDefinitionProblem(file: "broken.json", path: path, reason: reason)) {
            try Self.load(text, file: "broken.json")
        }
    }

    @Test("an anonymous survey may name the delivery it collects; a delivery that is not a survey's, or an identified survey, is refused")
    func nationalDelivery() throws {
        func definition(anonymous: Bool, delivery: String) -> String {
            Self.definition().replacingOccurrences(
                of: #""id": "test", "version": 1,"#,
                with: #""id": "test", "version": 1, "anonymous": \#(anonymous), "nationalDelivery": "\#(delivery)","#
            )
        }
        #expect(try Self.load(definition(anonymous: true, delivery: "violence-screening")).nationalDelivery == .violenceScreening)
        #expect(try Self.load(Self.definition()).nationalDelivery == nil)
        #expect(throws: InstrumentDefinitionProblem(file: "test-1.json", path: "nationalDelivery", reason: .notASurveyDelivery("finsam"))) {
            try Self.load(definition(anonymous: true, delivery: "finsam"))
        }
        #expect(
            throws: InstrumentDefinitionProblem(
                file: "test-1.json",
                path: "nationalDelivery",
                reason: .notASurveyDelivery("violence-screening")
            )
        ) { try Self.load(definition(anonymous: false, delivery: "violence-screening")) }
    }

    @Test("the problem reads as one line naming the file and path")
    func problemDescription() {
        let problem = InstrumentDefinitionProblem(file: "kasam-2.json", path: "items[3].scale", reason: .unknownScale("one-to-nine"))
        #expect(problem.description == #"kasam-2.json: items[3].scale no scale "one-to-nine" is defined"#)
    }

    @Test("answers are checked against their item")
    func answers() throws {
        let instrument = try Self.load(Self.definition())
        #expect(throws: Never.self) { try instrument.check(.number(5), for: "a") }
        #expect(throws: AnswerProblem.outOfRange(min: 1, max: 5)) { try instrument.check(.number(6), for: "a") }
        #expect(throws: AnswerProblem.notAnswerable) { try instrument.check(.notAnswered, for: "a") }
        #expect(throws: Never.self) { try instrument.check(.notAnswered, for: "c") }
        #expect(throws: AnswerProblem.unknownChoice) { try instrument.check(.choice("maybe"), for: "e") }
        #expect(throws: AnswerProblem.unknownItem) { try instrument.check(.number(1), for: "zz") }
        #expect(Answer(storageValue: Answer.choice("yes").storageValue) == .choice("yes"))
        #expect(Answer(storageValue: "-") == .notAnswered)
        #expect(Answer(storageValue: "7") == .number(7))
        #expect(instrument.unanswered(by: .participant, in: ["a": .number(1), "c": .notAnswered]).map(\.id) == ["b", "e"])
    }

    @Test("scores by hand: reverse items, sums and means, prorating for a missing answer, thresholds")
    func scoring() throws {
        let instrument = try Self.load(Self.definition())
        // a = 4, b = 2 reversed → 4, c = 3: first = 11 (≥ 10: "Högt"); d = 3, e = yes (2): second = 2.5;
        // total = 4 + 4 + 3 + 3 + 2 = 16.
        let full = instrument.scores(["a": .number(4), "b": .number(2), "c": .number(3), "d": .number(3), "e": .choice("yes")])
        #expect(full.map(\.subscaleID) == ["first", "second", "total"])
        #expect(full.map(\.value) == [11, 2.5, 16])
        #expect(full[0].interpretation?.swedish == "Högt")
        // c not answered: (4 + 4) / 2 × 3 = 12 prorated; total from 4 of 5: (4 + 4 + 3 + 2) / 4 × 5 = 16.25.
        let missing = instrument.scores(["a": .number(4), "b": .number(2), "c": .notAnswered, "d": .number(3), "e": .choice("yes")])
        #expect(missing.map(\.value) == [12, 2.5, 16.25])
        #expect(missing[0].answered == 2 && missing[0].of == 3)
        // a = 1, b = 5 reversed → 1: 2 from 2 of 3 → prorated 3: "Lågt".
        let low = instrument.scores(["a": .number(1), "b": .number(5)])
        #expect(low[0].value == 3)
        #expect(low[0].interpretation?.swedish == "Lågt")
        #expect(low[1].value == nil, "the second subscale needs both its items")
        #expect(low[2].value == nil, "the total needs four of five")
        // a = 3, b = 3, c = 2 → 3 + 3 + 2 = 8: the middle band.
        #expect(instrument.scores(["a": .number(3), "b": .number(3), "c": .number(2)])[0].interpretation?.swedish == "Medel")
    }

    @Test("a new version never changes how an old measurement scores; a version is never edited")
    func versions() throws {
        var catalog = InstrumentCatalog([try Self.load(Self.definition(version: 1, reverseB: true))])
        let answers: [String: Answer] = ["a": .number(4), "b": .number(2), "c": .number(3)]
        let before = catalog.instrument("test", version: 1)!.scores(answers)[0].value
        try catalog.add(try Self.load(Self.definition(version: 2, reverseB: false)))
        #expect(catalog.latest("test")?.version == 2)
        #expect(catalog.instrument("test", version: 1)!.scores(answers)[0].value == before)
        #expect(catalog.instrument("test", version: 2)!.scores(answers)[0].value == 9, "4 + 2 + 3 without reversal")
        try catalog.add(try Self.load(Self.definition(version: 1, reverseB: true)))  // the same again: fine
        #expect(throws: InstrumentCatalog.Problem.versionExists(id: "test", version: 1)) {
            try catalog.add(try Self.load(Self.definition(version: 1, reverseB: false)))
        }
    }
}
