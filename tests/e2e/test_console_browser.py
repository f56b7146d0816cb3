"""The compliance console in a real browser (Debian's chromium driven by selenium) against ``optledger serve``.

A user of brand acme signs in with acme's API key, looks a number up, decides a reply from the review queue and sees
the number's state change, downloads the number's evidence bundle and verifies it with ``optledger verify``, lists
the daily evidence, reads the campaigns, and is refused globex's number with the same words as a number that does
not exist. Every screen is photographed at desktop and phone widths into ``build/test-output/console/`` (or
``$OPTLEDGER_TEST_OUTPUT/console``).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.support.brands import GLOBEX
from tests.support.chromium import HEADLESS_FLAGS
from tests.support.serve import ROOT, Served, ServeFailed, serve
from tests.support.twilio import form, signed

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
TWILIO = "console-twilio-token"
ADMIN_KEY = "console-admin-key"
KEYS = {"console-acme-key": ["acme"], "console-globex-key": ["globex"]}
ACME_PHONE = "+14155550161"
GLOBEX_PHONE = "+14155550162"
NOBODY_PHONE = "+14155550169"
OUTPUT = Path(os.environ.get("OPTLEDGER_TEST_OUTPUT") or ROOT / "build" / "test-output") / "console"
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def admin(served: Served, method: str, path: str, body: dict | None = None) -> dict:
    status, _, answer = served.api(method, path, body, key=ADMIN_KEY)
    assert status < 300, answer
    return json.loads(answer)


def text_in(served: Served, text: str, sender: str, to: str, sid: str) -> None:
    body, signature = signed(form(text, sid=sid, sender=sender, to=to), served.url + "/webhooks/twilio", TWILIO)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
    assert served.request("POST", "/webhooks/twilio", body=body, headers=headers)[0] == 200


@pytest.fixture(scope="module")
def console() -> Iterator[Served]:
    """optledger serve with an all-brands key, one key per brand, and a second brand with a number of its own."""
    secrets = {"TWILIO_AUTH_TOKEN": TWILIO, "API_KEY": ADMIN_KEY, "API_KEYS": json.dumps(KEYS)}
    try:
        with serve(secrets) as served:
            admin(served, "PUT", "/campaigns/G1CHAT", GLOBEX)
            text_in(served, "START", ACME_PHONE, "+18885550100", "SMconsole0000000000000000000000001")
            text_in(served, "not interested", ACME_PHONE, "+18885550100", "SMconsole0000000000000000000000002")
            text_in(served, "START", GLOBEX_PHONE, "+18885550200", "SMconsole0000000000000000000000003")
            # Yesterday's daily bundles and anchors, so the evidence screen has something to list.
            yesterday = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()
            done = served.optledger("bundle", "--date", yesterday)
            assert done.returncode == 0, done.stdout + done.stderr
            yield served
    except ServeFailed as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def downloads() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="optledger-downloads-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="optledger-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (*HEADLESS_FLAGS, "--window-size=1280,900", f"--user-data-dir={profile}", "--hide-scrollbars"):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    OUTPUT.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait(browser, condition, timeout: float = 20):
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(browser, timeout).until(condition)
    except TimeoutException:
        # What the page said, to tell a refused request from a slow one.
        said = browser.execute_script(
            "return [document.getElementById('alert').textContent, document.getElementById('status').textContent]"
        )
        raise AssertionError(f"timed out; the page says {said}; log {browser.get_log('browser')}") from None


def visible(browser, css: str):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    return wait(browser, ec.visibility_of_element_located((By.CSS_SELECTOR, css)))


def by_label(browser, text: str):
    """The control a <label> with exactly this text points at (how a person, or a screen reader, finds it)."""
    from selenium.webdriver.common.by import By

    [label] = [x for x in browser.find_elements(By.TAG_NAME, "label") if x.text == text and x.is_displayed()]
    return browser.find_element(By.ID, label.get_attribute("for"))


def button(browser, text: str, scope=None):
    from selenium.webdriver.common.by import By

    found = [b for b in (scope or browser).find_elements(By.TAG_NAME, "button") if b.text == text and b.is_displayed()]
    assert found, f"no visible button {text!r}"
    return found[0]


def tab(browser, name: str) -> None:
    from selenium.webdriver.common.by import By

    browser.find_element(By.CSS_SELECTOR, f"#tabs button[data-screen={name}]").click()
    visible(browser, f"#screen-{name}")


def photograph(browser, name: str) -> list[Path]:
    """The current screen at desktop and phone widths, whole page; back to desktop width after."""
    shots = []
    for size, (width, height) in SIZES.items():
        browser.set_window_size(width, height)
        page_height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(width, min(max(height, page_height + 140), 6000))
        path = OUTPUT / f"{name}-{size}.png"
        assert browser.save_screenshot(str(path))
        shots.append(path)
    browser.set_window_size(*SIZES["desktop"])
    return shots


def alert_text(browser) -> str:
    return visible(browser, "#alert").text


def look_up(browser, phone: str) -> None:
    field = by_label(browser, "Phone number")
    field.clear()
    field.send_keys(phone)
    button(browser, "Look up", field.find_element("xpath", "ancestor::form")).click()


def csp_violations(browser) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if "Content Security Policy" in e["message"]]


def test_the_page_is_locked_down(console):
    status, headers, page = console.request("GET", "/console")
    assert status == 200
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "default-src 'none'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert b"<script>" not in page and b"<style" not in page and b" style=" not in page and b"onclick" not in page
    script = console.request("GET", "/console/console.js")[2].decode()
    for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "localStorage.", "eval("):
        assert sink not in script, sink
    assert console.request("GET", "/console/nothing.js")[0] == 404
    assert json.loads(console.request("GET", "/console/config.json")[2])["sign_in"] == {"mode": "api_key"}


def test_sign_in_look_up_decide_download_and_browse(console, browser, downloads):
    from selenium.webdriver.common.by import By

    # Sign in with the acme key.
    browser.get(console.url + "/console")
    visible(browser, "#screen-signin")
    photograph(browser, "1-sign-in")
    by_label(browser, "API key").send_keys("wrong-key")
    button(browser, "Sign in").click()
    assert alert_text(browser) == "That API key was refused."
    by_label(browser, "API key").send_keys("console-acme-key")
    button(browser, "Sign in").click()
    visible(browser, "#screen-lookup")
    assert browser.find_element(By.ID, "who-name").text.startswith("api-key:")  # a fingerprint, never the key
    assert browser.execute_script("return window.localStorage.length") == 0  # the key lives in sessionStorage only

    # Look up the acme number: its events, each with its event id.
    look_up(browser, "(415) 555-0161")
    visible(browser, "#lookup-result")
    record = admin(console, "POST", "/consents/lookup", {"phone": ACME_PHONE})
    shown = [li.get_attribute("data-event-id") for li in browser.find_elements(By.CSS_SELECTOR, "#timeline li")]
    assert shown == [e["event_id"] for e in reversed(record["events"])]
    first = browser.find_element(By.CSS_SELECTOR, f'#timeline li[data-event-id="{record["events"][-1]["event_id"]}"]')
    assert "not interested" in first.text and "twilio" in first.text and "message" in first.text.lower()
    deals = browser.find_element(By.CSS_SELECTOR, '#state-table tr[data-campaign="C7DEALS"]')
    assert "opted in" in deals.text
    photograph(browser, "2-look-up")

    # Decide the reply: a revocation, with a note.
    tab(browser, "reviews")
    visible(browser, "#review-list li[data-event-id]")
    [item] = browser.find_elements(By.CSS_SELECTOR, "#review-list li[data-event-id]")
    review_id = record["events"][-1]["event_id"]
    assert item.get_attribute("data-event-id") == review_id
    assert "not interested" in item.text and "FCC deadline" in item.text
    photograph(browser, "3-reviews")
    by_label(browser, "Note (optional)").send_keys("Called back: wants no texts <b>at all</b>")
    button(browser, "Revocation", item).click()
    wait(browser, lambda b: not b.find_elements(By.CSS_SELECTOR, "#review-list li[data-event-id]"))
    assert "Recorded: revocation" in browser.find_element(By.ID, "status").text

    # The number's state changed: opted out, and the opt-out names the person who decided.
    tab(browser, "lookup")
    look_up(browser, ACME_PHONE)
    wait(browser, lambda b: len(b.find_elements(By.CSS_SELECTOR, "#timeline li")) == 3)
    deals = browser.find_element(By.CSS_SELECTOR, '#state-table tr[data-campaign="C7DEALS"]')
    assert "opted out" in deals.text and "Refused" in deals.text
    newest = browser.find_element(By.CSS_SELECTOR, "#timeline li")
    assert "opt out" in newest.text.lower() and "api-key:" in newest.text
    assert "<b>at all</b>" in newest.text  # the note is shown as text, never as markup
    assert not newest.find_elements(By.TAG_NAME, "b")

    # Build and download the number's evidence, and verify it.
    button(browser, "Build evidence bundle").click()
    link = visible(browser, "#lookup-download a")
    assert link.text == "Download evidence"
    photograph(browser, "4-look-up-after-decision")
    link.click()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not list(downloads.glob("*.zip")):
        time.sleep(0.2)
    [bundle] = list(downloads.glob("*.zip"))
    verified = console.optledger("verify", str(bundle))
    assert verified.returncode == 0, verified.stdout + verified.stderr

    # The daily evidence of acme: bundles and the anchor, each with a link.
    browser.get(console.url + "/console")  # the download navigated nowhere, but start clean
    visible(browser, "#screen-lookup")
    tab(browser, "evidence")
    visible(browser, "#daily-table")
    rows = browser.find_elements(By.CSS_SELECTOR, "#daily-table tbody tr")
    kinds = sorted(r.find_elements(By.TAG_NAME, "td")[0].text for r in rows)
    assert kinds == ["Anchor", "Bundle", "Bundle", "Bundle"]  # three acme campaigns; nothing of globex
    rows[0].find_element(By.TAG_NAME, "button").click()
    visible(browser, "#daily-table tbody tr a")
    photograph(browser, "5-evidence")

    # The campaigns of acme, read-only, with their hosted pages.
    tab(browser, "campaigns")
    # The cards arrive with GET /campaigns after the tab opens: wait for them (under load that takes a while).
    wait(browser, lambda b: len(b.find_elements(By.CSS_SELECTOR, "#campaign-list article[data-campaign]")) >= 3)
    cards = browser.find_elements(By.CSS_SELECTOR, "#campaign-list article[data-campaign]")
    assert sorted(c.get_attribute("data-campaign") for c in cards) == ["C7ALERTS", "C7CHAT", "C7DEALS"]
    page = browser.find_element(By.LINK_TEXT, "Hosted opt-in page of C7ALERTS").get_attribute("href")
    assert page == console.url + "/optin/C7ALERTS"
    photograph(browser, "6-campaigns")

    # Nothing of this reached a URL, a log line or a CSP report.
    assert ACME_PHONE not in browser.current_url and "4155550161" not in browser.current_url
    logs = "".join(console.output)
    assert "4155550161" not in logs and "not interested" not in logs
    assert csp_violations(browser) == []


def test_a_user_of_one_brand_is_refused_another_brands_number(console, browser):
    from selenium.webdriver.common.by import By

    browser.get(console.url + "/console")
    visible(browser, "#screen-lookup")  # still signed in as acme in this tab
    tab(browser, "lookup")
    look_up(browser, GLOBEX_PHONE)
    refused = alert_text(browser)
    assert refused.startswith("Not available")
    assert not browser.find_element(By.ID, "lookup-result").is_displayed()
    photograph(browser, "7-refused")
    look_up(browser, NOBODY_PHONE)
    wait(browser, lambda b: b.find_element(By.ID, "alert").is_displayed())
    assert alert_text(browser) == refused  # the same words whether the number exists elsewhere or not at all

    # Signed in as globex instead, the same number is there.
    button(browser, "Sign out").click()
    visible(browser, "#screen-signin")
    by_label(browser, "API key").send_keys("console-globex-key")
    button(browser, "Sign in").click()
    visible(browser, "#screen-lookup")
    look_up(browser, GLOBEX_PHONE)
    visible(browser, "#lookup-result")
    assert browser.find_element(By.ID, "lookup-heading").text == GLOBEX_PHONE


def test_the_keyboard_reaches_the_look_up_and_the_tabs(console, browser):
    from selenium.webdriver.common.keys import Keys

    browser.get(console.url + "/console")
    visible(browser, "#screen-lookup")
    field = by_label(browser, "Phone number")
    field.click()
    field.send_keys(GLOBEX_PHONE, Keys.ENTER)  # Enter submits the form (signed in as globex by now)
    visible(browser, "#lookup-result")
    reviews = browser.find_element("css selector", "#tabs button[data-screen=reviews]")
    reviews.send_keys(Keys.ENTER)
    visible(browser, "#screen-reviews")
    assert browser.switch_to.active_element.get_attribute("id") == "reviews-title"  # focus follows the screen


class FakeCognito:
    """The two endpoints of Cognito's hosted UI the console uses, on loopback: /oauth2/authorize signs the user in at
    once (redirects back with a code), /oauth2/token checks the PKCE verifier against the challenge and answers
    with an access token. The token is an acme API key, so ``optledger serve`` (no JWT authorizer there) takes it."""

    def __init__(self, token: str) -> None:
        import hashlib
        import threading
        from base64 import urlsafe_b64encode
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from urllib.parse import parse_qs, urlencode, urlsplit

        self.requests: list[tuple[str, dict]] = []
        codes: dict[str, str] = {}
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                return

            def _cors(self):
                self.send_header("Access-Control-Allow-Origin", self.headers.get("origin") or "*")
                self.send_header("Access-Control-Allow-Headers", "content-type")

            def do_OPTIONS(self):
                self.send_response(204)
                self._cors()
                self.end_headers()

            def do_GET(self):
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                fake.requests.append((parts.path, query))
                code = "code-" + query["state"][:8]
                codes[code] = query["code_challenge"]
                self.send_response(302)
                self.send_header(
                    "Location", query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]})
                )
                self.end_headers()

            def do_POST(self):
                form = {
                    k: v[0] for k, v in parse_qs(self.rfile.read(int(self.headers["content-length"])).decode()).items()
                }
                fake.requests.append((self.path, form))
                digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
                challenge = urlsafe_b64encode(digest).decode().rstrip("=")
                good = form.get("grant_type") == "authorization_code" and codes.pop(form.get("code"), None) == challenge
                body = json.dumps({"access_token": token, "expires_in": 3600} if good else {"error": "invalid_grant"})
                self.send_response(200 if good else 400)
                self._cors()
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body.encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_cognito_sign_in_uses_the_code_flow_with_pkce_and_keeps_the_token_in_the_tab(browser):
    from selenium.webdriver.common.by import By

    cognito = FakeCognito("console-acme-key")
    secrets = {
        "TWILIO_AUTH_TOKEN": TWILIO,
        "API_KEYS": json.dumps(KEYS),
        "COGNITO_DOMAIN": cognito.url,
        "COGNITO_CLIENT_ID": "console-client",
    }
    try:
        with serve(secrets) as served:
            policy = served.request("GET", "/console")[1]["Content-Security-Policy"]
            assert f"connect-src 'self' {cognito.url}" in policy
            browser.get(served.url + "/console")
            visible(browser, "#signin-cognito")
            assert not browser.find_element(By.ID, "signin-form").is_displayed()  # no API key box in this mode
            button(browser, "Sign in").click()
            visible(browser, "#screen-lookup")

            (path, authorize), (token_path, exchange) = cognito.requests
            assert path == "/oauth2/authorize" and token_path == "/oauth2/token"
            assert authorize["response_type"] == "code" and authorize["code_challenge_method"] == "S256"
            assert authorize["client_id"] == exchange["client_id"] == "console-client"
            assert authorize["redirect_uri"] == exchange["redirect_uri"] == served.url + "/console"
            assert len(exchange["code_verifier"]) >= 43
            # The code left the address bar; the token lives in this tab's sessionStorage only.
            assert browser.current_url == served.url + "/console"
            assert browser.execute_script("return window.localStorage.length") == 0
            assert "console-acme-key" in browser.execute_script("return JSON.stringify(window.sessionStorage)")
            assert browser.get_cookies() == []
            assert csp_violations(browser) == []
            browser.execute_script("window.sessionStorage.clear()")
    finally:
        cognito.close()
