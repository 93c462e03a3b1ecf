// The supervisor's floor view: queues, agents and loads, the live SLA board with reassignment and CSV
// export, escalations, and charts of the open tickets. Live parts come over STOMP; the rest refreshes.
import { api, el, fill, showError, requireLogin, topBar, connectDesk, label, ticketTitle, queueLabel, QUEUES,
  formatTime, formatDuration, serverNow, syncClock } from '/assets/common.js';

const login = requireLogin('SUPERVISOR', 'ADMIN');
topBar(login, '/dashboard/');
const $ = id => document.getElementById(id);

const state = { tickets: new Map(), staff: [], board: new Map(), escalations: [], fresh: new Set(), missing: new Set(),
  overdueCallbacks: [], lateEscalations: new Set() };
const charts = {};

// --- loading --------------------------------------------------------------------------------------
async function refresh() {
  try {
    const [open, assigned, waiting, staff] = await Promise.all([
      api('GET', '/api/tickets?status=OPEN'), api('GET', '/api/tickets?status=ASSIGNED'),
      api('GET', '/api/tickets?status=WAITING_CUSTOMER'), api('GET', '/api/staff'), syncClock()]);
    state.tickets = new Map([...open, ...assigned, ...waiting].map(t => [t.id, t]));
    state.staff = staff;
    showError($('error'), null);
    render();
  } catch (e) { showError($('error'), e); }
}

// Hundreds of tickets can cross a threshold within a second, and every supervisor's page gets each
// crossing: reloading the lists per event would send the server a storm of identical list requests.
// At most one reload runs, and at most one starts every RELOAD_EVERY_MS; the board row itself shows at once.
const RELOAD_EVERY_MS = 2000;
let reloadScheduled = false, lastReload = 0;
function refreshSoon() {
  if (reloadScheduled) return;
  reloadScheduled = true;
  setTimeout(async () => {
    lastReload = Date.now();
    try {
      await refresh();
      await loadMissingTickets();
    } finally { reloadScheduled = false; }
  }, Math.max(0, lastReload + RELOAD_EVERY_MS - Date.now()));
}

/** Board tickets the lists do not hold (resolved meanwhile), fetched one by one so their rows get a title. */
async function loadMissingTickets() {
  const ids = [...state.missing].filter(id => !state.tickets.has(id));
  state.missing.clear();
  if (!ids.length) return;
  await Promise.all(ids.map(async id => {
    try { state.tickets.set(id, await api('GET', `/api/tickets/${encodeURIComponent(id)}`)); } catch { /* shown by id */ }
  }));
  renderBoard();
}

async function loadBoard() {
  try {
    const [breaches, escalations] = await Promise.all([api('GET', '/api/sla/breaches'), api('GET', '/api/escalations')]);
    state.board = new Map();
    for (const b of [...breaches].reverse()) record(b.id, b.state, b.metric, b.dueAt, b.recordedAt, b);
    state.escalations = escalations;
    renderBoard();
    renderEscalations();
  } catch (e) { showError($('error'), e); }
}

/** One row per ticket and metric; a breach replaces the warning before it. */
function record(ticketId, slaState, metric, dueAt, at, extra = {}) {
  const key = ticketId + '/' + metric;
  const before = state.board.get(key);
  if (before && before.state === 'BREACHED' && slaState === 'WARNING') return;
  state.board.set(key, { ticketId, state: slaState, metric, dueAt, at, type: extra.type || before?.type,
    status: extra.status || before?.status, assignee: extra.assignee ?? before?.assignee });
}

// --- rendering ------------------------------------------------------------------------------------
function staffName(id) {
  if (id === null || id === undefined) return '未分配';
  const s = state.staff.find(x => x.id === id);
  return s ? s.displayName : '#' + id;
}

function reassignControl(ticketId) {
  const select = el('select', { 'aria-label': '转派目标' },
    el('option', { value: '' }, '选择…'),
    state.staff.filter(s => s.presence !== 'OFFLINE' && (s.roles.includes('AGENT') || s.roles.includes('EXPERT')))
      .map(s => el('option', { value: s.id }, `${s.displayName}（${label('presence', s.presence)}）`)),
    Object.keys(QUEUES).map(q => el('option', { value: q }, queueLabel(q))));
  const button = el('button', { onclick: async () => {
    if (!select.value) return;
    button.disabled = true;
    button.blur(); // the choice is made: let the board refresh again
    try {
      await api('POST', `/api/tickets/${encodeURIComponent(ticketId)}/transfer`, { to: /^\d+$/.test(select.value) ? Number(select.value) : select.value });
      await refresh();
      const t = state.tickets.get(ticketId);
      for (const row of state.board.values()) if (row.ticketId === ticketId && t) { row.assignee = t.assignee; row.status = t.status; }
      renderBoard();
    } catch (e) { showError($('error'), e); button.disabled = false; }
  } }, '转派');
  return el('span', {}, select, ' ', button);
}

