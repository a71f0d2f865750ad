// A reusable autocomplete combobox (WAI-ARIA Authoring Practices 1.2, "list autocomplete"):
// every <input data-autocomplete="URL"> gets a list of suggestions fetched from URL?q=…,
// which answers {"suggestions": [{"label": …, "url": …, "type": …}]}; choosing one opens its
// URL, or, on an input with data-autocomplete-choose, fires "combobox-choose". Progressive
// enhancement: without this script the input is a plain search field in a plain form.
//
// Keyboard: ↓/↑ move through the suggestions (the input keeps focus; aria-activedescendant
// points at the option), Enter opens the chosen suggestion, Escape closes the list (a second
// Escape clears the field), Tab leaves. Texts come from data attributes on the input, so the
// page's language decides them: data-autocomplete-status ("%(count)s Vorschläge …").
(function () {
  "use strict";

  var DELAY_MS = 150;
  var MIN_CHARS = 2;
  var counter = 0;

  function Combobox(input) {
    counter += 1;
    this.input = input;
    this.url = input.getAttribute("data-autocomplete");
    this.statusText = input.getAttribute("data-autocomplete-status") || "%(count)s";
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.request = 0;

    var id = "combobox-" + counter;
    this.listbox = document.createElement("ul");
    this.listbox.id = id + "-liste";
    this.listbox.className = "combobox-list";
    this.listbox.setAttribute("role", "listbox");
    var label = input.labels && input.labels[0];
    if (label) {
      if (!label.id) {
        label.id = id + "-label";
      }
      this.listbox.setAttribute("aria-labelledby", label.id);
    } else if (input.getAttribute("aria-label")) {
      this.listbox.setAttribute("aria-label", input.getAttribute("aria-label"));
    }
    this.listbox.hidden = true;

    this.status = document.createElement("div");
    this.status.className = "visually-hidden kern-sr-only";
    this.status.setAttribute("role", "status");

    var wrapper = document.createElement("div");
    wrapper.className = "combobox";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    wrapper.appendChild(this.listbox);
    wrapper.appendChild(this.status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.listbox.id);
    input.setAttribute("autocomplete", "off");

    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("keydown", this.onKeydown.bind(this));
    input.addEventListener("blur", this.onBlur.bind(this));
    this.listbox.addEventListener("mousedown", function (event) {
      event.preventDefault(); // keep the focus in the input
    });
    this.listbox.addEventListener("click", this.onClick.bind(this));
  }

  Combobox.prototype.onInput = function () {
    var self = this;
    window.clearTimeout(this.timer);
    var value = this.input.value.trim();
    if (value.length < MIN_CHARS) {
      this.close();
      return;
    }
    this.timer = window.setTimeout(function () {
      self.fetch(value);
    }, DELAY_MS);
  };

  Combobox.prototype.fetch = function (value) {
    var self = this;
    this.request += 1;
    var request = this.request;
    var url = this.url + (this.url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(value);
    window
      .fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (body) {
        if (request === self.request) {
          self.render(body.suggestions || []);
        }
      })
      .catch(function () {
        self.close();
      });
  };

  Combobox.prototype.render = function (items) {
    var self = this;
    this.items = items;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    while (this.listbox.firstChild) {
      this.listbox.removeChild(this.listbox.firstChild);
    }
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = self.listbox.id + "-" + index;
      option.className = "combobox-option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-index", String(index));
      option.textContent = item.label;
      self.listbox.appendChild(option);
    });
    this.status.textContent = this.statusText.replace("%(count)s", String(items.length));
    if (items.length) {
      this.listbox.hidden = false;
      this.input.setAttribute("aria-expanded", "true");
    } else {
      this.close();
    }
  };

  Combobox.prototype.close = function () {
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  };

  Combobox.prototype.isOpen = function () {
    return !this.listbox.hidden;
  };

  Combobox.prototype.highlight = function (index) {
    var options = this.listbox.querySelectorAll("[role=option]");
    if (!options.length) {
      return;
    }
    index = (index + options.length) % options.length;
    for (var i = 0; i < options.length; i += 1) {
      options[i].setAttribute("aria-selected", i === index ? "true" : "false");
    }
    this.active = index;
    this.input.setAttribute("aria-activedescendant", options[index].id);
    options[index].scrollIntoView({ block: "nearest" });
  };

  Combobox.prototype.choose = function (index) {
    var item = this.items[index];
    if (item && this.input.hasAttribute("data-autocomplete-choose")) {
      // A picker (data-autocomplete-choose): the page takes the item, the field is cleared.
      this.input.dispatchEvent(new CustomEvent("combobox-choose", { bubbles: true, detail: item }));
      this.input.value = "";
      this.items = [];
      this.active = -1;
      this.listbox.hidden = true;
      this.input.setAttribute("aria-expanded", "false");
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    if (item && item.url) {
      window.location.assign(item.url);
    }
  };

  Combobox.prototype.onKeydown = function (event) {
    switch (event.key) {
      case "ArrowDown":
        if (!this.isOpen() && this.items.length) {
          this.listbox.hidden = false;
          this.input.setAttribute("aria-expanded", "true");
        }
        if (this.isOpen()) {
          event.preventDefault();
          this.highlight(this.active + 1);
        }
        break;
      case "ArrowUp":
        if (this.isOpen()) {
          event.preventDefault();
          this.highlight(this.active < 0 ? -1 : this.active - 1);
        }
        break;
      case "Enter":
        if (this.isOpen() && this.active >= 0) {
          event.preventDefault();
          this.choose(this.active);
        }
        break;
      case "Escape":
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = "";
        }
        break;
      case "Tab":
        this.close();
        break;
      default:
        break;
    }
  };

  Combobox.prototype.onBlur = function () {
    this.close();
  };

  Combobox.prototype.onClick = function (event) {
    var option = event.target.closest("[role=option]");
    if (option) {
      this.choose(Number(option.getAttribute("data-index")));
    }
  };

  function start() {
    var inputs = document.querySelectorAll("input[data-autocomplete]");
    for (var i = 0; i < inputs.length; i += 1) {
      new Combobox(inputs[i]); // eslint-disable-line no-new
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
