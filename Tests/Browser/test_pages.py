"""Every page each role can reach, checked by axe-core as the browser lands on it."""

from __future__ import annotations

import pytest

from selenium.webdriver.common.by import By

from harness import DEMO_USERS, Browser

PAGES = {
    "admin": [
        "/admin", "/admin/association", "/admin/municipalities", "/admin/units", "/admin/units/1",
        "/admin/users", "/admin/users/new", "/admin/users/1", "/admin/goals", "/admin/eligibility", "/admin/audit", "/settings",
    ],
    "office": ["/office", "/settings", "/accessibility"],
    "manager": ["/units", "/units/1", "/units/1/dashboard", "/settings"],
    "counsellor": ["/units", "/units/1", "/units/1/participants/new", "/settings"],
}


@pytest.mark.parametrize("role", PAGES.keys())
def test_every_page_of_the_role_is_accessible(browser: Browser, role: str) -> None:
    browser.sign_in(DEMO_USERS[role])
    for path in PAGES[role]:
        browser.visit(path)
        assert browser.path == path
        assert browser.heading, f"{path} has no <h1>"


#: Pages a phone user reaches beyond those above.
NARROW_PAGES = {
    "office": ["/office/dashboard", "/office/report", "/office/deliveries", "/surveys"],
    "manager": ["/surveys"],
    "counsellor": [],
}


@pytest.mark.parametrize("role", PAGES.keys())
def test_no_page_scrolls_sideways_at_320_px(browser: Browser, role: str) -> None:
    """WCAG 1.4.10: at 320 CSS px every page reflows; a wide table narrows instead of widening the page."""
    browser.driver.set_window_size(320, 900)
    try:
        browser.sign_in(DEMO_USERS[role])
        paths = PAGES[role] + NARROW_PAGES.get(role, [])
        if role == "counsellor":
            browser.visit("/units/1")
            record = browser.find("main a[href^='/participants/']").get_attribute("pathname")
            tabs = ["measurements", "activities", "meetings", "journey", "details"]
            paths += [record] + [f"{record}?tab={tab}" for tab in tabs]
            paths += [record + "/exit-document", record + "/referrer-summary", record + "/my-progress"]
            browser.visit("/units")
            meeting = browser.driver.find_elements(By.CSS_SELECTOR, "main a[href*='/meetings/']")
            assert meeting, "the work list has a planned meeting"
            paths.append(meeting[0].get_attribute("pathname"))
        for path in paths:
            browser.visit(path)
            overflow = browser.driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways by {overflow} px at 320 px"
    finally:
        browser.driver.set_window_size(1280, 900)


def test_a_refused_form_comes_back_accessible_with_what_was_typed(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["admin"])
    browser.visit("/admin/users/new")
    browser.submit({"email": "inte en adress", "name": "Nora Ny"})
    assert browser.path == "/admin/users"
    assert browser.find("#email").get_property("value") == "inte en adress"
    assert browser.find("#name").get_property("value") == "Nora Ny"
    assert "Ange en e-postadress" in browser.find("#email-error").text
    assert browser.find("#email").get_attribute("aria-invalid") == "true"


def test_forbidden_page_is_explained_in_swedish(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["counsellor"])
    browser.visit("/admin/users")
    assert "Åtkomst nekad" in browser.heading
