// The stored articles.
"use strict";
(() => {
  const {h, api, clear, error, pager, params, table} = Accord;
  const main = document.getElementById("main");
  const state = params();
  const input = h("input", {name: "q", value: state.q || "", placeholder: "words of the title"});
  const form = h("form", {class: "filters"}, h("label", {}, "title", input), h("button", {type: "submit"}, "Search"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    window.location.search = input.value ? `q=${encodeURIComponent(input.value)}` : "";
  });
  const results = h("section", {"data-testid": "articles"});
  clear(main).append(h("h1", {}, "Articles"), form, results);
  async function load(offset) {
    try {
      const page = await api("/api/articles", {q: state.q, sort: "-date", limit: 50, offset});
      clear(results).append(pager(page, load), table(["date", "title", "source", "events", "quotes"],
        page.items.map((a) => h("tr", {"data-testid": "article-row"},
          h("td", {class: "date"}, a.date || "—"),
          h("td", {}, h("a", {href: `/articles/${encodeURIComponent(a.id)}`}, a.title || a.id),
            a.duplicate_of ? h("span", {class: "flag"}, `copy of ${a.duplicate_of}`) : null),
          h("td", {}, a.source || "—"), h("td", {class: "num"}, String(a.events)),
          h("td", {class: "num"}, String(a.quotes))))));
    } catch (err) {
      clear(results).append(error("articles", err));
    }
  }
  load(Number(state.offset || 0));
})();
