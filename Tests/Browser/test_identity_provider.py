"""The whole redirect dance of signing in through the association's identity provider, in Chromium:
the admin points Insjöriket at the test provider (Tests/OIDC/provider.py, started by scripts/test),
a counsellor signs in there and comes back signed in, and signing out offers the provider's sign-out.

Every page reached through `browser`, the provider's own pages included, is checked by axe-core.
"""

from __future__ import annotations

import json
import os
import secrets
import time
import urllib.request

import pytest

from harness import DEMO_USERS, Browser

LEYLA = "handledare.lerum@insjoriket.demo"


@pytest.fixture
def provider() -> str:
    url = os.environ.get("FRAMSTEG_TEST_OIDC_URL", "").rstrip("/")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("FRAMSTEG_TEST_OIDC_URL is not set on CI (scripts/test starts Tests/OIDC/provider.py)")
        pytest.skip("FRAMSTEG_TEST_OIDC_URL is not set: run through scripts/test")
    return url


def register(provider: str, client_id: str, secret: str) -> None:
    body = json.dumps(
        {
            "client_id": client_id,
            "client_secret": secret,
            "claims": {"sub": "leyla-" + client_id, "email": LEYLA, "name": "Leyla Handledare"},
            "now": int(time.time()),
        }
    ).encode()
    request = urllib.request.Request(provider + "/control/clients", data=body, headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=10).read()


def test_sign_in_through_the_identity_provider_and_out_again(browser: Browser, provider: str) -> None:
    client_id, secret = "framsteg-browser-" + secrets.token_hex(4), secrets.token_urlsafe(16)
    register(provider, client_id, secret)

    browser.sign_in(DEMO_USERS["admin"])
    browser.visit("/admin/sign-in")
    assert browser.find("#redirect-uri").text == browser.base_url + "/sign-in/callback"
    browser.submit(
        {"issuer": provider, "clientID": client_id, "clientSecret": secret, "userClaim": "email"},
        button="#save-identity-provider",
    )
    assert "notice=saved" in browser.driver.current_url
    browser.sign_out()

    browser.click("a[href='/sign-in/organisation/1']")
    assert browser.driver.current_url.startswith(provider + "/authorize?")
    browser.click("#idp-approve")
    assert browser.path == "/units"
    assert "Mina verksamheter" in browser.heading

    browser.sign_out()
    browser.click("#provider-sign-out")
    assert browser.driver.current_url.startswith(provider + "/end-session")
