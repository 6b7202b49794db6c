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
