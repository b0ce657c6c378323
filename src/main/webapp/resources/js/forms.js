/*
 * One submission per click: once a form is on its way, its submit buttons are disabled and a second submit of it
 * (a double-click, Enter pressed twice) is dropped. The server does not rely on this: every create form carries a
 * one-time submission token (com.rollcall.submissions), so a copy that gets through anyway is answered with what the
 * first one did. The buttons are disabled only after the browser has read the form, so the button pressed is still
 * sent; they are enabled again when the page comes back from the browser's history.
 */
(function () {
  'use strict';
  var BUTTONS = 'input[type="submit"], button[type="submit"], button:not([type])';

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.getAttribute('data-submitting') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-submitting', 'true');
    window.setTimeout(function () {
      Array.prototype.forEach.call(form.querySelectorAll(BUTTONS), function (button) {
        if (!button.disabled) {
          button.disabled = true;
          button.setAttribute('data-disabled-on-submit', 'true');
        }
      });
    }, 0);
  });

  window.addEventListener('pageshow', function () {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-submitting]'), function (form) {
      form.removeAttribute('data-submitting');
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-disabled-on-submit]'), function (button) {
      button.disabled = false;
      button.removeAttribute('data-disabled-on-submit');
    });
  });
}());
