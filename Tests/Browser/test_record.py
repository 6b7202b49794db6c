"""The record as the counsellor works in it: its tabs, a refused form in view, handing the participant over."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from harness import DEMO_USERS, Browser
from test_participant_mode import open_active_participant


def test_counsellor_hands_a_participant_over_to_a_colleague(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["counsellor"])
    record = open_active_participant(browser, "journey")
    before = browser.find("#responsible-counsellor").text
    choice = Select(browser.find("#counsellor-choice"))
    colleague = next(option.text for option in choice.options if option.get_attribute("value") and option.text != before)
    choice.select_by_visible_text(colleague)
    browser.click("#hand-over-participant")
    assert browser.path == record
    assert "ny ansvarig handledare" in browser.find("main .notice").text
    assert browser.find("#responsible-counsellor").text == colleague
    history = browser.find("#counsellor-history").text
    assert colleague in history and before in history, "the one before is kept with the day"


def test_a_refused_intervention_comes_back_on_its_tab_with_focus_on_the_error_summary(browser: Browser) -> None:
    browser.driver.set_window_size(820, 1180)
    browser.sign_in(DEMO_USERS["counsellor"])
    record = open_active_participant(browser, "activities")
    assert browser.find("#tab-activities").get_attribute("aria-current") == "page"
    assert browser.driver.execute_script("return document.documentElement.scrollHeight") < 4000, "one part of the record at a time"
    browser.find("#interventions summary").click()
    Select(browser.find("#intervention-type")).select_by_value("job")
    Select(browser.find("#intervention-provider")).select_by_value("employer")
    browser.fill({"intervention-title": "Praktik i butik"})
    browser.find("#intervention-placement").click()
    browser.submit(button="form[action$='/interventions'] button[type=submit]")
    assert browser.path == record + "/interventions"
    assert browser.driver.title.startswith("Fel i formuläret – ")
    assert browser.active_element_id == "error-summary", f"focus is on {browser.describe_active_element()}"
    summary = browser.find("#error-summary")
    top = browser.driver.execute_script("return arguments[0].getBoundingClientRect().top", summary)
    assert 0 <= top < 1180, f"the error summary is out of view ({top} px)"
    link = summary.find_element(By.CSS_SELECTOR, "a[href='#intervention-employer']")
    assert link.text == "Fyll i det här fältet."
    link.click()
    assert browser.active_element_id == "intervention-employer", "the summary's link leads to the field"
    assert browser.find("#intervention-title").get_property("value") == "Praktik i butik", "what was typed is kept"
