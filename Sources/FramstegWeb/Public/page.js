// Every page: a page the browser brings back from its back/forward cache (Back after the device
// was handed to a participant, or after signing out) is asked for again, so the server decides
// what may be shown now.
"use strict";
window.addEventListener("pageshow", function (event) {
  if (event.persisted) { window.location.reload(); }
});
