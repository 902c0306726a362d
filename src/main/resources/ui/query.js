// Highlights the editor (CodeMirror, if it loaded), runs its query against /sparql, keeps it in the
// page's URL and shows the answer: a table of bindings, a yes or no, or a table of triples.
(function () {
  var form = document.getElementById('editor');
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  var textarea = form.elements.query;
  var editor = null;

  if (window.CodeMirror) {
    // Tab and Shift-Tab are left to the browser, so a keyboard user can always leave the editor.
    editor = CodeMirror.fromTextArea(textarea, {
      mode: 'application/sparql-query', lineNumbers: true, viewportMargin: Infinity,
      screenReaderLabel: document.getElementById('query-label').textContent,
      extraKeys: {'Tab': false, 'Shift-Tab': false, 'Ctrl-Enter': function () { form.requestSubmit(); }}
    });
    editor.getInputField().setAttribute('aria-describedby', 'query-hint');
    document.getElementById('query-label').addEventListener('click', function () { editor.focus(); });
  }

  function link(iri) {
    var a = document.createElement('a');
    var base = form.dataset.base;
    a.href = iri.indexOf(base + '/') === 0 ? iri.substring(base.length) : iri;
    a.textContent = iri;
    return a;
  }

  function cell(term) {
    var td = document.createElement('td');
    if (!term) { return td; }
    if (term.type === 'uri') {
      td.appendChild(link(term.value));
    } else {
      td.textContent = term.value + (term['xml:lang'] ? ' @' + term['xml:lang'] : '');
    }
    return td;
  }

  function table(vars, rows) {
    var t = document.createElement('table');
    var head = t.createTHead().insertRow();
    vars.forEach(function (v) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = v;
      head.appendChild(th);
    });
    var body = t.createTBody();
    rows.forEach(function (row) {
      var tr = body.insertRow();
      vars.forEach(function (v) { tr.appendChild(cell(row[v])); });
    });
    return t;
  }

  // One N-Triples term as a SPARQL JSON term: an IRI, a blank node or a literal (shown as its text).
  function term(text) {
    if (text.charAt(0) === '<') { return {type: 'uri', value: text.slice(1, -1)}; }
    if (text.charAt(0) === '_') { return {type: 'bnode', value: text}; }
    var end = text.lastIndexOf('"');
    var value = text.substring(1, end).replace(/\\(?:U([0-9A-Fa-f]{8})|u([0-9A-Fa-f]{4})|(.))/g, function (m, big, small, c) {
      return big || small ? String.fromCodePoint(parseInt(big || small, 16)) : ESCAPES[c] || c;
    });
    var rest = text.substring(end + 1);
    return {type: 'literal', value: value, 'xml:lang': rest.charAt(0) === '@' ? rest.substring(1) : undefined};
  }

  var ESCAPES = {t: '\t', b: '\b', n: '\n', r: '\r', f: '\f'};
  var TRIPLE = /^(<[^>]*>|_:\S+)\s+(<[^>]*>)\s+(.+?)\s*\.\s*$/;

  function triples(text) {
    var vars = [form.dataset.subject, form.dataset.predicate, form.dataset.object];
    var rows = [];
    var seen = {};
    text.split('\n').forEach(function (line) {
      var m = TRIPLE.exec(line);
      if (m && !seen[line]) { // a graph is a set: a CONSTRUCT may write a triple more than once
        seen[line] = true;
        var row = {};
        row[vars[0]] = term(m[1]);
        row[vars[1]] = term(m[2]);
        row[vars[2]] = term(m[3]);
        rows.push(row);
      }
    });
    results.appendChild(table(vars, rows));
    status.textContent = rows.length + ' ' + form.dataset.triples;
    return 'graph';
  }

  function failed(response, text) {
    var p = document.createElement('p');
    p.className = 'error';
    p.setAttribute('role', 'alert');
    p.textContent = form.dataset.error + ' (' + response.status + '): ' + text;
    results.appendChild(p);
    status.textContent = '';
    return null;
  }

  // Shows the answer; returns its form (tuple, boolean, graph), or null for an error.
  function show(response, text) {
    results.textContent = '';
    if (!response.ok) { return failed(response, text); }
    if ((response.headers.get('Content-Type') || '').indexOf('n-triples') >= 0) { return triples(text); }
    var json = JSON.parse(text);
    if (typeof json.boolean === 'boolean') {
      status.textContent = String(json.boolean);
      return 'boolean';
    }
    results.appendChild(table(json.head.vars, json.results.bindings));
    status.textContent = json.results.bindings.length + ' ' + form.dataset.rows;
    return 'tuple';
  }

  function offerDownloads(query, shown) {
    document.querySelectorAll('#downloads p').forEach(function (p) {
      if (shown) { p.hidden = p.dataset.form !== shown; }
    });
    document.querySelectorAll('#downloads a').forEach(function (a) {
      a.href = '/sparql?format=' + a.dataset.format + '&query=' + encodeURIComponent(query);
    });
  }

  function run(query) {
    status.textContent = form.dataset.running;
    fetch('/sparql?query=' + encodeURIComponent(query),
        {headers: {'Accept': 'application/sparql-results+json, application/n-triples;q=0.9'}})
      .then(function (r) { return r.text().then(function (t) { offerDownloads(query, show(r, t)); }); })
      .catch(function (e) { status.textContent = form.dataset.error + ': ' + e.message; });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var query = editor ? editor.getValue() : textarea.value;
    var url = new URL(location.href);
    url.searchParams.set('query', query);
    history.replaceState(null, '', url.toString());
    run(query);
  });
  var asked = new URL(location.href).searchParams.get('query');
  if (asked) { run(asked); }
})();
