// Disclosures that are open on wide screens and collapsed on narrow ones: the header menu and
// the search page's filters (<details data-open-from="48rem">). Without this script the
// stylesheet shows their content on wide screens anyway (::details-content) and <details>
// opens and closes them; the script keeps the `open` state true to what is shown (so assistive
// technology announces it correctly), and Escape closes an open menu, back on its button.
(function () {
  "use strict";

  function setUp(details) {
    var query = window.matchMedia("(min-width: " + details.getAttribute("data-open-from") + ")");
    var summary = details.querySelector("summary");

    function follow() {
      details.open = query.matches;
    }

    follow();
    if (query.addEventListener) {
      query.addEventListener("change", follow);
    }
    details.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && details.open && !query.matches) {
        details.open = false;
        summary.focus();
      }
    });
  }

  var all = document.querySelectorAll("details[data-open-from]");
  for (var i = 0; i < all.length; i += 1) {
    setUp(all[i]);
  }
})();
