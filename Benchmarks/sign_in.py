#!/usr/bin/env python3
"""Signs a demo user in to a running Framsteg; prints the Cookie header, then the page it landed on.

    sign_in.py BASE_URL EMAIL PASSWORD

Standard library only. Goes through the real forms: the sign-in page's hidden fields (CSRF token,
the one-time `_once` token, whatever else the form carries) are scraped and sent back, then the
second step gets a code of the demo authenticator (RFC 6238, the demo key from the README),
computed here with hmac. A code signs in once, so a second sign-in of the same user within the
same 30 s step uses the next step's code (the server accepts one step either side).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html.parser
import http.cookiejar
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

DEMO_TOTP_SECRET = "FRAMSTEGDEMOINSJORIKETTOTPDEMOAA"


def totp(secret: str, step: int) -> str:
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class Forms(html.parser.HTMLParser):
    """Every form of a page: its action and the values of its hidden inputs."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append((attributes.get("action") or "", {}))
        elif tag == "input" and self.forms and attributes.get("type") == "hidden" and attributes.get("name"):
            self.forms[-1][1][attributes["name"]] = attributes.get("value") or ""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main() -> None:
    base, email, password = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

    def get(path: str) -> str:
        with opener.open(base + path) as response:
            return response.read().decode()

    def post(path: str, fields: dict[str, str]) -> str:
        """POST the form; returns the Location it redirects to."""
        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(base + path, data=data, headers={"Origin": base, "Referer": base + path})
        try:
            with opener.open(request) as response:
                body = response.read().decode(errors="replace")
                raise SystemExit(f"POST {path}: {response.status} without a redirect (rejected?):\n{body[:2000]}")
        except urllib.error.HTTPError as error:
            if error.code in (302, 303):
                return urllib.parse.urlparse(error.headers["Location"]).path
            raise SystemExit(f"POST {path}: {error.code}\n{error.read().decode(errors='replace')[:2000]}")

    def form(page: str, action: str) -> dict[str, str]:
        parser = Forms()
        parser.feed(page)
        for found, hidden in parser.forms:
            if found == action:
                return hidden
        raise SystemExit(f"no form posting to {action} on the page")

    fields = form(get("/sign-in"), "/sign-in")
    location = post("/sign-in", {**fields, "email": email, "password": password})
    if location != "/sign-in/code":
        raise SystemExit(f"expected the code step after the password, went to {location}")
    page = get("/sign-in/code")
    code_fields = form(page, "/sign-in/code")
    step = int(time.time() // 30)
    for candidate in (step, step + 1):
        try:
            location = post("/sign-in/code", {**code_fields, "code": totp(DEMO_TOTP_SECRET, candidate)})
            break
        except SystemExit:
            if candidate == step + 1:
                raise
            # The current step's code was used already (an earlier sign-in): a fresh form, the next code.
            code_fields = form(get("/sign-in/code"), "/sign-in/code")
    if location.startswith("/sign-in"):
        raise SystemExit(f"the code was not accepted, sent back to {location}")
    print("; ".join(f"{cookie.name}={cookie.value}" for cookie in jar))
    print(location)


if __name__ == "__main__":
    main()
