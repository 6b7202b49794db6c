"""The admin adds an instrument from the web: a broken definition is named, a good one previewed and saved."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from selenium.webdriver.support.ui import WebDriverWait

from harness import DEMO_USERS, Browser

DEFINITION = {
    "id": "veckokoll", "version": 1, "title": {"sv": "Veckokoll", "en": "Weekly check"},
    "scales": {"fem": {"min": 1, "max": 5, "labels": {"1": {"sv": "Inte alls"}, "5": {"sv": "Helt"}}}},
    "items": [
        {"id": "sömn", "respondent": "participant", "scale": "fem", "text": {"sv": "Jag sover bra"}},
    ],
}


def paste(browser: Browser, text: str) -> None:
    field = browser.find("#definition")
    field.clear()
    browser.driver.execute_script("arguments[0].value = arguments[1]", field, text)


def test_admin_adds_an_instrument_after_a_wrong_try(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["admin"])
    browser.click("a[href='/admin/instruments']")
    assert "BIP progressionsmätning" in browser.find("#instrument-list").text

    # "sömn" is not an identifier (a–z, 0–9, -): the reason names the path.
    paste(browser, json.dumps(DEFINITION, ensure_ascii=False))
    browser.click("#preview-instrument")
    assert 'items[0].id "sömn" is not an identifier' in browser.find("#definition-error").text
    assert "Jag sover bra" in browser.find("#definition").get_property("value")

    # The corrected file is chosen from disk and read into the field.
    DEFINITION["items"][0]["id"] = "somn"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "veckokoll-1.json"
        path.write_text(json.dumps(DEFINITION, ensure_ascii=False), encoding="utf-8")
        browser.find("#definition-upload").send_keys(str(path))
        WebDriverWait(browser.driver, 10).until(lambda driver: '"somn"' in browser.find("#definition").get_property("value"))
    browser.click("#preview-instrument")
    assert "Veckokoll" in browser.find("#preview").text
    browser.click("#save-instrument")
    assert "Instrumentet är tillagt." in browser.find("main .notice").text
    assert "Veckokoll" in browser.find("#instrument-list").text
