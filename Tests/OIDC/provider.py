"""A small but real OpenID Connect provider for Framsteg's tests, on loopback.

It speaks the authorization code flow with PKCE (S256) as an organisation's identity provider does:
discovery, an authorization page with a sign-in button, a token endpoint that checks the client's
secret, the code verifier and the redirect URI, signed ID tokens (RS256, joserfc), a JWKS, and an
end-session page. Tests register a client per test and say how its next ID tokens misbehave, so
tests running at once never see each other's settings:

    POST /control/clients   {"client_id", "client_secret", "claims": {...}, "behaviour": [...], "now": seconds}
    POST /control/rotate    sign from now on with a new key (the old one stays published)

behaviour: "expired", "wrong-audience", "unknown-key", "wrong-nonce", "wrong-issuer".

    python provider.py [--port 0]    prints "listening on http://127.0.0.1:PORT" and serves
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import json
import secrets
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey


def new_key(kid: str) -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig", "alg": "RS256"})


class Provider:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.issuer = ""
        self.keys = [new_key("key-1")]
        self.rogue = new_key("rogue")  # signs, but is never published
        self.clients: dict[str, dict] = {}
        self.codes: dict[str, dict] = {}

    @property
    def signing_key(self) -> RSAKey:
        return self.keys[-1]

    def discovery(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": self.issuer + "/authorize",
            "token_endpoint": self.issuer + "/token",
            "jwks_uri": self.issuer + "/jwks",
            "end_session_endpoint": self.issuer + "/end-session",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "scopes_supported": ["openid", "email", "profile"],
        }

    def jwks(self) -> dict:
        return {"keys": [key.as_dict(private=False) for key in self.keys]}

    def id_token(self, grant: dict) -> str:
        client = self.clients[grant["client_id"]]
        behaviour = set(client.get("behaviour", []))
        # A test whose application runs on a clock of its own gives the provider that clock's time.
        now = int(client.get("now") or time.time())
        claims = {
            "iss": "http://wrong-issuer.invalid" if "wrong-issuer" in behaviour else self.issuer,
            "aud": "someone-else" if "wrong-audience" in behaviour else grant["client_id"],
            "iat": now - 900 if "expired" in behaviour else now,
            "exp": now - 600 if "expired" in behaviour else now + 300,
            "nonce": "not-the-nonce-sent" if "wrong-nonce" in behaviour else grant["nonce"],
            "auth_time": now,
        }
        claims.update(client.get("claims", {}))
        key = self.rogue if "unknown-key" in behaviour else self.signing_key
        return jwt.encode({"alg": "RS256", "kid": key.kid, "typ": "JWT"}, claims, key)


PROVIDER = Provider()


class Handler(BaseHTTPRequestHandler):
    server_version = "FramstegTestOIDC/1"

    def log_message(self, format: str, *args) -> None:  # quiet unless asked
        if "--verbose" in sys.argv:
            super().log_message(format, *args)

    # -- helpers ------------------------------------------------------------------------------

    def send(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def json(self, status: int, value: dict) -> None:
        self.send(status, json.dumps(value).encode(), "application/json")

    def page(self, status: int, title: str, body: str) -> None:
        document = (
            f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width"></head><body><main><h1>{html.escape(title)}</h1>{body}</main></body></html>'
        )
        self.send(status, document.encode(), "text/html; charset=utf-8")

    def form(self) -> dict[str, str]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode()
        if self.headers.get("Content-Type", "").startswith("application/json"):
            return json.loads(raw or "{}")
        return {key: values[0] for key, values in parse_qs(raw).items()}

    # -- routes -------------------------------------------------------------------------------

    def do_GET(self) -> None:
        url = urlparse(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        if url.path == "/.well-known/openid-configuration":
            return self.json(200, PROVIDER.discovery())
        if url.path == "/jwks":
            return self.json(200, PROVIDER.jwks())
        if url.path == "/authorize":
            return self.authorize_page(query)
        if url.path == "/end-session":
            return self.page(200, "Utloggad hos identitetsleverantören", "<p>Du är utloggad.</p>")
        return self.json(404, {"error": "not_found"})

    def do_POST(self) -> None:
        url = urlparse(self.path)
        if url.path == "/control/clients":
            client = self.form()
            with PROVIDER.lock:
                PROVIDER.clients[client["client_id"]] = client
            return self.json(200, {"ok": True})
        if url.path == "/control/rotate":
            with PROVIDER.lock:
                PROVIDER.keys.append(new_key(f"key-{len(PROVIDER.keys) + 1}"))
            return self.json(200, {"kid": PROVIDER.signing_key.kid})
        if url.path == "/authorize":
            return self.approve(self.form())
        if url.path == "/token":
            return self.token(self.form())
        return self.json(404, {"error": "not_found"})

    def authorize_problem(self, query: dict[str, str]) -> str | None:
        client = PROVIDER.clients.get(query.get("client_id", ""))
        if client is None:
            return "unknown client_id"
        if query.get("response_type") != "code":
            return "response_type must be code"
        if "openid" not in query.get("scope", "").split():
            return "scope must include openid"
        if not query.get("redirect_uri") or not query.get("state") or not query.get("nonce"):
            return "redirect_uri, state and nonce are required"
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            return "PKCE with S256 is required"
        return None

    def authorize_page(self, query: dict[str, str]) -> None:
        problem = self.authorize_problem(query)
        if problem:
            return self.page(400, "Felaktig begäran", f"<p>{html.escape(problem)}</p>")
        client = PROVIDER.clients[query["client_id"]]
        who = html.escape(str(client.get("claims", {}).get("name", client.get("claims", {}).get("sub", ""))))
        fields = "".join(
            f'<input type="hidden" name="{html.escape(key)}" value="{html.escape(value)}">' for key, value in query.items()
        )
        self.page(
            200,
            "Testleverantörens inloggning",
            f'<form method="post" action="/authorize">{fields}<p>Inloggad med eID som {who}.</p>'
            f'<button type="submit" id="idp-approve">Logga in</button></form>',
        )

    def approve(self, query: dict[str, str]) -> None:
        problem = self.authorize_problem(query)
        if problem:
            return self.page(400, "Felaktig begäran", f"<p>{html.escape(problem)}</p>")
        code = secrets.token_urlsafe(24)
        with PROVIDER.lock:
            PROVIDER.codes[code] = {
                "client_id": query["client_id"],
                "redirect_uri": query["redirect_uri"],
                "nonce": query["nonce"],
                "challenge": query["code_challenge"],
            }
        location = query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]})
        if self.headers.get("X-Test-No-Redirect"):  # an HTTP test reads where the browser would go
            return self.json(200, {"location": location})
        self.send(302, b"", "text/plain", {"Location": location})

    def token(self, form: dict[str, str]) -> None:
        client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        authorization = self.headers.get("Authorization", "")
        if authorization.startswith("Basic "):
            client_id, _, secret = base64.b64decode(authorization[6:]).decode().partition(":")
        client = PROVIDER.clients.get(client_id)
        if client is None or not secrets.compare_digest(client.get("client_secret", ""), secret):
            return self.json(401, {"error": "invalid_client"})
        with PROVIDER.lock:
            grant = PROVIDER.codes.pop(form.get("code", ""), None)
        if form.get("grant_type") != "authorization_code" or grant is None or grant["client_id"] != client_id:
            return self.json(400, {"error": "invalid_grant"})
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return self.json(400, {"error": "invalid_grant", "error_description": "redirect_uri differs"})
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if not verifier or challenge != grant["challenge"]:
            return self.json(400, {"error": "invalid_grant", "error_description": "PKCE verification failed"})
        with PROVIDER.lock:
            id_token = PROVIDER.id_token(grant)
        self.json(200, {"access_token": secrets.token_urlsafe(24), "token_type": "Bearer", "expires_in": 300, "id_token": id_token})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--verbose", action="store_true")
    arguments = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", arguments.port), Handler)
    PROVIDER.issuer = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"listening on {PROVIDER.issuer}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
