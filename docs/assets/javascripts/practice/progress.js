// The progress panel: readiness per domain (first answers only), readiness over time (a chart of
// every full mock and one verdict), the weakest task statements, the most missed questions, the
// review queue, and export and import.
(function (DVA) {
  "use strict";
  var el = DVA.dom.el, button = DVA.dom.button, rules = DVA.rules, store = DVA.store;

  function domainTable(domains, answers) {
    var ids = Object.keys(answers);
    var rows = domains.map(function (d) {
      var mine = ids.filter(function (id) { return answers[id].domain === d.id; });
      var right = mine.filter(function (id) { return answers[id].last; }).length;
      return el("tr", {}, [el("td", {}, [el("a", { href: d.url, text: d.name })]), el("td", { text: mine.length + " of " + d.count }),
        el("td", { text: mine.length ? rules.percent(right, mine.length) + "%" : "not started" })]);
    });
    return DVA.dom.table("data-table practice-readiness", ["Domain", "Questions tried", "Right at first try"], rows);
  }

  function missedList(app, answers) {
    var missed = Object.keys(answers).filter(function (id) { return answers[id].wrong; })
      .sort(function (a, b) { return answers[b].wrong - answers[a].wrong; }).slice(0, 10);
    app.appendChild(el("h3", { text: "Most often missed" }));
    if (!missed.length) return app.appendChild(el("p", { text: "Nothing missed yet." }));
    var list = el("ol", { class: "practice-missed" });
    missed.forEach(function (id) {
      list.appendChild(el("li", {}, [el("a", { href: answers[id].url, text: answers[id].title || id }),
        " (missed " + answers[id].wrong + " of " + answers[id].tries + ")"]));
    });
    app.appendChild(list);
  }

  function weakest(app, answers, domains) {
    var tasks = {};
    domains.forEach(function (d) { (d.tasks || []).forEach(function (t) { tasks[t.id] = t; }); });
    var weak = rules.weakestTasks(answers, 5, 3);
    app.appendChild(el("h3", { text: "Weakest task statements" }));
    if (!weak.length) return app.appendChild(el("p", { text: "Answer at least 5 questions of a task statement to see how it stands." }));
    var list = el("ol", { class: "practice-weakest" });
    weak.forEach(function (w) {
      var t = tasks[w.task] || { name: "", url: "" };
      list.appendChild(el("li", {}, [el("a", { href: t.url, text: "Task " + w.task + " " + t.name }),
        ": " + w.right + " of " + w.total + " right at the first answer (" + w.percent + "%)"]));
    });
    app.appendChild(list);
  }

  // How many missed questions wait in the review queue; when each is due is the review page's to
  // say (it loads the scheduler, which this page need not).
  function queueLine(app) {
    var queue = DVA.queue.normal(store.load(store.KEYS.queue, null));
    var waiting = Object.keys(queue.items).length;
    if (!waiting) return;
    app.appendChild(el("p", { class: "practice-queue" }, [
      waiting + (waiting === 1 ? " missed question waits" : " missed questions wait") + " in your review queue until answered right twice: ",
      el("a", { href: app.getAttribute("data-review"), text: "review what is due" }), "."]));
  }

  function io(app, render) {
    var file = el("input", { type: "file", id: "progress-import", accept: "application/json,.json" });
    var note = el("p", { role: "status" });
    file.addEventListener("change", function () {
      var reader = new FileReader();
      reader.onload = function () {
        try {
          store.imported(JSON.parse(reader.result));
          render();
          app.querySelector("[role=status]").textContent = "Progress imported.";
        } catch (e) {
          note.textContent = "Could not import: " + e.message;
        }
      };
      reader.readAsText(file.files[0]);
    });
    app.appendChild(el("div", { class: "practice-io" }, [
      button("Export progress", function () {
        var blob = new Blob([JSON.stringify(store.exported(), null, 1)], { type: "application/json" });
        var a = el("a", { href: URL.createObjectURL(blob), download: "dva-progress.json" });
        document.body.appendChild(a);
        a.click();
        a.remove();
        note.textContent = "Saved dva-progress.json.";
      }),
      el("label", { for: "progress-import", text: "Import progress from a file:" }), file,
      button("Forget all progress", function () {
        if (!confirm("Forget every answer, mock exam and review on this device?")) return;
        store.forget();
        render();
      })
    ]));
    app.appendChild(note);
  }

  DVA.progressPanel = function (app) {
    var domains = JSON.parse(app.getAttribute("data-domains"));
    var exam = JSON.parse(app.getAttribute("data-exam"));
    function render() {
      DVA.dom.empty(app);
      var answers = store.progress().answers;
      app.appendChild(domainTable(domains, answers));
      if (DVA.readiness) DVA.readiness(app, store.load(store.KEYS.mock, {}).attempts || [], exam, domains);
      weakest(app, answers, domains);
      missedList(app, answers);
      queueLine(app);
      io(app, render);
    }
    render();
  };
})(window.DVA = window.DVA || {});
