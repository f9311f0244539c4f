// Starts what the page holds: a practice set's questions, the mock exam, the review page or the
// progress panel. Without JavaScript each shows its `.no-script` note or its static questions.
(function (DVA) {
  "use strict";

  function hideFallback() {
    document.querySelectorAll(".no-script").forEach(function (n) { n.hidden = true; });
  }

  function init() {
    var sections = Array.prototype.slice.call(document.querySelectorAll(".practice-question"));
    if (sections.length) DVA.practicePage(sections);
    [["mock-app", "mockPage"], ["review-app", "drillPage"], ["progress-app", "progressPanel"]].forEach(function (pair) {
      var app = document.getElementById(pair[0]);
      if (!app) return;
      hideFallback();
      DVA[pair[1]](app);
    });
    // The controls work now: show them (extra.css).
    document.querySelectorAll(".practice-bar, .practice-actions").forEach(function (n) { n.classList.add("is-live"); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(window.DVA = window.DVA || {});
