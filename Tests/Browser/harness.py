"""Helpers for Framsteg's browser tests: real headless Chromium driven by Selenium.

Write tests against `Browser` (the `browser` fixture in conftest.py), not the raw driver:
every page it lands on -- through `visit`, `click`, `submit` or an `expect_page_load()`
block -- is checked with axe-core (WCAG 2.0/2.1, levels A and AA) before the test goes on,
and any violation fails the test. That is how "every page is accessible" stays true as
features are added. Reach for `browser.driver` only to *read* the page.

    def test_example(browser):
        browser.sign_in(DEMO_USERS["office"])   # lands on /office, checked by axe
        browser.click("nav a[href='/office']")   # follows the link, checked by axe
        assert "Insjöriket" in browser.heading

Locators are CSS selectors ("#sign-out", "form.search button") or Selenium
(By.X, value) tuples.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping, Tuple, Union
from urllib.parse import urlparse

import pyotp
import pytest
import selenium_axe_python
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

Locator = Union[str, Tuple[str, str]]

#: The axe-core rule tags every page must pass.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
#: axe-core as shipped in the selenium-axe-python wheel (see requirements.txt).
AXE_SCRIPT = Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js"
#: Seconds to wait for an element or a page load before failing.
WAIT_SECONDS = 10


@dataclass(frozen=True)
class DemoUser:
    """A user created by `framsteg demo`; the passwords are fixed there."""

    role: str
    email: str
    password: str
    home: str  # path a successful sign-in lands on
    heading: str  # text the home page's <h1> contains


DEMO_USERS: dict[str, DemoUser] = {
    user.role: user
    for user in (
        DemoUser("admin", "admin@insjoriket.demo", "Demo-Admin-Insjo-26", "/admin", "Administration"),
        DemoUser("office", "kansli@insjoriket.demo", "Demo-Kansli-Insjo-26", "/office", "Insjöriket"),
        DemoUser("manager", "chef.molndal@insjoriket.demo", "Demo-Chef-Molndal-26", "/units", "Mina verksamheter"),
        DemoUser(
            "counsellor", "handledare.molndal@insjoriket.demo", "Demo-Handl-Molndal-26", "/units", "Mina verksamheter"
        ),
    )
}


#: Every demo user's authenticator (Insjöriket requires a second factor): `DemoUsersStep.authenticatorSecret`.
DEMO_TOTP_SECRET = "FRAMSTEGDEMOINSJORIKETTOTPDEMOAA"
#: The latest time step whose code each account has used: the server accepts a code only once.
_used_steps: dict[str, int] = {}


def demo_code(email: str) -> str:
    """A code of the demo authenticator that `email` has not used yet.

    The current step's, else the next one's (the server accepts one step either side), else wait
    for the clock to move on.
    """
    totp = pyotp.TOTP(DEMO_TOTP_SECRET)
    while True:
        now = time.time()
        current = int(now // 30)
        last = _used_steps.get(email, 0)
        if last <= current:
            step = current if last < current else current + 1
            _used_steps[email] = step
            return totp.at(step * 30)
        time.sleep(30 - now % 30 + 0.2)


def make_driver() -> WebDriver:
    """Headless Debian Chromium via Debian's chromedriver.

    Both paths are given explicitly so Selenium Manager never tries to download a browser
    or driver (these machines reach no download site). FRAMSTEG_CHROMIUM and
    FRAMSTEG_CHROMEDRIVER override them.
    """
    chromium = os.environ.get("FRAMSTEG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = os.environ.get("FRAMSTEG_CHROMEDRIVER") or shutil.which("chromedriver")
    if not chromium or not chromedriver:
        raise RuntimeError("chromium/chromedriver not found: apt-get install chromium chromium-driver")

    options = Options()
    options.binary_location = chromium
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
        "--disable-dev-shm-usage",  # small /dev/shm in containers crashes tabs
        "--window-size=1280,900",
        "--lang=sv-SE",
    ):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs",
        {
            # The app is Swedish by default; ask for Swedish too so language negotiation agrees.
            "intl.accept_languages": "sv-SE,sv",
            # Keep the password manager out of the way of sign-in forms.
            "credentials_enable_service": False,
            "profile.password_manager_enabled": False,
        },
    )
    # scripts/proxy-test serves over HTTPS with a certificate it made itself a moment ago.
    if os.environ.get("FRAMSTEG_BROWSER_ACCEPT_INSECURE_CERTS") == "1":
        options.accept_insecure_certs = True
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


@functools.lru_cache(maxsize=1)
def _axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


def check_accessibility(driver: WebDriver) -> None:
    """Run axe-core on the current page and fail the test listing every violation."""
    __tracebackhide__ = True  # failures point at the test's line
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(_axe_source())
    # Options go in as a script argument (JSON), not spliced into the source.
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(done, (e) => done({error: String(e)}));",
        {"runOnly": {"type": "tag", "values": list(AXE_TAGS)}, "resultTypes": ["violations"]},
    )
    if "error" in results:
        pytest.fail(f"axe-core failed on {driver.current_url}: {results['error']}")
    if results["violations"]:
        pytest.fail(format_violations(driver.current_url, results["violations"]))


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core: {len(violations)} accessibility violation(s) on {url} ({', '.join(AXE_TAGS)}):"]
    for violation in violations:
        lines.append(f"- {violation['id']} [{violation.get('impact')}]: {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = re.sub(r"\s*\n\s*", "; ", re.sub(r":\s*\n\s*", ": ", (node.get("failureSummary") or "").strip()))
            lines.append(f"    at {target}: {summary}")
    return "\n".join(lines)


def _by(locator: Locator) -> Tuple[str, str]:
    return (By.CSS_SELECTOR, locator) if isinstance(locator, str) else locator


class Browser:
    """One browser tab on the app under test; checks every page it lands on with axe-core."""

    def __init__(self, driver: WebDriver, base_url: str) -> None:
        self.driver = driver
        self.base_url = base_url.rstrip("/")

    # -- where we are -------------------------------------------------------------------

    def url(self, path: str) -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    @property
    def path(self) -> str:
        """Path of the current URL, e.g. "/sign-in" after a redirect there."""
        return urlparse(self.driver.current_url).path

    @property
    def heading(self) -> str:
        """Text of the page's <h1>."""
        return self.find((By.TAG_NAME, "h1")).text

    @property
    def active_element_id(self) -> str:
        return self.driver.execute_script("return document.activeElement ? document.activeElement.id : ''")

    def describe_active_element(self) -> str:
        """The focused element as tag#id.class, for messages about focus order."""
        return self.driver.execute_script(
            "const e = document.activeElement; if (!e) return '';"
            "return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
            " + [...e.classList].map((c) => '.' + c).join('');"
        )

    def find(self, locator: Locator) -> WebElement:
        """The element, waiting up to WAIT_SECONDS for it to appear."""
        return WebDriverWait(self.driver, WAIT_SECONDS).until(EC.presence_of_element_located(_by(locator)))

    # -- moving between pages (each one checked by axe) ---------------------------------

    def visit(self, path: str) -> None:
        """GET the path (following redirects) and check the page it ends on."""
        __tracebackhide__ = True
        self.driver.get(self.url(path))
        self._page_loaded()

    def click(self, locator: Locator, *, navigates: bool = True) -> None:
        """Click the element; by default wait for the next page and check it.

        With navigates=False (a control that changes the page in place) the page is still
        checked after the click.
        """
        __tracebackhide__ = True
        element = WebDriverWait(self.driver, WAIT_SECONDS).until(EC.element_to_be_clickable(_by(locator)))
        if navigates:
            with self.expect_page_load():
                element.click()
        else:
            element.click()
            check_accessibility(self.driver)

    def fill(self, fields: Mapping[str, str]) -> None:
        """Type into fields by element id, replacing what they held."""
        for field_id, value in fields.items():
            element = self.find((By.ID, field_id))
            element.clear()
            element.send_keys(value)

    def submit(self, fields: Mapping[str, str] | None = None, button: Locator = "main button[type=submit]") -> None:
        """Fill the fields (by id), click the submit button, and check the page that follows.

        The default button is the first in <main>: the header holds the sign-out button.
        """
        __tracebackhide__ = True
        if fields:
            self.fill(fields)
        self.click(button)

    @contextlib.contextmanager
    def expect_page_load(self) -> Iterator[None]:
        """Wrap an action that loads a new page (e.g. a key press); checks the new page.

            with browser.expect_page_load():
                browser.press(Keys.ENTER)
        """
        __tracebackhide__ = True
        old_root = self.driver.find_element(By.TAG_NAME, "html")
        yield
        # Mid-navigation chromedriver may answer "Node ... does not belong to the document"
        # (a plain WebDriverException, not a stale-element one): treat it as "ask again".
        WebDriverWait(self.driver, WAIT_SECONDS, ignored_exceptions=(WebDriverException,)).until(
            EC.staleness_of(old_root), message=f"no new page loaded after the action on {self.driver.current_url}"
        )
        self._page_loaded()

    # -- keyboard -----------------------------------------------------------------------

    def press(self, *keys: str) -> None:
        """Send keys (text or selenium Keys) to whatever has focus, as a keyboard would."""
        ActionChains(self.driver).send_keys(*keys).perform()

    # -- common journeys ----------------------------------------------------------------

    def sign_in(self, user: DemoUser) -> None:
        """Sign in through the form, then the demo authenticator's code, and assert landing on the user's home page."""
        __tracebackhide__ = True
        self.visit("/sign-in")
        self.submit({"email": user.email, "password": user.password}, button="#sign-in")
        self.enter_code(user.email)
        assert self.path == user.home, f"{user.email} landed on {self.path}, expected {user.home}"

    def enter_code(self, email: str) -> None:
        """On the second step of a sign-in, type an unused code of the demo authenticator."""
        __tracebackhide__ = True
        assert self.path == "/sign-in/code", f"expected the code step after the password, at {self.path}"
        self.submit({"code": demo_code(email)}, button="#verify-code")

    def sign_out(self) -> None:
        __tracebackhide__ = True
        self.click("#sign-out")
        assert self.path == "/sign-in", f"sign-out landed on {self.path}"

    def _page_loaded(self) -> None:
        __tracebackhide__ = True
        WebDriverWait(self.driver, WAIT_SECONDS, ignored_exceptions=(WebDriverException,)).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete"
        )
        check_accessibility(self.driver)
