"""Nothing typed is lost: a warning before an idle session ends, and notes typed into a session that
ended anyway come back after signing in again (kept in the browser, never on the server)."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from harness import DEMO_USERS, WAIT_SECONDS, Browser
from test_participant_mode import open_active_participant


def held_meeting_form(browser: Browser) -> None:
    """Opens the record's form for a held meeting (the second of the meetings tab's two)."""
    browser.driver.find_elements(By.CSS_SELECTOR, "#meetings details > summary")[1].click()


def test_notes_typed_when_the_session_ended_come_back_after_signing_in_again(browser: Browser) -> None:
    user = DEMO_USERS["counsellor"]
    browser.sign_in(user)
    record = open_active_participant(browser, "meetings")
    held_meeting_form(browser)
    Select(browser.find("#meeting-kind")).select_by_value("individual")
    notes = "Pratade om vägen till praktik. Hon vill börja i januari."
    browser.fill({"meeting-notes": notes})

    # The session ends while the form is open (as after 30 idle minutes): the browser still sends a
    # session cookie, one the server no longer knows.
    browser.driver.delete_cookie("framsteg_session")
    browser.driver.add_cookie({"name": "framsteg_session", "value": "a-session-that-has-ended", "path": "/", "httpOnly": True})
    browser.submit(button="form[action$='/meetings'] input[value=held] ~ button[type=submit]")
    assert browser.path == "/sign-in"
    message = browser.find("main .notice").text
    assert "Du loggades ut" in message and "för gammalt" not in message

    browser.submit({"email": user.email, "password": user.password}, button="#sign-in")
    browser.enter_code(user.email)
    assert browser.path == record, "signing in again leads back to the page of the form"
    assert browser.find("#meeting-notes").get_property("value") == notes, "what was typed is back"
    assert Select(browser.find("#meeting-kind")).first_selected_option.get_attribute("value") == "individual"
    assert "är återställt" in browser.find("#meetings .draft-restored").text

    # Sent, it is saved and the draft is gone: the next visit shows an empty form.
    browser.submit(button="form[action$='/meetings'] input[value=held] ~ button[type=submit]")
    assert "Mötet är sparat." in browser.find("main .notice").text
    assert notes in browser.find("#meetings article.meeting").text
    browser.visit(record + "?tab=meetings")
    assert browser.find("#meeting-notes").get_property("value") == ""
    assert not browser.driver.find_elements(By.CSS_SELECTOR, ".draft-restored")


def test_a_warning_comes_before_the_idle_timeout_and_staying_signed_in_keeps_the_session(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["counsellor"])
    open_active_participant(browser, "meetings")
    warning = browser.find("#idle-warning")
    assert warning.get_attribute("data-idle-seconds") == "1800"
    assert not warning.is_displayed()
    # As if 28 of the 30 minutes had passed: the warning is due at once, the end a minute later.
    browser.driver.execute_script(
        "document.getElementById('idle-warning').setAttribute('data-idle-seconds', '182'); window.framstegSessionTimer.restart();"
    )
    WebDriverWait(browser.driver, WAIT_SECONDS).until(lambda _: warning.is_displayed())
    assert browser.active_element_id == "stay-signed-in", "focus moves to the way to stay"
    assert "loggas ut om två minuter" in warning.text
    browser.find("#stay-signed-in").click()
    WebDriverWait(browser.driver, WAIT_SECONDS).until(lambda _: not warning.is_displayed())

    # Left alone past the end, the warning says the session ended and offers sign-in back to this page.
    browser.driver.execute_script(
        "document.getElementById('idle-warning').setAttribute('data-idle-seconds', '61'); window.framstegSessionTimer.restart();"
    )
    WebDriverWait(browser.driver, WAIT_SECONDS).until(lambda _: "Du har loggats ut" in warning.text)
    link = browser.find("#idle-sign-in")
    assert link.is_displayed() and "return=" in link.get_attribute("href")
    assert browser.active_element_id == "idle-sign-in"
