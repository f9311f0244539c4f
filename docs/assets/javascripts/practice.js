// Practice questions, the mock exam and progress, all in the browser (loaded only on practice
// pages: overrides/main.html). Nothing leaves the machine: progress lives in localStorage and can
// be exported and imported as a JSON file. Text from the question bank is set with textContent,
// never parsed as HTML. Without this script every question still shows, with its answer and
// explanations in a closed <details>.
(function () {
  "use strict";

  var STORE = "dva-practice-v1";
  var MOCK = "dva-mock-v1";

  // Storage ------------------------------------------------------------------------------------

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
    var p = load(STORE, {});
    p.answers = p.answers || {};
    return p;
  }

  function record(id, info, right) {
    var p = progress();
    var a = p.answers[id] || { tries: 0, wrong: 0 };
    a.tries += 1;
    if (!right) a.wrong += 1;
    a.last = right;
    a.domain = info.domain;
    a.task = info.task;
    a.title = info.title;
    a.url = info.url;
    a.at = new Date().toISOString();
    p.answers[id] = a;
    save(STORE, p);
  }

  // Small DOM helpers ----------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "class") node.className = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  // `code` in backticks, as the static pages show it.
  function rich(text) {
    var span = el("span");
    String(text).split("`").forEach(function (part, n) {
      span.appendChild(n % 2 ? el("code", { text: part }) : document.createTextNode(part));
    });
    return span;
  }

  function button(label, onClick, cls) {
    var b = el("button", { type: "button", class: "md-button" + (cls ? " " + cls : ""), text: label });
    b.addEventListener("click", onClick);
    return b;
  }

  function sameSet(a, b) {
    return a.length === b.length && a.every(function (x) { return b.indexOf(x) >= 0; });
  }

  function percent(right, total) {
    return total ? Math.round((100 * right) / total) : 0;
  }

  // Practice pages: check each question in place ---------------------------------------------------

  // The page carries its controls already (macros/practice.py), kept invisible until this script
  // runs (`.no-js` in extra.css), so nothing moves when they start working; one listener serves
  // every question.
  function practicePage(sections) {
    var params = new URLSearchParams(location.search);
    var service = params.get("service");
    var task = params.get("task");
    var domain = document.querySelector("[data-practice-domain]");
    var domainId = domain ? domain.getAttribute("data-practice-domain") : "";
    var shown = sections;
    if (service || task) {
      shown = sections.filter(function (s) {
        var match = (!service || s.getAttribute("data-services").split(" ").indexOf(service) >= 0) &&
          (!task || s.getAttribute("data-task") === task);
        s.hidden = !match;
        return match;
      });
      document.querySelectorAll("article h2[id^='task-']").forEach(function (h) {
        var next = h.nextElementSibling, any = false;
        while (next && next.tagName !== "H2") {
          if (next.classList.contains("practice-question") && !next.hidden) any = true;
          next = next.nextElementSibling;
        }
        h.hidden = !any;
      });
      var all = document.querySelector(".practice-all");
      all.href = location.pathname;
      all.hidden = false;
    }
    var status = document.querySelector(".practice-status");
    var oneByOne = document.getElementById("practice-one");
    var nav = document.querySelector(".practice-nav");
    var prev = nav.querySelector("[data-go=prev]");
    var next = nav.querySelector("[data-go=next]");
    var tally = { answered: 0, right: 0 };
    function say() {
      status.textContent = shown.length + " questions" + (service ? " on " + service : "") + (task ? " in task " + task : "") +
        (tally.answered ? " · " + tally.right + " of " + tally.answered + " answered right" : "");
    }
    say();

    var current = 0;
    function go(n) {
      current = Math.max(0, Math.min(shown.length - 1, n));
      shown.forEach(function (s, i) { s.hidden = oneByOne.checked && i !== current; });
      // Previous and Next come right after the question and its explanation, where a reader who
      // has just read the explanation looks for them (on a phone the page's own footer was closer).
      if (oneByOne.checked) shown[current].parentNode.insertBefore(nav, shown[current].nextSibling);
      prev.disabled = current === 0;
      next.disabled = current === shown.length - 1;
      if (oneByOne.checked) {
        var legend = shown[current].querySelector("legend");
        legend.setAttribute("tabindex", "-1");
        legend.focus();
      }
    }
    oneByOne.addEventListener("change", function () {
      nav.hidden = !oneByOne.checked;
      document.querySelectorAll("article h2[id^='task-']").forEach(function (h) { h.classList.toggle("practice-hidden-heading", oneByOne.checked); });
      go(0);
    });
    prev.addEventListener("click", function () { go(current - 1); });
    next.addEventListener("click", function () { go(current + 1); });

    function check(section) {
      var answer = section.getAttribute("data-answer").split("");
      var result = section.querySelector(".practice-result");
      var chosen = Array.prototype.slice.call(section.querySelectorAll("input:checked")).map(function (i) { return i.value; });
      if (!chosen.length) {
        result.textContent = "Choose " + (answer.length > 1 ? answer.length + " options" : "an option") + " first.";
        return;
      }
      var right = sameSet(chosen, answer);
      section.querySelectorAll(".practice-option").forEach(function (option) {
        var input = option.querySelector("input");
        var isAnswer = answer.indexOf(input.value) >= 0;
        option.classList.toggle("is-right", isAnswer);
        option.classList.toggle("is-wrong", input.checked && !isAnswer);
        var mark = option.querySelector(".practice-mark") || option.appendChild(el("span", { class: "practice-mark" }));
        mark.textContent = isAnswer ? (input.checked ? " ✓ right, your choice" : " ✓ right") : (input.checked ? " ✗ your choice" : "");
      });
      section.querySelector("details").open = true;
      result.textContent = (right ? "Right. " : "Not this time: the answer is " + answer.join(" and ") + ". ") +
        "The explanations are below.";
      // Readiness counts the first answer of each attempt: checking again after seeing the answer
      // teaches, but must not turn a miss into a "right at last try".
      if (!section.hasAttribute("data-checked")) {
        tally.answered += 1;
        if (right) tally.right += 1;
        say();
        record(section.getAttribute("data-id"), {
          domain: domainId,
          task: section.getAttribute("data-task"),
          title: section.querySelector(".practice-stem").textContent.slice(0, 140),
          url: location.pathname + "#" + section.id
        }, right);
      }
      section.setAttribute("data-checked", right ? "right" : "wrong");
    }
    document.addEventListener("click", function (event) {
      var target = event.target.closest && event.target.closest(".practice-check");
      if (target) check(target.closest(".practice-question"));
    });
  }

  // The mock exam ---------------------------------------------------------------------------------

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
      .sort(function (a, b) { return b[0] - a[0]; })
      .slice(0, left)
      .forEach(function (r) { counts[r[1]] += 1; });
    return counts;
  }

  // A fixed mock (1 to bank.exam.mocks) is the questions the data gives it, in an order of its own;
  // mock 0 draws from the whole bank in the domain weights.
  function draw(bank, seed, mock) {
    var rnd = random(seed);
    var counts = split(bank.exam.domains, bank.exam.questions);
    var picked = [];
    bank.exam.domains.forEach(function (d, i) {
      var pool = shuffle(bank.questions.filter(function (q) { return q.domain === d.id && (!mock || q.mock === mock); }), rnd);
      picked = picked.concat(pool.slice(0, counts[i]));
    });
    return shuffle(picked, rnd).map(function (q) {
      return { id: q.id, order: shuffle(q.options.map(function (_, n) { return n; }), rnd), chosen: [], flagged: false };
    });
  }

  function scaled(exam, right, total) {
    // A straight line from the lowest to the highest score. AWS scales scores with its own
    // model; this only says how far a result is from the pass mark.
    return Math.round(exam.min + ((exam.max - exam.min) * right) / Math.max(total, 1));
  }

  // The bank is a script of the site (practice/question-bank.js), loaded only when an exam starts or
  // a stored one is shown: the page itself stays light, and a script tag works from file:// too.
  function withBank(app, then) {
    if (window.questionBank) return then(window.questionBank);
    var script = el("script", { src: app.getAttribute("data-bank") });
    script.addEventListener("load", function () { then(window.questionBank); });
    script.addEventListener("error", function () {
      app.appendChild(el("p", { role: "alert", text: "The question bank could not be loaded." }));
    });
    document.head.appendChild(script);
  }

  function mockExam(app) {
    var bank = null;
    var byId = {};
    var letters = "ABCDEFGH";
    var state = load(MOCK, {});
    state.attempts = state.attempts || [];
    var timerHandle = null;

    function persist() { save(MOCK, state); }

    function clear() {
      if (timerHandle) clearInterval(timerHandle);
      timerHandle = null;
      while (app.firstChild) app.removeChild(app.firstChild);
      // The page's introduction is read once, not above every question of an exam under way.
      document.body.classList.toggle("mock-under-way", !!state.current);
    }

    function start() {
      clear();
      var minutes = app.getAttribute("data-minutes");
      var mocks = parseInt(app.getAttribute("data-mocks"), 10) || 0;
      var timed = el("input", { type: "checkbox", id: "mock-timed", checked: "checked" });
      var heading = el("h2", { id: "mock-start", text: "Sit a mock exam" });
      app.appendChild(heading);
      var which = el("select", { id: "mock-which" }, [el("option", { value: "0", text: "A new random draw from the whole bank" })]);
      for (var m = 1; m <= mocks; m++) {
        which.appendChild(el("option", { value: String(m), text: "Mock " + m + (tried(m) ? " (sat before)" : "") }));
      }
      if (mocks) {
        app.appendChild(el("p", {}, [el("label", { for: "mock-which", text: "Exam: " }), which]));
      }
      app.appendChild(el("p", {}, [timed, el("label", { for: "mock-timed", text: " Time me (" + minutes + " minutes; pause allowed)" })]));
      app.appendChild(button("Start the exam", function () {
        withBank(app, function (loaded) {
          bank = loaded;
          bank.questions.forEach(function (q) { byId[q.id] = q; });
          var mock = parseInt(which.value, 10) || 0;
          var seed = parseInt(new URLSearchParams(location.search).get("seed"), 10);
          if (isNaN(seed)) seed = Math.floor(Math.random() * 4294967296);
          state.current = { seed: seed, mock: mock, items: draw(bank, seed, mock), at: 0, timed: timed.checked,
            left: bank.exam.minutes * 60, paused: false, started: new Date().toISOString() };
          persist();
          question(0);
        });
      }, "md-button--primary"));
      attempts();
      heading.setAttribute("tabindex", "-1");
    }

    // Mock 1 to 6 are the same questions each time: "sat before" warns that a second score is
    // partly memory.
    function tried(mock) {
      return state.attempts.some(function (a) { return a.mock === mock; });
    }

    function attempts() {
      if (!state.attempts.length) return;
      app.appendChild(el("h2", { id: "mock-attempts", text: "Earlier attempts" }));
      var rows = state.attempts.slice().reverse().map(function (a) {
        return el("tr", {}, [
          el("td", { text: a.finished.slice(0, 16).replace("T", " ") }),
          el("td", { text: a.mock ? "Mock " + a.mock : "Random draw" }),
          el("td", { text: String(a.score) }),
          el("td", { text: a.score >= parseInt(app.getAttribute("data-passing"), 10) ? "pass" : "below the pass mark" }),
          el("td", { text: a.right + " of " + a.total })
        ]);
      });
      app.appendChild(el("table", { class: "data-table" }, [
        el("thead", {}, [el("tr", {}, ["When", "Exam", "Score", "Result", "Right"].map(function (h) { return el("th", { text: h }); }))]),
        el("tbody", {}, rows)
      ]));
    }

    var WARN_AT = 5 * 60; // seconds left when the page says so once

    function clock(display) {
      var c = state.current;
      function show() {
        var m = Math.floor(c.left / 60), s = c.left % 60;
        display.textContent = (c.paused ? "Paused · " : "") + m + ":" + (s < 10 ? "0" : "") + s + " left";
        var note = app.querySelector(".mock-time-note");
        if (note && c.left <= WARN_AT) note.textContent = "5 minutes or less left: the exam submits itself when the time is up.";
      }
      if (!c.timed) { display.textContent = "Untimed"; return function () {}; }
      show();
      timerHandle = setInterval(function () {
        if (c.paused) return;
        c.left -= 1;
        if (c.left % 15 === 0) persist();
        show();
        if (c.left <= 0) { clearInterval(timerHandle); c.timeUp = true; submit(); }
      }, 1000);
      return show;
    }

    function header(title) {
      var c = state.current;
      var display = el("span", { class: "mock-clock", "aria-live": "off" });
      var bar = el("div", { class: "mock-bar" }, [el("span", { text: title }), display]);
      var show = null;
      if (c.timed) {
        bar.appendChild(button(c.paused ? "Resume" : "Pause", function (e) {
          c.paused = !c.paused;
          e.target.textContent = c.paused ? "Resume" : "Pause";
          persist();
          show();
          paused();
        }));
      }
      app.appendChild(bar);
      app.appendChild(el("p", { class: "mock-time-note", role: "status" }));
      show = clock(display);
    }

    // While the clock is paused the question cannot be answered, as it cannot be read on the real
    // exam's break screen; the clock says "Paused".
    function paused() {
      var stopped = !!(state.current && state.current.paused);
      app.querySelectorAll(".mock-question input, #mock-flag").forEach(function (input) { input.disabled = stopped; });
      app.classList.toggle("mock-is-paused", stopped);
    }

    function question(n) {
      clear();
      var c = state.current;
      c.at = n;
      persist();
      var item = c.items[n];
      var q = byId[item.id];
      var multiple = q.answer.length > 1;
      header("Question " + (n + 1) + " of " + c.items.length);
      var legend = el("legend", { tabindex: "-1" }, [rich(q.stem)]);
      var fieldset = el("fieldset", { class: "mock-question" }, [legend]);
      item.order.forEach(function (original, shown) {
        var id = "mock-option-" + shown;
        var input = el("input", { type: multiple ? "checkbox" : "radio", name: "mock-option", id: id, value: String(original) });
        input.checked = item.chosen.indexOf(original) >= 0;
        input.addEventListener("change", function () {
          item.chosen = Array.prototype.slice.call(fieldset.querySelectorAll("input:checked")).map(function (i) { return parseInt(i.value, 10); });
          persist();
        });
        fieldset.appendChild(el("div", { class: "practice-option" }, [input,
          el("label", { for: id }, [el("span", { class: "practice-letter", text: letters[shown] + ". " }), rich(q.options[original])])]));
      });
      app.appendChild(fieldset);
      // The flag sits in the exam bar, which stays on screen (sticky) with the number and the clock.
      var flag = el("input", { type: "checkbox", id: "mock-flag" });
      flag.checked = item.flagged;
      flag.addEventListener("change", function () { item.flagged = flag.checked; persist(); });
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
      clear();
      var c = state.current;
      header("Review");
      var heading = el("h2", { id: "mock-review", tabindex: "-1", text: "Review before you submit" });
      app.appendChild(heading);
      var unanswered = c.items.filter(function (i) { return !i.chosen.length; }).length;
      var flagged = c.items.filter(function (i) { return i.flagged; }).length;
      app.appendChild(el("p", { text: unanswered + " unanswered, " + flagged + " flagged. Unanswered questions count as wrong." }));
      var list = el("ol", { class: "mock-review-list" });
      c.items.forEach(function (item, n) {
        var label = "Question " + (n + 1) + ": " + (item.chosen.length ? "answered" : "unanswered") + (item.flagged ? ", flagged" : "");
        list.appendChild(el("li", {}, [button(label, function () { question(n); }, item.flagged ? "mock-flagged" : "")]));
      });
      // Submit before the list: a keyboard user need not pass every question to reach it.
      app.appendChild(button("Submit the exam", submit, "md-button--primary"));
      app.appendChild(list);
      heading.focus();
    }

    function mark(c) {
      var total = c.items.length, right = 0, domains = {}, tasks = {};
      c.items.forEach(function (item) {
        var q = byId[item.id];
        var answer = q.answer.map(function (l) { return letters.indexOf(l); });
        var ok = sameSet(item.chosen, answer);
        item.right = ok;
        if (ok) right += 1;
        [[domains, q.domain], [tasks, q.task]].forEach(function (pair) {
          var bucket = pair[0][pair[1]] = pair[0][pair[1]] || { right: 0, total: 0 };
          bucket.total += 1;
          if (ok) bucket.right += 1;
        });
      });
      return { right: right, total: total, score: scaled(bank.exam, right, total), domains: domains, tasks: tasks };
    }

    function submit() {
      var c = state.current;
      var result = mark(c);
      result.finished = new Date().toISOString();
      result.items = c.items;
      result.timeUp = !!c.timeUp;
      state.attempts.push({ finished: result.finished, mock: c.mock || 0, score: result.score, right: result.right,
                            total: result.total, domains: result.domains, tasks: result.tasks });
      state.done = result;
      delete state.current;
      c.items.forEach(function (item) {
        var q = byId[item.id];
        // The bank's links are relative to the mock page; progress is read on other pages.
        var page = new URL(q.page, location.href);
        record(q.id, { domain: q.domain, task: q.task, title: q.stem.slice(0, 140), url: page.pathname + page.hash }, item.right);
      });
      persist();
      results();
    }

    function results() {
      clear();
      var r = state.done;
      var passed = r.score >= bank.exam.passing;
      var heading = el("h2", { id: "mock-result", tabindex: "-1", text: "Your result: " + r.score + " (" + (passed ? "pass" : "below the pass mark of " + bank.exam.passing) + ")" });
      app.appendChild(heading);
      if (r.timeUp) app.appendChild(el("p", { class: "mock-time-up", text: "Time is up: the exam was submitted with the answers given so far." }));
      app.appendChild(el("p", { role: "status", class: "mock-score", text: r.right + " of " + r.total + " right, " +
        percent(r.right, r.total) + "%. Scaled from " + bank.exam.min + " to " + bank.exam.max + " in a straight line, an approximation of AWS's scaled score." }));
      var rows = bank.exam.domains.map(function (d) {
        var b = r.domains[d.id] || { right: 0, total: 0 };
        var weak = b.total && percent(b.right, b.total) < 70;
        var cell = el("td", {}, [weak ? el("a", { href: d.page, text: "Practise", "aria-label": "Practise " + d.name }) : document.createTextNode(weak === false ? "" : "")]);
        return el("tr", { "data-domain": d.id }, [el("td", { text: d.name }), el("td", { text: b.right + " of " + b.total }),
          el("td", { text: percent(b.right, b.total) + "%" }), cell]);
      });
      app.appendChild(el("h3", { text: "By domain" }));
      app.appendChild(el("table", { class: "data-table mock-domains mock-result-table" }, [
        el("thead", {}, [el("tr", {}, ["Domain", "Right", "Score", "Weak area"].map(function (h) { return el("th", { text: h }); }))]),
        el("tbody", {}, rows)]));
      var taskRows = [];
      bank.exam.domains.forEach(function (d) {
        d.tasks.forEach(function (t) {
          var b = r.tasks[t.id];
          if (!b) return;
          var weak = percent(b.right, b.total) < 70;
          taskRows.push(el("tr", { "data-task": t.id }, [el("td", { text: t.id + " " + t.name }), el("td", { text: b.right + " of " + b.total }),
            el("td", {}, [weak ? el("a", { href: d.page + "#task-" + t.id.replace(".", "-"), text: "Practise task " + t.id }) : document.createTextNode("")])]));
        });
      });
      app.appendChild(el("h3", { text: "By task statement" }));
      app.appendChild(el("table", { class: "data-table mock-tasks mock-result-table" }, [
        el("thead", {}, [el("tr", {}, ["Task statement", "Right", "Weak area"].map(function (h) { return el("th", { text: h }); }))]),
        el("tbody", {}, taskRows)]));
      app.appendChild(el("h3", { text: "Every question" }));
      var list = el("ol", { class: "mock-answers" });
      r.items.forEach(function (item) {
        var q = byId[item.id];
        var yours = item.chosen.map(function (n) { return letters[item.order.indexOf(n)]; }).sort().join(", ") || "none";
        var right = q.answer.map(function (l) { return letters[item.order.indexOf(letters.indexOf(l))]; }).sort().join(", ");
        var details = el("details", {}, [el("summary", {}, [el("span", { text: (item.right ? "Right: " : "Wrong: ") }), rich(q.stem)])]);
        var options = el("ul");
        item.order.forEach(function (original, shown) {
          options.appendChild(el("li", {}, [el("strong", { text: letters[shown] + ". " }), rich(q.options[original]), el("br"),
            el("em", { text: (q.answer.indexOf(letters[original]) >= 0 ? "Right: " : "Wrong: ") }), rich(q.why[original])]));
        });
        details.appendChild(el("p", { text: "Your answer: " + yours + ". The answer: " + right + "." }));
        details.appendChild(options);
        var learn = el("p", {}, ["Re-read: "]);
        q.learn.forEach(function (l, i) {
          if (i) learn.appendChild(document.createTextNode(" · "));
          learn.appendChild(el("a", { href: l[1], text: l[0] }));
        });
        details.appendChild(learn);
        list.appendChild(el("li", { "data-right": item.right ? "yes" : "no" }, [details]));
      });
      app.appendChild(list);
      app.appendChild(button("Start a new exam", function () { delete state.done; persist(); start(); }, "md-button--primary"));
      attempts();
      heading.focus();
    }

    if (!state.current && !state.done) return start();
    withBank(app, function (loaded) {
      bank = loaded;
      bank.questions.forEach(function (q) { byId[q.id] = q; });
      if (state.current && state.current.items.some(function (i) { return !byId[i.id]; })) {
        delete state.current;  // the bank changed since this exam was drawn
        persist();
      }
      if (state.current) question(state.current.at || 0);
      else if (state.done && state.done.items.every(function (i) { return byId[i.id]; })) results();
      else start();
    });
  }

  // Progress: readiness per domain, the most missed questions, export and import ------------------

  function progressPanel(app) {
    var domains = JSON.parse(app.getAttribute("data-domains"));
    function render() {
      while (app.firstChild) app.removeChild(app.firstChild);
      var answers = progress().answers;
      var ids = Object.keys(answers);
      var rows = domains.map(function (d) {
        var mine = ids.filter(function (id) { return answers[id].domain === d.id; });
        var right = mine.filter(function (id) { return answers[id].last; }).length;
        return el("tr", {}, [el("td", {}, [el("a", { href: d.url, text: d.name })]), el("td", { text: mine.length + " of " + d.count }),
          el("td", { text: mine.length ? percent(right, mine.length) + "%" : "not started" })]);
      });
      app.appendChild(el("table", { class: "data-table practice-readiness" }, [
        el("thead", {}, [el("tr", {}, ["Domain", "Questions tried", "Right at last try"].map(function (h) { return el("th", { text: h }); }))]),
        el("tbody", {}, rows)]));
      var missed = ids.filter(function (id) { return answers[id].wrong; })
        .sort(function (a, b) { return answers[b].wrong - answers[a].wrong; }).slice(0, 10);
      app.appendChild(el("h3", { text: "Most often missed" }));
      if (!missed.length) app.appendChild(el("p", { text: "Nothing missed yet." }));
      else {
        var list = el("ol");
        missed.forEach(function (id) {
          list.appendChild(el("li", {}, [el("a", { href: answers[id].url, text: answers[id].title || id }),
            " (missed " + answers[id].wrong + " of " + answers[id].tries + ")"]));
        });
        app.appendChild(list);
      }
      var mocks = load(MOCK, {}).attempts || [];
      app.appendChild(el("p", { text: mocks.length ? mocks.length + " mock exams taken; the last scored " + mocks[mocks.length - 1].score + "." : "No mock exam taken yet." }));
      var file = el("input", { type: "file", id: "progress-import", accept: "application/json,.json" });
      var note = el("p", { role: "status" });
      file.addEventListener("change", function () {
        var reader = new FileReader();
        reader.onload = function () {
          try {
            var data = JSON.parse(reader.result);
            if (!data || data.format !== STORE) throw new Error("not a progress file from this site");
            save(STORE, data.practice || {});
            save(MOCK, data.mock || {});
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
          var blob = new Blob([JSON.stringify({ format: STORE, exported: new Date().toISOString(), practice: progress(), mock: load(MOCK, {}) }, null, 1)],
            { type: "application/json" });
          var a = el("a", { href: URL.createObjectURL(blob), download: "dva-progress.json" });
          document.body.appendChild(a);
          a.click();
          a.remove();
          note.textContent = "Saved dva-progress.json.";
        }),
        el("label", { for: "progress-import", text: "Import progress from a file:" }), file,
        button("Forget all progress", function () {
          if (!confirm("Forget every answer and mock exam on this device?")) return;
          localStorage.removeItem(STORE);
          localStorage.removeItem(MOCK);
          render();
        })
      ]));
      app.appendChild(note);
    }
    render();
  }

  function init() {
    var sections = Array.prototype.slice.call(document.querySelectorAll(".practice-question"));
    if (sections.length) practicePage(sections);
    var mock = document.getElementById("mock-app");
    if (mock) {
      document.querySelectorAll(".no-script").forEach(function (n) { n.hidden = true; });
      mockExam(mock);
    }
    var panel = document.getElementById("progress-app");
    if (panel) {
      document.querySelectorAll(".no-script").forEach(function (n) { n.hidden = true; });
      progressPanel(panel);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