/** The metric's deadline from the ticket when known (a warning's own time is when it fell due, not the deadline). */
function deadline(r, t) {
  const sla = t && t.sla;
  const due = sla && (r.metric === 'FIRST_RESPONSE' ? sla.firstResponseDue : sla.resolutionDue);
  return due || (r.state === 'BREACHED' ? r.dueAt : null);
}

function boardRows() {
  const rank = { BREACHED: 0, WARNING: 1 };
  return [...state.board.values()].sort((a, b) => rank[a.state] - rank[b.state] || Date.parse(b.at) - Date.parse(a.at));
}

function renderBoard() {
  const body = $('sla-rows');
  // a supervisor choosing whom to give a ticket keeps their choice: the board waits until they leave the row
  if (body.contains(document.activeElement) && document.activeElement !== document.body) {
    if (!state.boardDeferred) {
      state.boardDeferred = true;
      document.activeElement.addEventListener('blur', () => { state.boardDeferred = false; setTimeout(renderBoard, 0); }, { once: true });
    }
    return;
  }
  const rows = boardRows().map(r => {
    const t = state.tickets.get(r.ticketId);
    const status = t ? t.status : r.status;
    const assignee = t ? t.assignee : r.assignee;
    const tr = el('tr', { class: `sla-${r.state}${status === 'RESOLVED' ? ' done' : ''}${state.fresh.has(r.ticketId + '/' + r.metric) ? ' fresh' : ''}`,
        testid: 'sla-item', 'data-ticket': r.ticketId, 'data-state': r.state },
      el('td', {}, t ? ticketTitle(t) : '#' + String(r.ticketId).slice(-6)),
      el('td', {}, label('type', t ? t.type : r.type)),
      el('td', {}, label('metric', r.metric)),
      el('td', {}, el('span', { class: 'badge ' + (r.state === 'BREACHED' ? 'breach' : 'warn') }, label('sla', r.state))),
      el('td', {}, formatTime(deadline(r, t))),
      el('td', {}, formatTime(r.at)),
      el('td', {}, `${staffName(assignee)} · ${label('status', status)}`),
      el('td', {}, status === 'RESOLVED' ? '—' : reassignControl(r.ticketId)));
    return tr;
  });
  if (rows.length) body.replaceChildren(...rows);
  else body.replaceChildren(el('tr', {}, el('td', { colspan: 8, class: 'empty' }, '过去 24 小时没有预警或超时的工单，一切正常。')));
  const warn = boardRows().filter(r => r.state === 'WARNING').length;
  $('stat-sla').textContent = `${warn} / ${state.board.size - warn}`;
  state.fresh.clear();
}

function renderQueues() {
  const now = serverNow();
  const byQueue = new Map();
  for (const t of state.tickets.values()) if (t.status === 'OPEN') {
    const q = byQueue.get(t.queue) || { count: 0, oldest: now };
    q.count++; q.oldest = Math.min(q.oldest, Date.parse(t.openedAt));
    byQueue.set(t.queue, q);
  }
  const rows = [...byQueue.entries()].sort((a, b) => a[1].oldest - b[1].oldest).map(([queue, q]) =>
    el('tr', {}, el('td', {}, queueLabel(queue)), el('td', {}, q.count), el('td', {}, formatDuration(now - q.oldest))));
  if (rows.length) $('queues').replaceChildren(...rows);
  else $('queues').replaceChildren(el('tr', {}, el('td', { colspan: 3, class: 'empty' }, '所有队列都是空的：没有等待分配的工单。')));
}

function renderAgents() {
  const load = new Map();
  for (const t of state.tickets.values()) if (t.assignee !== null && t.assignee !== undefined) load.set(t.assignee, (load.get(t.assignee) || 0) + 1);
  const desk = state.staff.filter(s => s.roles.includes('AGENT') || s.roles.includes('EXPERT'));
  const rows = desk.map(s => el('tr', {},
    el('td', {}, s.displayName, el('div', { class: 'muted' }, s.username)),
    el('td', {}, s.roles.map(r => label('role', r)).join('、')),
    el('td', { testid: 'agent-state', 'data-staff': s.id, 'data-presence': s.presence },
      el('span', { class: 'status-dot ' + s.presence }), label('presence', s.presence)),
    el('td', {}, `${load.get(s.id) || 0} / ${s.maxConcurrent}`),
    el('td', { class: 'wrap' }, (s.skills || []).join('、') || '—')));
  if (rows.length) $('agents').replaceChildren(...rows);
  else $('agents').replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'empty' }, '还没有坐席或技术专家账号，请管理员在“系统管理”中创建。')));
  $('stat-online').textContent = desk.filter(s => s.presence === 'ONLINE').length;
}

