// The review page: the questions due in the review queue, or with `?service=ID` every question on
// one service, sat in the exam room (answer as you go, unless chosen otherwise). The scheduler
// (ts-fsrs) loads only when the queue holds something to schedule.
(function (DVA) {
  "use strict";
  var el = DVA.dom.el, rules = DVA.rules;

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function day(date) {
    return date.toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" }) + ", " +
      date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  }

  function startButton(room, label, ids, kind) {
    var modes = DVA.exam.modeChoice("drill-mode", "check");
    room.app.appendChild(modes.node);
    room.app.appendChild(DVA.dom.button(label, function () {
      room.withBank(function (bank) { room.begin(rules.drawIds(bank, room.seed(), ids), modes.value(), kind, 0, 0); });
    }, "md-button--primary"));
  }

  function serviceSet(room, service) {
    room.withBank(function (bank) {
      room.clear();
      var ids = bank.questions.filter(function (q) { return q.services.indexOf(service) >= 0; }).map(function (q) { return q.id; });
      var name = (bank.services || {})[service] || service;
      var heading = el("h2", { id: "drill-start", text: plural(ids.length, "question", "questions") + " on " + name });
      room.app.appendChild(heading);
      if (ids.length) startButton(room, "Start", ids, "service");
      DVA.dom.focus(heading);
    });
  }

  function queueSet(room) {
    var queue = DVA.queue.normal(DVA.store.load(DVA.store.KEYS.queue, null));
    if (!Object.keys(queue.items).length) return showQueue(room, { now: [], later: [], next: null });
    DVA.dom.withScheduler(room.app, function (F) { showQueue(room, DVA.queue.due(queue, new Date(), F)); });
  }

  function showQueue(room, due) {
    room.clear();
    var heading = el("h2", { id: "drill-start", text: plural(due.now.length, "question", "questions") + " due now" });
    room.app.appendChild(heading);
    var later = due.later.length ? plural(due.later.length, "more comes", "more come") + " back later, the next on " + day(due.next) + "." : "";
    room.app.appendChild(el("p", { class: "drill-summary", text: due.now.length || due.later.length ? later :
      "Nothing to review yet: a question you answer wrong, on a practice page or in a mock, comes back here after a while, until you answer it right twice." }));
    if (due.now.length) startButton(room, "Start the " + plural(due.now.length, "question", "questions") + " due", due.now, "queue");
  }

  function start(room) {
    var service = new URLSearchParams(location.search).get("service");
    if (service) serviceSet(room, service);
    else queueSet(room);
  }

  DVA.drillPage = function (app) {
    DVA.exam.room(app, { key: DVA.store.KEYS.drill, start: start, againLabel: "Back to the start", bySource: true }).resume();
  };
})(window.DVA = window.DVA || {});
