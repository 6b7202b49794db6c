"""Anonymous surveys in real Chromium: the participant answers the exit survey on a tablet-sized
window after the counsellor hands the device over, the record learns only "answered", and the
office reads the protected results with their charts."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from harness import DEMO_USERS, Browser
from test_participant_mode import TABLET, choose, open_active_participant


def wait_saved(browser: Browser, item: str) -> None:
    WebDriverWait(browser.driver, 10).until(
        lambda driver: driver.find_element(By.ID, f"status-{item}").text == "Sparat", message=f"{item} was not kept"
    )


def test_participant_answers_the_exit_survey_on_a_tablet(browser: Browser) -> None:
    browser.driver.set_window_size(*TABLET)
    browser.sign_in(DEMO_USERS["counsellor"])
    record = open_active_participant(browser, "measurements")
    Select(browser.find("#survey-instrument")).select_by_value("deltagarenkat")
    browser.fill({"survey-pin": "1357"})
    browser.click("#offer-survey")
    assert browser.path == "/take"
    assert "Dina svar är anonyma" in browser.find(".anonymous-note").text
    assert browser.driver.find_elements(By.CSS_SELECTOR, "nav") == [], "participant mode shows no menu"
    assert "Sida 1 av 4" in browser.find(".take-progress").text

    # Going on without an answer is refused beside the question.
    browser.click("#take-next")
    assert "Välj ett svar" in browser.find("#item-kon-error").text

    choose(browser, "kon", "woman")
    wait_saved(browser, "kon")
    choose(browser, "fraga-1", "always")
    choose(browser, "fraga-2", "mostly")
    wait_saved(browser, "fraga-2")
    # Nothing else is reachable while the participant holds the device.
    for path in [record, "/surveys", "/units"]:
        browser.visit(path)
        assert browser.path == "/take", f"{path} escaped participant mode"
    assert "Sida 2 av 4" in browser.find(".take-progress").text, "it goes on at the first open page"
    browser.click("#take-back")
    assert browser.find("input[name=item-fraga-2][value='mostly']").is_selected(), "the draft kept the answer"
    browser.click("#take-next")
    for item, value in [("fraga-3", "often"), ("fraga-5", "partly"), ("fraga-6", "dont-know")]:
        choose(browser, item, value)
    browser.click("#take-next")
    for item, value in [("fraga-7", "completely"), ("fraga-8", "slightly"), ("fraga-9", "not-at-all")]:
        choose(browser, item, value)
    browser.click("#take-next")
    assert "Sida 4 av 4" in browser.find(".take-progress").text
    choose(browser, "fraga-10", "largely")
    assert browser.find("#take-finish").text == "Skicka in svaren"
    browser.click("#take-finish")
    assert browser.path == "/take/done"
    assert browser.heading == "Tack för dina svar!"

    browser.click("#give-back")
    browser.fill({"secret": "1357"})
    browser.click("#take-back-device")
    assert browser.path == record
    offers = browser.find("#survey-offers").text
    assert "Deltagarenkät vid avslut" in offers and "Besvarad" in offers
    assert "Alltid" not in browser.find("#surveys").text, "the record shows no answer"


def test_office_reads_protected_results_and_the_summary(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["office"])
    browser.visit("/surveys")
    assert browser.heading.startswith("Enkätresultat")
    assert int(browser.find("#survey-responses").text) >= 5
    assert browser.find("svg.survey-chart").get_attribute("role") == "img"
    rows = browser.driver.find_elements(By.CSS_SELECTOR, "#share-table tbody tr")
    assert len(rows) == 9, "one row per question"
    assert "Mål: minst 75 %" in browser.find(".goal-line").text

    # One unit and one quarter long ago: too few to show anything.
    scope = Select(browser.find("#survey-scope"))
    assert scope.first_selected_option.text == "Hela förbundet"
    unit = next(option.get_attribute("value") for option in scope.options if option.get_attribute("value").startswith("unit-"))
    browser.visit(f"/surveys?instrument=deltagarenkat&scope={unit}&from=2020-Q1&to=2020-Q1")
    assert "Färre än 5 svar" in browser.find("#survey-too-few").text
    assert browser.driver.find_elements(By.ID, "survey-responses") == []

    browser.visit("/surveys/summary?instrument=vald-i-nara-relationer&scope=association&from=2025-Q1&to=2026-Q4")
    assert "Frågor om våld i nära relationer" in browser.heading
    assert browser.find("#share-table").text.count("\n") >= 5
