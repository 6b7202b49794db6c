"""The record as the counsellor works in it: its tabs, a refused form in view, handing the participant over."""

from __future__ import annotations

import datetime

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
    browser.find("#add-intervention summary").click()
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


def test_an_intervention_recorded_by_mistake_is_withdrawn_with_a_reason_and_an_end_taken_back(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["counsellor"])
    record = open_active_participant(browser, "activities")
    browser.find("#add-intervention summary").click()
    Select(browser.find("#intervention-type")).select_by_value("health")
    Select(browser.find("#intervention-provider")).select_by_value("region")
    browser.fill({"intervention-title": "Felregistrerad kurs"})
    browser.submit(button="form[action$='/interventions'] button[type=submit]")
    assert "Insatsen är tillagd." in browser.find("#interventions .notice").text
    row = next(row for row in browser.driver.find_elements(By.CSS_SELECTOR, "#interventions tbody tr") if "Felregistrerad kurs" in row.text)
    form = row.find_element(By.CSS_SELECTOR, "form[action$='/end']")
    intervention = form.get_attribute("action").split("/")[-2]

    # Ending asks for the day and names what it ends: two deliberate steps, not one click.
    assert not row.find_element(By.CSS_SELECTOR, f"#end-{intervention}").is_displayed()
    row.find_element(By.CSS_SELECTOR, ".end-intervention summary").click()
    button = row.find_element(By.CSS_SELECTOR, ".end-intervention button")
    assert button.text == "Avsluta Felregistrerad kurs"
    with browser.expect_page_load():
        button.click()
    assert "Insatsen är avslutad." in browser.find("#interventions .notice").text

    # The end was a mistake: taken back with a reason, refused first without one.
    browser.find(f"#correct-{intervention} summary").click()
    browser.find(f"#correct-{intervention}-end-taken-back").click()
    browser.submit(button=f"#correct-{intervention} button[type=submit]")
    assert browser.active_element_id == "error-summary", f"focus is on {browser.describe_active_element()}"
    assert browser.find(f"#correct-{intervention}-end-taken-back").is_selected(), "the choice is kept"
    browser.fill({f"correct-{intervention}-reason": "Avslutet gällde en annan insats"})
    browser.submit(button=f"#correct-{intervention} button[type=submit]")
    assert "Avslutet är taget tillbaka." in browser.find("#interventions .notice").text
    assert "togs tillbaka av Hassan Handledare" in browser.find("#interventions").text

    # The intervention itself was recorded by mistake: withdrawn, listed with why, counted nowhere.
    browser.find(f"#correct-{intervention} summary").click()
    browser.find(f"#correct-{intervention}-withdrawn").click()
    browser.fill({f"correct-{intervention}-reason": "Registrerad på fel deltagare"})
    browser.submit(button=f"#correct-{intervention} button[type=submit]")
    assert browser.path == record
    assert "Insatsen är borttagen." in browser.find("#interventions .notice").text
    withdrawn = browser.find("#withdrawn-interventions").text
    assert "Felregistrerad kurs" in withdrawn and "Registrerad på fel deltagare" in withdrawn
    assert not any("Felregistrerad kurs" in row.text for row in browser.driver.find_elements(By.CSS_SELECTOR, "#interventions tbody tr"))


def test_a_meeting_planned_with_a_time_is_on_todays_work_list_and_becomes_held(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["counsellor"])
    record = open_active_participant(browser, "meetings")
    today = datetime.date.today().isoformat()
    browser.find("#meetings details summary").click()
    Select(browser.find("#plan-meeting-kind")).select_by_value("check-in")
    for field, value in (("#plan-meeting-day", today), ("#plan-meeting-time", "07:45")):
        browser.driver.execute_script("arguments[0].value = arguments[1]", browser.find(field), value)
    browser.fill({"plan-meeting-place": "Rum 7"})
    browser.submit(button="form[action$='/meetings'] input[value=planned] ~ button[type=submit]")
    assert browser.path == record
    assert "Mötet är planerat." in browser.find("main .notice").text
    planned = browser.find("#meetings .meetings").text
    assert f"{today} 07:45 · Avstämningsmöte · Rum 7" in planned
    assert f"Avstämningsmöte {today} 07:45" in browser.find("#summary-meeting").text

    # On today's work list, with its time and place, opening the meeting.
    browser.visit("/units")
    today_list = browser.find("#due-today").text
    assert "07:45" in today_list and "Rum 7" in today_list
    meeting = browser.find("#due-today a[href*='/meetings/']").get_attribute("href")
    browser.click("#due-today a[href*='/meetings/']")
    assert browser.heading == f"Avstämningsmöte {today} 07:45"
    calendar = browser.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0] + '/calendar.ics').then(r => r.text()).then(done);",
        meeting,
    )
    name = browser.find(".breadcrumb a").text.split(" – ")[0]
    assert "DTSTART;TZID=Europe/Stockholm:" + today.replace("-", "") + "T074500" in calendar
    assert name.split()[0] not in calendar, "the calendar file names no one"

    # Held: who came, the notes; it leaves the planned list and the work list's today.
    browser.fill({"meeting-notes": "Gick igenom veckan."})
    browser.find("#attendee-referrer").click()
    browser.submit(button="form[action$='/held'] button[type=submit]")
    assert browser.path == record
    assert "Mötet är registrerat som hållet." in browser.find("main .notice").text
    held = browser.find("#meetings article.meeting").text
    assert "Gick igenom veckan." in held and "Remittent" in held
    assert "Registrerat som hållet" in held, "the change is shown"
    still_planned = browser.driver.find_elements(By.CSS_SELECTOR, "#meetings .meetings")
    assert not still_planned or "Rum 7" not in still_planned[0].text


def test_a_step_recorded_by_mistake_is_taken_back_with_a_reason(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["counsellor"])
    record = open_active_participant(browser, "journey")
    state_before = browser.find("#summary-state").text
    # Record the step that ends the current part (a check-in or the multi-party meeting) by mistake.
    choice = browser.driver.find_elements(By.CSS_SELECTOR, "#event-check-in, #event-multi-party-meeting")
    assert choice, "an active participant has a meeting step to record"
    choice[0].click()
    browser.submit(button="form[action$='/steps'] button[type=submit]")
    assert "Steget är registrerat." in browser.find("main .notice").text
    assert browser.find("#summary-state").text != state_before

    # Taken back: a reason is asked for, then the participant is where they were, and the record says what happened.
    browser.find("#withdraw-step summary").click()
    browser.submit(button="#withdraw-step-button")
    assert browser.active_element_id == "error-summary"
    assert browser.find("#withdraw-reason-error").text == "Fyll i det här fältet."
    browser.fill({"withdraw-reason": "Registrerat på fel deltagare"})
    browser.submit(button="#withdraw-step-button")
    assert browser.path == record
    assert "Steget är taget tillbaka." in browser.find("main .notice").text
    assert browser.find("#summary-state").text.split(",")[0] == state_before.split(",")[0]
    assert "Registrerat på fel deltagare" in browser.find("#withdrawn-steps").text
