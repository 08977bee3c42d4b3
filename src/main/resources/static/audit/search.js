// The case search page: the filters live in this page's address (so a search can be bookmarked, shared and
// reloaded), the results come from GET /api/audit/cases, newest post first.
'use strict';

(() => {
  const form = document.getElementById('filters');
  const rows = document.querySelector('#results tbody');
  const summary = document.getElementById('summary');
  const pageInfo = document.getElementById('pageInfo');
  const previous = document.getElementById('previous');
  const next = document.getElementById('next');
  const SIZE = 50;
  const FIELDS = ['channel', 'externalId', 'customer', 'order', 'tier', 'category', 'status', 'reviewOutcome',
    'from', 'to', 'slaBreached', 'compensationGiven'];

  for (const select of form.querySelectorAll('select[data-options]')) {
    select.append(new Option('Any / 全部', ''));
    for (const [key, text] of Object.entries(Audit.labels[select.dataset.options])) {
      select.append(new Option(text, key));
    }
  }

  /** The page's own parameters: the form's values as typed (dates as yyyy-mm-dd) and the page number. */
  function pageParameters() {
    return new URLSearchParams(location.search);
  }

  /**
   * The API's parameters: dates are the reader's local days, so "from" is the start of that day here and "to"
   * (inclusive on the form) the start of the day after, which the API takes as exclusive.
   */
  function apiParameters(page) {
    const api = new URLSearchParams();
    for (const name of FIELDS) {
      const value = page.get(name);
      if (!value) continue;
      if (name === 'from' || name === 'to') {
        const [y, m, d] = value.split('-').map(Number);
        api.set(name, new Date(y, m - 1, name === 'to' ? d + 1 : d).toISOString());
      } else {
        api.set(name, value);
      }
    }
    return api;
  }

  function fillForm(page) {
    for (const name of FIELDS) {
      form.elements[name].value = page.get(name) || '';
    }
  }

  function go(page) {
    history.pushState(null, '', '?' + page.toString());
    run();
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const page = new URLSearchParams();
    for (const name of FIELDS) {
      const value = form.elements[name].value.trim();
      if (value) page.set(name, value);
    }
    go(page);
  });
  document.getElementById('clear').addEventListener('click', () => go(new URLSearchParams()));
  previous.addEventListener('click', () => turn(-1));
  next.addEventListener('click', () => turn(1));
  window.addEventListener('popstate', run);

  function turn(by) {
    const page = pageParameters();
    page.set('page', Math.max(0, Number(page.get('page') || 0) + by));
    go(page);
  }

  async function run() {
    const page = pageParameters();
    fillForm(page);
    const number = Number(page.get('page') || 0);
    const api = apiParameters(page);
    for (const [id, format] of [['exportCsv', 'csv'], ['exportJson', 'json']]) {
      const exported = new URLSearchParams(api);
      exported.set('format', format);
      document.getElementById(id).href = '/api/audit/cases/export?' + exported.toString();
    }
    api.set('page', number);
    api.set('size', SIZE);
    summary.className = 'message';
    summary.textContent = 'Searching… / 查询中…';
    rows.replaceChildren();
    try {
      const result = await Audit.get('/api/audit/cases?' + api.toString());
      show(result);
    } catch (error) {
      summary.className = 'message error';
      summary.textContent = error.message;
      pageInfo.textContent = '';
      previous.disabled = next.disabled = true;
    }
  }

  function timelineCell(caseId) {
    const link = Audit.el('a', 'Timeline / 时间线', 'timeline');
    link.href = 'timeline.html?id=' + encodeURIComponent(caseId);
    const cell = Audit.el('td', null, 'no-print');
    cell.append(link);
    return cell;
  }

  function show(result) {
    const total = result.totalExact ? String(result.total) : `more than ${result.total} / 超过 ${result.total}`;
    summary.textContent = `${total} ${result.total === 1 && result.totalExact ? 'case' : 'cases'} / 件`;
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    pageInfo.textContent = `Page ${result.page + 1} of ${pages}${result.totalExact ? '' : '+'} / 第 ${result.page + 1} 页`;
    previous.disabled = result.page === 0;
    next.disabled = (result.page + 1) * result.size >= result.total;
    for (const c of result.items) {
      const tr = document.createElement('tr');
      tr.dataset.caseId = c.caseId;
      const link = Audit.el('a', c.externalId);
      link.href = 'case.html?id=' + encodeURIComponent(c.caseId);
      const external = Audit.el('td');
      external.append(link);
      const customer = c.customerName ? `${c.customerName} (${c.customerId})` : c.customerId;
      const compensation = c.compensation
          ? Audit.label('compensation', c.compensation) + (c.compensationAmount != null ? ` ${Audit.amount(c.compensationAmount)}` : '')
          : '';
      const text = c.text && c.text.length > 140 ? c.text.slice(0, 140) + '…' : c.text;
      tr.append(
          Audit.el('td', Audit.time(c.postedAt)),
          Audit.el('td', Audit.label('channel', c.channel)),
          external,
          Audit.el('td', customer),
          Audit.el('td', c.orderId),
          Audit.el('td', Audit.label('tier', c.tier)),
          Audit.el('td', Audit.label('category', c.category)),
          Audit.el('td', Audit.label('status', c.status)),
          Audit.el('td', Audit.label('yesNo', c.slaBreached), c.slaBreached ? 'breached' : ''),
          Audit.el('td', compensation),
          Audit.el('td', Audit.label('reviewOutcome', c.reviewOutcome)),
          Audit.el('td', text, 'text'),
          timelineCell(c.caseId));
      rows.append(tr);
    }
    if (result.items.length === 0) {
      const tr = document.createElement('tr');
      const td = Audit.el('td', 'No cases match / 没有符合条件的案件', 'message');
      td.colSpan = 13;
      tr.append(td);
      rows.append(tr);
    }
  }

  run();
})();
