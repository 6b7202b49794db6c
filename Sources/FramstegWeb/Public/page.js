// Every page: a page the browser brings back from its back/forward cache (Back after the device
// was handed to a participant, or after signing out) is asked for again, so the server decides
// what may be shown now.
"use strict";
window.addEventListener("pageshow", function (event) {
  if (event.persisted) { window.location.reload(); }
});

// A form that came back refused: focus goes to its error summary, so a screen reader reads it
// and the keyboard starts from its links to the fields (without JavaScript it is still at the top
// of the part of the page the form is in).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary[tabindex]");
  if (summary) { summary.focus(); }
});

// A document's print button (no inline script: the policy allows only this file).
document.addEventListener("click", function (event) {
  if (event.target.closest && event.target.closest("[data-print]")) { window.print(); }
});

// A link of the error summary puts the cursor in the field it names, not just the page at it.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest(".error-summary a[href^='#']");
  if (!link) { return; }
  var field = document.getElementById(link.getAttribute("href").slice(1));
  if (!field) { return; }
  event.preventDefault();
  field.scrollIntoView({ block: "center" });
  field.focus();
});

// Nothing typed is lost (WCAG 2.2.1 and the forms of a meeting): while signed in, what is typed in
// a form is kept in this tab's sessionStorage (never on the server) until it is sent; a warning
// comes before an idle session ends, with a way to stay signed in; and a form that comes back
// after signing in again gets what was typed.
(function () {
  var DRAFT = "framsteg-draft:";
  var SENT = "framsteg-draft-sent";
  var store;
  try { store = window.sessionStorage; } catch (error) { return; }
  if (!store) { return; }

  var warning = document.getElementById("idle-warning");
  var sent = store.getItem(SENT);
  store.removeItem(SENT);
  // Signed out (the sign-in pages): a form sent into an ended session keeps its draft; signing
  // out on purpose removes every draft (see the sign-out form below).
  if (!warning) { return; }

  function pageKey() {
    var query = new URLSearchParams(window.location.search);
    query.delete("notice");
    var rest = query.toString();
    return window.location.pathname + (rest ? "?" + rest : "");
  }
  function formKey(form) { return DRAFT + pageKey() + "|" + form.getAttribute("action"); }
  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (element) {
      return element.name && element.name.charAt(0) !== "_" &&
        ["hidden", "password", "submit", "button", "file", "reset"].indexOf(element.type) < 0;
    });
  }
  function isChoice(element) { return element.type === "checkbox" || element.type === "radio"; }
  function changed(element) {
    if (isChoice(element)) { return element.checked !== element.defaultChecked; }
    if (element.tagName === "SELECT") {
      return Array.prototype.some.call(element.options, function (option) { return option.selected !== option.defaultSelected; });
    }
    return element.value !== element.defaultValue;
  }
  function draftForms() {
    return Array.prototype.filter.call(document.querySelectorAll("main form[method=post]"), function (form) {
      return !form.hasAttribute("data-no-draft") && fields(form).length > 0;
    });
  }
  function save(form) {
    var elements = fields(form);
    if (!elements.some(changed)) { store.removeItem(formKey(form)); return; }
    var values = {};
    elements.forEach(function (element) {
      if (isChoice(element)) { values[element.name + "=" + element.value] = element.checked; } else { values[element.name] = element.value; }
    });
    try { store.setItem(formKey(form), JSON.stringify(values)); } catch (error) { /* storage full: nothing to do */ }
  }
  function restore(form) {
    var stored = store.getItem(formKey(form));
    if (!stored) { return; }
    var values;
    try { values = JSON.parse(stored); } catch (error) { store.removeItem(formKey(form)); return; }
    var restored = false;
    fields(form).forEach(function (element) {
      if (isChoice(element)) {
        var key = element.name + "=" + element.value;
        if (key in values && element.checked !== values[key]) { element.checked = values[key]; restored = true; }
      } else if (element.name in values && element.value !== values[element.name]) {
        element.value = values[element.name];
        restored = true;
      }
    });
    if (!restored) { return; }
    var details = form.closest("details");
    if (details) { details.open = true; }
    var note = document.createElement("p");
    note.className = "notice draft-restored";
    note.setAttribute("role", "status");
    note.textContent = document.getElementById("main").getAttribute("data-draft-restored");
    form.parentNode.insertBefore(note, form);
  }

  // What was sent last reached the server (this is a signed-in page, not sign-in): saved, or
  // refused and shown again with what was typed. Either way its draft is done.
  if (sent) { store.removeItem(sent); }
  var refused = document.querySelector(".error-summary");
  draftForms().forEach(function (form) {
    // A refused form already holds what was typed, as the server sent it back.
    if (!refused) { restore(form); }
    form.addEventListener("input", function () { save(form); });
    form.addEventListener("change", function () { save(form); });
    form.addEventListener("submit", function () { save(form); store.setItem(SENT, formKey(form)); });
  });
  var signOut = document.getElementById("sign-out");
  if (signOut && signOut.form) {
    signOut.form.addEventListener("submit", function () {
      Object.keys(store).forEach(function (key) { if (key.indexOf(DRAFT) === 0) { store.removeItem(key); } });
    });
  }

  // The server touches the session at most once a minute, so it may end up to a minute before
  // this page's count says: the warning comes three minutes before, the end one minute before.
  var timers = [];
  function arm() {
    timers.forEach(window.clearTimeout);
    var idle = parseInt(warning.getAttribute("data-idle-seconds"), 10);
    if (!(idle > 0)) { return; }
    timers = [
      window.setTimeout(show, Math.max(0, idle - 180) * 1000),
      window.setTimeout(ended, Math.max(0, idle - 60) * 1000)
    ];
  }
  function show() {
    warning.hidden = false;
    document.getElementById("stay-signed-in").focus();
  }
  function ended() {
    timers.forEach(window.clearTimeout);
    warning.hidden = false;
    document.getElementById("idle-warning-title").textContent = warning.getAttribute("data-ended-title");
    document.getElementById("idle-warning-text").textContent = warning.getAttribute("data-ended-text");
    document.getElementById("stay-signed-in").hidden = true;
    var signIn = document.getElementById("idle-sign-in");
    signIn.href = "/sign-in?expired=1&return=" + encodeURIComponent(pageKey());
    signIn.hidden = false;
    signIn.focus();
  }
  document.getElementById("stay-signed-in").addEventListener("click", function () {
    fetch("/session/keep-alive", { credentials: "same-origin", redirect: "manual", cache: "no-store" }).then(function (response) {
      if (response.status === 204) {
        warning.hidden = true;
        arm();
      } else {
        ended();
      }
    }, ended);
  });
  // For tests and for pages that change the timeout: start counting again from now.
  window.framstegSessionTimer = { restart: arm };
  arm();
})();
