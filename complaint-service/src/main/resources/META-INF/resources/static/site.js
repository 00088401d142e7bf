// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Show only the fieldsets that apply to the chosen kind (complaint, report or both).
  function applyKind(form) {
    var chosen = form.querySelector("input[name=kind]:checked");
    if (!chosen) {
      return;
    }
    form.querySelectorAll("[data-for-kinds]").forEach(function (part) {
      var kinds = part.getAttribute("data-for-kinds").split(" ");
      part.hidden = kinds.indexOf(chosen.value) < 0;
    });
  }

  function initKinds() {
    document.querySelectorAll("form[data-kind-form]").forEach(function (form) {
      applyKind(form);
      form.querySelectorAll("input[name=kind]").forEach(function (radio) {
        radio.addEventListener("change", function () { applyKind(form); });
      });
    });
  }

  // The receipt's QR code carries the query code after '#', which never reaches a server or a log.
  function fillCodeFromFragment() {
    var field = document.getElementById("queryCode");
    var match = /(?:^#|&)code=([A-Za-z0-9]{4,32})/.exec(window.location.hash);
    if (field && match && !field.value) {
      field.value = match[1];
      history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }

  function initPrint() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // A field checked as it is typed (the credit code): the server's verdict appears beside it, a moment after typing
  // stops. The public pages need nothing more, so they load no library for it.
  function initLiveChecks() {
    document.querySelectorAll("[data-check-url]").forEach(function (field) {
      var target = document.getElementById(field.getAttribute("data-check-target"));
      var timer = null;
      var asked = 0;
      function check() {
        var ask = ++asked;
        var url = field.getAttribute("data-check-url") + "?" + encodeURIComponent(field.name) + "=" +
          encodeURIComponent(field.value);
        fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.text() : ""; })
          .then(function (html) {
            if (ask === asked) {
              target.innerHTML = html;
            }
          })
          .catch(function () { /* the server checks again on submit */ });
      }
      field.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(check, 400);
      });
      field.addEventListener("change", check);
    });
  }

  // A long list (categories, the 112 regions) gets a search box above it: typing narrows the list to the options
  // whose text or group holds the words; one match left is chosen. The list stays the real, keyboard-usable control.
  function initSearchableLists() {
    document.querySelectorAll("select[data-searchable]").forEach(function (select) {
      var box = document.createElement("input");
      box.type = "search";
      box.className = "list-search";
      box.id = select.id + "-search";
      box.setAttribute("aria-label", select.getAttribute("data-search-label"));
      box.setAttribute("aria-controls", select.id);
      box.placeholder = select.getAttribute("data-search-placeholder");
      box.autocomplete = "off";
      select.parentNode.insertBefore(box, select);
      box.addEventListener("input", function () {
        var words = box.value.trim().toLowerCase();
        var shown = [];
        select.querySelectorAll("option").forEach(function (option) {
          if (!option.value) {
            return;
          }
          var group = option.parentNode.tagName === "OPTGROUP" ? option.parentNode.label : "";
          var match = !words || (option.text + " " + group + " " + option.value).toLowerCase().indexOf(words) >= 0;
          option.hidden = !match;
          if (match) {
            shown.push(option);
          }
        });
        select.querySelectorAll("optgroup").forEach(function (group) {
          group.hidden = !Array.prototype.some.call(group.children, function (o) { return !o.hidden; });
        });
        if (shown.length === 1) {
          select.value = shown[0].value;
          select.dispatchEvent(new Event("change", { bubbles: true }));
        }
      });
    });
  }

  // Move focus to an error summary so keyboard and screen-reader users hear what to fix.
  function focusErrors() {
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    initKinds();
    fillCodeFromFragment();
    initPrint();
    initLiveChecks();
    initSearchableLists();
    focusErrors();
  });

  // Console: an expired sign-in answers htmx with 499 instead of a redirect to the login page; reload to sign in.
  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-Requested-With"] = "XMLHttpRequest";
  });
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 499) {
      window.location.reload();
    }
  });
})();
