// A case's printable file from GET /api/audit/cases/{caseId}: the record, the complaint as received, the SLA
// clock events, every message sent, the evidence with each item's verification and the retrospective.
'use strict';

(() => {
  const caseId = new URLSearchParams(location.search).get('id') || '';
  const message = document.getElementById('message');
  const api = '/api/audit/cases/' + encodeURIComponent(caseId);
  document.getElementById('downloadJson').href = api;
  document.getElementById('downloadCsv').href = api + '.csv';
  document.getElementById('timeline').href = 'timeline.html?id=' + encodeURIComponent(caseId);
  document.getElementById('print').addEventListener('click', () => window.print());

  const FIELDS = [
    ['caseId', 'Case id / 案件编号'], ['businessKey', 'Business key / 业务键'],
    ['channel', 'Channel / 渠道', 'channel'], ['externalId', 'External id / 平台编号'],
    ['postedAt', 'Posted / 发布时间', 'time'], ['receivedAt', 'Received / 接收时间', 'time'],
    ['receivedBy', 'Received by / 接收人'], ['language', 'Language / 语言'],
    ['customerId', 'Customer id / 客户编号'], ['customerName', 'Customer / 客户'], ['orderId', 'Order / 订单号'],
    ['tier', 'Tier / 等级', 'tier'], ['category', 'Category / 类别', 'category'], ['status', 'Status / 状态', 'status'],
    ['slaBreached', 'SLA breached / 超出时限', 'yesNo'],
    ['firstRespondedAt', 'First response / 首次响应', 'time'], ['resolvedAt', 'Resolved / 解决时间', 'time'],
    ['closedAt', 'Closed / 结案时间', 'time'], ['rootCause', 'Root cause / 根本原因'],
    ['resolutionSummary', 'Resolution / 处理结果'], ['satisfaction', 'Satisfaction / 满意度'],
    ['compensation', 'Compensation / 补偿', 'compensation'], ['compensationAmount', 'Amount / 金额', 'amount'],
    ['compensationGiven', 'Compensation given / 已给补偿', 'yesNo'],
    ['reviewOutcome', 'Review outcome / 评价结果', 'reviewOutcome'],
    ['processInstanceId', 'Process instance / 流程实例']
  ];

  function value(v, kind) {
    if (kind === 'time') return Audit.time(v);
    if (kind === 'amount') return Audit.amount(v);
    return kind ? Audit.label(kind, v) : (v === null || v === undefined ? '' : String(v));
  }

  function definitions(list, pairs) {
    for (const [term, text, className] of pairs) {
      list.append(Audit.el('dt', term), Audit.el('dd', text, className));
    }
  }

  /** The leaves of the complaint as received, by path (customer.name), skipping what the record shows already. */
  function leaves(node, path, out) {
    if (node === null || node === undefined) return out;
    if (Array.isArray(node)) {
      node.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
    } else if (typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) leaves(v, path ? `${path}.${k}` : k, out);
    } else {
      out.push([path, String(node)]);
    }
    return out;
  }

  function row(tbody, cells) {
    const tr = document.createElement('tr');
    for (const [text, className] of cells) tr.append(Audit.el('td', text, className));
    tbody.append(tr);
  }

  function empty(tbody, columns, text) {
    const tr = document.createElement('tr');
    const td = Audit.el('td', text, 'message');
    td.colSpan = columns;
    tr.append(td);
    tbody.append(tr);
  }

  async function load() {
    try {
      const file = await Audit.get(api);
      const c = file.case;
      document.title = `${c.channel}:${c.externalId} — Case file / 案件档案`;
      document.getElementById('title').textContent = `${Audit.label('channel', c.channel)} ${c.externalId}`;
      definitions(document.getElementById('record'), FIELDS.map(([name, label, kind]) =>
          [label, value(c[name], kind), name === 'slaBreached' && c.slaBreached ? 'breached' : '']));
      document.getElementById('text').textContent = c.text;
      const shown = new Set(['channel', 'externalId', 'postedAt', 'text', 'language', 'customer.id', 'customer.name']);
      definitions(document.getElementById('complaint'),
          leaves(file.complaint, '', []).filter(([path]) => !shown.has(path)).map(([path, v]) => [path, v, '']));

      const sla = document.querySelector('#slaEvents tbody');
      for (const e of file.slaEvents) {
        const breach = e.event === 'breached' || e.event === 'second_breach';
        row(sla, [[Audit.time(e.occurredAt)], [Audit.label('clock', e.clock)],
          [Audit.label('slaEvent', e.event), breach ? 'breached' : ''], [e.tier],
          [Audit.time(e.dueAt)], [e.actor]]);
      }
      if (file.slaEvents.length === 0) empty(sla, 6, 'None / 无');

      const messages = document.querySelector('#messages tbody');
      for (const m of file.messages) {
        row(messages, [[Audit.time(m.createdAt)], [m.kind], [`${m.channel} ${m.surface}${m.recipient ? ' → ' + m.recipient : ''}`],
          [m.status], [Audit.time(m.deliveredAt)], [m.text, 'text']]);
      }
      if (file.messages.length === 0) empty(messages, 6, 'None / 无');

      const verification = file.evidenceVerification;
      if (verification) {
        document.getElementById('chain').append(Audit.el('span', verification.valid ? 'Valid / 完整' : 'Broken / 已断开',
            `badge ${verification.valid ? 'verified' : 'broken'}`), ' ' + verification.reason);
      }
      const evidence = document.querySelector('#evidence tbody');
      for (const e of file.evidence || []) {
        const tr = document.createElement('tr');
        tr.dataset.seq = e.seq;
        const state = Audit.el('td');
        state.append(Audit.evidenceBadge(e.state));
        if (e.problem) state.append(Audit.el('div', e.problem, 'message'));
        const content = e.content && e.content.length > 300 ? e.content.slice(0, 300) + '…' : e.content;
        tr.append(Audit.el('td', e.seq), Audit.el('td', Audit.time(e.createdAt)),
            Audit.el('td', Audit.label('evidenceKind', e.kind)), Audit.el('td', e.createdBy),
            state, Audit.el('td', e.sha256 ? e.sha256.slice(0, 16) + '…' : ''), Audit.el('td', content, 'text'));
        evidence.append(tr);
      }
      if (!file.evidence || file.evidence.length === 0) empty(evidence, 7, 'None / 无');

      const r = file.retrospective;
      const retrospective = document.getElementById('retrospective');
      if (r) {
        definitions(retrospective, [['Held / 时间', Audit.time(r.heldAt), ''], ['Held by / 主持人', r.heldBy, ''],
          ['Cause / 原因', Audit.label('retrospectiveCause', r.cause), ''], ['Findings / 发现', r.findings, ''],
          ['Action / 措施', r.action, ''], ['Training case / 培训案例', Audit.label('yesNo', r.trainingCase), '']]);
      } else {
        retrospective.append(Audit.el('dd', 'None / 无', 'message'));
      }
      document.getElementById('printedAt').textContent = `Printed / 打印于 ${Audit.time(new Date().toISOString())}`;
    } catch (error) {
      message.className = 'message error';
      message.textContent = error.message;
    }
  }

  load();
})();
