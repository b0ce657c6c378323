/*
 * Group detail page: while a background remap job runs (the progress panel has data-running="true"), press
 * its "Refresh progress" button (a Faces ajax request that re-renders the panel) once a second. Without
 * JavaScript the button still works by hand.
 */
(function () {
  'use strict';
  var busy = false;
  function tick() {
    var panel = document.getElementById('job-form:job');
    var button = document.getElementById('job-form:refresh');
    if (!panel || panel.getAttribute('data-running') !== 'true' || !button || busy || !window.faces) {
      return;
    }
    busy = true;
    faces.ajax.request(button, null, {
      execute: 'job-form:refresh', render: 'job-form',
      onevent: function (data) { if (data.status === 'success') { busy = false; } },
      onerror: function () { busy = false; }
    });
  }
  window.setInterval(tick, 1000);
}());
