// Instrument administration: a chosen definition file is read into the text field, to be checked
// and previewed like pasted text. Without this script the field is filled by pasting.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var picker = document.getElementById("definition-file");
  var field = document.getElementById("definition");
  if (!picker || !field) { return; }
  picker.hidden = false;
  document.getElementById("definition-upload").addEventListener("change", function (event) {
    var file = event.target.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () { field.value = reader.result; };
    reader.readAsText(file, "utf-8");
  });
});
