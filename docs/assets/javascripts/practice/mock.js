// The mock exam page: choose an exam (a fixed mock or a random draw) and a mode, and see earlier
// attempts. `?seed=N` draws the same exam again; `?questions=N` draws N questions in the exam's
// weights (a quick drill, and short exams for the tests).
(function (DVA) {
  "use strict";
  var el = DVA.dom.el, rules = DVA.rules;

  function size() {
    var n = parseInt(new URLSearchParams(location.search).get("questions"), 10);
    return n > 0 ? n : 0;
  }

  function attempts(room) {
    var list = room.state.attempts;
    if (!list.length) return;
    var passing = parseInt(room.app.getAttribute("data-passing"), 10);
    room.app.appendChild(el("h2", { id: "mock-attempts", text: "Earlier attempts" }));
    var rows = list.slice().reverse().map(function (a) {
      var what = (a.kind || "mock") === "retake" ? "Retake of missed questions" : (a.mock ? "Mock " + a.mock : "Random draw") + (a.resat ? " (sat before)" : "");
      return el("tr", {}, [
        el("td", { text: a.finished.slice(0, 16).replace("T", " ") }),
        el("td", { text: what }),
        el("td", { text: String(a.score) }),
        el("td", { text: a.score >= passing ? "pass" : "below the pass mark" }),
        el("td", { text: a.right + " of " + a.total }),
        el("td", { text: a.seconds === undefined ? "" : rules.clock(a.seconds) })
      ]);
    });
    room.app.appendChild(DVA.dom.table("data-table", ["When", "Exam", "Score", "Result", "Right", "Time"], rows));
  }

  // Mock 1 to 6 are the same questions each time: "sat before" warns that a second score is
  // partly memory.
  function tried(room, mock) {
    return room.state.attempts.some(function (a) { return (a.kind || "mock") === "mock" && a.mock === mock; });
  }

  function start(room) {
    room.clear();
    var app = room.app;
    var minutes = app.getAttribute("data-minutes");
    var mocks = parseInt(app.getAttribute("data-mocks"), 10) || 0;
    var heading = el("h2", { id: "mock-start", text: "Sit a mock exam" });
    app.appendChild(heading);
    var which = el("select", { id: "mock-which" }, [el("option", { value: "0", text: "A new random draw from the whole bank" })]);
    for (var m = 1; m <= mocks; m++) {
      which.appendChild(el("option", { value: String(m), text: "Mock " + m + (tried(room, m) ? " (sat before)" : "") }));
    }
    if (mocks) app.appendChild(el("p", {}, [el("label", { for: "mock-which", text: "Exam: " }), which]));
    if (size()) app.appendChild(el("p", { text: "A short exam of " + size() + " questions in the exam's weights (from the address's ?questions=)." }));
    var modes = DVA.exam.modeChoice("mock-mode", "timed");
    app.appendChild(modes.node);
    app.appendChild(el("p", { class: "mock-mode-note", text: "Timed: " + minutes + " minutes for the whole exam, with a pause allowed." }));
    app.appendChild(DVA.dom.button("Start the exam", function () {
      room.withBank(function (bank) {
        var mock = parseInt(which.value, 10) || 0;
        var seed = room.seed();
        room.begin(rules.draw(bank, seed, mock, size()), modes.value(), "mock", mock, seed);
      });
    }, "md-button--primary"));
    attempts(room);
    heading.setAttribute("tabindex", "-1");
  }

  DVA.mockPage = function (app) {
    DVA.exam.room(app, { key: DVA.store.KEYS.mock, start: start, attempts: attempts, keepResult: true }).resume();
  };
})(window.DVA = window.DVA || {});
