/* Flashcards (pages made by macros/cards.py): study one card at a time, with Leitner boxes kept in
   localStorage. The cards are the page's own list (<li class="flashcard" data-card>), which stays
   on the page as it is; with JavaScript off it is all there is. Keys: Space shows the answer,
   K knew it, A again. Progress is per card id, so a card shares it across every deck it is in. */
(function () {
  "use strict";
  var KEY = "dva-cards-v1";
  var DAYS = [0, 0, 1, 3, 7, 14]; // days until a card in box n is due again
  var TOP = 5;

  function today() {
    var now = new Date();
    return Math.floor((now.getTime() - now.getTimezoneOffset() * 60000) / 86400000);
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(store) {
    try { localStorage.setItem(KEY, JSON.stringify(store)); } catch (e) { /* private mode: this visit only */ }
  }
  function state(store, id) { return store[id] || { box: 1, due: 0 }; }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function summary(root) {
    var store = load(), ids = Object.keys(store), due = 0, day = today();
    ids.forEach(function (id) { if (store[id].due <= day) due += 1; });
    root.querySelector(".flashcard-progress").textContent = ids.length
      ? "In this browser: " + plural(ids.length, "card") + " studied, " + due + " due today."
      : "";
  }

  function deck(root) {
    var items = Array.prototype.slice.call(root.querySelectorAll("li.flashcard"));
    var cards = items.map(function (li) {
      return {
        id: li.getAttribute("data-card"),
        front: li.querySelector("summary"),
        back: li.querySelector(".flashcard-back")
      };
    });
    var status = root.querySelector(".flashcard-progress");
    var prompt = root.querySelector(".flashcard-prompt");
    var answer = root.querySelector(".flashcard-answer");
    var buttons = {};
    Array.prototype.forEach.call(root.querySelectorAll("[data-card-action]"), function (b) {
      buttons[b.getAttribute("data-card-action")] = b;
    });
    var queue = [], current = null, reviewed = 0;

    // Lowest box first, shuffled within a box: a deck no longer opens on the same run of limit
    // cards every time, before any concept card.
    function dueCards(all) {
      var store = load(), day = today();
      return cards.filter(function (c) { return all || state(store, c.id).due <= day; })
        .map(function (c) { return [state(store, c.id).box, Math.random(), c]; })
        .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
        .map(function (entry) { return entry[2]; });
    }
    function counts() {
      var store = load(), boxes = [0, 0, 0, 0, 0, 0];
      cards.forEach(function (c) { boxes[state(store, c.id).box] += 1; });
      return "New or missed: " + boxes[1] + " · learning: " + (boxes[2] + boxes[3]) + " · known: " + (boxes[4] + boxes[5]) + ".";
    }
    function show(focus) {
      current = queue.length ? queue[0] : null;
      answer.hidden = true;
      answer.textContent = "";
      buttons.knew.hidden = buttons.again.hidden = true;
      if (!current) {
        prompt.textContent = reviewed
          ? "Done for today: " + plural(reviewed, "card") + " reviewed. The cards you knew come back when they are due."
          : "Nothing due today in this deck.";
        buttons.flip.hidden = true;
        buttons.restart.hidden = false;
        status.textContent = counts();
        if (focus) buttons.restart.focus();
        return;
      }
      prompt.innerHTML = current.front.innerHTML;
      buttons.flip.hidden = false;
      buttons.restart.hidden = true;
      status.textContent = plural(queue.length, "card") + " to go. " + counts();
      if (focus) buttons.flip.focus();
    }
    // After "Show answer" the focus goes to the answer, not to "Knew it", and taps on the grading
    // buttons count only after a moment: a double tap (or a second Space) cannot grade a card
    // whose answer was never seen.
    var flippedAt = 0, SETTLE_MS = 600;
    function flip() {
      if (!current || !answer.hidden) return;
      answer.innerHTML = current.back.innerHTML;
      answer.hidden = false;
      buttons.flip.hidden = true;
      buttons.knew.hidden = buttons.again.hidden = false;
      answer.setAttribute("tabindex", "-1");
      answer.focus();
      flippedAt = Date.now();
    }
    function rate(knew, tapped) {
      if (!current || answer.hidden) return;
      if (tapped && Date.now() - flippedAt < SETTLE_MS) return;
      var store = load(), s = state(store, current.id);
      var box = knew ? Math.min(TOP, s.box + 1) : 1;
      store[current.id] = { box: box, due: today() + DAYS[box] };
      save(store);
      queue.shift();
      if (!knew) queue.push(current); // missed: again before this session ends
      else reviewed += 1;
      show(true);
    }
    function restart(all) {
      queue = dueCards(all);
      reviewed = 0;
      show(all);
    }

    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-card-action]");
      if (!button) return;
      var action = button.getAttribute("data-card-action");
      if (action === "flip") flip();
      else if (action === "knew") rate(true, true);
      else if (action === "again") rate(false, true);
      else if (action === "restart") restart(true);
      else if (action === "reset") {
        var store = load();
        cards.forEach(function (c) { delete store[c.id]; });
        save(store);
        restart(false);
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable], .md-search")) return;
      var key = event.key.toLowerCase();
      if (key === " " && current && answer.hidden && !(target.closest && target.closest("button, a, summary"))) {
        event.preventDefault();
        flip();
      } else if (key === "k" && current && !answer.hidden) {
        rate(true);
      } else if (key === "a" && current && !answer.hidden) {
        rate(false);
      }
    });
    restart(false);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".flashcards[data-deck]"), deck);
    Array.prototype.forEach.call(document.querySelectorAll("[data-flashcards-summary]"), summary);
    // The study panels work now: show them (extra.css).
    Array.prototype.forEach.call(document.querySelectorAll(".flashcard-study"), function (n) { n.classList.add("is-live"); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
