// The running footer of printed sheets: print.css shows var(--print-footer) in the page margin.
// The text (page title, exam code, version) is written into the page at build time. Set just
// before printing: changing a property of the root element restyles the whole page, which is
// work a reader who never prints should not pay for on load.
window.addEventListener("beforeprint", function () {
  var footer = document.querySelector(".print-footer");
  if (footer) {
    document.documentElement.style.setProperty("--print-footer", JSON.stringify(footer.textContent));
  }
});
