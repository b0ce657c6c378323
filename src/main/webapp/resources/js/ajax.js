/*
 * Faces ajax without inline event handlers (the console's Content-Security-Policy refuses them). Every <f:ajax> of a
 * page is rendered by com.rollcall.console.PolicyAjaxRenderer as data attributes of its element: data-ajax-event (the
 * behaviour's event: valueChange or action), data-ajax-source, data-ajax-execute and data-ajax-render (client ids).
 * A change of such a field, or a click on such a button, sends the request with Faces' own faces.ajax.request, as
 * the inline handler would have. Listening on the document, it also serves elements an ajax answer re-rendered.
 */
(function () {
  'use strict';

  /*
   * As Faces' own handler does: the element itself is the source (one radio button or checkbox of a group, whose
   * component the server finds by the element's id), and "@this" means the whole component (data-ajax-source).
   */
  function send(element, event) {
    var component = element.getAttribute('data-ajax-source') || element.id;
    faces.ajax.request(element, event, {
      'jakarta.faces.behavior.event': element.getAttribute('data-ajax-event'),
      execute: element.getAttribute('data-ajax-execute').replace('@this', component),
      render: element.getAttribute('data-ajax-render').replace('@this', component)
    });
  }

  function ajaxElement(event, kind) {
    var element = event.target && event.target.closest ? event.target.closest('[data-ajax-event]') : null;
    if (!element) {
      return null;
    }
    var action = element.getAttribute('data-ajax-event') === 'action';
    return (kind === 'action') === action ? element : null;
  }

  document.addEventListener('change', function (event) {
    var element = ajaxElement(event, 'valueChange');
    if (element) {
      send(element, event);
    }
  });

  document.addEventListener('click', function (event) {
    var element = ajaxElement(event, 'action');
    if (element) {
      event.preventDefault();
      send(element, event);
    }
  });
}());
