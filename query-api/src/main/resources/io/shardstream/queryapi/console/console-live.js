// The console's live panel: the changes the writer applies, as /v1/changes streams them.
// fetch() reads the server-sent events rather than EventSource, because EventSource cannot send
// the API key header; it reconnects like EventSource does, with Last-Event-ID, so nothing is lost
// or shown twice across a dropped connection or a pause. Kept apart from console.js, whose
// module it imports (the same instance the page runs) for the API base, the stored key, the DOM
// helper and navigation to an item's detail view.

import { API_BASE, KEY_STORAGE, el, navigate, pluralOf } from "./console.js";

const CHANGES_PATH = "/v1/changes";
const MAX_ROWS = 200;

const live = { keyHeader: "X-Api-Key", lastEventId: null, controller: null, paused: false, retryMs: 2000, timer: null };

function setStatus(state, text) {
  const panel = document.getElementById("live-panel");
  panel.dataset.state = state;
  document.getElementById("live-status").textContent = text;
}

function showProblem(body, status) {
  const detail = document.getElementById("live-problem");
  detail.hidden = false;
  detail.replaceChildren(
    el("h3", {}, (body && body.title) || "Live changes unavailable", status ? ` (${status})` : ""),
    body && body.detail ? el("p", { class: "detail" }, body.detail) : null);
}

function changeRow(change) {
  const entityPath = pluralOf(change.entity); // user → users, from the OpenAPI document
  const deleted = change.op === "delete";
  const id = deleted
    ? el("span", { class: "deleted", title: "deleted" }, change.id)
    : !entityPath // a co-located child: shown with its parent, no page of its own
    ? el("span", {}, change.id)
    : el("a", { href: `?entity=${encodeURIComponent(entityPath)}&id=${encodeURIComponent(change.id)}`,
        onclick: (e) => { e.preventDefault(); navigate([["entity", entityPath], ["id", change.id]]); } }, change.id);
  const time = new Date(change.eventTime).toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
  return el("tr", { class: `change ${change.op}`, "data-entity": change.entity, "data-id": change.id, "data-op": change.op },
    el("td", {}, time), el("td", {}, change.entity), el("td", {}, id), el("td", {}, change.op),
    el("td", {}, String(change.version)), el("td", {}, change.parentId || "—"),
    el("td", { class: "muted" }, change.cause === "event" ? "" : change.cause));
}

function addChange(change) {
  const list = document.getElementById("live-list");
  list.prepend(changeRow(change));
  while (list.children.length > MAX_ROWS) list.lastChild.remove();
  document.getElementById("live-empty").hidden = true;
  const count = document.getElementById("live-count");
  count.textContent = String(Number(count.textContent || "0") + 1);
}

// One server-sent event: its type, data and (when it set one) id.
function handleEvent(event) {
  if (event.id !== null) live.lastEventId = event.id;
  if (event.type === "ready") {
    setStatus("live", "connected");
    document.getElementById("live-problem").hidden = true;
  } else if (event.type === "change") {
    addChange(JSON.parse(event.data));
  } else if (event.type === "reset") {
    // Too far behind: what the list shows may miss changes. Start over from now.
    const reason = JSON.parse(event.data);
    live.lastEventId = null;
    document.getElementById("live-list").replaceChildren();
    setStatus("connecting", `restarted (${reason.reason})`);
  }
}

// Parses the event-stream format as EventSource does: fields per line, a blank line ends an event.
async function readEvents(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  let event = { id: null, type: "message", data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += value;
    let newline;
    while ((newline = buffered.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + (buffered.startsWith("\r\n", newline) ? 2 : 1));
      if (line === "") {
        if (event.data.length || event.type !== "message") handleEvent({ ...event, data: event.data.join("\n") });
        event = { id: null, type: "message", data: [] };
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "id") event.id = text;
      else if (field === "event") event.type = text;
      else if (field === "data") event.data.push(text);
      else if (field === "retry" && /^\d+$/.test(text)) live.retryMs = Number(text);
    }
  }
}

async function connect() {
  clearTimeout(live.timer);
  if (live.paused) return;
  const controller = new AbortController();
  live.controller = controller;
  const headers = { Accept: "text/event-stream" };
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) headers[live.keyHeader] = key;
  if (live.lastEventId) headers["Last-Event-ID"] = live.lastEventId;
  setStatus("connecting", live.lastEventId ? "reconnecting…" : "connecting…");
  let retry = live.retryMs;
  try {
    const response = await fetch(new URL(CHANGES_PATH.slice(1), API_BASE), { headers, signal: controller.signal });
    if (!response.ok) {
      const body = await response.json().catch(() => ({ title: response.statusText }));
      const after = Number(response.headers.get("Retry-After"));
      if (response.status === 503 && !(after > 0)) {
        // Live changes are off on this server (no Kafka configured): say so quietly, once.
        setStatus("off", "off");
        document.getElementById("live-empty").textContent = body.detail || "Live changes are off on this server.";
        return;
      }
      setStatus("problem", "not connected");
      showProblem(body, response.status);
      // 401/403/400 need the user (a new key restarts the stream); 429 and 503 say when to retry.
      if (response.status === 429 || response.status === 503) retry = after * 1000;
      else return;
    } else {
      await readEvents(response);
      if (live.paused || controller.signal.aborted) return;
      setStatus("connecting", "reconnecting…");
    }
  } catch (error) {
    if (controller.signal.aborted) return;
    setStatus("connecting", "connection lost, reconnecting…");
  }
  if (live.controller === controller) live.timer = setTimeout(connect, retry);
}

function restart(resetPosition) {
  if (live.controller) live.controller.abort();
  if (resetPosition) live.lastEventId = null;
  connect();
}

function togglePause() {
  live.paused = !live.paused;
  const button = document.getElementById("live-toggle");
  button.textContent = live.paused ? "Resume" : "Pause";
  if (live.paused) {
    if (live.controller) live.controller.abort();
    clearTimeout(live.timer);
    setStatus("paused", "paused");
  } else {
    connect(); // with Last-Event-ID: what happened while paused arrives now
  }
}

async function start() {
  const panel = document.getElementById("live-panel");
  if (!panel) return;
  try {
    const doc = await (await fetch(new URL("openapi.json", API_BASE))).json();
    if (!doc.paths || !doc.paths[CHANGES_PATH]) { panel.hidden = true; return; }
    const scheme = doc.components && doc.components.securitySchemes && doc.components.securitySchemes.apiKey;
    if (scheme && scheme.in === "header") live.keyHeader = scheme.name;
  } catch (error) {
    // The main view reports an unreachable API; the stream below retries on its own.
  }
  document.getElementById("live-toggle").addEventListener("click", togglePause);
  // Another key sees other changes: start over with it.
  document.getElementById("key-form").addEventListener("submit", () => setTimeout(() => restart(true)));
  document.getElementById("key-forget").addEventListener("click", () => setTimeout(() => restart(true)));
  connect();
}

start();
