"""report.html of a real number bundle, opened in Debian's Chromium: every event of events.jsonl is on the page with
its proof, only texts consumers were shown are listed as shown, back-dated events are marked; and a screenshot.

The bundle is made as an operator makes it: events through the running ``optledger serve``, then ``POST /evidence``
and its presigned URL. Set OPTLEDGER_SCREENSHOTS=DIR to keep the screenshot.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.request
import zipfile
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from optledger.chain import sha256_hex
from tests.e2e.conftest import API_KEY, TWILIO_TOKEN
from tests.support.chromium import HEADLESS_FLAGS
from tests.support.optins import ALERTS_DISCLOSURE
from tests.support.twilio import form, signed
from tests.unit.test_report_screenshot import GREEN, RED, pixels

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
AUTH = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}
PHONE = "+14155550171"
JUNK = "JUNK text an integrator attached to an agent's opt-out"
VERBAL = "Do you agree to receive order status texts from Acme Order Alerts? Msg and data rates may apply."
AMBER = (0xE0, 0xA1, 0x26)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="optledger-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (*HEADLESS_FLAGS, "--window-size=1280,2400", "--hide-scrollbars", f"--user-data-dir={profile}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def post(served, path: str, body: dict, headers: dict | None = None) -> dict:
    status, _, reply = served.request("POST", path, body=json.dumps(body).encode(), headers=headers or AUTH)
    assert status == 201, reply
    return json.loads(reply)


@pytest.fixture(scope="module")
def bundle(served, tmp_path_factory) -> Path:
    """A number's history through every door, then its evidence bundle downloaded and unpacked."""
    two_days_ago = (datetime.now(UTC) - timedelta(days=2)).strftime("%Y-%m-%dT15:30:00Z")
    # A verbal opt-in entered two days after the call (back-dated)
    post(
        served,
        "/consents/events",
        {
            "phone": PHONE,
            "campaign": "C7ALERTS",
            "type": "opt_in",
            "channel": "verbal",
            "occurred_at": two_days_ago,
            "agent_id": "agent-7",
            "subject": "Jane Report",
            "disclosure": VERBAL,
        },
    )
    # A web form opt-in
    post(
        served,
        "/optins",
        {
            "phone": PHONE,
            "campaign": "C7ALERTS",
            "consent": True,
            "disclosure": ALERTS_DISCLOSURE,
            "page_url": "https://acme.example/join",
            "subject": "jane@example.com",
            "session_id": "sess-42",
        },
        {"Content-Type": "application/json", "Origin": "https://acme.example", "User-Agent": "ReportBrowser/1.0"},
    )
    # The consumer texts STOP
    url = served.url + "/webhooks/twilio"
    body, signature = signed(
        form("STOP please", sid="SMreport000000000000000000000001", sender=PHONE, to="+18885550101"), url, TWILIO_TOKEN
    )
    status, _, _ = served.request(
        "POST",
        "/webhooks/twilio",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature},
    )
    assert status == 200
    # An agent records an opt-out and attaches a text nobody was shown
    post(
        served,
        "/consents/events",
        {
            "phone": PHONE,
            "campaign": "C7ALERTS",
            "type": "opt_out",
            "channel": "verbal",
            "occurred_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "agent_id": "agent-9",
            "disclosure": JUNK,
        },
    )
    created = post(served, "/evidence", {"phone": PHONE})
    folder = tmp_path_factory.mktemp("bundle")
    with urllib.request.urlopen(created["url"], timeout=30) as answer:
        (folder / "bundle.zip").write_bytes(answer.read())
    zipfile.ZipFile(folder / "bundle.zip").extractall(folder)
    return folder


def section(browser, title: str) -> str:
    """The visible text from the heading that starts with ``title`` to the next heading."""
    return browser.execute_script(
        """const heads = [...document.querySelectorAll('h2')];
        const start = heads.find(h => h.textContent.startsWith(arguments[0]));
        if (!start) return null;
        let text = '', node = start.nextElementSibling;
        while (node && node.tagName !== 'H2') { text += node.innerText + '\\n'; node = node.nextElementSibling; }
        return text;""",
        title,
    )


def test_every_event_of_the_bundle_is_on_the_page_with_its_proof(bundle, browser):
    from selenium.webdriver.common.by import By

    events = [json.loads(line) for line in (bundle / "events.jsonl").read_text().splitlines()]
    assert len(events) == 4
    browser.get((bundle / "report.html").as_uri())
    table = section(browser, "Every event")
    for event in events:
        assert event["event_id"] in table and event["hash"] in table
        assert event["occurred_at"] in table
    # The proof an auditor asks for: IP, user agent, page, identity, the consumer's words, the agent
    for value in ("127.0.0.1", "ReportBrowser/1.0", "https://acme.example/join", "jane@example.com", "sess-42"):
        assert value in table, value
    assert "STOP please" in table and "agent-7" in table and "Jane Report" in table
    assert "back-dated" in table
    # Each disclosure cell links to its text in the bundle, and the link opens it
    web_sha = sha256_hex(ALERTS_DISCLOSURE)
    link = browser.find_element(By.CSS_SELECTOR, f'table.events a[href="disclosures/{web_sha}.txt"]')
    link.click()
    assert ALERTS_DISCLOSURE in browser.find_element(By.TAG_NAME, "body").text


def test_only_texts_consumers_were_shown_are_listed_as_shown(bundle, browser):
    browser.get((bundle / "report.html").as_uri())
    shown = section(browser, "Disclosures shown to consumers")
    assert ALERTS_DISCLOSURE in shown and VERBAL in shown
    assert JUNK not in shown
    assert JUNK in section(browser, "Other texts referenced by events")


def test_screenshot_shows_the_chart_with_back_dated_events_and_the_event_table(bundle, browser, tmp_path):
    browser.get((bundle / "report.html").as_uri())
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    kept = os.environ.get("OPTLEDGER_SCREENSHOTS")
    if kept:
        Path(kept).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(kept) / "report-number-bundle.png")
    width, height, colours = pixels(shot.read_bytes())
    assert width == 1280 and height > 1500
    assert isinstance(colours, Counter) and len(colours) > 50
    assert colours[GREEN] > 100 and colours[RED] > 100  # opt-in and opt-out bars
    assert colours[AMBER] > 100  # the back-dated bar and legend
    # The event table starts within the screenshot
    top = browser.execute_script(
        "return [...document.querySelectorAll('h2')].find(h => h.textContent.startsWith('Every event'))"
        ".getBoundingClientRect().top"
    )
    assert 0 < top < height
