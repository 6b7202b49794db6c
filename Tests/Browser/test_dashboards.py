"""The unit and association dashboards in real Chromium: each figure as a chart with its table,
figures published by audience, the period picker, an explanation instead of zeros, and the office's exports."""

from __future__ import annotations

import base64
import io
import datetime
import urllib.request

import openpyxl
import pypdf

from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support.ui import Select

from harness import DEMO_USERS, Browser


def test_office_dashboard_for_the_association_and_a_municipality(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["office"])
    browser.visit("/office/dashboard")
    assert browser.heading.startswith("Uppföljning: Hela förbundet")
    flow = browser.find("#table-flow").text
    assert "Anmälningar" in flow and "Kvinnor" in flow and "Män" in flow
    assert browser.find("#figure-flow-section svg.figure-chart").get_attribute("role") == "img"
    for key in ["age", "municipality", "outcomes", "coverage", "time", "waiting", "continuity"]:
        assert browser.driver.find_elements(By.ID, f"table-{key}"), f"{key} is shown"
    assert "mål 80 %" in browser.find("#figure-coverage-section").text
    assert browser.find("#table-places")
    progression = browser.find("#table-progression-bip").text
    assert "Mätta minst två gånger" in progression
    assert "minst 3 av 8" in browser.find("#figure-progression-livshjulet-section").text
    # BIP's question and KASAM by occasion, each a chart over its table.
    interventions = browser.find("#table-interventions").text
    assert "Kombinerade med arbetsinriktat" in interventions and "Inga insatser" in interventions
    assert "Hög (7 eller mer)" in browser.find("#table-belief").text
    assert "Arbete utan subvention" in browser.find("#table-belief-outcomes").text
    kasam = browser.find("#table-occasions-kasam").text
    assert "Start: Begriplighet" in kasam and "Avslut: KASAM totalt" in kasam
    for key in ["interventions", "belief", "belief-outcomes", "occasions-kasam"]:
        assert browser.find(f"#figure-{key}-section svg.figure-chart").get_attribute("role") == "img"
    # Through the cell key method: nothing hidden, no count shown as 1 or 2, and the page says so.
    cells = [cell.text for cell in browser.driver.find_elements(By.CSS_SELECTOR, "main table td.number")]
    assert cells and not any(text in {"1", "2"} for text in cells)
    assert "aldrig som 1 eller 2" in browser.find("#dashboard-lead").text
    assert "exakta antal, för inrapportering" in browser.find("#finsam-note").text, "the demo's office may deliver"

    # The board's annual report: the goals with their results, then every figure.
    browser.click("#annual-report-link")
    assert browser.heading.startswith("Årsrapport")
    goals = browser.find("#table-goals").text
    assert "Progressionsmätning" in goals and "Fråga 1" in goals and "Fråga 5" in goals
    assert browser.driver.find_elements(By.CSS_SELECTOR, "a.export-link") == []
    browser.visit("/office/dashboard")

    # Every count table split by age band, then by home municipality: each part's rows in turn,
    # with its sum; the picker keeps the choice, and still no cell shows 1 or 2.
    Select(browser.find("#dashboard-split")).select_by_visible_text("Åldersgrupp")
    browser.click("#show-dashboard")
    assert Select(browser.find("#dashboard-split")).first_selected_option.text == "Åldersgrupp"
    assert "per åldersgrupp" in browser.find("#figure-outcomes-heading").text
    outcomes = browser.find("#table-outcomes").text
    assert "Under 30 år: Arbete utan subvention" in outcomes and "30 år och äldre: totalt" in outcomes
    assert browser.find("#figure-outcomes-section svg.figure-chart").get_attribute("role") == "img"
    Select(browser.find("#dashboard-split")).select_by_visible_text("Kommun")
    browser.click("#show-dashboard")
    assert "per hemkommun" in browser.find("#figure-waiting-heading").text
    assert "Mölndal: Inom 14 dagar" in browser.find("#table-waiting").text
    cells = [cell.text for cell in browser.driver.find_elements(By.CSS_SELECTOR, "main table td.number")]
    assert not any(text in {"1", "2"} for text in cells)
    Select(browser.find("#dashboard-split")).select_by_visible_text("Ingen uppdelning")

    # A quarter of one municipality, chosen in the picker.
    Select(browser.find("#dashboard-municipality")).select_by_visible_text("Lerum")
    Select(browser.find("#dashboard-period")).select_by_value("quarter")
    browser.fill({"dashboard-part": "2"})
    browser.click("#show-dashboard")
    assert "Kommun Lerum" in browser.heading and "Q2" in browser.heading

    # Before anything was registered: an explanation, not a table of zeros.
    browser.visit("/office/dashboard?period=year&year=2001")
    assert "före den första registreringen" in browser.find("#dashboard-explanation").text
    assert browser.driver.find_elements(By.ID, "table-flow") == []

    # A wrong year comes back as typed, with the reason beside it.
    browser.visit("/office/dashboard?period=year&year=20x6")
    assert browser.find("#dashboard-year").get_attribute("value") == "20x6"
    assert browser.find("#dashboard-year-error").text


