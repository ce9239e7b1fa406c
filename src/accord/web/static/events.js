// Happenings: every filter of the API, paged; each row opens its reports and evidence.
"use strict";
(() => {
  const {h, api, clear, error, happeningsTable, pager, params} = Accord;
  const main = document.getElementById("main");
  const FIELDS = [
    ["actor", "actor", "RUS, Putin"], ["country", "country", "CHN"], ["dyad", "dyad", "CHN,RUS"],
    ["since", "since", "2025-01"], ["until", "until", "2026"], ["cameo", "CAMEO", "04"],
    ["plover", "PLOVER", "CONSULT"], ["quad_class", "quad class", "3,4"],
    ["modality", "modality", "asserted"], ["negated", "negated", "true/false"],
    ["min_sources", "min. sources", "2"], ["q", "evidence words", "video call"],
  ];
  const state = {...params()};
  const offset = Number(state.offset || 0);
  delete state.offset;

  const inputs = {};
  const form = h("form", {class: "filters", "data-testid": "filters"},
    FIELDS.map(([name, label, hint]) => h("label", {},
      label, inputs[name] = h("input", {name, placeholder: hint, value: state[name] || ""}))),
    h("label", {}, "sort", inputs.sort = h("select", {name: "sort"},
      [["-articles", "most articles"], ["-date", "newest"], ["date", "oldest"], ["-sources", "most sources"]]
        .map(([v, t]) => h("option", {value: v, selected: (state.sort || "-articles") === v}, t)))),
    h("button", {type: "submit"}, "Filter"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [name, input] of Object.entries(inputs)) if (input.value) next.set(name, input.value);
    window.location.search = next.toString();
  });
  const results = h("section", {"data-testid": "results"});
  clear(main).append(h("h1", {}, "Happenings"), form, results);

  async function load(at) {
    clear(results).append(h("p", {class: "loading"}, "loading…"));
    try {
      const page = await api("/api/events", {...state, limit: 50, offset: at});
      clear(results).append(
        pager(page, load),
        page.items.length ? happeningsTable(page.items) : h("p", {class: "empty"}, "Nothing matches."));
    } catch (err) {
      clear(results).append(error("happenings", err));
    }
  }
  load(offset);
})();
