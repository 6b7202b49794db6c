"""The participant's journey in a real browser: register through the form, open the record, record steps."""

from __future__ import annotations

from urllib.parse import urlparse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from harness import DEMO_USERS, Browser


def test_counsellor_registers_a_participant_and_records_the_information_conversation(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["counsellor"])
    browser.visit("/units/1")
    browser.click("a[href='/units/1/participants/new']")
    assert browser.heading == "Registrera deltagare"

    # A wrong check digit first: the form comes back with what was typed.
    browser.fill({"personalIdentityNumber": "19900101-0018", "name": "Nils Ny", "phone": "070-111 22 33"})
    browser.find("#gender-man").click()
    Select(browser.find("#municipality")).select_by_visible_text("Mölndal")
    Select(browser.find("#referrerKind")).select_by_value("fk")
    browser.find("#authority-fk").click()
    browser.find("#consent").click()
    browser.submit()
    assert "Kontrollsiffran stämmer inte" in browser.find("#personalIdentityNumber-error").text
    assert browser.find("#name").get_property("value") == "Nils Ny"
    assert browser.find("#gender-man").is_selected()
    assert browser.find("#consent").is_selected()

    browser.fill({"personalIdentityNumber": "19900101-0017"})
    browser.submit()
    assert browser.path.startswith("/participants/")
    assert browser.heading == "Nils Ny"
    # Registered, the record opens where the work starts: the journey, at the eligibility check.
    assert browser.find("#tab-journey").get_attribute("aria-current") == "page"
    assert "Deltagaren är registrerad." in browser.find("main .notice").text
    browser.click("#tab-details")
    assert "19900101-0017" in browser.driver.page_source
    browser.click("#tab-journey")

    browser.find("#event-information").click()
    browser.submit(button="form[action$='/steps'] button[type=submit]")
    assert "Steget är registrerat." in browser.find("main .notice").text
    assert "Informationssamtal hållet" in browser.find("#summary-state").text
    events = [element.get_attribute("value") for element in browser.driver.find_elements(By.NAME, "event")]
    assert events == ["start", "decline", "withdraw"]

    # The eligibility checklist after the information conversation: who confirmed it is shown.
    assert "Ålder 16–66 år: Ja" in browser.find("#eligibility").text
    browser.find("#met-unemployed").click()
    browser.find("#met-voluntary").click()
    # "Not met" needs a note that says why: refused at first, with focus on the summary and the choices kept.
    browser.find("#not-met-goal").click()
    browser.submit(button="#eligibility button[type=submit]")
    assert browser.active_element_id == "error-summary", f"focus is on {browser.describe_active_element()}"
    assert "Skriv varför kriteriet inte är uppfyllt." in browser.find("#note-goal-error").text
    assert browser.find("#met-voluntary").is_selected() and browser.find("#not-met-goal").is_selected()
    browser.fill({"note-goal": "Vill först bli klar med sin rehabilitering"})
    browser.submit(button="#eligibility button[type=submit]")
    assert "Bedömningen är sparad." in browser.find("#eligibility .notice").text, "the notice is in the section"
    assert browser.find("#met-voluntary").is_selected() and browser.find("#not-met-goal").is_selected()
    assert browser.find("#note-goal").get_property("value") == "Vill först bli klar med sin rehabilitering"
    assert "bekräftat av Hassan Handledare" in browser.find("#eligibility").text
    assert browser.find("#eligibility").text.count("bekräftat av") == 3, "criteria not assessed stay unconfirmed"


def test_the_exit_document_of_an_exited_participant_is_ready_to_print(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["counsellor"])
    browser.visit("/units/1?show=ended")
    exited = [row for row in browser.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr") if "Avslutad" in row.text]
    assert exited, "the demo has exited participants in unit 1"
    link = exited[0].find_element(By.TAG_NAME, "a")
    name = link.text
    browser.click(f"main table a[href='{urlparse(link.get_attribute('href')).path}']")
    assert browser.heading == name
    browser.click("a[href$='/exit-document']")
    assert browser.heading == f"Avslutsdokument – {name}"
    assert "Tid i insatsen" in browser.find("dl.facts").text
    # Printing hides the header and forms; the document itself stays.
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not browser.find("header.site-header").is_displayed()
    assert browser.find("article.document").is_displayed()
