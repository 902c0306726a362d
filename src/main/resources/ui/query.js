// Runs the editor's query against /sparql, keeps it in the page's URL, shows the answer as a table.
(function () {
  var form = document.getElementById('editor');
  var status = document.getElementById('status');
  var results = document.getElementById('results');

  function cell(term) {
    var td = document.createElement('td');
    if (!term) { return td; }
    if (term.type === 'uri') {
      var a = document.createElement('a');
      var base = form.dataset.base;
      a.href = term.value.indexOf(base + '/') === 0 ? term.value.substring(base.length) : term.value;
      a.textContent = term.value;
      td.appendChild(a);
    } else {
      td.textContent = term.value + (term['xml:lang'] ? ' @' + term['xml:lang'] : '');
    }
    return td;
  }

  function table(json) {
    var t = document.createElement('table');
    var head = t.createTHead().insertRow();
    json.head.vars.forEach(function (v) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = v;
      head.appendChild(th);
    });
    var body = t.createTBody();
    json.results.bindings.forEach(function (row) {
      var tr = body.insertRow();
      json.head.vars.forEach(function (v) { tr.appendChild(cell(row[v])); });
    });
    return t;
  }

  function show(response, text) {
    results.textContent = '';
    if (!response.ok) {
      var p = document.createElement('p');
      p.className = 'error';
      p.setAttribute('role', 'alert');
      p.textContent = form.dataset.error + ' (' + response.status + '): ' + text;
      results.appendChild(p);
      status.textContent = '';
      return;
    }
    var type = response.headers.get('Content-Type') || '';
    if (type.indexOf('json') < 0) {
      var pre = document.createElement('pre');
      pre.textContent = text;
      results.appendChild(pre);
      status.textContent = '';
      return;
    }
    var json = JSON.parse(text);
    if (typeof json.boolean === 'boolean') {
      status.textContent = String(json.boolean);
      return;
    }
    results.appendChild(table(json));
    status.textContent = json.results.bindings.length + ' ' + form.dataset.rows;
  }

  function run(query) {
    status.textContent = form.dataset.running;
    fetch('/sparql?query=' + encodeURIComponent(query),
        {headers: {'Accept': 'application/sparql-results+json, text/turtle;q=0.9'}})
      .then(function (r) { return r.text().then(function (t) { show(r, t); }); })
      .catch(function (e) { status.textContent = form.dataset.error + ': ' + e.message; });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var query = form.elements.query.value;
    var url = new URL(location.href);
    url.searchParams.set('query', query);
    history.replaceState(null, '', url.toString());
    document.querySelectorAll('#downloads a').forEach(function (a) {
      a.href = '/sparql?format=' + a.dataset.format + '&query=' + encodeURIComponent(query);
    });
    run(query);
  });
  var asked = new URL(location.href).searchParams.get('query');
  if (asked) { run(asked); }
})();
