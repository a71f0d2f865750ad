// Editing forms: a live Markdown preview and focus on the error summary.
// Everything works without this script: "Vorschau" then reloads the page with the preview.
(function () {
  "use strict";

  function focusErrors() {
    var summary = document.getElementById("fehler");
    if (summary) {
      summary.focus();
    }
  }

  function labelOf(field) {
    var label = document.querySelector('label[for="' + field.id + '"]');
    return label ? label.textContent.replace(/\s*\(Pflichtangabe\)\s*$/, "").trim() : field.name;
  }

  function renderPreview(region, parts) {
    var body = region.querySelector(".preview-body");
    while (body.firstChild) {
      body.removeChild(body.firstChild);
    }
    if (parts.length === 0) {
      var empty = document.createElement("p");
      empty.className = "muted";
      empty.textContent = "Noch kein Text, der angezeigt werden könnte.";
      body.appendChild(empty);
    }
    parts.forEach(function (part) {
      var section = document.createElement("section");
      section.className = "field";
      var heading = document.createElement("h3");
      heading.textContent = part.label;
      var prose = document.createElement("div");
      prose.className = "prose";
      // Sanitised on the server by the same function that renders the entry page.
      prose.innerHTML = part.html;
      section.appendChild(heading);
      section.appendChild(prose);
      body.appendChild(section);
    });
    region.hidden = false;
    region.focus();
  }

  function requestPreview(url, token, text) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "X-CSRFToken": token
      },
      body: JSON.stringify({ text: text })
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("preview failed: " + response.status);
      }
      return response.json();
    });
  }

  // After a failed save, the errors shown describe the input as it was sent. A field changed
  // since then no longer has that error for sure: on a preview, its message, its red frame and
  // its line in the summary go (the server checks again on saving). The summary goes with its
  // last line.
  function rememberErrors(form) {
    var remembered = [];
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid="true"]'), function (field) {
      remembered.push({ field: field, value: field.value });
    });
    return remembered;
  }

  function clearStaleErrors(remembered) {
    var summary = document.getElementById("fehler");
    remembered.forEach(function (item) {
      var field = item.field;
      if (field.getAttribute("aria-invalid") !== "true" || field.value === item.value) {
        return;
      }
      field.removeAttribute("aria-invalid");
      field.className = field.className.replace(/\s*kern-form-input__(input|select)--error/, "");
      var message = document.getElementById(field.id + "-error");
      if (message) {
        message.parentNode.removeChild(message);
      }
      var wrapper = field.closest(".kern-form-input--error");
      if (wrapper) {
        wrapper.classList.remove("kern-form-input--error");
      }
      var describedBy = (field.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && id !== field.id + "-error";
      });
      if (describedBy.length) {
        field.setAttribute("aria-describedby", describedBy.join(" "));
      } else {
        field.removeAttribute("aria-describedby");
      }
      if (summary) {
        var link = summary.querySelector('a[href="#' + field.id + '"]');
        if (link && link.parentNode) {
          link.parentNode.parentNode.removeChild(link.parentNode);
        }
      }
    });
    if (summary && !summary.querySelector("li")) {
      summary.parentNode.removeChild(summary);
    }
  }

  function enhancePreview(form) {
    var url = form.getAttribute("data-preview-url");
    var region = document.getElementById("vorschau");
    var tokenField = form.querySelector('input[name="csrf_token"]');
    if (!url || !region || !tokenField || !window.fetch) {
      return;
    }
    var fallback = false;
    var remembered = rememberErrors(form);
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (fallback || !submitter || submitter.name !== "preview") {
        return;
      }
      event.preventDefault();
      var fields = Array.prototype.slice.call(form.querySelectorAll("textarea[data-markdown]"));
      var filled = fields.filter(function (field) { return field.value.trim() !== ""; });
      Promise.all(filled.map(function (field) {
        return requestPreview(url, tokenField.value, field.value).then(function (data) {
          return { label: labelOf(field), html: data.html };
        });
      })).then(function (parts) {
        clearStaleErrors(remembered);
        renderPreview(region, parts);
      }).catch(function () {
        // Without the endpoint the form still works: let the browser send it.
        fallback = true;
        if (form.requestSubmit) {
          form.requestSubmit(submitter);
        } else {
          submitter.click();
        }
      });
    });
  }

  // The people picker: a person chosen in the combobox is ticked among the checkboxes of the
  // field named by data-autocomplete-choose (added there when the search found them only now).
  function addPerson(event) {
    var input = event.target;
    var name = input.getAttribute("data-autocomplete-choose");
    var item = event.detail;
    var body = document.querySelector('[data-people-field="' + name + '"]');
    if (!name || !item || !body) {
      return;
    }
    var value = String(item.id);
    var box = body.querySelector('input[type="checkbox"][value="' + value + '"]');
    if (!box) {
      var empty = body.querySelector("p.muted");
      if (empty) {
        body.removeChild(empty);
      }
      var row = document.createElement("div");
      row.className = "kern-form-check";
      box = document.createElement("input");
      box.type = "checkbox";
      box.className = "kern-form-check__checkbox";
      box.name = name;
      box.value = value;
      box.id = name + "-neu-" + value;
      var label = document.createElement("label");
      label.className = "kern-label";
      label.htmlFor = box.id;
      label.textContent = item.label;
      row.appendChild(box);
      row.appendChild(label);
      body.appendChild(row);
    }
    box.checked = true;
    box.focus();
  }

  document.addEventListener("combobox-choose", addPerson);

  document.addEventListener("DOMContentLoaded", function () {
    focusErrors();
    Array.prototype.forEach.call(document.querySelectorAll("form[data-preview-url]"), enhancePreview);
  });
})();
