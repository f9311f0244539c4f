// The hosted site offline: register the service worker that finish/serviceworker.py wrote (the
// template adds this script only where there is one), say quietly in the footer when the site is
// available offline, and offer a newer build with a Reload button instead of swapping pages under
// the reader. Nothing happens from file:// or in browsers without service workers.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var workerUrl = script.getAttribute("data-sw");

  function status(text) {
    var line = document.querySelector(".offline-status");
    if (!line) {
      var footer = document.querySelector(".md-footer-meta__inner") || document.body;
      line = document.createElement("p");
      line.className = "offline-status";
      line.setAttribute("role", "status");
      footer.appendChild(line);
    }
    line.textContent = text;
  }

  var reloadAsked = false;
  function offer(worker) {
    if (document.querySelector(".offline-update")) return;
    var bar = document.createElement("div");
    bar.className = "offline-update";
    bar.setAttribute("role", "alert");
    var text = document.createElement("span");
    text.textContent = "A newer version of these notes is ready.";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = "Reload";
    button.addEventListener("click", function () {
      reloadAsked = true;
      worker.postMessage({ type: "SKIP_WAITING" });
    });
    bar.appendChild(text);
    bar.appendChild(button);
    document.body.appendChild(bar);
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloadAsked) location.reload();
  });

  window.addEventListener("load", function () {
    navigator.serviceWorker.register(workerUrl).then(function (registration) {
      function watch(worker) {
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
          if (worker.state === "activated" && !reloadAsked) status("Available offline");
        });
      }
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      if (registration.installing) watch(registration.installing);
      registration.addEventListener("updatefound", function () { watch(registration.installing); });
      if (registration.active && !registration.installing && !registration.waiting) status("Available offline");
    }).catch(function () { /* no worker: the site still works online */ });
  });
})();
