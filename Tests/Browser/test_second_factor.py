"""Two-step verification in a real browser: a counsellor sets up a new authenticator from the
settings with the QR code (read back with zbar, as a phone's camera would), keeps the recovery
codes, and signs in with one of them, once.

Every page reached through `browser` is also checked by axe-core (see harness.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pyotp
import pytest
from selenium.webdriver.common.by import By

from harness import Browser, DemoUser, demo_code

# A demo counsellor no other browser test signs in as: this test gives him a new authenticator.
HUGO = DemoUser("counsellor", "handledare.harryda@insjoriket.demo", "Demo-Handl-Harryda-26", "/units", "Mina verksamheter")


def read_qr_code(browser: Browser, folder: Path) -> str:
    """What a QR code reader makes of the enrolment page's QR code, as it is drawn on the screen."""
    zbarimg = shutil.which("zbarimg")
    if not zbarimg:
        if os.environ.get("CI") == "true":
            pytest.fail("zbarimg is required on CI (apt-get install zbar-tools)")
        pytest.skip("zbarimg missing: apt-get install zbar-tools")
    image = folder / "qr.png"
    browser.find(".qr").screenshot(str(image))
    result = subprocess.run([zbarimg, "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def sign_in_with(browser: Browser, user: DemoUser, code: str) -> None:
    browser.visit("/sign-in")
    browser.submit({"email": user.email, "password": user.password}, button="#sign-in")
    assert browser.path == "/sign-in/code"
    browser.submit({"code": code}, button="#verify-code")


def test_new_authenticator_from_the_settings_and_a_recovery_code_used_once(browser: Browser, tmp_path: Path) -> None:
    browser.sign_in(HUGO)
    browser.visit("/settings")
    browser.submit({"factorPassword": HUGO.password, "factorCode": demo_code(HUGO.email)}, button="#enrol-second-factor")
    assert browser.path == "/settings/second-factor"

    secret = browser.find("#secret").text.replace(" ", "")
    expected = (
        f"otpauth://totp/Framsteg:{quote(HUGO.email, safe='')}?secret={secret}"
        "&issuer=Framsteg&algorithm=SHA1&digits=6&period=30"
    )
    assert read_qr_code(browser, tmp_path) == expected

    browser.submit({"code": "000000"}, button="#confirm-code")
    assert "Koden stämmer inte" in browser.find("#form-error").text
    assert browser.find("#secret").text.replace(" ", "") == secret, "the same key: the app already holds it"
    browser.submit({"code": pyotp.TOTP(secret).now()}, button="#confirm-code")
    codes = [element.text for element in browser.driver.find_elements(By.CSS_SELECTOR, "#recovery-codes code")]
    assert len(codes) == 10 and len(set(codes)) == 10
    browser.click("#continue")
    assert browser.path == "/settings"
    assert "10 oanvända engångskoder" in browser.find("#second-factor-summary").text
    browser.sign_out()

    sign_in_with(browser, HUGO, codes[0])
    assert browser.path == HUGO.home
    browser.sign_out()

    sign_in_with(browser, HUGO, codes[0])
    assert browser.path == "/sign-in/code", "a recovery code works once"
    assert "Koden stämmer inte" in browser.find("#form-error").text
