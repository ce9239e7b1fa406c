// Where happenings took place: countries shaded by count (offline Natural Earth shapes), and
// the busiest places as dots.
"use strict";
(async () => {
  const {h, api, clear, error, params, table} = Accord;
  const main = document.getElementById("main");
  const state = params();
  const chart = h("section", {class: "chart", "data-testid": "map"});
  const list = h("section", {});
  clear(main).append(h("h1", {}, "Map of happenings"),
    h("p", {class: "hint"}, "Countries are shaded by the happenings that took place there; click one for them."),
    chart, list);
  try {
    const [byCountry, byPlace, world] = await Promise.all([
      api("/api/map", {by: "country", since: state.since, until: state.until}),
      api("/api/map", {by: "place", since: state.since, until: state.until, limit: 200}),
      fetch("/static/vendor/world-atlas/countries-110m.json").then((r) => r.json())]);
    const counts = new Map(byCountry.items.filter((c) => c.numeric).map((c) => [c.numeric, c]));
    const width = 960, height = 500;
    const projection = d3.geoNaturalEarth1().fitSize([width, height], {type: "Sphere"});
    const path = d3.geoPath(projection);
    const color = d3.scaleSequentialLog(d3.interpolateOrRd)
      .domain([1, Math.max(2, d3.max(byCountry.items, (c) => c.happenings) || 2)]);
    const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("width", width)
      .attr("role", "img").attr("aria-label", "map of happenings by country");
    svg.append("path").attr("class", "sphere").attr("d", path({type: "Sphere"}));
    const countries = topojson.feature(world, world.objects.countries).features;
    svg.append("g").selectAll("path").data(countries).join("path")
      .attr("class", (f) => counts.has(f.id) ? "country has" : "country")
      .attr("data-numeric", (f) => f.id)
      .attr("data-testid", (f) => counts.has(f.id) ? `country-${counts.get(f.id).country}` : null)
      .attr("fill", (f) => counts.has(f.id) ? color(counts.get(f.id).happenings) : null)
      .attr("d", path)
      .on("click", (event, f) => {
        if (counts.has(f.id)) window.location.href = `/events?country=${encodeURIComponent(counts.get(f.id).country)}`;
      })
      .append("title").text((f) => {
        const c = counts.get(f.id);
        return c ? `${c.name}: ${c.happenings} happening(s), cooperation ${c.cooperation}, conflict ${c.conflict}`
                 : (f.properties && f.properties.name) || "";
      });
    svg.append("g").selectAll("circle").data(byPlace.items.filter((p) => p.lat !== null && p.lon !== null))
      .join("circle").attr("class", "place").attr("r", (p) => 2 + Math.sqrt(p.happenings))
      .attr("transform", (p) => `translate(${projection([p.lon, p.lat])})`)
      .append("title").text((p) => `${p.name}: ${p.happenings} happening(s)`);
    chart.append(svg.node(), h("p", {class: "meta"}, `${byCountry.unplaced} happening(s) have no place.`));
    clear(list).append(h("h2", {}, "By country"), table(
      ["country", "happenings", "cooperation", "conflict", "Goldstein mean"],
      byCountry.items.map((c) => h("tr", {"data-testid": "map-row"},
        h("td", {}, h("a", {href: `/events?country=${encodeURIComponent(c.country)}`}, `${c.name || c.country} (${c.country})`)),
        h("td", {class: "num"}, String(c.happenings)), h("td", {class: "num coop"}, String(c.cooperation)),
        h("td", {class: "num conflict"}, String(c.conflict)), h("td", {class: "num"}, c.goldstein_mean.toFixed(2)))),
      {class: "countries"}));
  } catch (err) {
    chart.append(error("map", err));
  }
})();
