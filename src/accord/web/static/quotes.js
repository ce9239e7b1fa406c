// Quote search: who said what, and where.
"use strict";
(() => {
  const {h, api, append, clear, error, pager, params, actorNode} = Accord;
  const main = document.getElementById("main");
  const state = params();
  const inputs = {
    speaker: h("input", {name: "speaker", value: state.speaker || "", placeholder: "Putin, RUS"}),
    contains: h("input", {name: "contains", value: state.contains || "", placeholder: "partnership"}),
  };
  const form = h("form", {class: "filters", "data-testid": "quote-search"},
    h("label", {}, "speaker", inputs.speaker), h("label", {}, "words", inputs.contains),
    h("button", {type: "submit"}, "Search"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [name, input] of Object.entries(inputs)) if (input.value) next.set(name, input.value);
    window.location.search = next.toString();
  });
  const results = h("section", {"data-testid": "quotes"});
  clear(main).append(h("h1", {}, "Quotes"), form, results);

  async function load(offset) {
    try {
      const page = await api("/api/quotes", {speaker: state.speaker, contains: state.contains, limit: 50, offset});
      append(clear(results), [pager(page, load), page.items.map((q) => h("figure", {class: "quote", "data-testid": "quote"},
        h("blockquote", {}, (q.direct ? "“" : "") + q.text + (q.direct ? "”" : "")),
        h("figcaption", {}, actorNode(q.speaker, "speaker"), q.cue ? ` (${q.cue})` : "", " · ",
          h("a", {href: `/articles/${encodeURIComponent(q.article_id)}`}, q.article_id))))]);
      if (!page.items.length) results.append(h("p", {class: "empty"}, "No quotes match."));
    } catch (err) {
      clear(results).append(error("quotes", err));
    }
  }
  load(Number(state.offset || 0));
})();
