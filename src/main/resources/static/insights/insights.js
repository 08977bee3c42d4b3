// The insights dashboard (A1, A5, T4, C4, R5): a week's or a month's report from GET /api/insights/reports/{label}
// and the trend up to it from GET /api/insights/trends, as charts (Chart.js from its webjar) and tables. The choice
// lives in the page's address (?granularity=week&period=2026-W48&periods=8), so a view can be bookmarked and shared.
'use strict';

(() => {
  const { label, get, el, duration } = Pages;
  const form = document.getElementById('choose');
  const summary = document.getElementById('summary');
  const COLOURS = ['#0b5cad', '#d1242f', '#1a7f37', '#bf8700', '#8250df', '#57606a', '#e16f24'];
  const UNTRIAGED = 'untriaged';
  const TOP = 3;

  const extraLabels = {
    clock: { first_response: 'First response / 首次响应', resolution: 'Resolution / 解决' },
    tier: { untriaged: 'Not triaged yet / 尚未分级', all: 'All / 全部' },
    category: { untriaged: 'Not triaged yet / 尚未分级' },
    yesNo: { true: 'Yes / 是', false: 'No / 否' }
  };

  /** The shared label, or one only the dashboard needs (untriaged cases, all tiers). */
  function name(kind, key) {
    const extra = extraLabels[kind] && extraLabels[kind][String(key)];
    return extra || label(kind, key);
  }

  function percent(value) {
    return value === null || value === undefined ? '—' : `${Number(value).toFixed(1)} %`;
  }

  function seconds(value) {
    return value === null || value === undefined ? '—' : duration(value * 1000);
  }

  function row(tbody, cells) {
    const tr = document.createElement('tr');
    for (const [text, className] of cells) tr.append(el('td', text, className));
    tbody.append(tr);
    return tr;
  }

  function fill(id, items, cells) {
    const tbody = document.querySelector(`#${id} tbody`);
    tbody.replaceChildren();
    for (const item of items) row(tbody, cells(item)).dataset.key = item.key || item.category || item.channel || item.tier || '';
    if (items.length === 0) {
      const tr = document.createElement('tr');
      const td = el('td', 'None / 无', 'message');
      td.colSpan = document.querySelectorAll(`#${id} thead th`).length;
      tr.append(td);
      tbody.append(tr);
    }
  }

  function flag(value) {
    return [name('yesNo', value), value ? 'flag-yes' : ''];
  }

  /** Draws (or redraws) a chart on the canvas; no animation, so what is shown is final at once. */
  function chart(id, type, labels, datasets, yTitle) {
    const canvas = document.getElementById(id);
    const old = Chart.getChart(canvas);
    if (old) old.destroy();
    return new Chart(canvas, {
      type,
      data: {
        labels,
        datasets: datasets.map((d, i) => ({
          borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length], spanGaps: true, ...d
        }))
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: Boolean(yTitle), text: yTitle } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function drawCharts(report, trend) {
    const categories = report.categories;
    chart('chartCategories', 'bar', categories.map(c => name('category', c.category)), [
      { label: `${report.period} / 本期`, data: categories.map(c => c.cases) },
      { label: `${report.previousPeriod} / 上期`, data: categories.map(c => c.previousCases) }
    ], 'Cases / 件数');

    const periods = trend.periods.map(p => p.period);
    const top = report.byCategory.filter(c => c.category !== UNTRIAGED).slice(0, TOP).map(c => c.category);
    chart('chartTrend', 'line', periods, top.map(category => ({
      label: name('category', category),
      data: trend.periods.map(p => (p.byCategory.find(c => c.category === category) || { cases: 0 }).cases)
    })), 'Cases / 件数');

    const tiers = [...new Set(report.slaCompliance.map(s => s.tier))];
    chart('chartSla', 'bar', tiers.map(t => name('tier', t)), ['first_response', 'resolution'].map(clock => ({
      label: name('clock', clock),
      data: tiers.map(t => {
        const s = report.slaCompliance.find(x => x.tier === t && x.clock === clock);
        return s ? s.compliancePercent : null;
      })
    })), '%');

    const channels = [...new Set(trend.periods.flatMap(p => p.negativeShare.filter(s => s.sharePercent !== null)
      .map(s => s.channel)))];
    chart('chartShare', 'line', periods, channels.map(channel => ({
      label: name('channel', channel),
      data: trend.periods.map(p => {
        const s = p.negativeShare.find(x => x.channel === channel);
        return s ? s.sharePercent : null;
      })
    })), '%');
  }

  function fillTables(report) {
    fill('categories', report.categories, c => [[name('category', c.category)], [c.cases, 'number'],
      [c.previousCases, 'number'], flag(c.frequent), flag(c.new), flag(c.improving)]);
    fill('byTier', report.byTier, k => [[name('tier', k.key)], [k.count, 'number']]);
    fill('byChannel', report.byChannel, k => [[name('channel', k.key)], [k.count, 'number']]);
    fill('byRootCause', report.byRootCause, k => [[name('rootCause', k.key)], [k.count, 'number']]);
    fill('sla', report.slaCompliance, s => [[name('tier', s.tier)], [name('clock', s.clock)], [s.ran, 'number'],
      [s.breached, 'number'], [percent(s.compliancePercent), 'number']]);
    fill('times', report.responseTimes, t => [[name('tier', t.tier)], [name('clock', t.clock)], [t.cases, 'number'],
      [seconds(t.medianSeconds), 'number'], [seconds(t.p90Seconds), 'number']]);
    fill('escalations', report.escalations, k => [[name('tier', k.key)], [k.count, 'number']]);
    const r = report.reviewRequests;
    fill('reviewRequests', [r], x => [[x.sent, 'number'], [x.updated, 'number'], [percent(x.revisionRatePercent), 'number']]);
    fill('compensation', report.compensation, c => [[label('compensation', c.type)],
      [c.currency || 'Unknown / 未知'], [c.cases, 'number'], [Number(c.total).toFixed(2), 'number']]);
    fill('negativeShare', report.negativeShare, s => [[name('channel', s.channel)], [s.negativeCases, 'number'],
      [s.reviews === null ? 'Not recorded / 未记录' : s.reviews, s.reviews === null ? 'note' : 'number'],
      [s.sharePercent === null ? `— (${s.note})` : percent(s.sharePercent), s.sharePercent === null ? 'note' : 'number']]);
  }

  async function show() {
    const page = new URLSearchParams(location.search);
    const granularity = page.get('granularity') === 'month' ? 'month' : 'week';
    const periods = page.get('periods') || '8';
    form.granularity.value = granularity;
    form.periods.value = periods;
    summary.className = 'message';
    summary.textContent = 'Loading… / 加载中…';
    try {
      const chosen = (page.get('period') || '').trim();
      const report = await get(chosen
        ? `/api/insights/reports/${encodeURIComponent(chosen)}`
        : `/api/insights/reports/current?granularity=${granularity}`);
      form.period.value = report.period;
      // the label says the period's length: a month chosen while "week" was selected is shown as a month
      const length = report.period.includes('-W') ? 'week' : /^\d{4}-\d{2}$/.test(report.period) ? 'month' : null;
      if (length) form.granularity.value = length;
      const trend = length
        ? await get(`/api/insights/trends?granularity=${length}&periods=${encodeURIComponent(periods)}`
          + `&until=${encodeURIComponent(report.period)}`)
        : { periods: [] };
      document.getElementById('periods').replaceChildren(...trend.periods.map(p => new Option(p.period, p.period)));
      document.getElementById('downloadCsv').href = `/api/insights/reports/${encodeURIComponent(report.period)}.csv`;
      fillTables(report);
      drawCharts(report, trend);
      summary.textContent = `${report.period}: ${report.cases} cases / 件`;
      document.body.dataset.period = report.period;
    } catch (e) {
      summary.className = 'message error';
      summary.textContent = e.message;
    }
  }

  form.granularity.addEventListener('change', () => { form.period.value = ''; });
  form.addEventListener('submit', event => {
    event.preventDefault();
    const page = new URLSearchParams();
    page.set('granularity', form.granularity.value);
    if (form.period.value.trim()) page.set('period', form.period.value.trim());
    page.set('periods', form.periods.value || '8');
    history.pushState(null, '', `?${page}`);
    show();
  });
  window.addEventListener('popstate', show);
  show();
})();
