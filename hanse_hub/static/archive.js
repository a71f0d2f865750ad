// The static archive (hub archive build): says when search cannot work (opened from a file)
// and searches with Pagefind's index in pagefind/ (built beside the pages).
(function () {
  "use strict";
  var fromFile = window.location.protocol === "file:";
  if (fromFile) {
    document.querySelectorAll("[data-archive-file-note]").forEach(function (note) {
      note.hidden = false;
    });
  }
  var form = document.querySelector("[data-archive-search]");
  if (!form) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("archiv-suche-status");
  var list = document.getElementById("archiv-suche-treffer");
  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  if (fromFile) {
    status.textContent = form.dataset.messageFile;
    return;
  }
  if (!query.trim()) {
    return;
  }
  // The archive's root, wherever it is served from: this page is suche/index.html.
  var root = new URL("../", window.location.href);
  function say(template, count) {
    return template.replace("{query}", query).replace("{count}", String(count));
  }
  import(new URL("pagefind/pagefind.js", root).href)
    .then(function (pagefind) {
      return pagefind.options({ baseUrl: root.pathname }).then(function () {
        return pagefind.search(query);
      });
    })
    .then(function (search) {
      return Promise.all(search.results.slice(0, 20).map(function (result) {
        return result.data();
      }));
    })
    .then(function (results) {
      list.replaceChildren();
      results.forEach(function (data) {
        var item = document.createElement("li");
        var heading = document.createElement("h2");
        var link = document.createElement("a");
        link.href = data.url;
        link.textContent = (data.meta && data.meta.title) || data.url;
        heading.appendChild(link);
        var excerpt = document.createElement("p");
        excerpt.innerHTML = data.excerpt; // Pagefind's escaped text with <mark> around hits
        item.append(heading, excerpt);
        list.appendChild(item);
      });
      status.textContent = results.length
        ? say(form.dataset.messageCount, results.length)
        : say(form.dataset.messageNone, 0);
    })
    .catch(function () {
      status.textContent = form.dataset.messageUnavailable;
    });
})();
