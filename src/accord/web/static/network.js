// The actor network: who acts on whom, ties coloured by cooperation or conflict.
"use strict";
(() => {
  const {h, api, clear, error, params, table} = Accord;
  const main = document.getElementById("main");
  const state = {level: "actor", min: "1", ...params()};
  const inputs = {
    since: h("input", {name: "since", value: state.since || "", placeholder: "2019"}),
    until: h("input", {name: "until", value: state.until || "", placeholder: "2026-02"}),
    min: h("input", {name: "min", value: state.min, type: "number", min: "1"}),
    level: h("select", {name: "level"}, ["actor", "country"].map(
      (v) => h("option", {value: v, selected: v === state.level}, v))),
  };
  const form = h("form", {class: "filters"},
    Object.entries(inputs).map(([name, input]) => h("label", {}, name, input)),
    h("button", {type: "submit"}, "Show"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [name, input] of Object.entries(inputs)) if (input.value) next.set(name, input.value);
    window.location.search = next.toString();
  });
  const graph = h("section", {class: "chart", "data-testid": "network"});
  const list = h("section", {});
  clear(main).append(h("h1", {}, "Network"), form, graph, list);

  function link(node) {
    const key = state.level === "country" ? "country" : "actor";
    return `/events?${key}=${encodeURIComponent(node)}`;
  }

  function draw(net) {
    clear(graph);
    if (!net.edges.length) { graph.append(h("p", {class: "empty"}, "No ties match.")); return; }
    const width = 960, height = 560;
    const nodes = net.nodes.map((n) => ({...n}));
    const edges = net.edges.map((e) => ({...e}));
    const radius = d3.scaleSqrt().domain([1, d3.max(nodes, (n) => n.events)]).range([4, 18]);
    const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("width", width)
      .attr("role", "img").attr("aria-label", "actor network");
    const sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(edges).id((n) => n.id).distance(70))
      .force("charge", d3.forceManyBody().strength(-45))
      .force("x", d3.forceX(width / 2).strength(0.07))
      .force("y", d3.forceY(height / 2).strength(0.09))
      .force("collide", d3.forceCollide((n) => radius(n.events) + 2));
    svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8").attr("refX", 14)
      .attr("markerWidth", 6).attr("markerHeight", 6).attr("orient", "auto")
      .append("path").attr("d", "M0,-4L8,0L0,4").attr("class", "arrow");
    const line = svg.append("g").selectAll("line").data(edges).join("line")
      .attr("class", (e) => `tie ${e.conflict > e.cooperation ? "conflict" : "coop"}`)
      .attr("stroke-width", (e) => Math.min(8, 1 + Math.log2(e.events)))
      .attr("marker-end", "url(#arrow)");
    line.append("title").text((e) => `${e.source.id || e.source} → ${e.target.id || e.target}: ${e.events} ` +
      `(cooperation ${e.cooperation}, conflict ${e.conflict}, Goldstein ${e.goldstein_mean})`);
    const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
      .attr("data-testid", "node").attr("data-id", (n) => n.id)
      .on("click", (event, n) => { window.location.href = link(n.id); });
    node.append("circle").attr("r", (n) => radius(n.events));
    // Labels for the busiest actors only; every node has its name as a tooltip.
    const labelled = new Set(nodes.slice().sort((p, q) => q.events - p.events).slice(0, 30).map((n) => n.id));
    node.append("title").text((n) => `${n.id}: ${n.events} happening(s)`);
    node.filter((n) => labelled.has(n.id)).append("text").attr("x", 8).attr("dy", "0.35em").text((n) => n.id);
    node.call(d3.drag()
      .on("start", (event, n) => { if (!event.active) sim.alphaTarget(0.3).restart(); n.fx = n.x; n.fy = n.y; })
      .on("drag", (event, n) => { n.fx = event.x; n.fy = event.y; })
      .on("end", (event, n) => { if (!event.active) sim.alphaTarget(0); n.fx = null; n.fy = null; }));
    sim.on("tick", () => {
      for (const n of nodes) {
        n.x = Math.max(20, Math.min(width - 20, n.x)); n.y = Math.max(20, Math.min(height - 20, n.y));
      }
      line.attr("x1", (e) => e.source.x).attr("y1", (e) => e.source.y)
        .attr("x2", (e) => e.target.x).attr("y2", (e) => e.target.y);
      node.attr("transform", (n) => `translate(${n.x},${n.y})`);
    });
    graph.append(svg.node(), h("p", {class: "legend"}, h("span", {class: "key coop"}, "mostly cooperation"),
      " ", h("span", {class: "key conflict"}, "mostly conflict"), " · click an actor for its happenings"));
    clear(list).append(h("h2", {}, "Strongest ties"), table(
      ["from", "to", "happenings", "cooperation", "conflict", "Goldstein mean"],
      net.edges.slice(0, 30).map((e) => h("tr", {"data-testid": "tie"},
        h("td", {}, h("a", {href: link(e.source.id || e.source)}, e.source.id || e.source)),
        h("td", {}, h("a", {href: link(e.target.id || e.target)}, e.target.id || e.target)),
        h("td", {class: "num"}, String(e.events)), h("td", {class: "num coop"}, String(e.cooperation)),
        h("td", {class: "num conflict"}, String(e.conflict)),
        h("td", {class: "num"}, e.goldstein_mean.toFixed(2)))), {class: "ties"}));
  }

  api("/api/network", {since: state.since, until: state.until, min: state.min, level: state.level, limit: 120})
    .then(draw).catch((err) => clear(graph).append(error("network", err)));
})();
