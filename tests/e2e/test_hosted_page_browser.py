"""The hosted opt-in page in a real browser (Debian's chromium driven by selenium through chromedriver).

Needs the Debian packages ``chromium`` and ``chromium-driver``.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator

import pytest

from tests.e2e.conftest import API_KEY
from tests.support.chromium import HEADLESS_FLAGS

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="optledger-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (*HEADLESS_FLAGS, "--window-size=1024,900", f"--user-data-dir={profile}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def consents(served, phone: str) -> dict:
    status, _, body = served.request("GET", f"/consents/{phone}", headers={"Authorization": f"Bearer {API_KEY}"})
    assert status == 200, body
    return json.loads(body)


def test_fill_tick_submit_see_the_confirmation_and_find_the_event(served, browser):
    from selenium.webdriver.common.by import By

    browser.get(served.url + "/optin/C7ALERTS")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    box = browser.find_element(By.ID, "consent")
    assert not box.is_selected()  # consent is never pre-ticked
    label = browser.find_element(By.CSS_SELECTOR, "label[for=consent]").text
    assert "Msg & data rates may apply" in label

    browser.find_element(By.ID, "phone").send_keys("(415) 555-0191")
    browser.find_element(By.ID, "subject").send_keys("Jane Browser")
    browser.find_element(By.CSS_SELECTOR, "label[for=consent]").click()  # the label ticks the box
    assert box.is_selected()
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()

    assert heading_after_submit(browser, "You are signed up") == "You are signed up"
    reference = browser.find_element(By.CSS_SELECTOR, ".ref code").text
    record = consents(served, "+14155550191")
    [event] = record["events"]
    assert event["event_id"] == reference
    assert event["channel"] == "hosted_page" and event["type"] == "opt_in" and event["tier"] == "express"
    assert event["source"]["ip"] == "127.0.0.1"
    assert "Chrome" in event["source"]["user_agent"]
    assert event["source"]["page_url"] == served.url + "/optin/C7ALERTS"
    assert event["evidence"]["subject"] == "Jane Browser"
    assert event["evidence"]["session_id"].startswith("hosted-")
    assert record["campaigns"]["C7ALERTS"]["status"] == "opted_in"


def test_the_box_must_be_ticked_and_the_keyboard_reaches_every_control(served, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(served.url + "/optin/C7ALERTS")
    phone = browser.find_element(By.ID, "phone")
    phone.send_keys("4155550192")
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # The browser refuses to submit without the box: still on the form, nothing recorded.
    assert browser.current_url.endswith("/optin/C7ALERTS")
    assert served.request("GET", "/consents/+14155550192", headers={"Authorization": f"Bearer {API_KEY}"})[0] == 404

    phone.click()
    focused = []
    for _ in range(3):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        element = browser.switch_to.active_element
        focused.append(element.get_attribute("id") or element.tag_name)
    assert focused[:2] == ["subject", "consent"]
    browser.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
    browser.switch_to.active_element.send_keys(Keys.SPACE)  # tick the box from the keyboard
    assert browser.find_element(By.ID, "consent").is_selected()


def test_double_opt_in_campaign_page_asks_to_reply_yes(served, browser):
    from selenium.webdriver.common.by import By

    browser.get(served.url + "/optin/C7DEALS")
    browser.find_element(By.ID, "phone").send_keys("+1 415 555 0193")
    browser.find_element(By.ID, "consent").click()
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()

    assert heading_after_submit(browser, "Almost done: check your phone") == "Almost done: check your phone"
    record = consents(served, "+14155550193")
    assert record["campaigns"]["C7DEALS"]["status"] == "pending"
    assert record["events"][0]["evidence"]["reply"].startswith("Acme Deals: reply YES")


def heading_after_submit(browser, expected: str) -> str:
    """The result page's heading: the click returns before the browser has left the form, whose own heading then goes
    stale under the reader, so wait (10 s at most) for the page that answers. While the page is swapped, chromedriver
    reports the old node as missing, stale, or (a race it does not map) "Node with given id does not belong to the
    document": each means the page is not there yet."""
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def heading(driver) -> str | bool:
        try:
            text = driver.find_element(By.TAG_NAME, "h1").text
        except WebDriverException:  # NoSuchElement and StaleElementReference are its kinds too
            return False
        return text if text == expected else False

    try:
        return WebDriverWait(browser, 10, ignored_exceptions=(WebDriverException,)).until(heading)
    except TimeoutException:
        return browser.find_element(By.TAG_NAME, "h1").text
