// The question navigator (while sitting and after) and the filterable review of a result.
(function (DVA) {
  "use strict";
  var el = DVA.dom.el, rich = DVA.dom.rich, LETTERS = DVA.rules.LETTERS;

  // A cell's state in words (for screen readers: the aria-label) and as a symbol beside the number
  // (so colour is never the only sign).
  function cellState(item, done) {
    var words = [done ? (item.right ? "right" : "wrong") : (item.chosen.length ? "answered" : "unanswered")];
    if (item.flagged) words.push("flagged");
    var symbol = done ? (item.right ? "✓" : "✗") : (item.chosen.length ? "●" : "○");
    return { words: words.join(", "), symbol: symbol + (item.flagged ? "⚑" : ""), cls: "is-" + words[0] + (item.flagged ? " mock-flagged" : "") };
  }

  // Numbered buttons 1..n; `pick(n)` jumps to a question (while sitting) or its review entry.
  function navigator(items, options) {
    var list = el("ol", { class: "mock-nav mock-review-list", "aria-label": "Questions" });
    items.forEach(function (item, n) {
      var s = cellState(item, options.done);
      var b = el("button", { type: "button", class: "mock-nav-cell " + s.cls, "aria-label": "Question " + (n + 1) + ": " + s.words,
                             "aria-current": n === options.current ? "true" : null },
                 [el("span", { text: String(n + 1) }), el("span", { class: "mock-nav-symbol", "aria-hidden": "true", text: s.symbol })]);
      b.addEventListener("click", function () { options.pick(n); });
      list.appendChild(el("li", {}, [b]));
    });
    return list;
  }

  function filterChoice(bank, items, byId) {
    var select = el("select", { id: "mock-filter" }, [
      el("option", { value: "all", text: "Every question" }),
      el("option", { value: "wrong", text: "Wrong only" }),
      el("option", { value: "flagged", text: "Flagged only" })]);
    var domains = el("optgroup", { label: "A domain" }), tasks = el("optgroup", { label: "A task statement" });
    bank.exam.domains.forEach(function (d) {
      var present = items.some(function (it) { return byId[it.id].domain === d.id; });
      if (present) domains.appendChild(el("option", { value: "domain:" + d.id, text: d.name }));
      d.tasks.forEach(function (t) {
        if (items.some(function (it) { return byId[it.id].task === t.id; })) tasks.appendChild(el("option", { value: "task:" + t.id, text: t.id + " " + t.name }));
      });
    });
    select.appendChild(domains);
    select.appendChild(tasks);
    return select;
  }

  function entry(item, q) {
    var yours = item.chosen.map(function (n) { return LETTERS[item.order.indexOf(n)]; }).sort().join(", ") || "none";
    var right = q.answer.map(function (l) { return LETTERS[item.order.indexOf(LETTERS.indexOf(l))]; }).sort().join(", ");
    var summary = el("summary", {}, [el("span", { text: (item.right ? "Right" : "Wrong") + (item.flagged ? " · flagged ⚑" : "") + ": " }), rich(q.stem)]);
    var details = el("details", {}, [summary]);
    var options = el("ul");
    item.order.forEach(function (original, shown) {
      options.appendChild(el("li", {}, [el("strong", { text: LETTERS[shown] + ". " }), rich(q.options[original]), el("br"),
        el("em", { text: (q.answer.indexOf(LETTERS[original]) >= 0 ? "Right: " : "Wrong: ") }), rich(q.why[original])]));
    });
    details.appendChild(el("p", { text: "Your answer: " + yours + ". The answer: " + right + "." }));
    details.appendChild(options);
    var learn = el("p", {}, ["Re-read: "]);
    q.learn.forEach(function (l, i) {
      if (i) learn.appendChild(document.createTextNode(" · "));
      learn.appendChild(el("a", { href: l[1], text: l[0] }));
    });
    details.appendChild(learn);
    return el("li", { "data-right": item.right ? "yes" : "no", "data-id": item.id, id: "mock-answer-" + item.id }, [details]);
  }

  // Every question of a result, a navigator over them and a filter: all, wrong, flagged, a domain
  // or a task statement. Appends to `app`.
  function reviewList(app, bank, byId, items) {
    app.appendChild(el("h3", { id: "mock-every", text: "Every question" }));
    var list = el("ol", { class: "mock-answers" });
    var entries = items.map(function (item) { return entry(item, byId[item.id]); });
    entries.forEach(function (li) { list.appendChild(li); });
    var select = filterChoice(bank, items, byId);
    var note = el("p", { class: "mock-filter-note", role: "status" });
    function apply() {
      var kept = DVA.rules.filterItems(items, byId, select.value);
      entries.forEach(function (li, n) { li.hidden = kept.indexOf(items[n]) < 0; });
      note.textContent = "Showing " + kept.length + " of " + items.length + " questions.";
    }
    select.addEventListener("change", apply);
    app.appendChild(navigator(items, { done: true, pick: function (n) {
      if (entries[n].hidden) { select.value = "all"; apply(); }
      var details = entries[n].querySelector("details");
      details.open = true;
      details.querySelector("summary").focus();
    } }));
    app.appendChild(el("p", { class: "mock-filter" }, [el("label", { for: "mock-filter", text: "Show: " }), select]));
    app.appendChild(note);
    app.appendChild(list);
    apply();
  }

  DVA.review = { navigator: navigator, reviewList: reviewList, cellState: cellState };
})(window.DVA = window.DVA || {});
