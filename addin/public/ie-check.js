/* global window, document, navigator */
// Internet Explorer check, run before the app (plain ES5, no module): old Office on Windows shows add-ins with
// Internet Explorer's engine ("Trident"), which cannot run React 19 or Fluent UI. There the pane shows a message
// pointing to the upload page and the CLI instead, and main.tsx does not start.
(function () {
  var ua = navigator.userAgent || '';
  if (ua.indexOf('Trident/') === -1 && ua.indexOf('MSIE ') === -1) return;
  window.__PHULUC_UNSUPPORTED__ = true;
  var root = document.getElementById('root');
  if (root && root.parentNode) root.parentNode.removeChild(root);
  var message = document.getElementById('unsupported');
  if (message) {
    message.removeAttribute('hidden');
    message.style.display = 'block';
  }
})();
