"""Finding a participant from the header of any staff page: by the beginnings of the name, and by
the whole personal identity number."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from harness import DEMO_USERS, Browser


def test_counsellor_finds_a_participant_by_name_and_by_number(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["counsellor"])
    browser.visit("/units/1")
    link = browser.find("main table a[href^='/participants/']")
    name, record = link.text, link.get_attribute("pathname")
    first, last = name.split(" ")[0], name.split(" ")[-1]

    # The beginnings of the first and last name, typed lower-case in the header's search.
    browser.fill({"header-search": f"{first[:3].lower()} {last[:3].lower()}"})
    browser.click(".header-search button")
    assert browser.path == "/search"
    results = browser.driver.find_elements(By.CSS_SELECTOR, "#search-results tbody a")
    assert any(result.text == name and result.get_attribute("pathname") == record for result in results), name
    assert "hittades" in browser.find("#search-summary").text

    # The whole number, as the record shows it.
    browser.visit(record + "?tab=details")
    # The record masks the number until asked: the last four digits only then.
    masked = browser.find("#reveal-number summary").text
    assert "••••" in masked and not browser.find("#whole-number").is_displayed()
    browser.find("#reveal-number summary").click()
    number = browser.find("#whole-number").text.strip()
    assert number[:8] in masked and len(number) == 13
    browser.visit("/search")
    browser.fill({"search-q": number})
    browser.click("#search-submit")
    results = browser.driver.find_elements(By.CSS_SELECTOR, "#search-results tbody a")
    assert [result.text for result in results] == [name]

    # One letter is not a search: the reason beside the field, the letter kept.
    browser.fill({"search-q": "a"})
    browser.click("#search-submit")
    assert "minst två bokstäver" in browser.find("#search-q-error").text
    assert browser.find("#search-q").get_attribute("value") == "a"
