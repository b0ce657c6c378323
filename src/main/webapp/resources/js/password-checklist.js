/*
 * The invitation page's password checklist: while the password is typed, each rule of the list #password-rules is
 * marked met or not. It mirrors com.rollcall.people.PasswordPolicy (whose words, numbers and well-known passwords the
 * page hands over as data attributes); the server's rule decides, this only helps while typing.
 */
(function () {
  'use strict';
  var list = document.getElementById('password-rules');
  if (!list) {
    return;
  }
  var input = document.getElementById(list.getAttribute('data-password'));
  var min = parseInt(list.getAttribute('data-min'), 10);
  var passphrase = parseInt(list.getAttribute('data-passphrase'), 10);
  var common = {};
  list.getAttribute('data-common').split(' ').forEach(function (word) {
    if (word) {
      common[word] = true;
    }
  });
  var name = (list.getAttribute('data-login') || '').toLowerCase().split('@')[0].replace(/[^a-z0-9]/g, '');

  /** Like Java's Character tests, one UTF-16 unit at a time (a surrogate counts as a symbol, as there). */
  function classes(password) {
    var lower = false;
    var upper = false;
    var digit = false;
    var other = false;
    for (var i = 0; i < password.length; i++) {
      var c = password.charAt(i);
      var surrogate = c >= '\uD800' && c <= '\uDFFF';
      if (!surrogate && /\p{Lowercase}/u.test(c)) {
        lower = true;
      } else if (!surrogate && /\p{Uppercase}/u.test(c)) {
        upper = true;
      } else if (!surrogate && /\p{Nd}/u.test(c)) {
        digit = true;
      } else {
        other = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }

  function distinct(password) {
    var seen = {};
    var count = 0;
    for (var i = 0; i < password.length; i++) {
      if (!seen[password.charAt(i)]) {
        seen[password.charAt(i)] = true;
        count++;
      }
    }
    return count;
  }

  function wellKnown(password) {
    var lower = password.toLowerCase();
    var core = lower.replace(/[^a-z]/g, '');
    var trimmed = lower.replace(/[^a-z@0-9]+$/, '').replace(/[0-9!@#$%^&*.]+$/, '');
    return common[lower] === true || common[trimmed] === true || (core.length >= 4 && common[core] === true);
  }

  /** Which rules the password meets, by key (as PasswordPolicy.problems would not list them). */
  function met(password) {
    var lower = password.toLowerCase();
    return {
      length: password.length >= min,
      classes: password.length >= passphrase || classes(password) >= 3,
      repeat: distinct(password) >= 5,
      common: !wellKnown(password),
      name: !(name.length >= 4 && lower.replace(/[^a-z0-9]/g, '').indexOf(name) >= 0)
    };
  }

  function update() {
    var password = input.value;
    var state = met(password);
    Array.prototype.forEach.call(list.querySelectorAll('li[data-rule]'), function (item) {
      var ok = state[item.getAttribute('data-rule')];
      item.className = password === '' ? '' : ok ? 'met' : 'unmet';
      item.querySelector('.state').textContent = password === '' ? '' : ok ? 'Done: ' : 'Not yet: ';
    });
  }

  input.addEventListener('input', update);
  update();
}());
