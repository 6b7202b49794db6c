"""Signing in and out in a real browser, against `framsteg demo` data.

Every page reached through `browser` is also checked by axe-core (see harness.py).
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness import DEMO_USERS, Browser, DemoUser, demo_code

MAX_TABS = 15


@pytest.mark.parametrize("user", DEMO_USERS.values(), ids=DEMO_USERS.keys())
def test_demo_user_signs_in_and_out(browser: Browser, user: DemoUser) -> None:
    browser.visit("/sign-in")
    browser.submit({"email": user.email, "password": user.password}, button="#sign-in")
    assert browser.path == "/sign-in/code", "Insjöriket requires the second factor of every role"
    browser.enter_code(user.email)
    assert browser.path == user.home
    assert user.heading in browser.heading

    browser.click("#sign-out")
    assert browser.path == "/sign-in"

    browser.visit(user.home)
    assert browser.path == "/sign-in", "after sign-out the home page must redirect to sign-in"


# An unknown address gets the very same message as a wrong password: nothing tells which.
@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("admin@insjoriket.demo", "inte-ratt-losenord"),
        ("ingen-alls@insjoriket.demo", "Demo-Admin-Insjo-26"),
    ],
    ids=["wrong-password", "unknown-email"],
)
def test_failed_sign_in_shows_one_neutral_message(browser: Browser, email: str, password: str) -> None:
    browser.visit("/sign-in")
    browser.submit({"email": email, "password": password}, button="#sign-in")

    assert browser.path == "/sign-in"
    errors = browser.driver.find_elements(By.ID, "form-error")
    assert len(errors) == 1 and errors[0].is_displayed(), "expected one visible #form-error"
    assert "Fel e-postadress eller lösenord" in errors[0].text
    assert browser.find("#email").get_property("value") == email
    assert browser.find("#password").get_property("value") == ""


def test_keyboard_only_sign_in(browser: Browser) -> None:
    admin = DEMO_USERS["admin"]
    browser.visit("/sign-in")

    # Tab from the top of the page until the email field has focus; don't assume a count.
    focus_order: list[str] = []
    while browser.active_element_id != "email":
        assert len(focus_order) < MAX_TABS, f"no focus on #email after {MAX_TABS} TABs: {focus_order}"
        browser.press(Keys.TAB)
        focus_order.append(browser.describe_active_element())
    if focus_order:
        assert focus_order[0].startswith("a") and ".skip-link" in focus_order[0], (
            f"the first TAB should reach the skip link, focus went: {focus_order}"
        )

    browser.press(admin.email, Keys.TAB)
    assert browser.active_element_id == "password"
    browser.press(admin.password)
    with browser.expect_page_load():
        browser.press(Keys.ENTER)

    # The code step: the field has focus, Enter sends it.
    assert browser.path == "/sign-in/code"
    assert browser.active_element_id == "code"
    browser.press(demo_code(admin.email))
    with browser.expect_page_load():
        browser.press(Keys.ENTER)

    assert browser.path == admin.home
    assert admin.heading in browser.heading
