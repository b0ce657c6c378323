/*
 * Group detail page: while a background remap job runs (the progress panel has data-running="true"), press
 * its "Refresh progress" button — a Faces ajax request that re-renders the panel — once a second. Without
 * JavaScript the button works by hand. Faces queues ajax requests, so a slow answer never overlaps the next.
 */
(function () {
  'use strict';
  window.setInterval(function () {
    var panel = document.getElementById('job-form:job');
    var button = document.getElementById('job-form:refresh');
    if (panel && button && panel.getAttribute('data-running') === 'true') {
      button.click();
    }
  }, 1000);
}());
