// A case's timeline from GET /api/audit/cases/{caseId}/timeline: every entry, oldest first, with who and how long;
// kinds can be hidden (the choice is kept in the page's address, so a filtered timeline can be shared and printed).
'use strict';

(() => {
  const params = new URLSearchParams(location.search);
  const caseId = params.get('id') || '';
  const api = '/api/audit/cases/' + encodeURIComponent(caseId) + '/timeline';
  const message = document.getElementById('message');
  const rows = document.querySelector('#entries tbody');
  const boxes = document.getElementById('kindBoxes');
  const summary = document.getElementById('summary');
  document.getElementById('downloadJson').href = api;
  document.getElementById('caseFile').href = 'case.html?id=' + encodeURIComponent(caseId);
  document.getElementById('print').addEventListener('click', () => window.print());

  const KINDS = {
    case: 'Case record / 案件记录', process: 'Process / 流程', activity: 'Process step / 流程步骤', task: 'Task / 任务',
    variable: 'Variable / 变量', operation: 'User operation / 用户操作', comment: 'Comment / 评论',
    decision: 'Decision / 决策', incident: 'Incident / 故障', sla: 'SLA clock / 时限', message: 'Message / 消息',
    evidence: 'Evidence / 证据'
  };

  const EVENTS = {
    posted: 'Posted / 发布', received: 'Received / 已接收', 'first-response': 'First response / 首次响应',
    resolved: 'Resolved / 已解决', closed: 'Closed / 已结案', retrospective: 'Retrospective / 复盘',
    started: 'Started / 开始', ended: 'Ended / 结束', created: 'Created / 创建', completed: 'Completed / 完成',
    cancelled: 'Cancelled / 取消', updated: 'Updated / 更新', added: 'Added / 添加', evaluated: 'Evaluated / 评估',
    opened: 'Opened / 发生', deleted: 'Deleted / 删除', queued: 'Queued / 待发送', delivered: 'Delivered / 已送达',
    manual: 'Delivered by hand / 人工送达', attempt: 'Not delivered yet / 尚未送达',
    restarted: 'Restarted / 重新计时', stopped: 'Stopped / 停止', breached: 'Breached / 超时',
    second_breach: 'Breached again / 再次超时',
    Claim: 'Claim / 领取', Assign: 'Assign / 指派', Complete: 'Complete / 完成', Create: 'Create / 创建',
    SetVariable: 'Set variable / 设置变量', ModifyVariable: 'Change variables / 修改变量',
    Delete: 'Delete / 删除', Resolve: 'Resolve / 解决', SetOwner: 'Set owner / 设置负责人',
    startEvent: 'Start event / 开始事件', noneEndEvent: 'End event / 结束事件', serviceTask: 'Service task / 服务任务',
    businessRuleTask: 'Business rule / 业务规则', exclusiveGateway: 'Gateway / 网关', parallelGateway: 'Gateway / 网关',
    subProcess: 'Subprocess / 子流程', intermediateTimer: 'Timer / 定时器', boundaryTimer: 'Timer / 定时器',
    intermediateMessageCatch: 'Message received / 收到消息', boundaryMessage: 'Message received / 收到消息',
    messageStartEvent: 'Message start / 消息开始', intermediateThrowEvent: 'Event / 事件', callActivity: 'Call / 调用'
  };

  const FIELDS = {
    candidateGroups: 'Candidate groups / 候选组', candidateUsers: 'Candidate users / 候选人',
    claimedBy: 'Claimed by / 领取人', claimedAt: 'Claimed / 领取时间', assignee: 'Assignee / 办理人',
    due: 'Due / 截止', deleteReason: 'Reason / 原因', open: 'Open / 未完成', value: 'Value / 值', type: 'Type / 类型',
    activity: 'Step / 环节', task: 'Task / 任务', operation: 'In operation / 所属操作', properties: 'Changed / 变更',
    entityType: 'Of / 对象', annotation: 'Note / 备注', message: 'Text / 内容', decisionKey: 'Decision / 决策',
    inputs: 'In / 输入', outputs: 'Out / 输出', activityId: 'Step id / 环节编号', state: 'State / 状态',
    endedAt: 'Ended / 结束', clock: 'Clock / 时限', tier: 'Tier / 等级', dueAt: 'Due / 截止',
    status: 'Status / 状态', recipient: 'To / 接收人', platformRef: 'Platform id / 平台编号',
    attempts: 'Attempts / 尝试次数', lastAttemptAt: 'Last attempt / 最后尝试', lastError: 'Last error / 最后错误',
    text: 'Text / 内容', sourceRef: 'Source / 来源', sha256: 'SHA-256', problem: 'Problem / 问题',
    content: 'Content / 内容', channel: 'Channel / 渠道', externalId: 'External id / 平台编号',
    customerId: 'Customer id / 客户编号', customerName: 'Customer / 客户', businessKey: 'Business key / 业务键',
    language: 'Language / 语言', orderId: 'Order / 订单号', category: 'Category / 类别',
    resolutionSummary: 'Resolution / 处理结果', compensation: 'Compensation / 补偿', compensationAmount: 'Amount / 金额',
    rootCause: 'Root cause / 根本原因', satisfaction: 'Satisfaction / 满意度', reviewOutcome: 'Review outcome / 评价结果',
    cause: 'Cause / 原因', findings: 'Findings / 发现', action: 'Action / 措施', trainingCase: 'Training case / 培训案例',
    endActivityId: 'Ended at / 结束于', version: 'Version / 版本', canceled: 'Cancelled / 已取消',
    incidentType: 'Incident / 故障类型', failedActivityId: 'Failed step / 失败环节'
  };

  /** What the page shows of each kind's detail (the JSON has all of it). */
  const SHOWN = {
    case: ['channel', 'externalId', 'customerName', 'orderId', 'tier', 'category', 'resolutionSummary', 'compensation',
      'compensationAmount', 'rootCause', 'satisfaction', 'reviewOutcome', 'cause', 'findings', 'action', 'trainingCase',
      'text'],
    process: ['businessKey', 'version', 'state', 'endActivityId'],
    activity: ['activityId', 'canceled'],
    task: ['candidateGroups', 'candidateUsers', 'claimedBy', 'claimedAt', 'assignee', 'due', 'deleteReason', 'open'],
    variable: ['value', 'activity', 'task', 'operation'],
    operation: ['properties', 'annotation'],
    comment: ['message', 'task'],
    decision: ['activity', 'inputs', 'outputs'],
    incident: ['message', 'failedActivityId', 'state', 'endedAt'],
    sla: ['tier', 'dueAt'],
    message: ['status', 'recipient', 'platformRef', 'attempts', 'lastAttemptAt', 'lastError', 'text'],
    evidence: ['sourceRef', 'problem', 'sha256', 'content']
  };

  const TIMES = new Set(['claimedAt', 'due', 'endedAt', 'dueAt', 'lastAttemptAt']);

  function hidden() {
    return new Set((new URLSearchParams(location.search).get('hide') || '').split(',').filter(Boolean));
  }

  function text(value) {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'boolean') return Audit.label('yesNo', value);
    return String(value);
  }

  /** One line of a detail: its label and value; lists of name/value pairs (decisions, operations) one per line. */
  function field(key, value) {
    const line = Audit.el('div');
    line.append(Audit.el('span', (FIELDS[key] || key) + ': ', 'key'));
    if (key === 'inputs' || key === 'outputs') {
      line.append(value.map(v => `${v.name} = ${text(v.value)}`).join('; '));
    } else if (key === 'properties') {
      line.append(value.map(p => `${p.property}: ${text(p.from)} → ${text(p.to)}`).join('; '));
    } else if (key === 'sha256') {
      line.append(String(value).slice(0, 16) + '…');
    } else {
      line.append(TIMES.has(key) ? Audit.timeSeconds(value) : text(value));
    }
    return line;
  }

  function detailCell(entry) {
    const cell = Audit.el('td', null, 'detail');
    if (entry.kind === 'evidence') {
      cell.append(Audit.evidenceBadge(entry.event), ' ',
          Audit.el('span', Audit.label('evidenceKind', entry.detail.kind)));
    }
    for (const key of SHOWN[entry.kind] || []) {
      const value = entry.detail[key];
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
      // a variable's title holds its value unless the value is long
      if (entry.kind === 'variable' && key === 'value' && String(value).length <= 120) continue;
      cell.append(field(key, value));
    }
    return cell;
  }

  function row(entry) {
    const tr = document.createElement('tr');
    tr.className = 'kind-' + entry.kind;
    tr.dataset.kind = entry.kind;
    tr.dataset.event = entry.event || '';
    const breach = entry.kind === 'sla' && entry.detail.breached;
    const broken = entry.kind === 'evidence' && entry.event !== 'verified';
    if (breach) tr.classList.add('breached');
    if (broken) tr.classList.add('broken');
    const what = Audit.el('td', null, 'what' + (breach ? ' breached' : ''));
    const event = entry.kind === 'evidence' ? Audit.label('evidenceState', entry.event) : EVENTS[entry.event] || entry.event;
    what.append(Audit.el('span', event || '', 'event'), ' · ', entry.title || '');
    const duration = entry.detail.durationMs;
    tr.append(
        Audit.el('td', Audit.timeSeconds(entry.at), 'when'),
        Audit.el('td', KINDS[entry.kind] || entry.kind, 'kind'),
        what,
        Audit.el('td', entry.actor || 'System / 系统', entry.actor ? 'who' : 'who system'),
        Audit.el('td', Audit.duration(duration), 'duration'),
        Audit.el('td', entry.processKey || '', 'process'),
        detailCell(entry));
    return tr;
  }

  function applyFilter() {
    const hide = hidden();
    let shown = 0;
    for (const tr of rows.querySelectorAll('tr[data-kind]')) {
      const visible = !hide.has(tr.dataset.kind);
      tr.hidden = !visible;
      if (visible) shown++;
    }
    const total = rows.querySelectorAll('tr[data-kind]').length;
    const kinds = [...hide].map(k => KINDS[k] || k).join(', ');
    summary.textContent = `${total} entries, ${shown} shown / 共 ${total} 条，显示 ${shown} 条`
        + (hide.size ? ` — hidden / 已隐藏: ${kinds}` : '');
    for (const box of boxes.querySelectorAll('input')) box.checked = !hide.has(box.value);
  }

  function setHidden(hide) {
    const next = new URLSearchParams(location.search);
    if (hide.size) next.set('hide', [...hide].join(',')); else next.delete('hide');
    history.replaceState(null, '', '?' + next.toString());
    applyFilter();
  }

  function kindBoxes(entries) {
    const counts = {};
    for (const e of entries) counts[e.kind] = (counts[e.kind] || 0) + 1;
    for (const kind of Object.keys(KINDS).filter(k => counts[k])) {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = kind;
      box.name = 'kind';
      box.addEventListener('change', () => {
        const hide = hidden();
        if (box.checked) hide.delete(kind); else hide.add(kind);
        setHidden(hide);
      });
      const label = Audit.el('label');
      label.append(box, ` ${KINDS[kind]} (${counts[kind]})`);
      boxes.append(label);
    }
    document.getElementById('showAll').addEventListener('click', () => setHidden(new Set()));
  }

  function chain(verification) {
    const p = document.getElementById('chain');
    if (!verification) return;
    p.append(Audit.el('span', 'Evidence chain / 证据链: ', 'key'),
        Audit.el('span', verification.valid ? 'Valid / 完整' : 'Broken / 已断开',
            `badge ${verification.valid ? 'verified' : 'broken'}`),
        ' ' + verification.reason);
  }

  async function load() {
    try {
      const timeline = await Audit.get(api);
      document.title = `${timeline.businessKey} — Case timeline / 案件时间线`;
      document.getElementById('title').textContent = timeline.businessKey;
      for (const entry of timeline.entries) rows.append(row(entry));
      if (timeline.entries.length === 0) {
        const tr = document.createElement('tr');
        const td = Audit.el('td', 'None / 无', 'message');
        td.colSpan = 7;
        tr.append(td);
        rows.append(tr);
      }
      kindBoxes(timeline.entries);
      chain(timeline.evidence);
      applyFilter();
      document.getElementById('printedAt').textContent = `Printed / 打印于 ${Audit.timeSeconds(new Date().toISOString())}`;
    } catch (error) {
      message.className = 'message error';
      message.textContent = error.message;
    }
  }

  load();
})();
