/*
 * Copy buttons: a button with data-copy="ID" copies the value (or text) of the element ID to the clipboard and
 * says "Copied". The buttons start hidden and are shown here: without JavaScript the page offers the read-only
 * field itself, whose text can be selected and copied by hand. A field with data-select-on-focus selects its whole text
 * when focused.
 */
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('button[data-copy]'), function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = source.value !== undefined ? source.value : source.textContent.trim();
      var done = function () { button.textContent = 'Copied'; };
      var byHand = function () {
        if (source.select) {
          source.focus();
          source.select();
        } else {
          var range = document.createRange();
          range.selectNodeContents(source);
          window.getSelection().removeAllRanges();
          window.getSelection().addRange(range);
        }
        try {
          if (document.execCommand('copy')) {
            done();
          }
        } catch (refused) {
          /* the text stays selected: copy it by hand */
        }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, byHand);
      } else {
        byHand();
      }
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-select-on-focus]'), function (field) {
    field.addEventListener('focus', function () {
      field.select();
    });
  });
}());
