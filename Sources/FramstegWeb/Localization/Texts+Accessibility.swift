extension Texts {
    /// The accessibility statement (DOS-lagen 2018:1937, after DIGG's model). Each known gap is one
    /// that the product has today; a fixed one leaves this list in the same change.
    static let accessibilityEntries: [String: (sv: String, en: String)] = [
        "accessibilityTitle": ("Tillgänglighetsredogörelse för Framsteg", "Accessibility statement for Framsteg"),
        "accessibilityLink": ("Tillgänglighet", "Accessibility"),
        "accessibilityLead": (
            "Framsteg används av samordningsförbund och de verksamheter de finansierar: av deltagare som skattar sig själva på en surfplatta, av den som anmäler sig i det öppna formuläret och av personalen. Den här redogörelsen beskriver hur Framsteg uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem.",
            "Framsteg is used by coordination associations and the units they fund: by participants who rate themselves on a tablet, by whoever registers through the public form, and by staff. This statement describes how Framsteg meets the act (2018:1937) on accessibility to digital public services, its known shortcomings, and how to report a problem."
        ),
        "accessibilityStatusTitle": ("Hur tillgänglig är tjänsten?", "How accessible is the service?"),
        "accessibilityStatus": (
            "Framsteg är delvis förenligt med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Målet är nivå AA i WCAG 2.1: sidorna går att använda med tangentbord och skärmläsare, texter och kontroller har tillräcklig kontrast, allt fungerar i 320 pixlars bredd utan att sidan rullar i sidled, varje diagram har en tabell med samma siffror och formulär visar fel intill fältet utan att det du skrivit försvinner.",
            "Framsteg is partially compliant with the act on accessibility to digital public services, because of the shortcomings described below. The aim is level AA of WCAG 2.1: the pages work with a keyboard and a screen reader, texts and controls have enough contrast, everything works at 320 pixels width without sideways scrolling, every chart has a table with the same figures, and forms show errors beside the field without losing what you typed."
        ),
        "accessibilityGapsTitle": ("Innehåll som inte är tillgängligt", "Content that is not accessible"),
        "accessibilityGapTimeout": (
            "Personalens inloggning avslutas efter 30 minuter utan aktivitet utan förvarning, och det som skrivits i ett formulär kan då gå förlorat (WCAG 2.2.1).",
            "Staff are signed out after 30 minutes without activity with no warning, and what was typed in a form may then be lost (WCAG 2.2.1)."
        ),
        "accessibilityGapErrorSummary": (
            "Formulär med flera fel visar felen intill varje fält men saknar en sammanfattning överst med länkar till fälten (WCAG 3.3.1, 2.4.3).",
            "Forms with several errors show each beside its field but have no summary at the top linking to the fields (WCAG 3.3.1, 2.4.3)."
        ),
        "accessibilityGapPrint": (
            "Utskrivna dokument (avslutsdokument, besked till remittent) saknar sidnummer, och en rubrik kan hamna ensam sist på en sida.",
            "Printed documents (exit document, note to the referrer) have no page numbers, and a heading may end up alone at the foot of a page."
        ),
        "accessibilityGapCharts": (
            "I spindeldiagrammen skiljs mätningarna åt med färg och linjetyp; skillnaden mellan tidigare och senaste mätning kan vara svår att se utan tabellen under diagrammet (WCAG 1.4.1).",
            "In the spider charts the measurements differ by colour and line style; the difference between earlier and latest measurement can be hard to see without the table under the chart (WCAG 1.4.1)."
        ),
        "accessibilityReportTitle": ("Rapportera brister", "Report a shortcoming"),
        "accessibilityReport": (
            "Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i en annan form, kontakta det samordningsförbund eller den verksamhet du har kontakt med. Personalen kan ta fram det du behöver och för problemet vidare.",
            "If you find a problem not described here, or need content in another form, contact the coordination association or the unit you are in touch with. The staff can produce what you need and pass the problem on."
        ),
        "accessibilityOversightTitle": ("Tillsyn", "Enforcement"),
        "accessibilityOversight": (
            "Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över lagen. Om du inte är nöjd med hur dina synpunkter hanteras kan du anmäla det till DIGG:",
            "The Agency for Digital Government (DIGG) enforces the act. If you are not satisfied with how your comments are handled, you can report it to DIGG:"
        ),
        "accessibilityTestedTitle": ("Hur vi testat tjänsten", "How the service was tested"),
        "accessibilityTested": (
            "Varje sida testas automatiskt med axe-core (WCAG 2.0 och 2.1, nivå A och AA) i Chromium, i datorbredd, på en surfplatta och i 320 pixlars bredd, vid varje ändring av Framsteg. Redogörelsen uppdaterades senast den 1 december 2026.",
            "Every page is tested automatically with axe-core (WCAG 2.0 and 2.1, levels A and AA) in Chromium, at desktop width, on a tablet and at 320 pixels, with every change to Framsteg. This statement was last updated on 1 December 2026."
        ),
    ]
}
