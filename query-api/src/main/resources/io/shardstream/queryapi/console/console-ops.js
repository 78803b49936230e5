// The operator's views of the console: the dead letters (counts by reason, the latest ones with the
// original event) and the pipeline's health (writer readiness, lag, events/s), both refreshed while
// they are open. They read /v1/dead-letters and /v1/pipeline, which only a full-access key may see.

import { el, getJson, settle, loadingPart, handleFailure, registerView } from "./console.js";

const DEAD_LETTERS_EVERY_MS = 2000;
const PIPELINE_EVERY_MS = 1000;

// Polls load(into) every `every` ms until the returned stop function is called; a slow answer
// never overlaps the next request.
function poll(every, load) {
  let stopped = false;
  let timer = null;
  const tick = async () => {
    await load();
    if (!stopped) timer = setTimeout(tick, every);
  };
  tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

const time = (iso) => (iso ? iso.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") : "—");

// ---- dead letters ---------------------------------------------------------------------------

function reasonTable(byReason, selected, choose) {
  const rows = byReason.map((r) =>
    el("tr", { "data-reason": r.reason, class: r.reason === selected ? "selected" : null, onclick: () => choose(r.reason) },
      el("td", {}, el("code", {}, r.reason)), el("td", { class: "count" }, String(r.count))));
  return el("table", { class: "reasons" },
    el("thead", {}, el("tr", {}, el("th", {}, "reason"), el("th", {}, "dead letters"))), el("tbody", {}, rows));
}

const letterId = (letter) => `${letter.partition}:${letter.offset}`;

function letterTable(letters, open) {
  const rows = letters.map((l) =>
    el("tr", { "data-letter": letterId(l), "data-reason": l.reason, onclick: () => open(l) },
      el("td", {}, time(l.time)),
      el("td", {}, el("code", {}, l.reason)),
      el("td", { class: "clip", title: l.detail }, l.detail),
      el("td", {}, `${l.source.topic ?? l.source.table ?? "?"} ${l.source.partition ?? ""}${l.source.offset !== undefined ? "@" + l.source.offset : ""}`)));
  return el("table", { class: "letters" },
    el("thead", {}, el("tr", {}, ["time", "reason", "detail", "source"].map((c) => el("th", {}, c)))),
    el("tbody", {}, rows));
}

function letterDetail(letter) {
  // The source's timestamp header is epoch milliseconds.
  const shown = (name, value) => (name === "timestamp" && /^\d+$/.test(value) ? time(new Date(Number(value)).toISOString()) : value);
  const source = Object.entries(letter.source).flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, shown(name, value))]);
  return el("section", { class: "letter", "data-letter": letterId(letter) },
    el("h3", {}, "Dead letter ", el("code", {}, letterId(letter))),
    el("dl", { class: "item" },
      el("dt", {}, "reason"), el("dd", { "data-property": "reason" }, el("code", {}, letter.reason)),
      el("dt", {}, "detail"), el("dd", { "data-property": "detail" }, letter.detail),
      el("dt", {}, "time"), el("dd", {}, time(letter.time)),
      el("dt", {}, "key"), el("dd", {}, letter.key ?? letter.keyBase64 ?? "—"),
      ...source),
    el("h3", {}, "Original event"),
    letter.event
      ? el("pre", { class: "event", "data-event": "json" }, JSON.stringify(letter.event, null, 2))
      : el("div", {},
          el("p", { class: "muted" }, "Not decoded: ", letter.eventNotDecoded || "no value", ". The bytes, base64:"),
          el("pre", { class: "event", "data-event": "base64" }, letter.eventBase64 || "—")));
}

