// Practice pages: check each question in place. The page carries its controls already
// (macros/practice.py), kept invisible until main.js marks them `is-live` (extra.css), so
// nothing moves when they start working; one listener serves every question.
(function (DVA) {
  "use strict";
  var el = DVA.dom.el;

  function filter(sections, service, task) {
    var shown = sections.filter(function (s) {
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
    return shown;
  }

  function oneAtATime(shown) {
    var oneByOne = document.getElementById("practice-one");
    var nav = document.querySelector(".practice-nav");
    var prev = nav.querySelector("[data-go=prev]");
    var next = nav.querySelector("[data-go=next]");
    var current = 0;
    function go(n) {
      current = Math.max(0, Math.min(shown.length - 1, n));
      shown.forEach(function (s, i) { s.hidden = oneByOne.checked && i !== current; });
      // Previous and Next come right after the question and its explanation, where a reader who
      // has just read the explanation looks for them (on a phone the page's own footer was closer).
      if (oneByOne.checked) shown[current].parentNode.insertBefore(nav, shown[current].nextSibling);
      prev.disabled = current === 0;
      next.disabled = current === shown.length - 1;
      if (oneByOne.checked) DVA.dom.focus(shown[current].querySelector("legend"));
    }
    oneByOne.addEventListener("change", function () {
      nav.hidden = !oneByOne.checked;
      document.querySelectorAll("article h2[id^='task-']").forEach(function (h) { h.classList.toggle("practice-hidden-heading", oneByOne.checked); });
      go(0);
    });
    prev.addEventListener("click", function () { go(current - 1); });
    next.addEventListener("click", function () { go(current + 1); });
  }

  function showMarks(section, answer) {
    section.querySelectorAll(".practice-option").forEach(function (option) {
      var input = option.querySelector("input");
      var isAnswer = answer.indexOf(input.value) >= 0;
      option.classList.toggle("is-right", isAnswer);
      option.classList.toggle("is-wrong", input.checked && !isAnswer);
      var mark = option.querySelector(".practice-mark") || option.appendChild(el("span", { class: "practice-mark" }));
      mark.textContent = isAnswer ? (input.checked ? " ✓ right, your choice" : " ✓ right") : (input.checked ? " ✗ your choice" : "");
    });
  }

  function practicePage(sections) {
    var params = new URLSearchParams(location.search);
    var service = params.get("service");
    var task = params.get("task");
    var domain = document.querySelector("[data-practice-domain]");
    var domainId = domain ? domain.getAttribute("data-practice-domain") : "";
    var shown = service || task ? filter(sections, service, task) : sections;
    var status = document.querySelector(".practice-status");
    var tally = { answered: 0, right: 0 };
    var names = {};
    try { names = JSON.parse(status.getAttribute("data-service-names")) || {}; } catch (e) { /* the id will do */ }
    var serviceName = names[service] || service;
    function say() {
      status.textContent = shown.length + " questions" + (service ? " on " + serviceName : "") + (task ? " in task " + task : "") +
        (tally.answered ? " · " + tally.right + " of " + tally.answered + " answered right" : "");
    }
    say();
    oneAtATime(shown);

    function check(section) {
      var answer = section.getAttribute("data-answer").split("");
      var result = section.querySelector(".practice-result");
      var chosen = Array.prototype.slice.call(section.querySelectorAll("input:checked")).map(function (i) { return i.value; });
      if (!chosen.length) {
        result.textContent = "Choose " + (answer.length > 1 ? answer.length + " options" : "an option") + " first.";
        return;
      }
      var right = DVA.rules.sameSet(chosen, answer);
      showMarks(section, answer);
      section.querySelector("details").open = true;
      result.textContent = (right ? "Right. " : "Not this time: the answer is " + answer.join(" and ") + ". ") +
        "The explanations are below.";
      // Readiness counts the first answer of each attempt: checking again after seeing the answer
      // teaches, but must not turn a miss into a "right at last try".
      if (!section.hasAttribute("data-checked")) {
        tally.answered += 1;
        if (right) tally.right += 1;
        say();
        DVA.store.answered(section.getAttribute("data-id"), {
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

  DVA.practicePage = practicePage;
})(window.DVA = window.DVA || {});
