"""The record as the counsellor works in it: handing the participant over to a second counsellor."""

from __future__ import annotations

from selenium.webdriver.support.ui import Select

from harness import DEMO_USERS, Browser
from test_participant_mode import open_active_participant


def test_counsellor_hands_a_participant_over_to_a_colleague(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["counsellor"])
    record = open_active_participant(browser)
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
