/*
 * Every console page (the template loads it): the small-screen menu and the labels of stacked table cells.
 * - Menu: at narrow widths the navigation folds behind a "Menu" button (aria-expanded); without JavaScript the
 *   button stays hidden and the navigation simply wraps onto several lines.
 * - Tables: each cell of a .table gets data-label from its column's header (unless it has one), which
 *   console.css shows before the cell when narrow windows stack a row's cells.
 */
(function () {
  'use strict';
  var toggle = document.getElementById('menu-toggle');
  var bar = document.querySelector('header.topbar');
  if (toggle && bar) {
    bar.classList.add('js-menu');
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var open = bar.classList.toggle('menu-open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && bar.classList.contains('menu-open')) {
        bar.classList.remove('menu-open');
        toggle.setAttribute('aria-expanded', 'false');
        toggle.focus();
      }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.table'), function (table) {
    var heads = table.querySelectorAll('thead th');
    if (!heads.length) {
      return;
    }
    var labels = Array.prototype.map.call(heads, function (th) { return th.textContent.trim(); });
    Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (!cell.hasAttribute('data-label') && labels[i] !== undefined) {
          cell.setAttribute('data-label', labels[i]);
        }
      });
    });
  });
}());
