"""The public interest registration on a phone, without signing in."""

from __future__ import annotations

from selenium.webdriver.support.ui import Select

from harness import DEMO_USERS, Browser


def test_a_referrer_registers_someone_from_a_phone_and_the_unit_sees_it(browser: Browser) -> None:
    browser.driver.set_window_size(390, 844)
    browser.visit("/register/1")
    assert browser.heading.startswith("Intresseanmälan")

    Select(browser.find("#unit")).select_by_visible_text("ACTivera Partille (Partille)")
    browser.find("#referrer-af").click()
    browser.fill({
        "referrerName": "Anna Handläggare, Arbetsförmedlingen, 010-000 00 00",
        "personalIdentityNumber": "19851012-1234",
        "name": "Maja Mobil",
        "phone": "070-222 33 44",
        "reason": "Behöver stöd från flera myndigheter för att komma vidare mot arbete.",
    })
    browser.find("#gender-woman").click()
    browser.find("#authority-af").click()
    browser.submit(button="main button[type=submit]")
    # 19851012-1234 has a wrong check digit (the right one is 2): the form explains and keeps everything.
    assert "Kontrollsiffran stämmer inte" in browser.find("#personalIdentityNumber-error").text
    assert browser.find("#name").get_property("value") == "Maja Mobil"

    browser.fill({"personalIdentityNumber": "19851012-1232"})
    browser.find("#consent").click()
    browser.submit()
    assert browser.path == "/register/1/thanks"
    assert "Tack för din anmälan" in browser.heading

    browser.driver.set_window_size(1280, 900)
    browser.visit("/sign-in")
    browser.submit({"email": "handledare.partille@insjoriket.demo", "password": "Demo-Handl-Partille-26"}, button="#sign-in")
    browser.enter_code("handledare.partille@insjoriket.demo")
    browser.visit("/units/2")
    assert "Maja Mobil" in browser.find("main table").text
