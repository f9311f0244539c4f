// Readiness over time on the progress panel: each full mock's score in order against the pass
// line, a small chart per domain, a table saying the same for screen readers, and one verdict
// (rules.verdict). Drawn as SVG with createElementNS and classes (the CSP allows no inline style).
(function (DVA) {
  "use strict";
  var el = DVA.dom.el, rules = DVA.rules;
  var NS = "http://www.w3.org/2000/svg";
  var W = 320, H = 120, PAD = { left: 34, right: 8, top: 8, bottom: 18 };

  function svg(tag, attrs, children) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  // One small chart: `points` are {value, counted} in order, on a scale from `low` to `high`, with
  // a dashed line at `line`. A counted attempt is a filled dot, one not counted a hollow ring, so
  // the difference does not rest on colour.
  function chart(title, points, low, high, line, lineLabel) {
    var x = function (i) { return PAD.left + (points.length < 2 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (points.length - 1)); };
    var y = function (v) { return PAD.top + (H - PAD.top - PAD.bottom) * (1 - (v - low) / (high - low)); };
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, class: "readiness-chart", role: "img", "aria-label": title + ": the table below gives the same figures" });
    root.appendChild(svg("title", { text: title }));
    [low, line, high].forEach(function (v) {
      root.appendChild(svg("text", { x: PAD.left - 4, y: y(v) + 4, class: "readiness-axis", "text-anchor": "end", text: String(v) }));
    });
    root.appendChild(svg("line", { x1: PAD.left, x2: W - PAD.right, y1: y(line), y2: y(line), class: "readiness-pass" }));
    root.appendChild(svg("text", { x: W - PAD.right, y: y(line) - 3, class: "readiness-axis", "text-anchor": "end", text: lineLabel }));
    root.appendChild(svg("polyline", { class: "readiness-line", points: points.map(function (p, i) { return x(i) + "," + y(p.value); }).join(" ") }));
    points.forEach(function (p, i) {
      root.appendChild(svg("circle", { cx: x(i), cy: y(p.value), r: 4, class: p.counted ? "readiness-dot" : "readiness-dot is-not-counted" }));
      root.appendChild(svg("text", { x: x(i), y: H - 4, class: "readiness-axis", "text-anchor": "middle", text: String(i + 1) }));
    });
    return el("figure", { class: "readiness-figure" }, [root, el("figcaption", { text: title })]);
  }

  function table(full, exam, domains) {
    var rows = full.map(function (a, i) {
      return el("tr", {}, [el("td", { text: String(i + 1) + (rules.counts(a, exam.questions) ? "" : " (sat before: not counted)") }),
        el("td", { text: (a.mock ? "Mock " + a.mock : "Random draw") }), el("td", { text: String(a.score) })]
        .concat(domains.map(function (d) {
          var b = (a.domains || {})[d.id] || { right: 0, total: 0 };
          return el("td", { text: rules.percent(b.right, b.total) + "%" });
        })));
    });
    return DVA.dom.table("data-table readiness-table", ["Attempt", "Exam", "Score"].concat(domains.map(function (d) { return d.name; })), rows);
  }

  DVA.readiness = function (app, attempts, exam, domains) {
    var full = attempts.filter(function (a) { return (a.kind || "mock") === "mock" && a.total === exam.questions; });
    var verdict = rules.verdict(attempts, exam.questions, exam.passing);
    app.appendChild(el("h3", { id: "readiness", text: "Readiness over time" }));
    app.appendChild(el("p", { class: "readiness-verdict is-" + verdict.level, text: verdict.text }));
    if (!full.length) return;
    app.appendChild(el("p", { text: "Every full-length mock in order. A filled dot counts for the verdict; a ring is a mock sat before, partly memory, so it does not." }));
    var charts = el("div", { class: "readiness-charts" });
    charts.appendChild(chart("Score", full.map(function (a) { return { value: a.score, counted: rules.counts(a, exam.questions) }; }),
      exam.min, exam.max, exam.passing, "pass " + exam.passing));
    // The pass mark as a share right, on the straight-line scale the score uses.
    var line = Math.round((100 * (exam.passing - exam.min)) / (exam.max - exam.min));
    domains.forEach(function (d) {
      charts.appendChild(chart(d.name + " (% right)", full.map(function (a) {
        var b = (a.domains || {})[d.id] || { right: 0, total: 0 };
        return { value: rules.percent(b.right, b.total), counted: rules.counts(a, exam.questions) };
      }), 0, 100, line, line + "%"));
    });
    app.appendChild(charts);
    app.appendChild(table(full, exam, domains));
  };
})(window.DVA = window.DVA || {});
