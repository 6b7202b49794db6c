// Participant mode: saves each answer the moment it is chosen, so a dropped connection or a
// closed tab loses nothing. Without this script the screen's buttons save the answers instead.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form[data-autosave]");
  if (!form) { return; }
  var token = form.querySelector("input[name=_csrf]").value;
  // How far the participant has come moves as each new answer is saved, not only on the next screen.
  var answered = Number(form.dataset.answered || 0);
  var seen = {};
  form.querySelectorAll("input[name^='item-']:checked").forEach(function (input) { seen[input.name] = true; });
  function countAnswer(name) {
    if (seen[name]) { return; }
    seen[name] = true;
    answered += 1;
    var text = (form.dataset.answeredOf || "").replace("{n}", String(answered)).replace("{m}", form.dataset.total || "");
    var label = document.getElementById("answered-of");
    var bar = document.getElementById("answered-bar");
    if (label) { label.textContent = text; }
    if (bar) { bar.value = answered; bar.setAttribute("aria-label", text); bar.textContent = text; }
  }
  // One save at a time: a survey's draft comes back in each answer's cookie, so two saves in
  // flight would each write a draft without the other's answer.
  var saving = Promise.resolve();
  var pending = 0;
  function settled() { pending -= 1; }
  function enqueue(save) {
    pending += 1;
    var result = saving.then(save);
    saving = result.then(settled, settled);
    return result;
  }
  // Going on waits for the saves in flight, so the screen's own post carries their draft.
  form.addEventListener("submit", function (event) {
    if (pending === 0) { return; }
    event.preventDefault();
    var submitter = event.submitter;
    saving.then(function () {
      if (submitter && submitter.name) {
        var chosen = document.createElement("input");
        chosen.type = "hidden";
        chosen.name = submitter.name;
        chosen.value = submitter.value;
        form.appendChild(chosen);
      }
      form.submit();
    });
  });
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
    enqueue(function () {
      return fetch("/take/answer", {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" }
      });
    }).then(function (response) {
      if (response.status === 204) {
        if (status) { status.textContent = form.dataset.saved; }
        form.dataset.lastSaved = item;
        countAnswer(input.name);
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