def test_unit_dashboard_for_the_units_staff(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["manager"])
    browser.visit("/units")
    browser.driver.get(browser.find("main a[href^='/units/']").get_attribute("href"))
    browser.click("#unit-dashboard-link")
    assert browser.heading.startswith("Uppföljning: ACTivera Mölndal")
    assert browser.find("#table-outcomes")
    links = browser.driver.find_elements(By.CSS_SELECTOR, "a.export-link")
    assert links, "the manager may export"
    assert "exakta" in browser.find("#dashboard-lead").text, "the unit's own figures are exact"

    # The XLSX opens in a spreadsheet library: a header row, then numbers.
    href = browser.find("#figure-outcomes-section a.export-xlsx-link").get_attribute("href")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.driver.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookies})) as response:
        assert response.headers["Content-Type"].startswith("application/vnd.openxmlformats")
        workbook = openpyxl.load_workbook(io.BytesIO(response.read()))
    sheet = workbook.active
    assert sheet["A1"].value == "Avslut efter utfall" and sheet["B1"].value == "Kvinnor"
    values = [cell.value for row in sheet.iter_rows(min_row=2, min_col=2) for cell in row]
    assert values and all(isinstance(value, int) for value in values)


def test_office_makes_the_national_deliveries(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["office"])
    browser.click("nav a[href='/office/deliveries']")
    assert browser.heading == "Nationella leveranser"
    assert browser.find("nav a[aria-current='page']").text == "Nationella leveranser"
    assert "Lämnas till NNS" in browser.find("#delivery-violence-screening").text
    # The demo's office holds both rights: the screening's responses per municipality, exact.
    rows = browser.driver.find_elements(By.CSS_SELECTOR, "#screening-responses tbody tr")
    assert len(rows) == 5, "one row per municipality"
    href = browser.find("#delivery-violence-screening-export").get_attribute("href")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.driver.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookies})) as response:
        assert response.headers["Content-Type"].startswith("text/csv")
        lines = response.read().decode("utf-8-sig").splitlines()
    assert lines[0] == "Kommun;År;Fråga;Svar;Kvinnor;Män;Annat eller ej angivet;Totalt"
    assert any(";Fysiskt våld;Ja, just nu;" in line for line in lines)
    assert browser.find("#delivery-finsam-export").get_attribute("href").endswith(
        f"/office/finsam.csv?period=year&year={datetime.date.today().year}"
    )


def test_the_annual_report_prints_as_a_board_files_it(browser: Browser) -> None:
    """Chromium's own print to PDF: a cover page with the association, report, scope, days and
    printing day; the goal summary after it; every page numbered "n / total"."""
    browser.sign_in(DEMO_USERS["office"])
    year = datetime.date.today().year
    browser.visit(f"/office/report?year={year}")
    assert browser.heading == f"Årsrapport {year}: Hela förbundet"
    goals = browser.find("#table-goals").text
    assert "Använda platser mot budgeterade" in goals and "Använda platser, Mölndal" in goals
    assert "Progressionsmätning" in goals and "Fråga 1" in goals and "Fråga 5" in goals
    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    pdf = pypdf.PdfReader(io.BytesIO(base64.b64decode(browser.driver.print_page(options))))
    pages = [page.extract_text() for page in pdf.pages]
    total = len(pages)
    assert total >= 3, f"a cover, the goals and the figures: {total} pages"
    cover = pages[0]
    assert "Samordningsförbundet Insjöriket" in cover and f"Årsrapport {year}" in cover and "Hela förbundet" in cover
    assert f"{year}-01-01 – {year}-12-31" in cover and "Utskriven" in cover
    assert "Måluppfyllelse" not in cover, "the cover is a page of its own"
    assert "Måluppfyllelse" in pages[1]
    assert "Skriv ut rapporten" not in "".join(pages), "no form or button is printed"
    for number, text in enumerate(pages, start=1):
        assert f"{number} / {total}" in text, f"page {number} carries its number"

    # The interim report of one municipality, chosen in the report's own form.
    Select(browser.find("#report-municipality")).select_by_visible_text("Mölndal")
    Select(browser.find("#report-kind")).select_by_visible_text("Delårsrapport (halvår)")
    Select(browser.find("#report-half")).select_by_visible_text("Januari–juni")
    browser.click("#show-report")
    assert browser.heading == f"Delårsrapport januari–juni {year}: Kommun Mölndal"
    assert "hittills" in browser.find("#table-goals").text, "places are judged against the part of the year passed"
