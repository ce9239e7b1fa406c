// Accord dashboard: what every page shares. Records are always put on the page as text
// (document.createTextNode / textContent), never parsed as HTML: article titles and texts
// are whatever the news said, markup included.
"use strict";

const Accord = (() => {
  // h("a", {href: "/x", class: "c"}, "text", child, ...): an element; strings become text nodes.
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "on") {
        for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
      } else if (key === "dataset") {
        for (const [k, v] of Object.entries(value)) node.dataset[k] = v;
      } else {
        node.setAttribute(key, value === true ? "" : String(value));
      }
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  async function api(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
    }
    const response = await fetch(url, {headers: {Accept: "application/json"}});
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const detail = Array.isArray(body.detail)
        ? body.detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ")
        : body.detail || response.statusText;
      throw new Error(detail);
    }
    return body;
  }

  // The CAMEO code table, fetched once a page (/api/codes).
  let codeTable = null;
  function codes() {
    if (!codeTable) codeTable = api("/api/codes").then((body) => body.cameo);
    return codeTable;
  }

  // "040 CONSULT": the code and its PLOVER type; for a code PLOVER dropped (appeals,
  // statements) its CAMEO name instead, filled in when the code table arrives.
  function eventKind(cameo, plover) {
    if (plover && plover !== "DROPPED") return `${cameo} ${plover}`;
    const node = h("span", {class: "kind", "data-testid": "event-kind"}, cameo);
    codes().then((table) => {
      if (table[cameo]) node.textContent = `${cameo} ${table[cameo].name}`;
    }).catch(() => {});
    return node;
  }

  // The type or name after a code shown on its own ("CONSULT", "Appeal for ...").
  function plainKind(cameo, plover) {
    if (plover && plover !== "DROPPED") return plover;
    const node = h("span", {class: "kind", "data-testid": "event-kind"});
    codes().then((table) => { if (table[cameo]) node.textContent = table[cameo].name; }).catch(() => {});
    return node;
  }

  const PAGES = [
    ["/", "Overview"], ["/events", "Happenings"], ["/dyad", "Dyads"], ["/network", "Network"],
    ["/map", "Map"], ["/quotes", "Quotes"], ["/articles", "Articles"],
  ];

  function nav() {
    const here = window.location.pathname;
    const links = PAGES.map(([href, label]) => h("a", {
      href, class: (href === "/" ? here === "/" : here.startsWith(href)) ? "active" : null,
    }, label));
    clear(document.getElementById("nav")).append(
      h("a", {href: "/", class: "brand"}, "Accord"), h("nav", {}, links),
      h("a", {href: "/docs", class: "docs"}, "API"));
  }

  function actorLabel(actor) {
    if (!actor) return "—";
    return actor.name || actor.text || actor.code;
  }

  function actorNode(actor, role) {
    if (!actor) return h("span", {class: "actor none"}, "—");
    return h("span", {class: `actor ${role || ""}`, title: actor.text || ""},
      actorLabel(actor), " ", h("code", {}, actor.code));
  }

  const QUAD = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};

  function flags(record) {
    const out = [];
    if (record.negated) out.push(h("span", {class: "flag negated"}, "negated"));
    if (record.modality && record.modality !== "asserted") {
      out.push(h("span", {class: `flag ${record.modality}`}, record.modality));
    }
    return out;
  }

  function dateText(record) {
    if (!record.date) return "undated";
    return record.date + (record.date_basis === "publication" ? " (pub.)" : "");
  }

  // The evidence sentence with the trigger, source and target marked. `start` is where the
  // sentence begins in the article (from the API); spans outside the sentence are not marked.
  function evidenceNode(report) {
    const sentence = (report.evidence || "").trim();
    const start = report.evidence_start;
    const marks = [];
    if (start !== null && start !== undefined) {
      const add = (span, cls, label) => {
        if (!span) return;
        const a = span[0] - start, b = span[1] - start;
        if (a >= 0 && b <= sentence.length && a < b) marks.push({a, b, cls, label});
      };
      add(report.trigger && report.trigger.span, "trigger", report.cameo);
      add(report.source && report.source.span, "source", report.source && report.source.code);
      add(report.target && report.target.span, "target", report.target && report.target.code);
    }
    return h("blockquote", {class: "evidence"}, markText(sentence, marks));
  }

  // Text with marked spans: segments between all span boundaries, each in the marks that
  // cover it; a mark's label follows its last segment (as displaCy shows entities).
  function markText(text, marks) {
    if (!marks.length) return [text];
    const cuts = new Set([0, text.length]);
    for (const m of marks) { cuts.add(m.a); cuts.add(m.b); }
    const points = [...cuts].sort((x, y) => x - y);
    const out = [];
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i], b = points[i + 1];
      const covering = marks.filter((m) => m.a <= a && m.b >= b);
      let node = document.createTextNode(text.slice(a, b));
      for (const m of covering.sort((x, y) => (y.b - y.a) - (x.b - x.a))) {
        const wrap = h("mark", {class: m.cls, title: m.title || m.label || m.cls}, node);
        if (m.b === b && m.label) wrap.appendChild(h("span", {class: "label"}, m.label));
        node = wrap;
      }
      out.push(node);
    }
    return out;
  }

  function pager(page, onPage) {
    const {total, limit, offset} = page;
    const from = total ? offset + 1 : 0, to = Math.min(offset + (limit || total), total);
    return h("div", {class: "pager"},
      h("button", {type: "button", disabled: offset <= 0,
        on: {click: () => onPage(Math.max(0, offset - limit))}}, "‹ previous"),
      h("span", {class: "count", "data-testid": "page-count"}, `${from}–${to} of ${total}`),
      h("button", {type: "button", disabled: offset + limit >= total,
        on: {click: () => onPage(offset + limit)}}, "next ›"));
  }

  function error(where, err) {
    return h("p", {class: "error", role: "alert"}, `${where}: ${err.message || err}`);
  }

  function params() {
    return Object.fromEntries(new URLSearchParams(window.location.search).entries());
  }

  function table(headers, rows, attrs) {
    return h("table", attrs || {},
      h("thead", {}, h("tr", {}, headers.map((x) => h("th", {}, x)))),
      h("tbody", {}, rows));
  }

  function placeText(place) {
    if (!place) return "—";
    return place.country ? `${place.name}, ${place.country}` : place.name;
  }

  // One happening's reports: each evidence sentence with its article, publisher and date.
  function reportsNode(happening) {
    return h("div", {class: "reports", "data-testid": "reports"},
      h("p", {class: "meta"},
        `${happening.reports} report(s) in ${happening.articles} article(s) from `,
        `${happening.sources} source(s); first seen ${happening.first_seen || "—"}, `,
        `last seen ${happening.last_seen || "—"}`),
      (happening.evidence || []).map((r) => h("div", {class: "report", "data-testid": "report"},
        evidenceNode(r),
        h("p", {class: "cite"},
          h("a", {href: `/articles/${encodeURIComponent(r.article_id)}#s${r.sentence}`},
            (r.article && r.article.title) || r.article_id),
          " · ", (r.article && r.article.source) || "unknown source",
          " · ", (r.article && r.article.date) || "undated",
          " · ", eventKind(r.cameo, r.plover), " · ", dateText(r), " ", flags(r)))));
  }

  // A happenings table; a click on a row opens its reports below it.
  function happeningsTable(items, attrs) {
    const rows = items.map((item) => {
      const row = h("tr", {class: "happening", tabindex: "0", "data-id": item.id,
                           "data-testid": "happening"},
        h("td", {class: "date"}, item.date || "undated"),
        h("td", {}, actorNode(item.source, "source")),
        h("td", {}, h("code", {}, item.cameo), " ", plainKind(item.cameo, item.plover)),
        h("td", {}, actorNode(item.target, "target")),
        h("td", {}, placeText(item.location)),
        h("td", {}, flags(item)),
        h("td", {class: "num", title: "articles / sources"}, `${item.articles} / ${item.sources}`));
      const toggle = () => openReports(row, item.id);
      row.addEventListener("click", toggle);
      row.addEventListener("keydown", (e) => { if (e.key === "Enter") toggle(); });
      return row;
    });
    return table(["date", "source", "event", "target", "where", "", "art./src."], rows,
                 {class: "happenings", ...(attrs || {})});
  }

  async function openReports(row, id) {
    const next = row.nextElementSibling;
    if (next && next.classList.contains("detail")) { next.remove(); return; }
    const cell = h("td", {colspan: "7"}, h("p", {class: "loading"}, "loading…"));
    row.after(h("tr", {class: "detail"}, cell));
    try {
      const happening = await api(`/api/events/${encodeURIComponent(id)}`);
      clear(cell).append(reportsNode(happening));
    } catch (err) {
      clear(cell).append(error("reports", err));
    }
  }

  document.addEventListener("DOMContentLoaded", nav);
  return {h, append, clear, api, codes, eventKind, plainKind, actorLabel, actorNode, flags, dateText, evidenceNode, markText,
          pager, error, params, table, placeText, reportsNode, happeningsTable, QUAD};
})();
