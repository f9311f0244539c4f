// The exam room: sitting an exam in one of three modes, the review before submitting, the result
// with its filterable review and a retake of what was missed. Used by the mock exam page and by the
// review page (the review queue, a service's questions), each with its own stored state.
(function (DVA) {
  "use strict";
  var el = DVA.dom.el, rich = DVA.dom.rich, button = DVA.dom.button, rules = DVA.rules, LETTERS = rules.LETTERS;

  var MODES = [
    { id: "timed", label: "Timed, answers at the end (as on exam day)" },
    { id: "untimed", label: "Untimed, answers at the end" },
    { id: "check", label: "Answer as you go (each answer shown as you give it)" }
  ];
  var WARN_AT = 5 * 60; // seconds left when the page says so once

  function modeName(id) {
    return (MODES.filter(function (m) { return m.id === id; })[0] || MODES[0]).label;
  }

  // A radio group of the three modes; `value()` reads the choice.
  function modeChoice(name, chosen) {
    var group = el("fieldset", { class: "mock-modes" }, [el("legend", { text: "How to sit it" })]);
    MODES.forEach(function (m) {
      var id = name + "-" + m.id;
      var input = el("input", { type: "radio", name: name, id: id, value: m.id });
      input.checked = m.id === chosen;
      group.appendChild(el("div", {}, [input, el("label", { for: id, text: " " + m.label })]));
    });
    return { node: group, value: function () { return group.querySelector("input:checked").value; } };
  }

  function room(app, config) {
    var r = { app: app, bank: null, byId: {}, navOpen: false };
    var state = DVA.store.load(config.key, {});
    state.attempts = state.attempts || [];
    r.state = state;
    var timerHandle = null;

    function persist() { DVA.store.save(config.key, state); }
    r.persist = persist;

    r.clear = function () {
      if (timerHandle) clearInterval(timerHandle);
      timerHandle = null;
      DVA.dom.empty(app);
      // The page's introduction is read once, not above every question of an exam under way.
      document.body.classList.toggle("mock-under-way", !!state.current);
    };

    r.withBank = function (then) {
      DVA.dom.withBank(app, function (bank) {
        r.bank = bank;
        bank.questions.forEach(function (q) { r.byId[q.id] = q; });
        then(bank);
      });
    };

    function seedOf() {
      var seed = parseInt(new URLSearchParams(location.search).get("seed"), 10);
      return isNaN(seed) ? Math.floor(Math.random() * 4294967296) : seed;
    }
    r.seed = seedOf;

    // Starts an exam of `items` (from rules.draw or rules.drawIds). A shorter exam gets its share of
    // the exam's time.
    r.begin = function (items, mode, kind, mock, seed) {
      var exam = r.bank.exam;
      state.current = { seed: seed, mock: mock || 0, kind: kind, items: items, at: 0, mode: mode, timed: mode === "timed",
        left: Math.round((exam.minutes * 60 * items.length) / exam.questions), spent: 0, paused: false,
        started: new Date().toISOString(), source: location.search };
      delete state.done;
      persist();
      question(0);
    };

    function modeOf(c) { return c.mode || (c.timed ? "timed" : "untimed"); }

    function clock(display) {
      var c = state.current;
      c.spent = c.spent || 0;
      function show() {
        var timed = modeOf(c) === "timed";
        display.textContent = (c.paused ? "Paused · " : "") + rules.clock(timed ? c.left : c.spent) + (timed ? " left" : " taken");
        var note = app.querySelector(".mock-time-note");
        if (timed && note && c.left <= WARN_AT) note.textContent = "5 minutes or less left: the exam submits itself when the time is up.";
      }
      show();
      timerHandle = setInterval(function () {
        if (c.paused) return;
        c.spent += 1;
        if (modeOf(c) === "timed") c.left -= 1;
        if (c.spent % 15 === 0) persist();
        show();
        if (modeOf(c) === "timed" && c.left <= 0) { clearInterval(timerHandle); c.timeUp = true; submit(); }
      }, 1000);
      return show;
    }

    // While the clock is paused the question cannot be answered, as it cannot be read on the real
    // exam's break screen; the clock says "Paused".
    function paused() {
      var stopped = !!(state.current && state.current.paused);
      app.querySelectorAll(".mock-question input:not([data-locked]), #mock-flag, .mock-check button:not([data-locked])").forEach(function (input) { input.disabled = stopped; });
      app.classList.toggle("mock-is-paused", stopped);
    }

    // The bar stays on screen (sticky, under the site's header): question number, clock, Pause
    // where timed, the navigator's toggle and (on a question) the flag.
    function header(title, current) {
      var c = state.current;
      var display = el("span", { class: "mock-clock", "aria-live": "off" });
      var bar = el("div", { class: "mock-bar" }, [el("span", { class: "mock-number", text: title }), display]);
      var show = null;
      if (modeOf(c) === "timed") {
        bar.appendChild(button(c.paused ? "Resume" : "Pause", function (e) {
          c.paused = !c.paused;
          e.target.textContent = c.paused ? "Resume" : "Pause";
          persist();
          show();
          paused();
        }));
      }
      var panel = el("div", { class: "mock-nav-panel", id: "mock-nav-panel" });
      var toggle = el("button", { type: "button", class: "md-button mock-nav-toggle", "aria-controls": "mock-nav-panel",
                                  "aria-expanded": String(r.navOpen), text: "Questions" });
      function render() {
        DVA.dom.empty(panel);
        panel.hidden = !r.navOpen;
        toggle.setAttribute("aria-expanded", String(r.navOpen));
        if (r.navOpen) panel.appendChild(DVA.review.navigator(c.items, { current: current, pick: function (n) { r.navOpen = false; question(n); } }));
      }
      toggle.addEventListener("click", function () {
        r.navOpen = !r.navOpen;
        render();
        var here = panel.querySelector("[aria-current]") || panel.querySelector("button");
        if (here) here.focus();
      });
      bar.appendChild(toggle);
      app.appendChild(bar);
      app.appendChild(panel);
      app.appendChild(el("p", { class: "mock-time-note", role: "status" }));
      show = clock(display);
      render();
      r.refreshNav = render;
    }

    function option(fieldset, item, q, original, shown, multiple) {
      var id = "mock-option-" + shown;
      var input = el("input", { type: multiple ? "checkbox" : "radio", name: "mock-option", id: id, value: String(original) });
      input.checked = item.chosen.indexOf(original) >= 0;
      input.addEventListener("change", function () {
        item.chosen = Array.prototype.slice.call(fieldset.querySelectorAll("input:checked")).map(function (i) { return parseInt(i.value, 10); });
        persist();
        r.refreshNav();
      });
      return el("div", { class: "practice-option", "data-option": String(original) }, [input,
        el("label", { for: id }, [el("span", { class: "practice-letter", text: LETTERS[shown] + ". " }), rich(q.options[original])])]);
    }

    // Answer as you go: the first check locks the options and shows the marks and explanations; that
    // first answer is the one the result counts.
    function checked(fieldset, item, q, result, explain) {
      var answer = q.answer.map(function (l) { return LETTERS.indexOf(l); });
      item.right = rules.isRight(q, item.chosen);
      fieldset.querySelectorAll(".practice-option").forEach(function (opt) {
        var original = parseInt(opt.getAttribute("data-option"), 10);
        var input = opt.querySelector("input");
        input.disabled = true;
        input.setAttribute("data-locked", "");
        var isAnswer = answer.indexOf(original) >= 0;
        opt.classList.toggle("is-right", isAnswer);
        opt.classList.toggle("is-wrong", input.checked && !isAnswer);
        opt.appendChild(el("span", { class: "practice-mark", text: isAnswer ? (input.checked ? " ✓ right, your choice" : " ✓ right") : (input.checked ? " ✗ your choice" : "") }));
      });
      result.textContent = item.right ? "Right." : "Not this time: the answer is " +
        answer.map(function (n) { return LETTERS[item.order.indexOf(n)]; }).sort().join(" and ") + ".";
      item.order.forEach(function (original, shown) {
        explain.appendChild(el("li", {}, [el("strong", { text: LETTERS[shown] + " " }),
          el("span", { text: "(" + (answer.indexOf(original) >= 0 ? "right" : "wrong") + "): " }), rich(q.why[original])]));
      });
      explain.hidden = false;
    }

    function checkButton(fieldset, item, q) {
      var result = el("p", { class: "practice-result", role: "status" });
      var explain = el("ul", { class: "mock-explain", hidden: "hidden" });
      var check = button("Check answer", function () {
        if (!item.chosen.length) { result.textContent = "Choose " + (q.answer.length > 1 ? q.answer.length + " options" : "an option") + " first."; return; }
        item.checked = true;
        check.disabled = true;
        check.setAttribute("data-locked", "");
        persist();
        checked(fieldset, item, q, result, explain);
      });
      var box = el("div", { class: "mock-check" }, [check, result]);
      if (item.checked) { check.disabled = true; check.setAttribute("data-locked", ""); checked(fieldset, item, q, result, explain); }
      return [box, explain];
    }

    function question(n) {
      r.clear();
      var c = state.current;
      c.at = n;
      persist();
      var item = c.items[n];
      var q = r.byId[item.id];
      header("Question " + (n + 1) + " of " + c.items.length, n);
      var legend = el("legend", { tabindex: "-1" }, [rich(q.stem)]);
      var fieldset = el("fieldset", { class: "mock-question" }, [legend]);
      item.order.forEach(function (original, shown) { fieldset.appendChild(option(fieldset, item, q, original, shown, q.answer.length > 1)); });
      app.appendChild(fieldset);
      if (modeOf(c) === "check") checkButton(fieldset, item, q).forEach(function (node) { app.appendChild(node); });
      var flag = el("input", { type: "checkbox", id: "mock-flag" });
      flag.checked = item.flagged;
      flag.addEventListener("change", function () { item.flagged = flag.checked; persist(); r.refreshNav(); });
      app.querySelector(".mock-bar").appendChild(el("span", { class: "mock-flag" }, [flag, el("label", { for: "mock-flag", text: " Flag" })]));
      var prev = button("Previous", function () { question(n - 1); });
      prev.disabled = n === 0;
      var actions = el("div", { class: "mock-actions" }, [prev]);
      if (n < c.items.length - 1) actions.appendChild(button("Next", function () { question(n + 1); }, "md-button--primary"));
      actions.appendChild(button("Review answers", review));
      app.appendChild(actions);
      paused();
      legend.focus();
    }

    function review() {
      r.clear();
      var c = state.current;
      r.navOpen = false;
      header("Review", -1);
      var heading = el("h2", { id: "mock-review", tabindex: "-1", text: "Review before you submit" });
      app.appendChild(heading);
      var unanswered = c.items.filter(function (i) { return !i.chosen.length; }).length;
      var flagged = c.items.filter(function (i) { return i.flagged; }).length;
      app.appendChild(el("p", { text: unanswered + " unanswered, " + flagged + " flagged. Unanswered questions count as wrong." }));
      // Submit before the list: a keyboard user need not pass every question to reach it.
      app.appendChild(button("Submit the exam", submit, "md-button--primary"));
      app.appendChild(DVA.review.navigator(c.items, { pick: question }));
      heading.focus();
    }

    function submit() {
      var c = state.current;
      var result = rules.mark(r.bank, c.items);
      var kind = c.kind || "mock";
      result.finished = new Date().toISOString();
      result.items = c.items;
      result.timeUp = !!c.timeUp;
      result.mode = modeOf(c);
      result.seconds = c.spent || 0;
      result.kind = kind;
      // A fixed mock sat before is partly memory: kept and shown, but not counted for readiness.
      var resat = kind === "mock" && !!c.mock && state.attempts.some(function (a) { return (a.kind || "mock") === "mock" && a.mock === c.mock; });
      state.attempts.push({ finished: result.finished, mock: c.mock || 0, kind: kind, score: result.score, right: result.right,
                            total: result.total, domains: result.domains, tasks: result.tasks, mode: result.mode,
                            seconds: result.seconds, resat: resat });
      state.done = result;
      delete state.current;
      c.items.forEach(function (item) {
        var q = r.byId[item.id];
        // The bank's links are relative to this page; progress is read on other pages.
        var page = new URL(q.page, location.href);
        DVA.store.answered(q.id, { domain: q.domain, task: q.task, title: q.stem.slice(0, 140), url: page.pathname + page.hash }, item.right);
      });
      persist();
      results();
    }

    function retake(missed) {
      var box = el("div", { class: "mock-retake" }, [el("h3", { id: "mock-retake", text: "Retake what you missed" })]);
      var modes = modeChoice("mock-retake-mode", "check");
      box.appendChild(modes.node);
      box.appendChild(button("Retake the " + missed.length + (missed.length === 1 ? " question" : " questions") + " you missed", function () {
        r.begin(rules.drawIds(r.bank, r.seed(), missed), modes.value(), "retake", 0, 0);
      }, "md-button--primary"));
      return box;
    }

    function resultTables(res) {
      var rows = r.bank.exam.domains.map(function (d) {
        var b = res.domains[d.id] || { right: 0, total: 0 };
        var weak = b.total && rules.percent(b.right, b.total) < 70;
        var cell = el("td", {}, weak ? [el("a", { href: d.page, text: "Practise", "aria-label": "Practise " + d.name })] : []);
        return el("tr", { "data-domain": d.id }, [el("td", { text: d.name }), el("td", { text: b.right + " of " + b.total }),
          el("td", { text: rules.percent(b.right, b.total) + "%" }), cell]);
      });
      app.appendChild(el("h3", { text: "By domain" }));
      app.appendChild(DVA.dom.table("data-table mock-domains mock-result-table", ["Domain", "Right", "Score", "Weak area"], rows));
      var taskRows = [];
      r.bank.exam.domains.forEach(function (d) {
        d.tasks.forEach(function (t) {
          var b = res.tasks[t.id];
          if (!b) return;
          var weak = rules.percent(b.right, b.total) < 70;
          taskRows.push(el("tr", { "data-task": t.id }, [el("td", { text: t.id + " " + t.name }), el("td", { text: b.right + " of " + b.total }),
            el("td", {}, weak ? [el("a", { href: d.page + "#task-" + t.id.replace(".", "-"), text: "Practise task " + t.id })] : [])]));
        });
      });
      app.appendChild(el("h3", { text: "By task statement" }));
      app.appendChild(DVA.dom.table("data-table mock-tasks mock-result-table", ["Task statement", "Right", "Weak area"], taskRows));
    }

    function results() {
      r.clear();
      var res = state.done, exam = r.bank.exam;
      var passed = res.score >= exam.passing;
      var heading = el("h2", { id: "mock-result", tabindex: "-1", text: "Your result: " + res.score + " (" + (passed ? "pass" : "below the pass mark of " + exam.passing) + ")" });
      app.appendChild(heading);
      app.appendChild(el("p", { class: "mock-verdict" }, [
        el("span", { class: "mock-badge " + (passed ? "is-pass" : "is-fail"), text: passed ? "✓ Pass" : "✗ Below the pass mark" }),
        " Time taken: " + rules.clock(res.seconds || 0) + " · " + modeName(res.mode || "timed")]));
      if (res.timeUp) app.appendChild(el("p", { class: "mock-time-up", text: "Time is up: the exam was submitted with the answers given so far." }));
      app.appendChild(el("p", { role: "status", class: "mock-score", text: res.right + " of " + res.total + " right, " +
        rules.percent(res.right, res.total) + "%. Scaled from " + exam.min + " to " + exam.max + " in a straight line, an approximation of AWS's scaled score." }));
      var missed = res.items.filter(function (it) { return !it.right; }).map(function (it) { return it.id; });
      if (missed.length) app.appendChild(retake(missed));
      resultTables(res);
      DVA.review.reviewList(app, r.bank, r.byId, res.items);
      app.appendChild(button(config.againLabel || "Start a new exam", function () { delete state.done; persist(); config.start(r); }, "md-button--primary"));
      if (config.attempts) config.attempts(r);
      heading.focus();
    }

    // Where a reload left off: an exam under way, a result, or the start.
    r.resume = function () {
      if (!config.keepResult) delete state.done;
      // On the review page the address says what to review: a set begun from another address
      // (the queue, another service) gives way to it.
      if (config.bySource && state.current && state.current.source !== location.search) delete state.current;
      if (!state.current && !state.done) return config.start(r);
      r.withBank(function () {
        if (state.current && state.current.items.some(function (i) { return !r.byId[i.id]; })) {
          delete state.current;  // the bank changed since this exam was drawn
          persist();
        }
        if (state.current) question(state.current.at || 0);
        else if (state.done && state.done.items.every(function (i) { return r.byId[i.id]; })) results();
        else config.start(r);
      });
    };
    return r;
  }

  DVA.exam = { MODES: MODES, modeName: modeName, modeChoice: modeChoice, room: room };
})(window.DVA = window.DVA || {});
