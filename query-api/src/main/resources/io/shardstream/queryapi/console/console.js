// The shardstream console: everything it shows comes from the query API, and what it can search
// comes from the API's own OpenAPI document, so a route the API gains appears here unchanged.
// No framework and nothing loaded from elsewhere: the page is served by the query API itself.

export const KEY_STORAGE = "shardstream.console.apiKey";
export const API_BASE = new URL("../", document.baseURI);
const EPOCH_MILLIS = /epoch milliseconds/i;

const state = { doc: null, entities: [], keyHeader: "X-Api-Key" };

// ---- the API ---------------------------------------------------------------------------------

class Problem extends Error {
  constructor(status, body) {
    super(body.detail || body.title || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function getJson(path, params) {
  const url = new URL(path.replace(/^\//, ""), API_BASE);
  for (const [name, value] of params || []) url.searchParams.append(name, value);
  const headers = { Accept: "application/json" };
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) headers[state.keyHeader] = key;
  let response;
  try {
    response = await fetch(url, { headers });
  } catch (e) {
    throw new Problem(0, { title: "The query API did not answer", detail: String(e.message || e) });
  }
  const body = await response.json().catch(() => ({ title: response.statusText }));
  if (!response.ok) throw new Problem(response.status, body);
  return body;
}

// ---- what the OpenAPI document offers -------------------------------------------------------

function resolve(doc, node) {
  while (node && node.$ref) {
    node = node.$ref.replace(/^#\//, "").split("/").reduce((at, part) => at[part], doc);
  }
  return node;
}

function itemSchema(doc, operation) {
  const page = resolve(doc, operation.responses["200"].content["application/json"].schema);
  const items = page.properties && page.properties.items;
  return items ? resolve(doc, items.items) : page;
}

function entitiesOf(doc) {
  // Routes that answer JSON (not /v1/changes' event stream, which console-live.js shows).
  const answersJson = (p) => ((doc.paths[p].get.responses || {})["200"] || {}).content?.["application/json"];
  const gets = Object.keys(doc.paths).filter((p) => p.startsWith("/v1/") && doc.paths[p].get && answersJson(p));
  const itemPathOf = (path) => gets.find((p) => p.startsWith(path + "/{") && /^\/\{[^}/]+\}$/.test(p.slice(path.length)));
  // A search is a GET that pages through a cursor; other /v1 routes (dead letters, pipeline) are
  // views of their own (registerView).
  const pages = (path) => (doc.paths[path].get.parameters || []).some((p) => resolve(doc, p).name === "cursor");
  return gets
    .filter((path) => !path.includes("{") && pages(path))
    .map((path) => {
      const operation = doc.paths[path].get;
      const itemPath = itemPathOf(path);
      const childPaths = itemPath
        ? gets.filter((p) => p.startsWith(itemPath + "/") && !p.slice(itemPath.length + 1).includes("/"))
        : [];
      return {
        name: path.slice("/v1/".length),
        token: operation["x-shardstream-entity"],
        path,
        parameters: (operation.parameters || []).map((p) => resolve(doc, p)).filter((p) => p.in === "query"),
        schema: itemSchema(doc, operation),
        itemPath,
        idName: itemPath && itemPath.match(/\{([^}]+)\}$/)[1],
        children: childPaths.map((p) => ({
          name: p.slice(itemPath.length + 1),
          path: p,
          schema: itemSchema(doc, doc.paths[p].get),
        })),
      };
    });
}

const entityNamed = (name) => state.entities.find((e) => e.name === name);
// The route segment of an entity token (change events name tokens), or undefined.
export const pluralOf = (token) => state.entities.find((e) => e.token === token)?.name;
const entityWithId = (property) => state.entities.find((e) => e.idName === property);

// ---- small DOM helpers ----------------------------------------------------------------------

export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// One path segment for any id: encodeURIComponent leaves "." and "..", which URLs resolve away.
function pathSegment(id) {
  return id === "." || id === ".." ? id.replace(/\./g, "%2E") : encodeURIComponent(id);
}

function consoleUrl(params) {
  const url = new URL(location.pathname, location.origin);
  for (const [name, value] of params) url.searchParams.append(name, value);
  return url.pathname + url.search;
}

// history.state.trail: the cursors of the pages before this one; numbered: whether this tab saw
// the search's first page (a shared URL may start in the middle, where page numbers are unknown).
export function navigate(params, trail, numbered) {
  history.pushState({ trail: trail || [], numbered: numbered !== false }, "", consoleUrl(params));
  render();
}

function link(text, params) {
  const href = consoleUrl(params);
  return el("a", { href, onclick: (e) => { e.preventDefault(); navigate(params); } }, text);
}

function formatValue(value, schema) {
  if (value === undefined || value === null) return "—";
  if (typeof value === "number" && schema && EPOCH_MILLIS.test(schema.description || "")) {
    return new Date(value).toISOString().replace(".000Z", "Z");
  }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function problemView(error) {
  const body = error.body || { title: String(error.message || error) };
  return el("div", { class: "problem", role: "alert" },
    el("h3", {}, body.title || "Request failed", error.status ? ` (${error.status})` : ""),
    body.detail ? el("p", { class: "detail" }, body.detail) : null,
    body.errors ? el("ul", {}, body.errors.map((e) => el("li", {}, el("code", {}, e.parameter), ": ", e.message))) : null,
    body.errorId ? el("p", { class: "muted" }, "error id ", body.errorId) : null);
}

function showKeyPanel(reason) {
  document.getElementById("key-panel").hidden = false;
  if (reason) document.getElementById("key-reason").textContent = reason;
  document.getElementById("key-input").focus();
}

// Every part that loads says where it is (data-state: loading, page, empty, problem), for people
// (the loading and empty notes) and for the browser tests, which wait on it.
function settle(into, stateName, ...children) {
  into.dataset.state = stateName;
  into.replaceChildren(...children.filter((child) => child !== null && child !== undefined));
}

function loadingPart(attributes) {
  return el("div", { ...attributes, "data-state": "loading" }, el("div", { class: "loading", "aria-busy": "true" }, "Loading…"));
}

function handleFailure(error, into) {
  if (error.status === 401) showKeyPanel(error.body && error.body.detail);
  settle(into, "problem", problemView(error));
}

// ---- tables and pages -----------------------------------------------------------------------

function columnsOf(schema, items) {
  const columns = Object.keys((schema && schema.properties) || {});
  for (const item of items) for (const name of Object.keys(item)) if (!columns.includes(name)) columns.push(name);
  return columns;
}

function itemTable(items, schema, entity) {
  const columns = columnsOf(schema, items);
  const props = (schema && schema.properties) || {};
  const rows = items.map((item) => {
    const open = entity && entity.itemPath ? () => navigate([["entity", entity.name], ["id", item[entity.idName]]]) : null;
    return el("tr", { onclick: open, "data-id": entity && item[entity.idName] },
      columns.map((c) => el("td", {}, formatValue(item[c], props[c]))));
  });
  return el("table", {}, el("thead", {}, el("tr", {}, columns.map((c) => el("th", {}, c)))), el("tbody", {}, rows));
}

const count = (n, what) => `${n ?? "?"} ${what}${n === 1 ? "" : "s"}`;

function statsLine(page) {
  const s = page.stats || {};
  return el("p", { class: "stats", title: "what serving this page cost" },
    [count(page.items.length, "item"), count(s.partitionsQueried, "partition"), count(s.dynamoRequests, "Query request"),
      `${s.itemsRead ?? "?"} read`, count(s.roundTrips, "round trip")].join(" · "));
}

function emptyView(entity) {
  return el("div", { class: "empty" }, `No ${entity ? entity.name : "items"} match.`);
}

// ---- the search view ------------------------------------------------------------------------

function searchForm(entity, values) {
  const inputs = entity.parameters.filter((p) => p.name !== "cursor").map((p) => {
    const schema = p.schema || {};
    const current = values.get(p.name) || "";
    const control = schema.enum
      ? el("select", { name: p.name }, el("option", { value: "" }, "(default)"),
          schema.enum.map((v) => el("option", { value: v, selected: v === current }, v)))
      : el("input", {
          name: p.name, value: current, type: schema.type === "integer" ? "number" : "text",
          min: schema.minimum, max: schema.maximum,
          placeholder: schema.default ?? (schema.examples ? schema.examples[0] : ""),
        });
    return el("label", { title: p.description || "" }, p.name, control);
  });
  const form = el("form", { class: "search", "data-entity": entity.name }, inputs, el("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const params = [["search", entity.name]];
    for (const [name, value] of new FormData(form)) if (String(value).trim() !== "") params.push([name, String(value).trim()]);
    navigate(params);
  });
  return form;
}

async function searchView(entity, query, view) {
  const cursor = query.get("cursor");
  const trail = (history.state && history.state.trail) || [];
  const numbered = history.state ? history.state.numbered !== false : !cursor;
  const declared = new Set(entity.parameters.map((p) => p.name));
  const apiParams = [...query].filter(([name]) => declared.has(name));
  const results = loadingPart({ class: "results" });
  view.replaceChildren(el("h2", {}, entity.name), searchForm(entity, query), results);
  let page;
  try {
    page = await getJson(entity.path, apiParams);
  } catch (error) {
    handleFailure(error, results);
    return;
  }
  const without = [...query].filter(([name]) => name !== "cursor");
  const pageNumber = trail.length + 1;
  const pager = el("div", { class: "pager" },
    el("button", { type: "button", class: "first", disabled: !cursor, onclick: () => navigate(without) }, "First"),
    el("button", { type: "button", class: "previous", disabled: trail.length === 0,
      onclick: () => {
        const previous = trail[trail.length - 1];
        navigate(previous ? [...without, ["cursor", previous]] : without, trail.slice(0, -1), numbered);
      } }, "Previous"),
    el("span", { class: "page-number" }, numbered ? `page ${pageNumber}` : "page …"),
    el("button", { type: "button", class: "next primary", disabled: !page.nextCursor,
      onclick: () => navigate([...without, ["cursor", page.nextCursor]], [...trail, cursor || ""], numbered) }, "Next"));
  settle(results, page.items.length ? "page" : "empty",
    page.items.length ? itemTable(page.items, entity.schema, entity) : emptyView(entity),
    pager, statsLine(page));
}

// ---- the detail view ------------------------------------------------------------------------

function itemDetails(item, entity) {
  const props = (entity.schema && entity.schema.properties) || {};
  return el("dl", { class: "item" }, columnsOf(entity.schema, [item]).flatMap((name) => {
    const target = name !== entity.idName ? entityWithId(name) : null;
    const text = formatValue(item[name], props[name]);
    const value = target && item[name] !== undefined ? link(text, [["entity", target.name], ["id", item[name]]]) : text;
    return [el("dt", {}, name), el("dd", { "data-property": name }, value)];
  }));
}

async function relatedList(child, itemPath, into) {
  const childEntity = entityNamed(child.name);
  const cursors = [];
  const load = async (cursor) => {
    const body = loadingPart({ class: "related-items" });
    into.replaceChildren(el("h3", {}, child.name), body);
    try {
      const page = await getJson(itemPath + "/" + child.name, cursor ? [["cursor", cursor]] : []);
      const previous = el("button", { type: "button", disabled: cursors.length === 0, onclick: () => load(cursors.pop() || null) }, "Previous");
      const next = el("button", { type: "button", disabled: !page.nextCursor, onclick: () => { next.disabled = true; cursors.push(cursor); load(page.nextCursor); } }, "Next");
      settle(body, page.items.length ? "page" : "empty",
        page.items.length ? itemTable(page.items, child.schema, childEntity) : emptyView(child),
        page.nextCursor || cursors.length ? el("div", { class: "pager" }, previous, next) : null);
    } catch (error) {
      handleFailure(error, body);
    }
  };
  await load(null);
}

async function detailView(entity, id, view) {
  const itemPath = entity.itemPath.replace(/\{[^}]+\}$/, pathSegment(id));
  const body = loadingPart({ class: "detail" });
  view.replaceChildren(el("h2", {}, entity.name.replace(/s$/, ""), " ", el("code", {}, id)), body);
  try {
    const item = await getJson(itemPath);
    const related = entity.children.map((child) => el("section", { class: "related", "data-related": child.name }));
    settle(body, "page", itemDetails(item, entity), ...related);
    await Promise.all(entity.children.map((child, i) => relatedList(child, itemPath, related[i])));
  } catch (error) {
    handleFailure(error, body);
  }
}

// ---- routing --------------------------------------------------------------------------------

// Views other files add (console-ops.js): {name, label, show(view, query) -> stop function}.
const views = [];
let leaveView = null;

function registerView(name, label, show) {
  views.push({ name, label, show });
}

function renderNav(current) {
  document.getElementById("searches").replaceChildren(...state.entities.map((e) =>
    el("a", { href: consoleUrl([["search", e.name]]), class: e.name === current ? "current" : null,
      onclick: (event) => { event.preventDefault(); navigate([["search", e.name]]); } }, e.name)),
    ...views.map((v) => el("a", { href: consoleUrl([["view", v.name]]), class: v.name === current ? "current" : null,
      "data-view": v.name, onclick: (event) => { event.preventDefault(); navigate([["view", v.name]]); } }, v.label)));
  document.getElementById("key-button").hidden = !sessionStorage.getItem(KEY_STORAGE);
}

function render() {
  const query = new URLSearchParams(location.search);
  const view = document.getElementById("view");
  if (leaveView) leaveView();
  leaveView = null;
  const extra = views.find((v) => v.name === query.get("view"));
  if (extra) {
    renderNav(extra.name);
    leaveView = extra.show(view, query);
    return;
  }
  const detail = entityNamed(query.get("entity"));
  const opensItem = detail && detail.itemPath && query.get("id");
  const search = entityNamed(query.get("search")) || (opensItem ? null : detail || state.entities[0]);
  renderNav((opensItem ? detail : search || {}).name);
  if (opensItem) return detailView(detail, query.get("id"), view);
  if (search) return searchView(search, query.get("search") ? query : new URLSearchParams([["search", search.name]]), view);
  view.replaceChildren(el("div", { class: "empty" }, "This API offers no searches."));
}

function installKeyForm() {
  const panel = document.getElementById("key-panel");
  document.getElementById("key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY_STORAGE, document.getElementById("key-input").value);
    document.getElementById("key-input").value = "";
    panel.hidden = true;
    render();
  });
  document.getElementById("key-forget").addEventListener("click", () => {
    sessionStorage.removeItem(KEY_STORAGE);
    panel.hidden = true;
    render();
  });
  document.getElementById("key-button").addEventListener("click", () => showKeyPanel());
}

async function start() {
  installKeyForm();
  window.addEventListener("popstate", render);
  const view = document.getElementById("view");
  try {
    state.doc = await getJson("/openapi.json");
  } catch (error) {
    view.replaceChildren(problemView(error));
    return;
  }
  const scheme = state.doc.components && state.doc.components.securitySchemes && state.doc.components.securitySchemes.apiKey;
  if (scheme && scheme.in === "header") state.keyHeader = scheme.name;
  state.entities = entitiesOf(state.doc);
  document.body.dataset.ready = "true";
  render();
}

start();

// For the views in other files: the same API client, DOM helpers and states.
export { getJson, settle, loadingPart, handleFailure, problemView, registerView };