function renderEscalations() {
  fill($('escalations'), state.escalations.map(e => {
    const status = e.status || 'OPEN';
    const late = status === 'OPEN' && (e.acknowledgeOverdue || state.lateEscalations.has(e.id));
    const closed = status === 'RESOLVED' || status === 'REJECTED';
    return el('div', { class: `escalation${late ? ' late' : ''}${closed ? ' closed' : ''}`, testid: 'escalation-item',
        'data-status': status, 'data-late': late ? 'true' : 'false' },
      el('strong', {}, label('escalation', e.kind)), ' ', el('span', { class: 'muted' }, formatTime(e.createdAt)), ' ',
      el('span', { class: 'badge ' + (late ? 'breach' : closed ? 'good' : '') }, label('escalationStatus', status)),
      e.queue ? el('span', { class: 'muted' }, ' · ' + label('queue', e.queue)) : null,
      late ? el('span', { class: 'sla-breached' }, ' · 超时未确认') : null,
      e.ownerName ? el('span', { class: 'muted' }, ' · 负责人 ' + e.ownerName) : null,
      el('div', { class: 'wrap' }, e.subject || ''),
      status === 'RESOLVED' && e.rootCause ? el('div', { class: 'wrap muted' }, '根本原因：' + e.rootCause) : null,
      el('div', { class: 'muted' }, '相关工单：' + (e.ticketIds || []).map(id => '#' + String(id).slice(-6)).join('、')));
  }), '近 30 天没有升级事件。');
}

// --- callbacks (回访) and escalations waiting too long: counts refreshed with the phones ------------------
function callbackTitle(c) {
  const t = c.ticket || {};
  return ticketTitle({ type: t.type, category: t.category, id: c.ticketId });
}

function callbackReassign(c) {
  const select = el('select', { 'aria-label': '转派给', testid: 'callback-reassign-to' },
    el('option', { value: '' }, '选择客服…'),
    state.staff.filter(s => s.roles.includes('AGENT') && !s.disabled && s.id !== c.ownerId)
      .map(s => el('option', { value: s.id }, `${s.displayName}（${label('presence', s.presence)}）`)));
  const button = el('button', { testid: 'callback-reassign', onclick: async () => {
    if (!select.value) return;
    button.disabled = true;
    try {
      await api('PATCH', `/api/callbacks/${encodeURIComponent(c.id)}`, { ownerId: Number(select.value) });
      await refreshFollowUps();
    } catch (e) { showError($('error'), e); button.disabled = false; }
  } }, '转派');
  return el('span', {}, select, ' ', button);
}

/** Re-rendered only when something changed: a rebuild would drop a half-made reassignment choice. */
let shownCallbacks = '';
function renderCallbacks() {
  const shown = JSON.stringify([state.overdueCallbacks.map(c => [c.id, c.ownerId, c.attempts]), state.staff.map(s => [s.id, s.presence])]);
  if (shown === shownCallbacks) return;
  shownCallbacks = shown;
  const rows = state.overdueCallbacks.map(c => el('tr', { testid: 'callback-overdue-item', 'data-id': c.id },
    el('td', {}, callbackTitle(c)),
    el('td', {}, label('callbackReason', c.reason)),
    el('td', { class: 'sla-breached' }, `${formatTime(c.dueAt)}（逾期 ${formatDuration(serverNow() - Date.parse(c.dueAt))}）`),
    el('td', { testid: 'callback-owner' }, staffName(c.ownerId)),
    el('td', {}, `${c.attempts || 0} 次`),
    el('td', {}, callbackReassign(c))));
  if (rows.length) $('callback-rows').replaceChildren(...rows);
  else $('callback-rows').replaceChildren(el('tr', {}, el('td', { colspan: 6, class: 'empty' }, '没有逾期的回访。')));
}

async function refreshFollowUps() {
  try {
    const [counts, overdue, open] = await Promise.all([api('GET', '/api/callbacks/counts'),
      api('GET', '/api/callbacks?status=OVERDUE'), api('GET', '/api/escalations?status=OPEN')]);
    $('cb-due').textContent = counts.dueToday;
    $('cb-overdue').textContent = counts.overdue;
    $('cb-unowned').textContent = counts.unowned;
    state.lateEscalations = new Set(open.filter(e => e.acknowledgeOverdue).map(e => e.id));
    $('esc-late').textContent = state.lateEscalations.size;
    // an old escalation still waiting belongs on the list even when it left the 30 days
    for (const e of open) if (!state.escalations.some(x => x.id === e.id)) state.escalations.push(e);
    state.overdueCallbacks = overdue;
    renderCallbacks();
    renderEscalations();
  } catch (e) { showError($('error'), e); }
}

