// The T1/T2 retrospectives (A4) from GET /api/insights/retrospectives, newest first. The filters live in the page's
// address, so a list can be bookmarked and shared; each case links to the auditors' case file. No external libraries.
'use strict';

(() => {
  const form = document.getElementById('filters');
  const rows = document.querySelector('#results tbody');
  const summary = document.getElementById('summary');
  const FIELDS = ['from', 'to', 'cause', 'training'];
  const CAUSES = { systemic: 'Systemic / 系统性', individual: 'Individual / 个人' };

  /** A cell holding text, never HTML: findings quote customers and agents. */
  function cell(text, className) {
    const td = document.createElement('td');
    if (text !== undefined && text !== null) td.textContent = String(text);
    if (className) td.className = className;
    return td;
  }

  function filters() {
    const given = new URLSearchParams(location.search);
    const kept = new URLSearchParams();
    for (const name of FIELDS) {
      if (given.get(name)) kept.set(name, given.get(name));
    }
    return kept;
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    for (const name of FIELDS) {
      const value = form.elements[name].value.trim();
      if (value) chosen.set(name, value);
    }
    history.pushState(null, '', '?' + chosen.toString());
    load();
  });
  document.getElementById('clear').addEventListener('click', () => {
    history.pushState(null, '', '?');
    load();
  });
  window.addEventListener('popstate', load);

  async function load() {
    const chosen = filters();
    for (const name of FIELDS) form.elements[name].value = chosen.get(name) || '';
    document.getElementById('exportCsv').href = '/api/insights/retrospectives.csv?' + chosen.toString();
    summary.className = 'message';
    summary.textContent = 'Loading… / 加载中…';
    rows.replaceChildren();
    const response = await fetch('/api/insights/retrospectives?' + chosen.toString(),
        { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      summary.className = 'message error';
      summary.textContent = body && body.errors ? body.errors.map(e => `${e.field}: ${e.message}`).join('; ')
          : (body && body.detail) || `${response.status} ${response.statusText}`;
      return;
    }
    summary.textContent = `${body.count} ${body.count === 1 ? 'retrospective' : 'retrospectives'} / 条复盘`
        + (body.truncated ? ' (more match: narrow the filters / 还有更多：请缩小范围)' : '');
    for (const r of body.items) {
      const tr = document.createElement('tr');
      tr.dataset.caseId = r.caseId;
      if (r.trainingCase) tr.className = 'training';
      const link = document.createElement('a');
      link.textContent = r.businessKey || r.caseId;
      link.href = r.link;
      const caseCell = cell();
      caseCell.append(link);
      const trainingCell = cell();
      if (r.trainingCase) {
        const badge = document.createElement('span');
        badge.className = 'badge verified';
        badge.textContent = '★ Training case / 培训案例';
        trainingCell.append(badge);
      }
      tr.append(cell(new Date(r.heldAt).toLocaleString()), caseCell, cell(r.tier), cell(r.category),
          cell(CAUSES[r.cause] || r.cause), cell(r.findings, 'text'), cell(r.action, 'text'), trainingCell,
          cell(r.heldBy));
      rows.append(tr);
    }
    if (body.items.length === 0) {
      const tr = document.createElement('tr');
      const td = cell('No retrospectives match / 没有符合条件的复盘', 'message');
      td.colSpan = 9;
      tr.append(td);
      rows.append(tr);
    }
  }

  load();
})();
