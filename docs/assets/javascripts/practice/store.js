// What this browser remembers, in localStorage (nothing leaves the machine): answers per question
// (dva-practice-v1), mock exams and their attempts (dva-mock-v1), the exam under way on the review
// page (dva-drill-v1) and the review queue (dva-queue-v1). The first two keep their shape from
// before the exam room, so earlier progress still reads.
(function (DVA) {
  "use strict";

  var KEYS = { practice: "dva-practice-v1", mock: "dva-mock-v1", drill: "dva-drill-v1", queue: "dva-queue-v1" };

  function load(key, fallback) {
    try {
      var value = JSON.parse(localStorage.getItem(key));
      return value && typeof value === "object" ? value : fallback;
    } catch (e) {
      return fallback;
    }
  }

  function save(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      // Private mode or a full disk: practice still works, it is just not remembered.
    }
  }

  function progress() {
    var p = load(KEYS.practice, {});
    p.answers = p.answers || {};
    return p;
  }

  // The first answer of an attempt at a question (callers never pass a second): it counts for
  // readiness, and a miss puts the question in the review queue.
  function answered(id, info, right) {
    var now = new Date();
    var p = progress();
    var a = p.answers[id] || { tries: 0, wrong: 0 };
    a.tries += 1;
    if (!right) a.wrong += 1;
    a.last = right;
    a.domain = info.domain;
    a.task = info.task;
    a.title = info.title;
    a.url = info.url;
    a.at = now.toISOString();
    p.answers[id] = a;
    save(KEYS.practice, p);
    save(KEYS.queue, DVA.queue.answer(load(KEYS.queue, null), id, right, now));
  }

  function exported() {
    return { format: KEYS.practice, exported: new Date().toISOString(), practice: progress(),
             mock: load(KEYS.mock, {}), queue: load(KEYS.queue, DVA.queue.empty()) };
  }

  function imported(data) {
    if (!data || data.format !== KEYS.practice) throw new Error("not a progress file from this site");
    save(KEYS.practice, data.practice || {});
    save(KEYS.mock, data.mock || {});
    save(KEYS.queue, data.queue || DVA.queue.empty());
  }

  function forget() {
    Object.keys(KEYS).forEach(function (k) { localStorage.removeItem(KEYS[k]); });
  }

  DVA.store = { KEYS: KEYS, load: load, save: save, progress: progress, answered: answered,
                exported: exported, imported: imported, forget: forget };
})(window.DVA = window.DVA || {});
