import FramstegCore
import FramstegStore
import FramstegTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The record as a workspace")
struct RecordTabsTests {
    /// The ids of the `<section>`s a page shows.
    static func sections(_ page: String) -> Set<String> {
        Set(
            page.components(separatedBy: #"<section id=""#).dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
        )
    }

    @Test("each tab shows its own sections under the summary, marks itself current, and an unknown tab is the overview")
    func tabs() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let expected: [(String, Set<String>)] = [
                ("", ["overview"]),
                ("?tab=measurements", ["measurements", "surveys"]),
                ("?tab=activities", ["interventions", "hours"]),
                ("?tab=meetings", ["meetings"]),
                ("?tab=journey", ["eligibility", "counsellor", "journey"]),
                ("?tab=details", ["details"]),
                ("?tab=nonsense", ["overview"]),
            ]
            for (query, sections) in expected {
                let page = try await browser.get(path + query)
                #expect(page.status == .ok, "\(query)")
                let shown = Self.sections(page.text).subtracting(["record-summary"])
                #expect(shown.subtracting(["summary"]) == sections, "\(query): \(shown)")
                #expect(page.text.contains(#"<section class="record-summary""#), "the summary on every tab: \(query)")
                let current = query == "?tab=nonsense" || query.isEmpty ? "overview" : String(query.dropFirst(5))
                #expect(page.text.contains(#"<a id="tab-\#(current)" href=""#), "\(query)")
                #expect(page.text.components(separatedBy: #"aria-current="page""#).count == 2, "one tab is current: \(query)")
                #expect(page.text.contains(#"id="plan""#) == (query == "?tab=measurements"), "the plan beside the measurements: \(query)")
                #expect(page.text.contains(#"id="tab-\#(current)" href="\#(RecordTabsTests.href(path, current))" aria-current="page""#))
            }
            // The whole number is only on the details tab, masked there until asked for.
            #expect(!(try await browser.get(path).text.contains("19811218-9876")))
            #expect(try await browser.get(path + "?tab=details").text.contains(#"<span id="whole-number">19811218-9876</span>"#))
        }
    }

    static func href(_ path: String, _ tab: String) -> String {
        tab == "overview" ? path : path + "?tab=" + tab
    }

    @Test(
        "the summary names the stage and week, the responsible counsellor, the latest measurement, hours and the plan; the overview lists what is due"
    )
    func summary() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let today = Day(fixture.clock.now)
            #expect(
                try await browser.post(
                    path + "/plan/goals/\(fixture.goalA1)/steps",
                    [("text", "Ring arbetsgivaren"), ("owner", "participant"), ("due", today.adding(days: -1).description)]
                ).status == .seeOther
            )
            let page = try await browser.get(path).text
            #expect(
                page.contains(
                    #"<div class="summary-item" id="summary-state"><dt>Läge</dt><dd><a href="\#(path)?tab=journey#journey">Introduktion, vecka 1 i programmet</a></dd></div>"#
                )
            )
            #expect(
                page.contains(
                    #"id="summary-counsellor"><dt>Ansvarig handledare</dt><dd><a href="\#(path)?tab=journey#counsellor">Test counsellor</a>"#
                )
            )
            #expect(page.contains("BIP progressionsmätning \(today) (pågår)"), "the fixture's measurement is not yet answered")
            #expect(page.contains("Inget timmål satt") && page.contains("Inget planerat"))
            #expect(
                page.contains(
                    #"<div class="summary-item warning" id="summary-plan"><dt>Handlingsplan</dt><dd><a href="\#(path)?tab=measurements#plan">2 öppna steg, 1 försenat</a>"#
                )
            )
            // What is due, soonest first: the overdue step, then the fixture's step a week on.
            let due = try #require(
                page.components(separatedBy: #"<ul class="due-list" id="record-due">"#).dropFirst().first?.components(separatedBy: "</ul>")
                    .first
            )
            let overdue = try #require(due.range(of: "Ring arbetsgivaren"))
            let later = try #require(due.range(of: "Boka möte med FK"))
            #expect(overdue.lowerBound < later.lowerBound)
            #expect(
                due.contains(
                    #"<li class="overdue"><a href="\#(path)?tab=measurements#plan">Ring arbetsgivaren</a> <span class="muted">\#(today.adding(days: -1))</span> <strong class="tag overdue-tag">försenad</strong></li>"#
                )
            )
            #expect(due.contains("Enkät erbjuden, inte besvarad: "), "the fixture's offered survey")
        }
    }

    @Test("a refused form comes back on its own tab with an error summary linking to each field, 422, and a title that says so")
    func refusedForm() async throws {
        try await TestApp.run { fixture, client throws in
            let browser = TestBrowser(client)
            let path = try await startedParticipant(fixture, browser)
            let today = Day(fixture.clock.now)
            let refused = try await browser.post(
                path + "/interventions",
                [
                    ("type", "job"), ("provider", "employer"), ("title", "Praktik på lager"), ("placement", "yes"), ("employerName", ""),
                    ("start", today.description), ("end", ""),
                ]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<title>Fel i formuläret – Sara Lind – Insatser och timmar – Framsteg</title>"))
            #expect(refused.text.contains(#"id="tab-activities" href="\#(path)?tab=activities" aria-current="page""#))
            #expect(
                refused.text.contains(
                    ##"<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><p>Formuläret har fel. Rätta de markerade fälten.</p><ul><li><a href="#intervention-employer">Fyll i det här fältet.</a></li></ul></div>"##
                )
            )
            #expect(refused.text.contains(#"id="intervention-employer" name="employerName""#), "the field the summary links to")
            #expect(refused.text.contains(#"value="Praktik på lager""#), "what was typed is kept")
            // A saved change names itself in the title too.
            let saved = try await browser.post(
                path + "/meetings",
                [("kind", "individual"), ("day", today.description), ("attendees", "participant")]
            )
            #expect(saved.location == path + "?tab=meetings&notice=meetingSaved#meetings")
            let after = try await browser.get(try #require(saved.location))
            #expect(after.text.contains("<title>Mötet är sparat – Sara Lind – Möten – Framsteg</title>"))
            #expect(
                after.text.contains(
                    #"id="summary-meeting"><dt>Nästa möte</dt><dd><a href="\#(path)?tab=meetings#meetings">Inget planerat; senast \#(today)</a>"#
                )
            )
        }
    }
}
