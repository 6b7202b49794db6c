// Participant mode: saves each answer the moment it is chosen, so a dropped connection or a
// closed tab loses nothing. Without this script the screen's buttons save the answers instead.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form[data-autosave]");
  if (!form) { return; }
  var token = form.querySelector("input[name=_csrf]").value;
  form.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.name || input.name.indexOf("item-") !== 0) { return; }
    var item = input.name.slice(5);
    var status = document.getElementById("status-" + item);
    var body = new URLSearchParams();
    body.set("_csrf", token);
    body.set("item", item);
    body.set("value", input.value);
    if (status) { status.textContent = form.dataset.saving; }
    fetch("/take/answer", {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) {
      if (response.status === 204) {
        if (status) { status.textContent = form.dataset.saved; }
        form.dataset.lastSaved = item;
        return;
      }
      return response.json().then(function (problem) {
        if (status) { status.textContent = problem.message || form.dataset.notSaved; }
      });
    }).catch(function () {
      if (status) { status.textContent = form.dataset.notSaved; }
    });
  });
});
