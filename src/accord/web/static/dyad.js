// A dyad: cooperation and conflict between A and B per period (both directions), and the
// happenings behind each period: click a bar, then a happening, to read its evidence.
"use strict";
(() => {
  const {h, api, clear, error, happeningsTable, params} = Accord;
  const main = document.getElementById("main");
  const query = params();
  const state = {a: query.a || "", b: query.b || "", interval: query.interval || "month"};

  const inputs = {
    a: h("input", {name: "a", value: state.a, placeholder: "CHN", required: true}),
    b: h("input", {name: "b", value: state.b, placeholder: "RUS", required: true}),
    interval: h("select", {name: "interval"}, ["week", "month", "year"].map(
      (v) => h("option", {value: v, selected: v === state.interval}, v))),
  };
  const form = h("form", {class: "filters"},
    h("label", {}, "actor A", inputs.a), h("label", {}, "actor B", inputs.b),
    h("label", {}, "per", inputs.interval), h("button", {type: "submit"}, "Show"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams({a: inputs.a.value, b: inputs.b.value, interval: inputs.interval.value});
    window.location.search = next.toString();
  });
  const chart = h("section", {class: "chart", "data-testid": "timeline"});
  const below = h("section", {"data-testid": "period-happenings"});
  clear(main).append(h("h1", {}, "Dyad"), form, chart, below);
  if (!state.a || !state.b) {
    chart.append(h("p", {}, "Name two actors (codes such as CHN and RUS, or names)."));
    return;
  }

  const preciseEnough = (date, interval) => {
    const parts = (date || "").split("-").length;
    return interval === "year" ? parts >= 1 : interval === "month" ? parts >= 2 : parts >= 3;
  };

  async function showPeriod(period) {
    for (const g of chart.querySelectorAll("g.period")) g.classList.toggle("selected", g.dataset.period === period.period);
    clear(below).append(h("h2", {}, `${state.a} – ${state.b}, ${period.period}`),
                        h("p", {class: "loading"}, "loading…"));
    try {
      const page = await api("/api/events", {dyad: `${state.a},${state.b}`, since: period.start,
                                             until: period.end, sort: "-articles", limit: 500});
      // The timeline places a happening in a period only when its date is that precise.
      const items = page.items.filter((x) => preciseEnough(x.date, state.interval));
      clear(below).append(h("h2", {}, `${state.a} – ${state.b}, ${period.period}: ${items.length} happening(s)`),
        h("p", {class: "hint"}, "Click a happening for its reports and evidence sentences."),
        happeningsTable(items, {"data-testid": "period-table"}));
    } catch (err) {
      clear(below).append(error("happenings", err));
    }
  }

  function draw(t) {
    const periods = t.periods;
    clear(chart).append(h("h2", {}, `${t.a} – ${t.b} per ${t.interval}`));
    if (!periods.length) {
      chart.append(h("p", {class: "empty"}, "No dated happenings between them."));
    } else {
      const width = 1100, height = 320;
      const margin = {top: 16, right: 64, bottom: 56, left: 44};
      const x = d3.scaleBand().domain(periods.map((p) => p.period))
        .range([margin.left, width - margin.right]).padding(0.15);
      const coop = (p) => p.total.quad_class["1"] + p.total.quad_class["2"];
      const conf = (p) => p.total.quad_class["3"] + p.total.quad_class["4"];
      const top = d3.max(periods, coop) || 1, bottom = d3.max(periods, conf) || 1;
      const y = d3.scaleLinear().domain([-bottom, top]).nice().range([height - margin.bottom, margin.top]);
      const g10 = d3.scaleLinear().domain([-10, 10]).range([height - margin.bottom, margin.top]);
      const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("width", width)
        .attr("role", "img").attr("aria-label", `cooperation and conflict between ${t.a} and ${t.b}`);
      svg.append("g").attr("transform", `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(5).tickFormat(Math.abs));
      svg.append("g").attr("transform", `translate(${width - margin.right},0)`).call(d3.axisRight(g10).ticks(5))
        .call((g) => g.append("text").attr("class", "axis-label").attr("x", -4).attr("y", margin.top - 6).text("Goldstein"));
      const step = Math.ceil(periods.length / 14);
      svg.append("g").attr("transform", `translate(0,${height - margin.bottom})`)
        .call(d3.axisBottom(x).tickValues(x.domain().filter((_, i) => i % step === 0)))
        .selectAll("text").attr("transform", "rotate(-40)").style("text-anchor", "end");
      svg.append("line").attr("class", "zero").attr("x1", margin.left).attr("x2", width - margin.right)
        .attr("y1", y(0)).attr("y2", y(0));
      const group = svg.selectAll("g.period").data(periods).join("g")
        .attr("class", "period").attr("data-period", (p) => p.period)
        .attr("data-testid", (p) => `period-${p.period}`).attr("data-events", (p) => p.total.events)
        .on("click", (event, p) => showPeriod(p));
      group.append("rect").attr("class", "hit").attr("x", (p) => x(p.period)).attr("width", x.bandwidth())
        .attr("y", margin.top).attr("height", height - margin.bottom - margin.top);
      group.append("rect").attr("class", "bar coop").attr("x", (p) => x(p.period)).attr("width", x.bandwidth())
        .attr("y", (p) => y(coop(p))).attr("height", (p) => y(0) - y(coop(p)));
      group.append("rect").attr("class", "bar conflict").attr("x", (p) => x(p.period)).attr("width", x.bandwidth())
        .attr("y", y(0)).attr("height", (p) => y(-conf(p)) - y(0));
      group.append("title").text((p) =>
        `${p.period}: ${p.total.events} happening(s); ${t.a}→${t.b} ${p.a_to_b.events}, ` +
        `${t.b}→${t.a} ${p.b_to_a.events}; cooperation ${coop(p)}, conflict ${conf(p)}; ` +
        `Goldstein mean ${p.total.goldstein_mean === null ? "—" : p.total.goldstein_mean}`);
      const withMean = periods.filter((p) => p.total.goldstein_mean !== null);
      svg.append("path").datum(withMean).attr("class", "goldstein")
        .attr("d", d3.line().x((p) => x(p.period) + x.bandwidth() / 2).y((p) => g10(p.total.goldstein_mean)));
      svg.selectAll("circle.goldstein").data(withMean).join("circle").attr("class", "goldstein")
        .attr("r", 3).attr("cx", (p) => x(p.period) + x.bandwidth() / 2).attr("cy", (p) => g10(p.total.goldstein_mean));
      chart.append(svg.node(),
        h("p", {class: "legend"}, h("span", {class: "key coop"}, "cooperation (quad 1–2)"), " ",
          h("span", {class: "key conflict"}, "conflict (quad 3–4)"), " ",
          h("span", {class: "key goldstein"}, "Goldstein mean (right axis)")));
    }
    const notes = [];
    if (t.coarser.length) {
      notes.push(`${t.coarser.reduce((n, c) => n + c.events, 0)} happening(s) dated less precisely than a ${t.interval} ` +
                 `(${t.coarser.map((c) => `${c.date}: ${c.events}`).join(", ")})`);
    }
    if (t.undated) notes.push(`${t.undated} undated happening(s)`);
    if (notes.length) chart.append(h("p", {class: "meta", "data-testid": "coarser"}, `Not in the chart: ${notes.join("; ")}.`));
    const busiest = periods.reduce((best, p) => (!best || p.total.events > best.total.events ? p : best), null);
    if (busiest && busiest.total.events) showPeriod(busiest);
  }

  api(`/api/dyads/${encodeURIComponent(state.a)}/${encodeURIComponent(state.b)}/timeline`,
      {interval: state.interval}).then(draw).catch((err) => clear(chart).append(error("timeline", err)));
})();
