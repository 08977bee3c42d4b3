// Shared by the auditors' pages: times and evidence badges; labels, durations and reading the API come from
// /common/pages.js. No external libraries.
'use strict';

const Audit = (() => {
  const { labels, label, get, el, amount, duration } = Pages;

  /** An ISO time from the API (UTC) as the reader's local date and time, e.g. 2026-11-23 17:15. */
  function time(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    if (isNaN(d)) return iso;
    const pad = n => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }

  /** An ISO time as the reader's local date and time to the second, e.g. 2026-11-23 17:15:07. */
  function timeSeconds(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    if (isNaN(d)) return iso;
    return `${time(iso)}:${String(d.getSeconds()).padStart(2, '0')}`;
  }

  /** A badge for an evidence item's verification state: verified in green, anything else in red. */
  function evidenceBadge(state) {
    return el('span', label('evidenceState', state), `badge ${state === 'verified' ? 'verified' : 'broken'}`);
  }

  return { labels, label, time, timeSeconds, duration, evidenceBadge, get, el, amount };
})();
