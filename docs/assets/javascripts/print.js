// The running footer of printed sheets: print.css shows var(--print-footer) in the page margin.
// The text (page title, exam code, version) is written into the page at build time.
(function () {
  var footer = document.querySelector(".print-footer");
  if (footer) {
    document.documentElement.style.setProperty("--print-footer", JSON.stringify(footer.textContent));
  }
})();
