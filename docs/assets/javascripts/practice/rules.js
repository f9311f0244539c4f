// The rules of drawing, marking and readiness: pure functions (no DOM, no clock; the time comes in
// as an argument), so Node can test them without a page (tests/test_exam_rules.py).
(function (root) {
  "use strict";

  var LETTERS = "ABCDEFGH";
  // A full mock is the exam's length; shorter draws (?questions=N, retakes, drills) are practice.
  var READY_SCORE = 800;

  // A seeded generator, so that ?seed=N draws the same exam twice (for tests and for sharing).
  function random(seed) {
    var s = seed >>> 0;
    return function () {
      s = (s + 0x6d2b79f5) >>> 0;
      var t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffle(items, rnd) {
    var a = items.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(rnd() * (i + 1));
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  // How many questions each domain gets: its weight of the total, largest remainders first.
  function split(domains, total) {
    var exact = domains.map(function (d) { return (total * d.weight) / 100; });
    var counts = exact.map(Math.floor);
    var left = total - counts.reduce(function (a, b) { return a + b; }, 0);
    exact.map(function (x, i) { return [x - Math.floor(x), i]; })
      .sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; })
      .slice(0, left)
      .forEach(function (r) { counts[r[1]] += 1; });
    return counts;
  }

  function item(q, rnd) {
    return { id: q.id, order: shuffle(q.options.map(function (_, n) { return n; }), rnd), chosen: [], flagged: false };
  }

  // A fixed mock (1 to bank.exam.mocks) is the questions the data gives it, in an order of its own;
  // mock 0 draws from the whole bank in the domain weights. `size` draws fewer in the same weights.
  function draw(bank, seed, mock, size) {
    var rnd = random(seed);
    var counts = split(bank.exam.domains, size || bank.exam.questions);
    var picked = [];
    bank.exam.domains.forEach(function (d, i) {
      var pool = shuffle(bank.questions.filter(function (q) { return q.domain === d.id && (!mock || q.mock === mock); }), rnd);
      picked = picked.concat(pool.slice(0, counts[i]));
    });
    return shuffle(picked, rnd).map(function (q) { return item(q, rnd); });
  }

  // A set of named questions (a retake, the review queue, a service's questions), shuffled.
  function drawIds(bank, seed, ids) {
    var rnd = random(seed);
    var wanted = {};
    ids.forEach(function (id) { wanted[id] = true; });
    return shuffle(bank.questions.filter(function (q) { return wanted[q.id]; }), rnd).map(function (q) { return item(q, rnd); });
  }

  function scaled(exam, right, total) {
    // A straight line from the lowest to the highest score. AWS scales scores with its own
    // model; this only says how far a result is from the pass mark.
    return Math.round(exam.min + ((exam.max - exam.min) * right) / Math.max(total, 1));
  }

  function sameSet(a, b) {
    return a.length === b.length && a.every(function (x) { return b.indexOf(x) >= 0; });
  }

  function percent(right, total) {
    return total ? Math.round((100 * right) / total) : 0;
  }

  // As on the exam, a multiple-response question counts only when every right option, and no
  // other, is chosen: no part marks. `chosen` holds the options' positions in the bank.
  function isRight(q, chosen) {
    return sameSet(chosen, q.answer.map(function (l) { return LETTERS.indexOf(l); }));
  }

  function mark(bank, items) {
    var byId = {};
    bank.questions.forEach(function (q) { byId[q.id] = q; });
    var right = 0, domains = {}, tasks = {};
    items.forEach(function (it) {
      var q = byId[it.id];
      var ok = isRight(q, it.chosen);
      it.right = ok;
      if (ok) right += 1;
      [[domains, q.domain], [tasks, q.task]].forEach(function (pair) {
        var bucket = pair[0][pair[1]] = pair[0][pair[1]] || { right: 0, total: 0 };
        bucket.total += 1;
        if (ok) bucket.right += 1;
      });
    });
    return { right: right, total: items.length, score: scaled(bank.exam, right, items.length), domains: domains, tasks: tasks };
  }

  // Only a full-length first sitting says how an unseen exam would go: a re-sat fixed mock is
  // partly memory, and retakes and short drills hold chosen or few questions.
  function counts(attempt, length) {
    return (attempt.kind || "mock") === "mock" && attempt.total === length && !attempt.resat;
  }

  function verdict(attempts, length, passing) {
    var counted = attempts.filter(function (a) { return counts(a, length); });
    var last = counted[counted.length - 1];
    if (!last) return { level: "none", text: "Not yet known: sit a full mock exam for a first reading." };
    var three = counted.slice(-3);
    if (three.length === 3 && three.every(function (a) { return a.score >= READY_SCORE; })) {
      return { level: "ready", text: "Ready: your last three mocks scored " + READY_SCORE + " or more." };
    }
    if (last.score >= passing) {
      return { level: "nearly", text: "Nearly: your last mock passed with " + last.score + "; aim for three in a row at " + READY_SCORE + " or more." };
    }
    return { level: "not-yet", text: "Not yet: your last mock scored " + last.score + ", below the pass mark of " + passing + "." };
  }

  // Task statements with the lowest share right (the first answer of each attempt, as stored),
  // among those with at least `least` questions answered; lowest first.
  function weakestTasks(answers, least, howMany) {
    var tasks = {};
    Object.keys(answers).forEach(function (id) {
      var a = answers[id];
      if (!a.task) return;
      var t = tasks[a.task] = tasks[a.task] || { task: a.task, right: 0, total: 0 };
      t.total += 1;
      if (a.last) t.right += 1;
    });
    return Object.keys(tasks).map(function (k) { return tasks[k]; })
      .filter(function (t) { return t.total >= least; })
      .map(function (t) { t.percent = percent(t.right, t.total); return t; })
      .sort(function (a, b) { return a.percent - b.percent || (a.task < b.task ? -1 : 1); })
      .slice(0, howMany);
  }

  // The review's filter: "all", "wrong", "flagged", "domain:ID" or "task:ID".
  function filterItems(items, byId, filter) {
    var kind = filter.split(":")[0], value = filter.slice(kind.length + 1);
    return items.filter(function (it) {
      if (kind === "wrong") return !it.right;
      if (kind === "flagged") return !!it.flagged;
      if (kind === "domain") return byId[it.id].domain === value;
      if (kind === "task") return byId[it.id].task === value;
      return true;
    });
  }

  function clock(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    return (h ? h + ":" + (m < 10 ? "0" : "") : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  var api = { LETTERS: LETTERS, READY_SCORE: READY_SCORE, random: random, shuffle: shuffle, split: split, draw: draw,
              drawIds: drawIds, scaled: scaled, sameSet: sameSet, percent: percent, isRight: isRight, mark: mark,
              counts: counts, verdict: verdict, weakestTasks: weakestTasks, filterItems: filterItems, clock: clock };
  if (typeof window !== "undefined") (window.DVA = window.DVA || {}).rules = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})();
