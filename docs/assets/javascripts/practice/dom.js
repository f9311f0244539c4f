// Small DOM helpers shared by the practice modules (classic scripts sharing window.DVA, because
// ES modules do not load from file://, where the offline copy of the site runs). Text from the
// question bank only ever goes in through textContent.
(function (DVA) {
  "use strict";

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

  function empty(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function table(cls, headings, rows) {
    return el("table", { class: cls }, [
      el("thead", {}, [el("tr", {}, headings.map(function (h) { return el("th", { text: h, scope: "col" }); }))]),
      el("tbody", {}, rows)]);
  }

  // A new screen's heading takes the focus, so a screen reader starts reading there.
  function focus(node) {
    node.setAttribute("tabindex", "-1");
    node.focus();
  }

  // Scripts a page needs only sometimes (the question bank, the scheduler) load when needed: the
  // page stays light, and a script tag, unlike fetch(), works from file:// too.
  function script(src, app, what, then) {
    var tag = el("script", { src: src });
    tag.addEventListener("load", then);
    tag.addEventListener("error", function () {
      app.appendChild(el("p", { role: "alert", text: what + " could not be loaded." }));
    });
    document.head.appendChild(tag);
  }

  function withBank(app, then) {
    if (window.questionBank) return then(window.questionBank);
    script(app.getAttribute("data-bank"), app, "The question bank", function () { then(window.questionBank); });
  }

  // The vendored scheduler, found beside this script whatever the page's depth or URL style.
  function withScheduler(app, then) {
    if (window.FSRS) return then(window.FSRS);
    var self = document.querySelector("script[src$='practice/dom.js']").getAttribute("src");
    script(self.replace(/practice\/dom\.js$/, "vendor/ts-fsrs/index.umd.js"), app, "The review scheduler", function () { then(window.FSRS); });
  }

  DVA.dom = { el: el, rich: rich, button: button, empty: empty, table: table, focus: focus, withBank: withBank, withScheduler: withScheduler };
})(window.DVA = window.DVA || {});