function renderCharts() {
  const open = [...state.tickets.values()];
  const categories = {};
  for (const t of open) { const k = t.category ? label('category', t.category) : '未分类'; categories[k] = (categories[k] || 0) + 1; }
  const sla = { OK: 0, WARNING: 0, BREACHED: 0 };
  for (const t of open) { const st = t.sla && t.sla.state; sla[st in sla ? st : 'OK']++; }
  draw('category', 'doughnut', categories, ['#1565c0', '#ef8f00', '#2e7d32', '#90a4ae', '#8e24aa']);
  draw('sla', 'bar', { '正常': sla.OK, '预警': sla.WARNING, '已超时': sla.BREACHED }, ['#2e7d32', '#ef8f00', '#c62828']);
}

function draw(name, type, counts, colors) {
  if (!window.Chart) return; // the chart library failed to load: the tables still tell everything
  const labels = Object.keys(counts), data = Object.values(counts);
  if (charts[name]) {
    charts[name].data.labels = labels;
    charts[name].data.datasets[0].data = data;
    charts[name].update('none');
    return;
  }
  charts[name] = new window.Chart($('chart-' + name), {
    type, data: { labels, datasets: [{ label: '工单数', data, backgroundColor: colors }] },
    options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: type !== 'bar' } },
      scales: type === 'bar' ? { y: { beginAtZero: true, ticks: { precision: 0 } } } : undefined },
  });
}

function render() {
  const all = [...state.tickets.values()];
  $('stat-waiting').textContent = all.filter(t => t.status === 'OPEN').length;
  $('stat-active').textContent = `${all.filter(t => t.status === 'ASSIGNED').length} / ${all.filter(t => t.status === 'WAITING_CUSTOMER').length}`;
  renderQueues();
  renderAgents();
  renderBoard();
  renderCharts();
  renderCallbacks();
}

// --- CSV export -----------------------------------------------------------------------------------
/** Cells that a spreadsheet would run as a formula get a leading quote. */
function csvCell(value) {
  let s = String(value ?? '');
  if (/^[=+\-@]/.test(s)) s = "'" + s;
  return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

$('export').addEventListener('click', () => {
  const header = ['工单ID', '类型', '时限', '状态', '截止时间', '记录时间', '处理人', '工单状态'];
  const lines = boardRows().map(r => {
    const t = state.tickets.get(r.ticketId);
    return [r.ticketId, label('type', t ? t.type : r.type), label('metric', r.metric), label('sla', r.state), deadline(r, t) || '', r.at,
      staffName(t ? t.assignee : r.assignee), label('status', t ? t.status : r.status)];
  });
  const csv = '\uFEFF' + [header, ...lines].map(row => row.map(csvCell).join(',')).join('\r\n');
  const link = el('a', { href: URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })),
    download: `sla-board-${new Date().toISOString().slice(0, 10)}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
});

// --- live -----------------------------------------------------------------------------------------
connectDesk(login, {
  '/topic/sla': event => {
    record(event.ticketId, event.state, event.metric, event.dueAt, event.at);
    state.fresh.add(event.ticketId + '/' + event.metric);
    renderBoard();
    if (!state.tickets.has(event.ticketId)) state.missing.add(event.ticketId);
    refreshSoon();
  },
  '/topic/escalations': e => {
    state.escalations = [e, ...state.escalations.filter(x => x.id !== e.id)];
    renderEscalations();
    refreshFollowUps();
  },
}, () => { loadBoard(); refresh(); });

// --- the phones: callers waiting now, and the last 24 hours' service level ---------------------------
async function refreshPhones() {
  try {
    const [live, day] = await Promise.all([api('GET', '/api/calls/live'), api('GET', '/api/reports/calls')]);
    $('phone-waiting').textContent = live.waiting;
    $('phone-longest').textContent = live.waiting ? `${live.longestWaitSeconds} 秒` : '—';
    $('phone-on-calls').textContent = live.agentsOnCalls;
    $('phone-threshold').textContent = day.serviceLevelThresholdSeconds;
    $('phone-service-level').textContent = day.serviceLevel === null ? '—' : `${Math.round(day.serviceLevel * 100)}%`;
    $('phone-counts').textContent = `来电 ${day.offered} · 接听 ${day.answered} · 放弃 ${day.abandoned}`
      + (day.averageSpeedOfAnswerSeconds === null ? '' : ` · 平均应答 ${Math.round(day.averageSpeedOfAnswerSeconds)} 秒`);
  } catch (e) { showError($('error'), e); }
}

setInterval(refresh, 10000);
setInterval(renderQueues, 1000);
setInterval(refreshPhones, 5000);
setInterval(refreshFollowUps, 5000);
refresh();
refreshPhones();
refreshFollowUps();
loadBoard();
