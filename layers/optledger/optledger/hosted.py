"""The hosted opt-in page: a compliant sign-up form for a business with no website of its own.

Plain HTML that works without JavaScript: the campaign's registered disclosure beside an unchecked checkbox, a phone
field and a submit button, posting to ``/optins`` with ``disclosure_sha256`` and a hidden ``form=hosted`` so the answer
comes back as a page. Every campaign-supplied string is HTML-escaped; the only markup added to a disclosure is a link
for each http(s) URL in it.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Mapping
from html import escape
from typing import Any

from optledger import disclosures
from optledger.models import Campaign

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #1b1b1b; font: 1.125rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; }
main { max-width: 36rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 0.5rem; }
.field { margin: 1.25rem 0; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.hint { margin: 0.25rem 0 0; color: #4a4a4a; font-size: 1rem; }
input[type=tel], input[type=text] { width: 100%; padding: 0.6rem 0.75rem; font: inherit; color: inherit;
  border: 2px solid #5a5a5a; border-radius: 0.375rem; background: #ffffff; }
.consent { display: flex; gap: 0.75rem; align-items: flex-start; margin: 1.5rem 0; padding: 1rem;
  border: 1px solid #767676; border-radius: 0.375rem; background: #f6f6f6; }
.consent input { flex: none; width: 1.5rem; height: 1.5rem; margin: 0.15rem 0 0; accent-color: #0b57d0; }
.consent label { font-weight: 400; margin: 0; }
a { color: #0b4fbf; text-decoration: underline; }
button, .button { display: inline-block; padding: 0.7rem 1.5rem; font: inherit; font-weight: 600; color: #ffffff;
  background: #0b57d0; border: 2px solid #0b57d0; border-radius: 0.375rem; cursor: pointer; text-decoration: none; }
button:hover { background: #0842a0; }
:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 3px; }
input:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid #b00020; outline-offset: 3px; }
.alert { border-left: 0.375rem solid #b00020; padding: 0.5rem 1rem; background: #fdecee; }
.ok { border-left: 0.375rem solid #146c2e; padding: 0.5rem 1rem; background: #e8f5ec; }
.ref { color: #4a4a4a; font-size: 1rem; }
"""
_STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode("ascii")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cache-Control": "no-store",
}
HTML = "text/html; charset=utf-8"

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)


def linkify(text: str) -> str:
    """``text`` HTML-escaped, each http(s) URL in it made a link that opens in a new tab (the form stays filled in)."""
    out: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:!?)")
        end = match.start() + len(url)
        out.append(escape(text[last : match.start()]))
        href = url if url.lower().startswith(("http://", "https://")) else "https://" + url
        out.append(f'<a href="{escape(href)}" target="_blank" rel="noopener noreferrer">{escape(url)}</a>')
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def _document(title: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def offered_disclosures(campaign: Campaign) -> dict[str, str]:
    """The campaign's registered disclosures (SHA-256 -> text) that pass the checker: the page must never collect a
    consent that would be refused."""
    registered = disclosures.registered(campaign)
    return {sha: text for sha, text in registered.items() if not disclosures.missing_elements(text, campaign)}


def new_session_id() -> str:
    return "hosted-" + secrets.token_urlsafe(12)


def optin_page(campaign: Campaign, *, disclosure: str, disclosure_sha256: str, page_url: str, session_id: str) -> str:
    name = escape(campaign.name)
    body = f"""<h1>{name}</h1>
<p>Sign up for text messages (SMS) from {name}.</p>
<form method="post" action="../optins" accept-charset="utf-8">
<input type="hidden" name="form" value="hosted">
<input type="hidden" name="campaign" value="{escape(campaign.id)}">
<input type="hidden" name="disclosure_sha256" value="{escape(disclosure_sha256)}">
<input type="hidden" name="page_url" value="{escape(page_url)}">
<input type="hidden" name="session_id" value="{escape(session_id)}">
<div class="field">
<label for="phone">Mobile phone number</label>
<input id="phone" name="phone" type="tel" autocomplete="tel" inputmode="tel" required aria-describedby="phone-hint">
<p id="phone-hint" class="hint">A US mobile number, for example (415) 555-0123.</p>
</div>
<div class="field">
<label for="subject">Your name (optional)</label>
<input id="subject" name="subject" type="text" autocomplete="name" maxlength="256">
</div>
<div class="consent">
<input id="consent" name="consent" type="checkbox" value="yes" required>
<label for="consent">{linkify(disclosure)}</label>
</div>
<button type="submit">Sign up for texts</button>
</form>"""
    return _document(f"Text message sign-up: {campaign.name}", body)


def result_page(campaign: Campaign, answer: Mapping[str, Any]) -> str:
    name = escape(campaign.name)
    if answer.get("status") == "pending":
        heading = "Almost done: check your phone"
        detail = (
            f"<p>We sent a text message to your number. Reply <strong>YES</strong> to it within 72 hours to confirm "
            f"that you want text messages from {name}. Until you do, you are not subscribed.</p>"
        )
    else:
        heading = "You are signed up"
        detail = (
            f"<p>You will receive text messages from {name}. Reply <strong>STOP</strong> at any time to cancel, "
            "<strong>HELP</strong> for help.</p>"
        )
    body = (
        f'<div class="ok" role="status"><h1>{heading}</h1></div>\n{detail}\n'
        f'<p class="ref">Reference: <code>{escape(str(answer.get("event_id", "")))}</code></p>'
    )
    return _document(f"{heading}: {campaign.name}", body)


_FIELD_HELP = {
    "phone": "Enter a valid US mobile phone number.",
    "consent": "Tick the box to agree to receive text messages.",
}


def error_page(*, status: int, message: str, fields: Mapping[str, Any], campaign_id: str | None) -> str:
    """What went wrong, in words for the consumer; never echoes the number they typed."""
    items = [_FIELD_HELP[name] for name in ("phone", "consent") if name in fields]
    if not items:
        items = [message]
    listed = "\n".join(f"<li>{escape(item)}</li>" for item in items)
    back = (
        f'<p><a class="button" href="optin/{escape(campaign_id)}">Back to the sign-up form</a></p>'
        if campaign_id
        else ""
    )
    body = (
        f'<div class="alert" role="alert"><h1>We could not sign you up</h1>\n<ul>\n{listed}\n</ul></div>\n{back}\n'
        f'<p class="ref">Error {status}.</p>'
    )
    return _document("We could not sign you up", body)


def not_found_page() -> str:
    body = '<div class="alert" role="alert"><h1>No such sign-up page</h1></div>\n<p>Check the link you were given.</p>'
    return _document("No such sign-up page", body)
