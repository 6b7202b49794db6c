"""Participant mode on a tablet-sized window: the counsellor starts a BIP measurement, hands the
device over with a PIN, the participant answers (each answer saved as it is given), cannot reach
any other page, sees their own chart, and the counsellor takes the device back."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from harness import DEMO_USERS, Browser

TABLET = (820, 1180)


def choose(browser: Browser, item: str, value: str) -> None:
    """Tap an answer as a participant would: on its large label."""
    browser.find((By.XPATH, f"//input[@name='item-{item}' and @value='{value}']/parent::label")).click()


def wait_saved(browser: Browser, item: str) -> None:
    WebDriverWait(browser.driver, 10).until(
        lambda driver: driver.find_element(By.ID, f"status-{item}").text == "Sparat", message=f"{item} was not autosaved"
    )


def open_active_participant(browser: Browser, tab: str | None = None) -> str:
    """Opens the record of a participant in progress, on `tab` of it when given (by its link, as
    a counsellor would); returns the record's path."""
    browser.visit("/units")
    rows = browser.driver.find_elements(By.CSS_SELECTOR, "#my-participants tbody tr")
    links = [row.find_element(By.CSS_SELECTOR, "a").get_attribute("href") for row in rows if "Block" in row.text or "Introduktion" in row.text]
    assert links, "the counsellor has participants in progress"
    browser.driver.get(links[0])
    if tab:
        browser.click(f"#tab-{tab}")
    return browser.path


def test_participant_answers_on_a_tablet_and_the_counsellor_takes_the_device_back(browser: Browser) -> None:
    browser.driver.set_window_size(*TABLET)
    browser.sign_in(DEMO_USERS["counsellor"])
    record = open_active_participant(browser, "measurements")
    Select(browser.find("#measure-instrument")).select_by_value("bip")
    Select(browser.find("#measure-occasion")).select_by_value("other")
    browser.click("#start-measurement")
    measurement_page = browser.path
    assert measurement_page.startswith(record + "/measurements/")
    assert "0 av 8 besvarade" in browser.find("#participant-progress").text

    # A PIN that is not 4–8 digits is refused beside the field.
    browser.fill({"pin": "12"})
    browser.click("#hand-over")
    assert "4–8 siffror" in browser.find("#pin-error").text
    browser.fill({"pin": "2468"})
    browser.click("#hand-over")
    assert browser.path == "/take"
    assert browser.driver.find_elements(By.CSS_SELECTOR, "nav") == [], "participant mode shows no menu"
    assert "Sida 1 av 3" in browser.find(".take-progress").text
    rows = browser.driver.execute_script(
        "return [...document.querySelectorAll('.item.numeric .answer-choices')].map(choices => new Set("
        "[...choices.children].filter(c => !c.classList.contains('not-answered'))"
        ".map(c => Math.round(c.getBoundingClientRect().top))).size)"
    )
    assert rows and all(count == 1 for count in rows), f"the 1–10 scale wraps on the tablet: {rows}"

    # Going on without answers: each item says so, nothing is lost.
    browser.click("#take-next")
    assert "Välj ett svar" in browser.find("#item-health-error").text

    # Each answer is saved the moment it is chosen.
    choose(browser, "health", "7")
    wait_saved(browser, "health")
    assert browser.find("#answered-of").text == "1 av 8 besvarade", "the count moves as answers are saved"
    assert browser.find("#answered-bar").get_attribute("value") == "1"
    choose(browser, "health", "8")
    wait_saved(browser, "health")
    assert browser.find("#answered-of").text == "1 av 8 besvarade", "a changed answer is not counted twice"
    choose(browser, "health", "7")
    wait_saved(browser, "health")

    # Nothing else of the system is reachable: every page leads back to the questions.
    for path in ["/units", record, measurement_page, "/settings", "/admin", "/sign-in"]:
        browser.visit(path)
        assert browser.path == "/take", f"{path} escaped participant mode"
    assert browser.find("input[name=item-health][value='7']").is_selected(), "the autosaved answer is still there"
    assert "1 av 8 besvarade" in browser.find(".take-progress").text

    choose(browser, "everyday", "6")
    choose(browser, "knowledge", "4")
    browser.click("#take-next")
    assert "Sida 2 av 3" in browser.find(".take-progress").text
    choose(browser, "belief", "8")
    wait_saved(browser, "belief")
    browser.click("#take-back")
    assert "Sida 1 av 3" in browser.find(".take-progress").text
    assert browser.find("input[name=item-knowledge][value='4']").is_selected()
    browser.click("#take-next")
    assert browser.find("input[name=item-belief][value='8']").is_selected()
    choose(browser, "cooperation", "7")
    choose(browser, "competences", "5")
    browser.click("#take-next")
    choose(browser, "job-search", "few")
    choose(browser, "salary", "-")
    browser.click("#take-finish")
    assert browser.path == "/take/done"
    assert browser.heading == "Tack för dina svar!"
    assert browser.find("svg.spider-chart").get_attribute("role") == "img"

    # Taking the device back: a wrong PIN is refused, the right one returns to the measurement.
    browser.click("#give-back")
    browser.fill({"secret": "1111"})
    browser.click("#take-back-device")
    assert "stämmer inte" in browser.find("#secret-error").text
    browser.fill({"secret": "2468"})
    browser.click("#take-back-device")
    assert browser.path == measurement_page
    assert "Du har tagit tillbaka enheten." in browser.find("main .notice").text
    assert "8 av 8 besvarade" in browser.find("#participant-progress").text

    # The counsellor's own items, then where the two views differ.
    choose(browser, "counsellor-belief", "4")
    choose(browser, "purposeful", "6")
    browser.click("#save-counsellor-answers")
    assert browser.find("#measurement-status").text == "Klar"
    disagreement = browser.find(".disagreements").text
    assert "Tro på att klara ett jobb: 8" in disagreement and "Jobb inom ett år (handledaren): 4" in disagreement

    # The record shows the chart, and a goal marks its indicator on it.
    browser.visit(record + "?tab=measurements")
    assert browser.find("#measurements svg.spider-chart")
    browser.find("#plan details summary").click()
    browser.fill({"goal-text": "Klara en arbetsträning tre dagar i veckan"})
    browser.find("input[name=indicators][value='bip/everyday']").click()
    browser.click("#add-goal")
    assert "Målet är tillagt" in browser.find("main .notice").text
    assert "Vardagen" in browser.find("#plan").text
    marked = [label.text for label in browser.driver.find_elements(By.CSS_SELECTOR, "#measurements svg .axis-label.marked")]
    assert any("Vardagen" in text for text in marked)


