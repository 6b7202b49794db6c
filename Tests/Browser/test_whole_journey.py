"""The whole journey in a real browser: the public form, the unit's inbox, intake, the time in the
programme (interventions, hours, meetings), exit, and the printable exit document."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from harness import Browser

PARTILLE = {"email": "handledare.partille@insjoriket.demo", "password": "Demo-Handl-Partille-26"}


def step(browser: Browser, event: str, outcome: str | None = None) -> None:
    """Records a step of the journey on the record's journey tab."""
    if browser.find("#tab-journey").get_attribute("aria-current") != "page":
        browser.click("#tab-journey")
    browser.find(f"#event-{event}").click()
    if outcome:
        Select(browser.find("#outcome")).select_by_value(outcome)
    browser.submit(button="form[action$='/steps'] button[type=submit]")
    assert "Steget är registrerat." in browser.find("main .notice").text


def test_from_the_public_form_to_the_exit_document(browser: Browser) -> None:
    # 1. Someone registers themself on the public form.
    browser.visit("/register/1")
    Select(browser.find("#unit")).select_by_visible_text("ACTivera Partille (Partille)")
    browser.find("#referrer-self").click()
    browser.fill({"personalIdentityNumber": "19920315-1239", "name": "Vera Väg", "phone": "070-444 55 66",
                  "reason": "Vill hitta tillbaka till arbete efter lång sjukskrivning."})
    browser.find("#gender-woman").click()
    browser.find("#authority-fk").click()
    browser.find("#consent").click()
    browser.submit()
    assert browser.path == "/register/1/thanks"

    # 2. The counsellor finds it waiting and opens the record.
    browser.visit("/sign-in")
    browser.submit({"email": PARTILLE["email"], "password": PARTILLE["password"]}, button="#sign-in")
    browser.enter_code(PARTILLE["email"])
    browser.visit("/units")
    waiting = [row for row in browser.driver.find_elements(By.CSS_SELECTOR, "main table tr") if "Vera Väg" in row.text]
    assert waiting, "the registration is in the working view"
    link = waiting[0].find_element(By.TAG_NAME, "a").get_attribute("href")
    browser.visit("/" + link.split("/", 3)[3])
    assert browser.heading == "Vera Väg"
    record = browser.path

    # A new phone number, with a wrong e-mail first: the form keeps what was typed.
    browser.click("#tab-details")
    browser.find("#contact summary").click()
    browser.fill({"contact-phone": "070-999 00 11", "contact-email": "vera@"})
    browser.submit(button="form[action$='/contact'] button[type=submit]")
    assert browser.find("#contact-email-error").is_displayed()
    assert browser.find("#contact-phone").get_property("value") == "070-999 00 11"
    browser.fill({"contact-email": "vera@example.se"})
    browser.submit(button="form[action$='/contact'] button[type=submit]")
    assert "070-999 00 11" in browser.find("dl.facts").text

    # 3. Information conversation, eligibility, start.
    step(browser, "information")
    for criterion in ["unemployed", "several-authorities", "goal", "language", "reachable", "care-contacts", "no-substance-abuse", "voluntary"]:
        browser.find(f"#met-{criterion}").click()
    browser.submit(button="#eligibility button[type=submit]")
    step(browser, "start")
    assert "Introduktion" in browser.find("#summary-state").text
    browser.click(f"a[href='{record}/referrer-summary']")
    assert "Deltagaren är inskriven och har börjat." in browser.find("article.document").text
    browser.visit(record + "?tab=activities")

    # 4. Interventions in parallel: a placement and a health intervention, the first form wrong once.
    browser.find("#add-intervention summary").click()
    Select(browser.find("#intervention-type")).select_by_value("job")
    Select(browser.find("#intervention-provider")).select_by_value("employer")
    browser.fill({"intervention-title": "Praktik i butik"})
    browser.find("#intervention-placement").click()
    browser.submit(button="form[action$='/interventions'] button[type=submit]")
    assert "Fyll i det här fältet." in browser.find("#intervention-employer-error").text
    assert browser.find("#intervention-title").get_property("value") == "Praktik i butik"
    browser.fill({"intervention-employer": "Kafé Kornet"})
    browser.submit(button="form[action$='/interventions'] button[type=submit]")
    assert "Insatsen är tillagd." in browser.find("main .notice").text
    browser.find("#add-intervention summary").click()
    Select(browser.find("#intervention-type")).select_by_value("health")
    Select(browser.find("#intervention-provider")).select_by_value("region")
    browser.fill({"intervention-title": "Fysioterapi"})
    browser.submit(button="form[action$='/interventions'] button[type=submit]")
    assert "Kombinerade insatser" in browser.find("#interventions").text

    # 5. An hours goal and this week's attendance; the chart appears.
    week = browser.find("#goal-week").get_property("value")
    browser.fill({"goal-hours": "8"})
    browser.submit(button="form[action$='/hours-goal'] button[type=submit]")
    browser.driver.execute_script("arguments[0].value = arguments[1]", browser.find("#hours-week"), week)
    browser.fill({"hours-hours": "7,5"})
    browser.submit(button="form[action$='/hours'] button[type=submit]")
    assert "Närvaron är sparad." in browser.find("main .notice").text
    assert browser.find("svg.hours-chart").is_displayed()

    # 6. The multi-party meeting, then the exit meeting with its decision, then exit.
    step(browser, "multi-party-meeting")
    browser.click("#tab-meetings")
    # The record has two meeting forms: planning one, and recording one held (this one).
    browser.find("#meetings details:has(#meeting-kind) > summary").click()
    Select(browser.find("#meeting-kind")).select_by_value("exit")
    browser.fill({"meeting-notes": "Intern anteckning om samtalet", "meeting-decisions": "Börjar arbeta på Kafé Kornet med lönestöd."})
    browser.submit(button="form[action$='/meetings'] input[value=held] ~ button[type=submit]")
    assert "Mötet är sparat." in browser.find("main .notice").text
    step(browser, "exit", outcome="subsidised-work")
    assert "Avslutad" in browser.find("#summary-state").text

    # 7. The exit document summarises it all, leaves the notes out, and prints without the page around it.
    browser.click(f"a[href='{record}/exit-document']")
    document = browser.find("article.document").text
    assert "Arbete med lönestöd" in document
    assert "Praktik i butik (Praktik hos en arbetsgivare: Kafé Kornet)" in document
    assert "Fysioterapi" in document
    assert "7,5 timmar under 1 vecka" in document
    assert "Börjar arbeta på Kafé Kornet med lönestöd." in document
    assert "Intern anteckning" not in document
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not browser.find("header.site-header").is_displayed()
    assert browser.find("article.document").is_displayed()
