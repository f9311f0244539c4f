// The review queue of missed questions: pure (the time is always an argument, `now`), so Node can
// drive it through its intervals with a fixed clock (tests/test_exam_rules.py).
//
// A question enters when its first answer in an attempt (a practice page visit, a mock, a retake)
// is wrong; each later first answer is logged, and the question leaves after two right answers in a
// row (a wrong one starts the count again). When it is due comes from FSRS (ts-fsrs, vendored),
// replaying the log: Again for a wrong answer, Good for a right one. Storing the log rather than
// FSRS's card keeps the stored shape ours, and lets a practice page log an answer without loading
// the scheduler at all.
(function (root) {
  "use strict";

  var RIGHT_TO_LEAVE = 2;
  var KEEP = 20; // answers kept per question: enough to schedule, small in localStorage

  function empty() { return { items: {}, retired: 0 }; }

  function normal(queue) {
    queue = queue && typeof queue === "object" ? queue : empty();
    queue.items = queue.items || {};
    queue.retired = queue.retired || 0;
    return queue;
  }

  // An answer given at `now` (a Date). Returns the queue, changed in place.
  function answer(queue, id, right, now) {
    queue = normal(queue);
    var entry = queue.items[id];
    if (!entry && right) return queue;
    entry = entry || { log: [], streak: 0 };
    entry.log = entry.log.concat([{ at: now.toISOString(), right: !!right }]).slice(-KEEP);
    entry.streak = right ? entry.streak + 1 : 0;
    if (entry.streak >= RIGHT_TO_LEAVE) {
      delete queue.items[id];
      queue.retired += 1;
    } else {
      queue.items[id] = entry;
    }
    return queue;
  }

  function scheduler(F) {
    return F.fsrs(F.generatorParameters({ enable_fuzz: false, enable_short_term: false }));
  }

  // When a question is next due: FSRS's card after every logged answer.
  function dueDate(entry, F, f) {
    f = f || scheduler(F);
    var card = F.createEmptyCard(new Date(entry.log[0].at));
    entry.log.forEach(function (e) {
      card = f.next(card, new Date(e.at), e.right ? F.Rating.Good : F.Rating.Again).card;
    });
    return new Date(card.due);
  }

  // The questions due at `now` (earliest first), those due later, and the next due date.
  function due(queue, now, F) {
    queue = normal(queue);
    var f = scheduler(F);
    var dated = Object.keys(queue.items).map(function (id) { return { id: id, due: dueDate(queue.items[id], F, f) }; })
      .sort(function (a, b) { return a.due - b.due || (a.id < b.id ? -1 : 1); });
    var ready = dated.filter(function (d) { return d.due <= now; });
    var later = dated.filter(function (d) { return d.due > now; });
    return { now: ready.map(function (d) { return d.id; }), later: later.map(function (d) { return d.id; }),
             next: later.length ? later[0].due : null };
  }

  var api = { RIGHT_TO_LEAVE: RIGHT_TO_LEAVE, empty: empty, normal: normal, answer: answer, dueDate: dueDate, due: due };
  if (typeof window !== "undefined") (window.DVA = window.DVA || {}).queue = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})();
