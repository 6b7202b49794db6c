"""Fixtures for the browser tests; the helpers themselves live in harness.py.

Run through scripts/test, which starts a demo server and sets FRAMSTEG_BROWSER_BASE_URL.
By hand, against a server already running:

    FRAMSTEG_BROWSER_BASE_URL=http://127.0.0.1:18080 .venv/bin/python -m pytest Tests/Browser

Set FRAMSTEG_BROWSER_ARTIFACTS to a folder to keep a screenshot and the HTML of the page
each failing test ended on.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

# check_accessibility is imported for discoverability; test modules import helpers from harness.
from harness import Browser, check_accessibility, make_driver  # noqa: F401


@pytest.fixture(scope="session")
def base_url() -> str:
    """Root URL of the running app, without a trailing slash."""
    url = os.environ.get("FRAMSTEG_BROWSER_BASE_URL", "").rstrip("/")
    if not url:
        pytest.fail("FRAMSTEG_BROWSER_BASE_URL is not set (scripts/test sets it)", pytrace=False)
    return url


@pytest.fixture
def driver() -> Iterator[WebDriver]:
    """A fresh headless Chromium per test, so no cookie or session leaks between tests."""
    driver = make_driver()
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser(driver: WebDriver, base_url: str) -> Browser:
    """The way tests move around the app: every page it lands on is checked by axe-core."""
    return Browser(driver, base_url)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    # When a test fails its browser is still open here: say where it was, and keep the page.
    report = yield
    driver = getattr(item, "funcargs", {}).get("driver")
    if report.when == "call" and report.failed and driver is not None:
        report.sections.append(("browser", _describe_failure(driver, item.nodeid)))
    return report


def _describe_failure(driver: WebDriver, nodeid: str) -> str:
    try:
        lines = [f"page at failure: {driver.current_url}"]
        folder = os.environ.get("FRAMSTEG_BROWSER_ARTIFACTS")
        if folder:
            directory = Path(folder)
            directory.mkdir(parents=True, exist_ok=True)
            stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid)
            driver.save_screenshot(str(directory / f"{stem}.png"))
            (directory / f"{stem}.html").write_text(driver.page_source, encoding="utf-8")
            lines.append(f"screenshot and HTML kept as {directory}/{stem}.png/.html")
        return "\n".join(lines)
    except Exception as error:  # a crashed tab must not hide the real failure
        return f"could not inspect the browser: {error}"
