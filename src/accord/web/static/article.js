// One article with every coded span marked, as displaCy marks entities: actors (mentions),
// event triggers, time expressions and quotes; then its events and quotes as tables.
"use strict";
(async () => {
  const {h, api, append, clear, error, markText, actorNode, flags, dateText, table, placeText, codes, plainKind} = Accord;
  const main = document.getElementById("main");
  // An id holding "#" typed or pasted unencoded (`/articles/story#3f0c2a9b1e`, the id of a
  // file) reaches the page with the rest of the id as the fragment: a fragment other than the
  // sentence anchors this dashboard links to (`#s12`) is part of the id, and the address is
  // replaced by the encoded one.
  const hash = window.location.hash;
  const inId = hash && !/^#s\d+$/.test(hash);
  let id = decodeURIComponent(window.location.pathname.replace(/^\/articles\//, ""));
  if (inId) {
    try { id += decodeURIComponent(hash); } catch (_) { id += hash; }
    window.history.replaceState(null, "", `/articles/${encodeURIComponent(id)}`);
  }
  try {
    const data = await api(`/api/articles/${encodeURIComponent(id)}`);
    const a = data.article;
    document.title = `Accord · ${a.title || a.id}`;
    const marks = [];
    for (const m of data.mentions) {
      if (m.actor) marks.push({a: m.span[0], b: m.span[1], cls: "actor", label: m.actor.code,
                               title: `${m.actor.name || m.actor.text} (${m.actor.code})`});
    }
    const cameo = data.events.some((e) => e.plover === "DROPPED") ? await codes().catch(() => ({})) : {};
    for (const e of data.events) {
      // A code PLOVER dropped (appeals, statements) is named by its CAMEO name.
      const kind = e.plover === "DROPPED" && cameo[e.cameo] ? cameo[e.cameo].name : e.plover;
      marks.push({a: e.trigger.span[0], b: e.trigger.span[1], cls: "trigger", label: `${e.cameo} ${kind}`,
                  title: `${e.cameo} ${kind}${e.negated ? " negated" : ""} ${e.modality}`});
    }
    for (const t of data.timexes) {
      marks.push({a: t.span[0], b: t.span[1], cls: "timex", label: t.value, title: `${t.type} ${t.value}`});
    }
    for (const q of data.quotes) {
      marks.push({a: q.span[0], b: q.span[1], cls: "quote", label: null,
                  title: `quote of ${q.speaker ? (q.speaker.name || q.speaker.text) : "an unknown speaker"}`});
    }
    // One mark per span and kind: two events sharing a trigger show both codes once each.
    const merged = new Map();
    for (const m of marks.filter((m) => m.a >= 0 && m.b <= a.text.length && m.a < m.b)) {
      const key = `${m.cls}:${m.a}:${m.b}`;
      const seen = merged.get(key);
      if (!seen) { merged.set(key, {...m}); continue; }
      if (m.label && !(seen.label || "").split(" · ").includes(m.label)) seen.label = seen.label ? `${seen.label} · ${m.label}` : m.label;
      if (m.title && !seen.title.includes(m.title)) seen.title += `; ${m.title}`;
    }
    const valid = [...merged.values()];
    append(clear(main), [
      h("h1", {"data-testid": "article-title"}, a.title || a.id),
      h("p", {class: "meta", "data-testid": "article-meta"},
        [a.date || "undated", a.source, a.language, a.url ? h("a", {href: a.url, rel: "noopener noreferrer"}, a.url) : null,
         a.duplicate_of ? `a copy of ${a.duplicate_of}` : null].filter(Boolean).flatMap((x, i) => i ? [" · ", x] : [x])),
      h("p", {class: "legend"}, h("mark", {class: "actor"}, "actor"), " ", h("mark", {class: "trigger"}, "event"), " ",
        h("mark", {class: "timex"}, "time"), " ", h("mark", {class: "quote"}, "quote")),
      h("article", {class: "text", "data-testid": "article-text"}, markText(a.text, valid)),
      h("h2", {}, `Events (${data.events.length})`),
      table(["date", "source", "event", "target", "where", "", "evidence"], data.events.map((e) => h("tr", {"data-testid": "article-event"},
        h("td", {class: "date"}, dateText(e)), h("td", {}, actorNode(e.source, "source")),
        h("td", {}, h("code", {}, e.cameo), " ", plainKind(e.cameo, e.plover)), h("td", {}, actorNode(e.target, "target")),
        h("td", {}, placeText(e.location)), h("td", {}, flags(e)), h("td", {class: "evidence"}, e.evidence)))),
      h("h2", {}, `Quotes (${data.quotes.length})`),
      data.quotes.map((q) => h("figure", {class: "quote"}, h("blockquote", {}, q.text),
        h("figcaption", {}, actorNode(q.speaker, "speaker"), q.cue ? ` (${q.cue})` : "")))]);
  } catch (err) {
    clear(main).append(h("h1", {}, "Article"), error("article", err));
  }
})();
