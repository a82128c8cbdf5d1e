/**
 * The page's script, inline (plain ES5-style JavaScript, no template literals): it reads the JSON
 * the page embeds and builds the page. Lazily, so that a run of 10,000 checks opens at once: groups
 * start closed, a group's rows are built when it opens, 50 at a time, and an exchange when its row's
 * disclosure opens. Results are rows of indexes (see PageResult in html-page-data.ts).
 */
export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('vbem-data').textContent);
  var CHUNK = 50;
  var S = data.statuses;
  var FAILED = S.indexOf('failed'), WARNING = S.indexOf('warning');
  var root = document.getElementById('app');

  function h(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  /** A closed disclosure whose content is built the first time it opens. */
  function lazy(summary, fill) {
    var d = h('details');
    var s = add(d, h('summary'));
    if (typeof summary === 'string') s.textContent = summary; else s.appendChild(summary);
    var filled = false;
    function ensure() { if (!filled) { filled = true; fill(add(d, h('div', 'inner'))); } }
    d.addEventListener('toggle', function () { if (d.open) ensure(); });
    d.openNow = function () { ensure(); d.open = true; };
    return d;
  }

  /** Items built CHUNK at a time, with a button for the next chunk. */
  function chunked(container, items, build) {
    var shown = 0;
    var more = h('button', 'more');
    more.type = 'button';
    function next() {
      var end = Math.min(items.length, shown + CHUNK);
      for (; shown < end; shown++) container.insertBefore(build(items[shown], shown), more);
      if (shown < items.length) more.textContent = 'Show ' + Math.min(CHUNK, items.length - shown) + ' more (' + (items.length - shown) + ' not shown)';
      else more.remove();
    }
    more.addEventListener('click', next);
    container.appendChild(more);
    next();
  }

  function headerTable(pairs) {
    var t = h('table');
    pairs.forEach(function (p) { var tr = add(t, h('tr')); add(tr, h('td', '', p[0] + ':')); add(tr, h('td', '', p[1])); });
    return t;
  }

  /** A body, its marked lines (the paths the message names) highlighted. */
  function bodyBlock(lines, marks) {
    var pre = h('pre');
    var set = {};
    (marks || []).forEach(function (i) { set[i] = true; });
    var plain = [];
    function flush() { if (plain.length) { pre.appendChild(document.createTextNode(plain.join('\\n') + '\\n')); plain = []; } }
    lines.forEach(function (line, i) {
      if (!set[i]) { plain.push(line); return; }
      flush();
      add(pre, h('span', 'hl', line));
      pre.appendChild(document.createTextNode('\\n'));
    });
    flush();
    return pre;
  }

  function exchangeBlock(x, marks) {
    var e = h('div', 'exchange');
    add(e, h('div', 'line', x.request + (x.probe ? '   (probe: ' + x.probe + ')' : '')));
    add(e, headerTable(x.requestHeaders));
    if (x.requestBody) add(e, bodyBlock(x.requestBody));
    if (x.status !== undefined) add(e, h('div', 'line', 'HTTP ' + x.status));
    else add(e, h('div', 'line', 'no response' + (x.error ? ': ' + x.error : '')));
    add(e, headerTable(x.responseHeaders));
    if (x.error && x.status !== undefined) add(e, h('div', 'meta', x.error));
    if (x.bodyNotJudged) add(e, h('div', 'meta', 'body not judged: ' + x.bodyNotJudged));
    if (x.body) add(e, bodyBlock(x.body, marks));
    return e;
  }

  function exchangeOf(r) {
    var x = data.exchanges[r[6]];
    return lazy('Exchange: ' + x.request + (x.status !== undefined ? '  →  ' + x.status : '  →  no response'), function (inner) { inner.appendChild(exchangeBlock(x, r[7])); });
  }

  function resultRow(r) {
    var row = h('div', 'row');
    add(row, h('span', 'status ' + S[r[2]], S[r[2]]));
    add(row, h('span', 'req', r[4]));
    add(row, h('span', 'count', '  · ' + data.checks[r[0]] + ' · ' + data.operations[r[1]] + ' (' + data.targets[r[5]] + ')'));
    add(row, h('div', 'msg', r[3]));
    if (r[6] >= 0) row.appendChild(exchangeOf(r));
    return row;
  }

  /** A warning listed once, with every place it appeared. */
  function findingRow(rs) {
    var row = h('div', 'row');
    add(row, h('span', 'status warning', 'warning'));
    add(row, h('span', '', data.checks[rs[0][0]] + ': ' + rs[0][3]));
    var ops = {};
    rs.forEach(function (r) { var o = data.operations[r[1]]; ops[o] = (ops[o] || 0) + 1; });
    var names = Object.keys(ops).map(function (o) { return o + (ops[o] > 1 ? ' (' + ops[o] + ')' : ''); });
    var where = lazy('Where it appears: ' + plural(rs.length, 'time') + ' in ' + plural(names.length, 'operation') + ': ' + names.slice(0, 6).join(', ') + (names.length > 6 ? ', …' : ''), function (inner) {
      chunked(inner, rs, resultRow);
    });
    where.className = 'where';
    row.appendChild(where);
    return row;
  }

  /** Results in groups (by check or by operation), worst first, each group closed until opened. */
  function groups(results, by, asFindings) {
    var map = {}, order = [];
    results.forEach(function (r) {
      var k = by === 'check' ? data.checks[r[0]] : data.operations[r[1]] + ' (' + data.targets[r[5]] + ')';
      if (!map[k]) { map[k] = []; order.push(k); }
      map[k].push(r);
    });
    function worst(k) { return Math.min.apply(null, map[k].map(function (r) { return r[2]; })); }
    order.sort(function (a, b) { return worst(a) - worst(b) || map[b].length - map[a].length; });
    return order.map(function (k) {
      var rs = map[k];
      var counts = S.map(function () { return 0; });
      rs.forEach(function (r) { counts[r[2]]++; });
      var summary = h('span');
      add(summary, h('b', '', k));
      add(summary, h('span', 'count', '  ' + S.map(function (s, i) { return counts[i] ? counts[i] + ' ' + (s === 'warning' && counts[i] > 1 ? 'warnings' : s) : ''; }).filter(Boolean).join(', ')));
      return lazy(summary, function (inner) {
        if (!asFindings) return chunked(inner, rs.slice().sort(function (a, b) { return a[2] - b[2]; }), resultRow);
        var byMessage = {}, keys = [];
        rs.forEach(function (r) {
          var m = data.checks[r[0]] + '\\u0000' + r[3].replace(/\\[\\d+\\]/g, '[]');
          if (!byMessage[m]) { byMessage[m] = []; keys.push(m); }
          byMessage[m].push(r);
        });
        chunked(inner, keys.map(function (m) { return byMessage[m]; }), findingRow);
      });
    });
  }

  var state = { filter: data.summary.failed > 0 ? 'failed' : data.summary.warnings > 0 ? 'warnings' : 'all', by: 'check' };
  var list;

  function renderResults() {
    list.textContent = '';
    var pick = state.filter === 'failed' ? function (r) { return r[2] === FAILED; } : state.filter === 'warnings' ? function (r) { return r[2] === WARNING; } : function () { return true; };
    var chosen = data.results.filter(pick);
    var title = { failed: 'Failures', warnings: 'Warnings', all: 'All results' }[state.filter];
    add(list, h('h2', '', title + ' by ' + state.by + ' (' + chosen.length + ')'));
    if (chosen.length === 0) { add(list, h('p', 'empty', state.filter === 'all' ? 'No results.' : 'None.')); return; }
    var gs = groups(chosen, state.by, state.filter === 'warnings');
    gs.forEach(function (g) { list.appendChild(g); });
    if (state.filter === 'failed') {
      gs[0].openNow();
      var first = gs[0].querySelector('.row details');
      if (first) first.openNow();
    }
  }

  function radio(bar, name, value, text, checked, onPick) {
    var label = add(bar, h('label'));
    var input = add(label, h('input'));
    input.type = 'radio'; input.name = name; input.value = value; input.checked = checked;
    input.addEventListener('change', function () { if (input.checked) onPick(value); });
    label.appendChild(document.createTextNode(' ' + text));
  }

  // The header: what was judged, the API, the totals, the verdict.
  var sum = data.summary;
  add(root, h('h1', '', 'vbem conformance report'));
  add(root, h('div', 'meta', 'Target: ' + data.target));
  if (data.api) add(root, h('div', 'meta', data.api));
  add(root, h('div', 'meta', 'Started ' + data.startedAt + ', ' + (data.durationMs / 1000).toFixed(1) + ' s; ' + (data.requests || 'no requests')));
  (data.labActions || []).forEach(function (line) { add(root, h('div', 'meta lab', line)); });
  var totals = add(root, h('div', 'totals'));
  [['failed', sum.failed], ['warning', sum.warnings], ['passed', sum.passed], ['skipped', sum.skipped]].forEach(function (t) {
    var box = add(totals, h('div', 'total ' + t[0]));
    box.id = 'total-' + t[0];
    add(box, h('b', '', String(t[1])));
    box.appendChild(document.createTextNode(t[0] === 'warning' ? 'warnings' : t[0]));
  });
  var judged = sum.passed + sum.failed + sum.warnings;
  add(root, h('div', 'verdict ' + (sum.failed > 0 ? 'failed' : 'passed'), sum.failed > 0 ? '✗ ' + sum.failed + ' of ' + judged + ' checks failed' : '✓ All ' + judged + ' checks passed'));

  // Coverage: a closed disclosure per target, the operations listed when opened.
  add(root, h('h2', '', 'Coverage'));
  data.coverage.forEach(function (c) {
    root.appendChild(lazy('Coverage (' + c.target + '): ' + c.line, function (inner) {
      var t = add(inner, h('table', 'coverage'));
      c.operations.forEach(function (o) {
        var tr = add(t, h('tr'));
        add(tr, h('td', 'cov-' + o[1], o[1]));
        add(tr, h('td', '', o[0]));
        add(tr, h('td', 'count', o[2]));
      });
    }));
  });
  if (data.checksLeftOut.length) add(root, h('div', 'meta', 'Checks left out by choice: ' + data.checksLeftOut.join(', ')));

  // The filter and the grouping.
  var bar = add(root, h('div', 'bar'));
  bar.setAttribute('role', 'group');
  add(bar, h('b', '', 'Show:'));
  radio(bar, 'filter', 'failed', 'Failed (' + sum.failed + ')', state.filter === 'failed', function (v) { state.filter = v; renderResults(); });
  radio(bar, 'filter', 'warnings', 'Warnings (' + sum.warnings + ')', state.filter === 'warnings', function (v) { state.filter = v; renderResults(); });
  radio(bar, 'filter', 'all', 'All (' + data.results.length + ')', state.filter === 'all', function (v) { state.filter = v; renderResults(); });
  add(bar, h('b', '', 'Group by:'));
  radio(bar, 'by', 'check', 'check', true, function (v) { state.by = v; renderResults(); });
  radio(bar, 'by', 'operation', 'operation', false, function (v) { state.by = v; renderResults(); });
  list = add(root, h('div'));
  list.id = 'results';
  renderResults();
})();
`;
