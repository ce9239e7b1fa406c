// Overview: what the store holds, the busiest dyads, the most recent happenings.
"use strict";
(async () => {
  const {h, api, clear, error, happeningsTable, table} = Accord;
  const main = document.getElementById("main");
  clear(main).append(h("h1", {}, "Overview"));
  try {
    const [summary, dyads, recent] = await Promise.all([
      api("/api/summary"), api("/api/dyads", {limit: 10}),
      api("/api/events", {sort: "-date", limit: 10})]);
    const card = (label, value, id) => h("div", {class: "card", "data-testid": id},
      h("span", {class: "value"}, String(value)), h("span", {class: "label"}, label));
    main.append(h("section", {class: "cards", "data-testid": "summary"},
      card("articles", summary.articles, "count-articles"),
      card("happenings", summary.happenings, "count-happenings"),
      card("event reports", summary.reports, "count-reports"),
      card("quotes", summary.quotes, "count-quotes"),
      card("actors", summary.actors, "count-actors"),
      card("publishers", summary.sources, "count-sources")),
      h("p", {class: "meta"}, `Events dated from ${summary.first_date || "—"} to ${summary.last_date || "—"}.`));
    const dyadRows = dyads.items.map((d) => h("tr", {"data-testid": "dyad"},
      h("td", {}, h("a", {href: `/dyad?a=${encodeURIComponent(d.a)}&b=${encodeURIComponent(d.b)}`},
        `${d.a} – ${d.b}`)),
      h("td", {class: "num"}, String(d.events)),
      h("td", {class: "num coop"}, String(d.cooperation)),
      h("td", {class: "num conflict"}, String(d.conflict)),
      h("td", {class: "num"}, d.goldstein_mean.toFixed(2)),
      h("td", {}, `${d.first || "—"} … ${d.last || "—"}`)));
    main.append(h("section", {},
      h("h2", {}, "Top dyads"),
      dyads.items.length ? table(["dyad", "happenings", "cooperation", "conflict", "Goldstein mean", "dates"],
                                 dyadRows, {class: "dyads", "data-testid": "top-dyads"})
                         : h("p", {}, "No happenings between two countries yet.")));
    main.append(h("section", {},
      h("h2", {}, "Recent happenings"),
      h("p", {class: "hint"}, "Click a row for its reports and their evidence."),
      happeningsTable(recent.items, {"data-testid": "recent"})));
  } catch (err) {
    main.append(error("overview", err));
  }
})();
