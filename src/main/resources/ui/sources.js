// The operator's actions on the Sources page. The token stays in this tab's sessionStorage only.
(function () {
  var panel = document.getElementById('operator');
  var status = document.getElementById('operator-status');
  var input = document.getElementById('token');
  var KEY = 'dpg-operator-token';

  function token() { return sessionStorage.getItem(KEY); }

  function showButtons() {
    document.querySelectorAll('.operator').forEach(function (p) { p.hidden = !token(); });
  }

  function say(text) { status.textContent = text; }

  function call(method, path, body) {
    var headers = {'Authorization': 'Bearer ' + token()};
    if (body) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, {method: method, headers: headers, body: body ? JSON.stringify(body) : undefined})
      .then(function (r) {
        return r.text().then(function (text) {
          var json = text ? JSON.parse(text) : null;
          if (!r.ok) { throw new Error(r.status + ': ' + (json && json.detail ? json.detail : text)); }
          return json;
        });
      });
  }

  function done() { say(panel.dataset.done); location.reload(); }

  function fail(e) { say(e.message); }

  panel.hidden = false;
  showButtons();
  document.getElementById('token-save').addEventListener('click', function () {
    sessionStorage.setItem(KEY, input.value.trim());
    input.value = '';
    showButtons();
    say(panel.dataset.saved);
  });
  document.getElementById('token-forget').addEventListener('click', function () {
    sessionStorage.removeItem(KEY);
    showButtons();
  });
  var form = document.getElementById('register');
  // Every setting of a source is in the form, so that an edit (a PUT, which replaces them all) keeps
  // those it does not change.
  var FIELDS = ['id', 'title', 'url', 'format', 'schedule', 'country', 'query'];
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = {enabled: form.elements.enabled.checked};
    FIELDS.forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) { body[name] = value; }
    });
    var editing = form.elements.id.readOnly;
    call(editing ? 'PUT' : 'POST', editing ? '/api/sources/' + body.id : '/api/sources', body).then(done, fail);
  });

  // Edit: the register form takes the source's settings and, on submit, replaces them.
  function edit(button) {
    FIELDS.forEach(function (name) {
      form.elements[name].value = name === 'id' ? button.dataset.source : button.dataset[name];
    });
    form.elements.enabled.checked = button.dataset.enabled === 'true';
    form.elements.id.readOnly = true;
    form.elements.title.focus();
    say(button.textContent + ': ' + button.dataset.source);
  }
  document.querySelectorAll('button[data-action]').forEach(function (button) {
    button.addEventListener('click', function () {
      var id = button.dataset.source;
      if (button.dataset.action === 'edit') {
        edit(button);
        return;
      }
      if (button.dataset.action === 'delete') {
        if (!confirm(panel.dataset.confirm + ' ' + id)) { return; }
        call('DELETE', '/api/sources/' + id).then(done, fail);
        return;
      }
      say('…');
      call('POST', '/api/sources/' + id + '/harvest')
        .then(function (run) { return call('GET', '/api/runs/' + run.id + '?wait=PT1M'); })
        .then(done, fail);
    });
  });
})();