def test_back_after_a_hand_over_shows_only_participant_mode(browser: Browser) -> None:
    """Pressing Back on the handed-over tablet must not bring back the counsellor's pages (the
    working view, another participant's record with its personal identity number) from the
    browser's back/forward cache: the server is asked again, and it answers with the questions."""
    browser.driver.set_window_size(*TABLET)
    browser.sign_in(DEMO_USERS["counsellor"])
    record = open_active_participant(browser, "details")
    # The record masks the number; the whole of it is in the page, behind its disclosure.
    number = browser.driver.find_element(By.ID, "whole-number").get_attribute("textContent")
    assert len(number) == 13 and number[8] == "-", f"the record shows a personal identity number, not {number!r}"
    browser.click("#tab-measurements")
    Select(browser.find("#measure-instrument")).select_by_value("bip")
    browser.click("#start-measurement")
    browser.click("#hand-over")
    assert browser.path == "/take"
    for step in range(3):
        browser.driver.back()
        WebDriverWait(browser.driver, 10).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete"
            and "participant-mode" in (driver.find_element(By.TAG_NAME, "body").get_attribute("class") or ""),
            message=f"Back #{step + 1} left participant mode for {browser.driver.current_url}",
        )
        assert browser.path.startswith("/take"), f"Back #{step + 1} shows {browser.path}"
        assert number not in browser.driver.page_source, f"Back #{step + 1} shows the personal identity number"
        assert record not in browser.driver.page_source or browser.path.startswith("/take")
