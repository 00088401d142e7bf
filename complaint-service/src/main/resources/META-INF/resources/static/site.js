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