function deadLettersView(view) {
  const part = loadingPart({ class: "dead-letters" });
  view.replaceChildren(el("h2", {}, "Dead letters"), part);
  let reason = null;
  let opened = null;
  let last = null;
  let shown = "";
  const draw = () => {
    const body = last;
    const letters = body.latest.filter((l) => !reason || l.reason === reason);
    const open = (letter) => { opened = letterId(letter); draw(); };
    const choose = (r) => { reason = r === reason ? null : r; draw(); };
    const chosen = body.latest.find((l) => letterId(l) === opened);
    settle(part, body.total ? "page" : "empty",
      el("p", { class: "stats" }, `${body.total} dead letters on ${body.topic}`,
        body.caughtUp ? "" : " (still reading the topic)", " · ", body.status),
      body.total ? reasonTable(body.byReason, reason, choose) : el("div", { class: "empty" }, "No dead letters: every event so far became an item."),
      body.total ? el("h3", {}, reason ? el("span", {}, "Latest with ", el("code", {}, reason)) : "Latest") : null,
      body.total ? letterTable(letters, open) : null,
      chosen ? letterDetail(chosen) : null);
  };
  return poll(DEAD_LETTERS_EVERY_MS, async () => {
    try {
      const body = await getJson("/v1/dead-letters");
      const text = JSON.stringify(body.latest.map(letterId)) + body.total + body.status + body.caughtUp;
      last = body;
      // Redraw only on news: an open detail keeps its scroll and selection.
      if (text !== shown || part.dataset.state === "loading" || part.dataset.state === "problem") {
        shown = text;
        draw();
      }
    } catch (error) {
      shown = "";
      handleFailure(error, part);
    }
  });
}

// ---- pipeline -------------------------------------------------------------------------------

function writerRow(writer) {
  const checks = writer.checks ? Object.entries(writer.checks).map(([name, c]) => `${name} ${c.status}${c.detail ? " (" + c.detail + ")" : ""}`).join(", ") : "";
  return el("tr", { "data-writer": writer.url, "data-ready": String(writer.ready) },
    el("td", {}, writer.url),
    el("td", {}, el("span", { class: writer.ready ? "badge up" : "badge down" }, writer.ready ? "ready" : "not ready")),
    el("td", {}, writer.problem || checks));
}

function pipelineBody(sample) {
  if (!sample.sampledAt) return [el("div", { class: "loading" }, "Waiting for the first sample…")];
  const lag = sample.lagByTopic
    ? el("table", { class: "lag" }, el("thead", {}, el("tr", {}, el("th", {}, "source topic"), el("th", {}, "lag (events)"))),
        el("tbody", {}, Object.entries(sample.lagByTopic).map(([topic, n]) => el("tr", { "data-topic": topic }, el("td", {}, topic), el("td", { class: "count" }, String(n))))))
    : el("div", { class: "problem", role: "alert" }, el("h3", {}, "Lag unknown"), el("p", { class: "detail" }, sample.kafkaProblem));
  const rate = sample.eventsPerSecond === null || sample.eventsPerSecond === undefined ? "—" : sample.eventsPerSecond.toFixed(1);
  return [
    el("div", { class: "figures" },
      el("div", { class: "figure", "data-figure": "lag" }, el("span", { class: "value" }, sample.totalLag ?? "—"), el("span", { class: "label" }, "events behind")),
      el("div", { class: "figure", "data-figure": "rate" }, el("span", { class: "value" }, rate), el("span", { class: "label" }, "events/s into the table")),
      el("div", { class: "figure", "data-figure": "writers" },
        el("span", { class: "value" }, `${sample.writers.filter((w) => w.ready).length}/${sample.writers.length}`), el("span", { class: "label" }, "writers ready"))),
    el("h3", {}, "Writers"),
    sample.writers.length
      ? el("table", { class: "writers" }, el("thead", {}, el("tr", {}, ["writer", "readiness", "checks"].map((c) => el("th", {}, c)))), el("tbody", {}, sample.writers.map(writerRow)))
      : el("div", { class: "empty" }, "No writer to ask: set pipeline.writer-urls on the query API."),
    el("h3", {}, "Consumer group ", el("code", {}, sample.consumerGroup)),
    lag,
    el("p", { class: "stats" }, "sampled ", time(sample.sampledAt)),
  ];
}

function pipelineView(view) {
  const part = loadingPart({ class: "pipeline" });
  view.replaceChildren(el("h2", {}, "Pipeline"), part);
  return poll(PIPELINE_EVERY_MS, async () => {
    try {
      const sample = await getJson("/v1/pipeline");
      settle(part, sample.sampledAt ? "page" : "loading", ...pipelineBody(sample));
    } catch (error) {
      handleFailure(error, part);
    }
  });
}

registerView("dead-letters", "dead letters", deadLettersView);
registerView("pipeline", "pipeline", pipelineView);
