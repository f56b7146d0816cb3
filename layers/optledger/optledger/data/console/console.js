// OptLedger compliance console. No framework, no build step.
// Rules: every value reaches the page through textContent or setAttribute (never innerHTML); phone numbers and
// message text travel in POST bodies, never in a URL; credentials live in sessionStorage (this tab) only.
"use strict";

(function () {
  const KEY = "optledger.console.apiKey";
  const TOKEN = "optledger.console.token";
  const PKCE = "optledger.console.pkce";
  const BRAND = "optledger.console.brand";
  const state = { signIn: null, me: null, brand: null, campaigns: null, record: null };

  // -- small helpers ------------------------------------------------------------------------------------------------

  function $(id) {
    return document.getElementById(id);
  }

  // Builds an element; strings become text nodes, so data can never become markup.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = String(value);
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function say(message) {
    $("status").textContent = message;
  }

  function alarm(message) {
    const box = $("alert");
    box.textContent = message || "";
    box.hidden = !message;
  }

  function when(ts) {
    if (!ts) return "—";
    return String(ts).replace("T", " ").replace(/\.\d{3}Z$/, " UTC").replace(/Z$/, " UTC");
  }

  function timeEl(ts) {
    return ts ? el("time", { datetime: ts, text: when(ts) }) : document.createTextNode("—");
  }

  function age(seconds) {
    if (seconds < 3600) return Math.max(1, Math.round(seconds / 60)) + " min";
    if (seconds < 172800) return Math.round(seconds / 3600) + " h";
    return Math.round(seconds / 86400) + " days";
  }

  function bytes(n) {
    return n < 1024 ? n + " B" : n < 1048576 ? (n / 1024).toFixed(1) + " KB" : (n / 1048576).toFixed(1) + " MB";
  }

  // -- the API ------------------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || "request failed (" + status + ")");
      this.status = status;
      this.body = body || {};
    }
  }

  function credentials() {
    if (state.signIn && state.signIn.mode === "cognito") {
      const saved = JSON.parse(sessionStorage.getItem(TOKEN) || "null");
      return saved && saved.expires_at > Date.now() ? saved.access_token : null;
    }
    return sessionStorage.getItem(KEY);
  }

  async function api(method, path, body, query) {
    const url = new URL("console/api/" + path, document.baseURI);
    for (const [name, value] of Object.entries(query || {})) if (value) url.searchParams.set(name, value);
    const headers = { Accept: "application/json" };
    const secret = credentials();
    if (secret) headers.Authorization = "Bearer " + secret;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
    });
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (response.status === 401 || (response.status === 403 && data && data.message === "invalid credentials")) {
      signOut(false);
      throw new ApiError(response.status, { message: "Your sign-in is no longer valid. Sign in again." });
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  function explain(error, what) {
    if (error.status === 403) return "Not available: no " + what + " among the brands you may see.";
    if (error.status === 422 || error.status === 400) {
      const fields = error.body.fields ? Object.keys(error.body.fields).join(", ") : "";
      return error.message + (fields ? " (" + fields + ")" : "");
    }
    if (error.status === 409) return error.message;
    if (error.status >= 500) return "The service is unavailable. Try again in a moment.";
    return error.message || "Something went wrong.";
  }

  // -- sign-in ------------------------------------------------------------------------------------------------------

  function b64url(bytesValue) {
    let text = "";
    for (const b of new Uint8Array(bytesValue)) text += String.fromCharCode(b);
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function randomString() {
    return b64url(crypto.getRandomValues(new Uint8Array(32)));
  }

  function redirectUri() {
    return location.origin + location.pathname;
  }

  async function startCognito() {
    const verifier = randomString();
    const nonce = randomString();
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
    sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state: nonce }));
    const url = new URL(state.signIn.authorize_url);
    url.searchParams.set("response_type", "code");
    url.searchParams.set("client_id", state.signIn.client_id);
    url.searchParams.set("redirect_uri", redirectUri());
    url.searchParams.set("scope", state.signIn.scope);
    url.searchParams.set("state", nonce);
    url.searchParams.set("code_challenge", b64url(digest));
    url.searchParams.set("code_challenge_method", "S256");
    location.assign(url.toString());
  }

  // Back from the hosted UI with ?code=&state=: exchange the code (PKCE) and take it out of the address bar.
  async function finishCognito() {
    const params = new URLSearchParams(location.search);
    const code = params.get("code");
    if (!code) return;
    history.replaceState(null, "", location.pathname);
    const saved = JSON.parse(sessionStorage.getItem(PKCE) || "null");
    sessionStorage.removeItem(PKCE);
    if (!saved || saved.state !== params.get("state")) {
      alarm("The sign-in could not be confirmed. Sign in again.");
      return;
    }
    const form = new URLSearchParams({
      grant_type: "authorization_code",
      client_id: state.signIn.client_id,
      code,
      redirect_uri: redirectUri(),
      code_verifier: saved.verifier,
    });
    const response = await fetch(state.signIn.token_url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
      credentials: "omit",
    });
    if (!response.ok) {
      alarm("The sign-in failed. Sign in again.");
      return;
    }
    const tokens = await response.json();
    sessionStorage.setItem(
      TOKEN,
      JSON.stringify({ access_token: tokens.access_token, expires_at: Date.now() + (tokens.expires_in - 30) * 1000 })
    );
  }

  function signOut(everywhere) {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(BRAND);
    state.me = null;
    if (everywhere && state.signIn && state.signIn.mode === "cognito") {
      const url = new URL(state.signIn.logout_url);
      url.searchParams.set("client_id", state.signIn.client_id);
      url.searchParams.set("logout_uri", redirectUri());
      location.assign(url.toString());
      return;
    }
    showSignIn();
  }

  function showSignIn() {
    $("who").hidden = true;
    $("tabs").hidden = true;
    for (const screen of document.querySelectorAll(".screen")) screen.hidden = screen.id !== "screen-signin";
    const cognito = state.signIn && state.signIn.mode === "cognito";
    $("signin-form").hidden = cognito;
    $("signin-cognito").hidden = !cognito;
    document.title = "Sign in · OptLedger console";
  }

  async function signedIn() {
    try {
      state.me = await api("GET", "caller");
    } catch (error) {
      if (error.status === 403 && error.body.message === "this user belongs to no brand group") {
        alarm("Your account is in no brand group yet: ask an administrator to add you to your brand's group.");
      } else if (error.status !== 401 && error.status !== 403) {
        alarm(explain(error, "access"));
      }
      return false;
    }
    $("who-name").textContent = state.me.identity + (state.me.brands === "*" ? " · every brand" : "");
    const brands = state.me.known_brands || [];
    const select = clear($("brand-select"));
    for (const brand of brands) select.append(el("option", { value: brand, text: brand }));
    const remembered = sessionStorage.getItem(BRAND);
    state.brand = brands.includes(remembered) ? remembered : brands[0] || null;
    if (state.brand) select.value = state.brand;
    select.hidden = $("brand-label").hidden = brands.length < 2;
    $("who").hidden = false;
    $("tabs").hidden = false;
    return true;
  }

  // -- screens ------------------------------------------------------------------------------------------------------

  const loaders = {};

  function show(name, focus) {
    alarm("");
    for (const screen of document.querySelectorAll(".screen")) screen.hidden = screen.id !== "screen-" + name;
    for (const tab of document.querySelectorAll("#tabs button")) {
      if (tab.dataset.screen === name) tab.setAttribute("aria-current", "page");
      else tab.removeAttribute("aria-current");
    }
    const title = $(name + "-title");
    document.title = title.textContent + " · OptLedger console";
    if (focus) title.focus();
    if (loaders[name]) loaders[name]();
  }

  async function campaigns() {
    if (!state.campaigns) state.campaigns = (await api("GET", "campaigns")).campaigns;
    return state.campaigns;
  }

  function disclosureText(sha) {
    for (const campaign of state.campaigns || []) {
      const index = (campaign.disclosure_sha256 || []).indexOf(sha);
      if (index >= 0) return campaign.disclosures[index];
    }
    return null;
  }

  // Look up -----------------------------------------------------------------------------------------------------------

  function sourceText(source) {
    if (!source) return "—";
    if (source.provider) return source.provider + (source.provider_message_id ? " · " + source.provider_message_id : "");
    const parts = [];
    if (source.ip) parts.push("IP " + source.ip);
    if (source.page_url) parts.push(source.page_url);
    if (source.user_agent) parts.push(source.user_agent);
    if (source.api) parts.push("API · " + source.api);
    if (source.import) parts.push("import");
    return parts.length ? parts.join(" · ") : JSON.stringify(source);
  }

  function eventItem(event) {
    const evidence = event.evidence || {};
    const details = el("dl", { class: "facts" });
    function fact(name, value) {
      if (value === null || value === undefined || value === "") return;
      details.append(el("dt", { text: name }), el("dd", {}, value));
    }
    fact("Channel", event.channel);
    fact("Campaigns", (event.campaigns || []).join(", ") || "—");
    if (event.tier) fact("Tier", event.tier);
    if (evidence.text !== undefined) fact("Text", el("q", { class: "text", text: evidence.text }));
    if (evidence.disclosure_sha256) {
      const text = disclosureText(evidence.disclosure_sha256);
      fact("Disclosure", text ? el("span", { class: "text", text }) : "sha256 " + evidence.disclosure_sha256);
    }
    if (evidence.matched) fact("Matched", evidence.matched + (evidence.detected_by ? " (" + evidence.detected_by + ")" : ""));
    if (evidence.subject) fact("Identity", evidence.subject);
    if (evidence.agent_id) fact("Agent", evidence.agent_id);
    if (evidence.note) fact("Note", evidence.note);
    fact("Source", sourceText(event.source));
    fact("Event id", el("code", { text: event.event_id }));
    return el(
      "li",
      { "data-event-id": event.event_id, class: "event type-" + event.type },
      el("p", { class: "when" }, timeEl(event.occurred_at), " ", el("strong", { class: "type", text: event.type.replace("_", " ") })),
      details
    );
  }

  function renderRecord(record) {
    state.record = record;
    $("lookup-heading").textContent = record.phone;
    $("lookup-meta").textContent =
      "Brand " + record.brand + " · " + record.events.length + " events" + (record.next_cursor ? " (first page)" : "");
    const body = clear($("state-table").tBodies[0]);
    for (const [id, view] of Object.entries(record.campaigns)) {
      const gate =
        view.allowed === undefined
          ? "—"
          : el("span", { class: view.allowed ? "ok" : "no", text: (view.allowed ? "Allowed" : "Refused") + " · " + view.reason });
      body.append(
        el(
          "tr",
          { "data-campaign": id },
          el("th", { scope: "row", text: id }),
          el("td", { "data-label": "Status" }, el("span", { class: "status-" + view.status, text: view.status.replace("_", " ") })),
          el("td", { "data-label": "Tier", text: view.tier || "—" }),
          el("td", { "data-label": "Since" }, timeEl(view.since)),
          el("td", { "data-label": "Send now" }, gate)
        )
      );
    }
    const list = clear($("timeline"));
    for (const event of record.events.slice().reverse()) list.append(eventItem(event));
    clear($("lookup-download"));
    $("lookup-result").hidden = false;
  }

  async function lookUp(phone) {
    alarm("");
    say("Looking up…");
    try {
      await campaigns();
      const body = { phone };
      if (state.brand && state.me.known_brands.length > 1) body.brand = state.brand;
      renderRecord(await api("POST", "consents/lookup", body));
      say("Showing " + state.record.events.length + (state.record.events.length === 1 ? " event." : " events."));
      $("lookup-heading").setAttribute("tabindex", "-1");
      $("lookup-heading").focus();
    } catch (error) {
      $("lookup-result").hidden = true;
      say("");
      alarm(error.status === 404 ? "This number has no consent history." : explain(error, "such number"));
    }
  }

  async function buildBundle(phone, target) {
    alarm("");
    say("Building the evidence bundle…");
    clear(target);
    try {
      const created = await api("POST", "evidence", { phone });
      target.append(
        el("a", { href: created.url, class: "button", download: "", rel: "noreferrer", text: "Download evidence" }),
        " ",
        el("span", { class: "hint", text: created.events + " events · chain " + (created.verified ? "verified" : "NOT verified") + " · link valid until " + when(created.expires_at) })
      );
      say("The evidence bundle is ready.");
      target.querySelector("a").focus();
    } catch (error) {
      say("");
      alarm(explain(error, "such number"));
    }
  }

  // Reviews -----------------------------------------------------------------------------------------------------------

  function reviewItem(item) {
    const note = el("textarea", { id: "note-" + item.event_id, rows: 2, maxlength: 500 });
    const buttons = el("div", { class: "actions" });
    const li = el(
      "li",
      { "data-event-id": item.event_id, class: "review card" },
      el("blockquote", { class: "text", text: item.text || "" }),
      el(
        "dl",
        { class: "facts" },
        el("dt", { text: "Number" }),
        el("dd", { text: item.phone }),
        el("dt", { text: "Received" }),
        el("dd", {}, timeEl(item.occurred_at), " (" + age(item.age_seconds || 0) + " ago)"),
        el("dt", { text: "FCC deadline" }),
        el("dd", {}, timeEl(item.deadline)),
        el("dt", { text: "Campaigns" }),
        el("dd", { text: (item.campaigns || []).join(", ") }),
        el("dt", { text: "Event id" }),
        el("dd", {}, el("code", { text: item.event_id }))
      ),
      el("label", { for: "note-" + item.event_id, text: "Note (optional)" }),
      note,
      buttons
    );
    async function decide(decision) {
      alarm("");
      for (const b of buttons.querySelectorAll("button")) b.disabled = true;
      const body = { decision, agent_id: state.me.identity };
      if (note.value.trim()) body.note = note.value.trim();
      try {
        await api("POST", "reviews/" + encodeURIComponent(item.event_id), body, { brand: state.brand });
        li.remove();
        say("Recorded: " + (decision === "revocation" ? "revocation (the number is opted out)" : "not a revocation") + ".");
        $("review-list").children.length || ($("reviews-empty").hidden = false);
        $("reviews-title").focus();
      } catch (error) {
        for (const b of buttons.querySelectorAll("button")) b.disabled = false;
        alarm(explain(error, "such reply"));
      }
    }
    buttons.append(
      el("button", { type: "button", class: "danger", onclick: () => decide("revocation"), text: "Revocation" }),
      el("button", { type: "button", onclick: () => decide("not_revocation"), text: "Not a revocation" }),
      el("button", {
        type: "button",
        class: "quiet",
        onclick: () => {
          $("phone").value = item.phone;
          show("lookup", false);
          lookUp(item.phone);
        },
        text: "Look up the number",
      })
    );
    return li;
  }

  loaders.reviews = async function () {
    const list = clear($("review-list"));
    $("reviews-empty").hidden = true;
    if (!state.brand) {
      $("reviews-empty").hidden = false;
      return;
    }
    say("Loading the review queue…");
    try {
      const queue = await api("GET", "reviews", undefined, { brand: state.brand });
      for (const item of queue.reviews) list.append(reviewItem(item));
      $("reviews-empty").hidden = queue.reviews.length > 0;
      say(queue.reviews.length === 1 ? "1 reply waiting for review." : queue.reviews.length + " replies waiting for review.");
    } catch (error) {
      say("");
      alarm(explain(error, "review queue"));
    }
  };

  // Evidence ----------------------------------------------------------------------------------------------------------

  loaders.evidence = async function () {
    const table = $("daily-table");
    const body = clear(table.tBodies[0]);
    table.hidden = true;
    $("daily-empty").hidden = true;
    if (!state.brand) return;
    try {
      const listing = await api("GET", "evidence/daily", undefined, { brand: state.brand });
      const rows = [
        ...listing.anchors.map((o) => ({ ...o, kind: "Anchor" })),
        ...listing.bundles.map((o) => ({ ...o, kind: "Bundle" })),
      ].sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : a.kind.localeCompare(b.kind)));
      for (const row of rows) {
        const cell = el("td", { "data-label": "Download" });
        cell.append(
          el("button", {
            type: "button",
            class: "quiet",
            text: "Get link",
            "aria-label": "Get a download link for the " + row.kind.toLowerCase() + " of " + row.day + (row.campaign ? " " + row.campaign : "") + (row.part ? " " + row.part : ""),
            onclick: async () => {
              try {
                const link = await api("POST", "evidence/links", { key: row.key });
                clear(cell).append(el("a", { href: link.url, rel: "noreferrer", download: "", text: "Download" }));
                cell.querySelector("a").focus();
              } catch (error) {
                alarm(explain(error, "such file"));
              }
            },
          })
        );
        body.append(
          el(
            "tr",
            {},
            el("th", { scope: "row", text: row.day }),
            el("td", { "data-label": "Kind", text: row.kind }),
            el("td", { "data-label": "Campaign", text: row.campaign ? row.campaign + (row.part ? " (" + row.part + ")" : "") : "—" }),
            el("td", { "data-label": "Size", text: bytes(row.bytes) }),
            cell
          )
        );
      }
      table.hidden = rows.length === 0;
      $("daily-empty").hidden = rows.length > 0;
    } catch (error) {
      alarm(explain(error, "evidence"));
    }
  };

  // Campaigns ---------------------------------------------------------------------------------------------------------

  loaders.campaigns = async function () {
    const list = clear($("campaign-list"));
    try {
      state.campaigns = null;
      for (const c of await campaigns()) {
        if (state.brand && c.brand !== state.brand) continue;
        const facts = el("dl", { class: "facts" });
        const rows = [
          ["Brand", c.brand + (c.brand_name ? " (" + c.brand_name + ")" : "")],
          ["Purpose", c.purpose],
          ["Senders", (c.senders || []).join(", ") || "—"],
          ["Join keywords", (c.join_keywords || []).join(", ") || "—"],
          ["Double opt-in", c.double_opt_in ? "yes (72 hours to confirm)" : "no"],
          ["Conversation window", c.conversation_window_hours + " hours"],
          ["HELP reply", c.help_text],
          ["STOP reply", c.opt_out_text],
          ["Opt-in reply", c.opt_in_text],
          ["Allowed origins", (c.allowed_origins || []).join(", ") || "—"],
        ];
        for (const [name, value] of rows) facts.append(el("dt", { text: name }), el("dd", { text: value }));
        const disclosures = el("ol", { class: "disclosures" });
        (c.disclosures || []).forEach((text, i) =>
          disclosures.append(el("li", {}, el("p", { class: "text", text }), el("p", { class: "hint" }, "sha256 ", el("code", { text: (c.disclosure_sha256 || [])[i] || "" }))))
        );
        const page = new URL("optin/" + encodeURIComponent(c.id), document.baseURI);
        list.append(
          el(
            "article",
            { class: "card campaign", "data-campaign": c.id },
            el("h2", { text: c.name + " · " + c.id }),
            facts,
            el("h3", { text: "Disclosures" }),
            (c.disclosures || []).length ? disclosures : el("p", { text: "None registered." }),
            el("p", {}, el("a", { href: page.toString(), rel: "noreferrer", text: "Hosted opt-in page of " + c.id }))
          )
        );
      }
      if (!list.children.length) list.append(el("p", { text: "No campaign." }));
    } catch (error) {
      alarm(explain(error, "campaigns"));
    }
  };

  // -- wiring -------------------------------------------------------------------------------------------------------

  async function start() {
    try {
      const response = await fetch(new URL("console/config.json", document.baseURI), { cache: "no-store" });
      state.signIn = (await response.json()).sign_in;
    } catch (error) {
      state.signIn = { mode: "api_key" };
    }
    if (state.signIn.mode === "cognito") await finishCognito();
    if (credentials() && (await signedIn())) show("lookup", false);
    else showSignIn();
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("signin-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const key = $("api-key").value.trim();
      if (!key) {
        alarm("Enter the API key.");
        $("api-key").focus();
        return;
      }
      sessionStorage.setItem(KEY, key);
      $("api-key").value = "";
      if (await signedIn()) {
        alarm("");
        show("lookup", true);
      } else {
        sessionStorage.removeItem(KEY);
        alarm("That API key was refused.");
        $("api-key").focus();
      }
    });
    $("signin-cognito-button").addEventListener("click", startCognito);
    $("sign-out").addEventListener("click", () => signOut(true));
    $("brand-select").addEventListener("change", (event) => {
      state.brand = event.target.value;
      sessionStorage.setItem(BRAND, state.brand);
      const current = document.querySelector("#tabs button[aria-current]");
      show(current ? current.dataset.screen : "lookup", false);
    });
    for (const tab of document.querySelectorAll("#tabs button")) {
      tab.addEventListener("click", () => show(tab.dataset.screen, true));
    }
    $("lookup-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const phone = $("phone").value.trim();
      if (!phone) {
        alarm("Enter a phone number.");
        $("phone").focus();
        return;
      }
      lookUp(phone);
    });
    $("lookup-bundle").addEventListener("click", () => {
      if (state.record) buildBundle(state.record.phone, $("lookup-download"));
    });
    $("bundle-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const phone = $("bundle-phone").value.trim();
      if (phone) buildBundle(phone, $("bundle-download"));
    });
    $("reviews-refresh").addEventListener("click", () => loaders.reviews());
    $("daily-refresh").addEventListener("click", () => loaders.evidence());
    start();
  });
})();
