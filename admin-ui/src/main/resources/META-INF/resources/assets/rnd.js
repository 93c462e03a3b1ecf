// The R&D engineer's desk: the escalations routed to R&D (a technical problem that keeps coming back), each
// acknowledged by the engineer who then owns it, discussed, and closed with its root cause and fix (or
// rejected with a reason). Supervisors and admins may work their own queue here too.
import { api, el, fill, showError, requireLogin, topBar, label, formatTime, hasRole } from '/assets/common.js';

const login = requireLogin('RND', 'SUPERVISOR', 'ADMIN');
topBar(login, '/rnd/');
const $ = id => document.getElementById(id);
const seesAll = hasRole(login, 'SUPERVISOR', 'ADMIN');
const state = { active: [], closed: [], selected: null, detail: null };

if (seesAll) $('queue').hidden = false;

function queue() { return seesAll ? $('queue').value : 'RND'; }

function item(e) {
  const late = e.status === 'OPEN' && e.acknowledgeOverdue;
  const node = el('div', { class: `esc ${e.status}${late ? ' late' : ''}`, testid: 'escalation-item', 'data-id': e.id,
      'data-status': e.status, tabindex: 0, onclick: () => select(e.id), onkeydown: k => { if (k.key === 'Enter') select(e.id); } },
    el('div', { class: 'e-title' }, label('escalation', e.kind) + '：' + (e.subject || '')),
    el('div', { class: 'e-meta' }, `${label('escalationStatus', e.status)} · ${formatTime(e.createdAt)} · ${(e.ticketIds || []).length} 个工单`
      + (e.ownerName ? ' · 负责人 ' + e.ownerName : '') + (late ? ' · 超时未确认' : '')));
  if (e.id === state.selected) node.classList.add('selected');
  return node;
}

function renderLists() {
  fill($('active'), state.active.map(item), '没有待处理的升级事件。');
  fill($('closed'), state.closed.map(item), '近 30 天没有关闭的升级事件。');
  $('active-count').textContent = state.active.length;
}

async function load() {
  try {
    const q = encodeURIComponent(queue());
    const [active, closed] = await Promise.all([api('GET', `/api/escalations?queue=${q}&status=OPEN,ACKNOWLEDGED`),
      api('GET', `/api/escalations?queue=${q}&status=RESOLVED,REJECTED&since=${encodeURIComponent(new Date(Date.now() - 30 * 864e5).toISOString())}`)]);
    // oldest waiting first: that is the one most overdue
    state.active = active.reverse();
    state.closed = closed;
    showError($('error'), null);
    renderLists();
  } catch (e) { showError($('error'), e); }
}

async function select(id) {
  state.selected = id;
  renderLists();
  $('detail-empty').hidden = true;
  $('detail').hidden = false;
  showError($('d-error'), null);
  try {
    const detail = await api('GET', `/api/escalations/${encodeURIComponent(id)}`);
    if (state.selected !== id) return;
    state.detail = detail;
    renderDetail();
  } catch (e) { showError($('d-error'), e); }
}

function renderDetail() {
  const e = state.detail.escalation;
  $('d-title').textContent = label('escalation', e.kind) + '：' + (e.subject || '');
  $('d-status').textContent = label('escalationStatus', e.status) + (e.status === 'OPEN' && e.acknowledgeOverdue ? '（超时未确认）' : '');
  $('d-status').className = 'badge ' + (e.status === 'RESOLVED' ? 'good' : e.acknowledgeOverdue && e.status === 'OPEN' ? 'breach' : '');
  const rows = [['队列', label('queue', e.queue)], ['升级时间', formatTime(e.createdAt)], ['负责人', e.ownerName || '尚未确认']];
  if (e.acknowledgedAt) rows.push(['确认时间', formatTime(e.acknowledgedAt)]);
  if (e.closedAt) rows.push(['关闭时间', formatTime(e.closedAt)]);
  if (e.rootCause) rows.push(['根本原因', e.rootCause]);
  if (e.fix) rows.push(['修复说明', e.fix]);
  if (e.rejectReason) rows.push(['驳回原因', e.rejectReason]);
  $('d-facts').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', { class: 'wrap', testid: 'escalation-fact' }, v)]));
  renderActions(e);
  const tickets = state.detail.tickets.map(t => el('tr', { testid: 'escalation-ticket', 'data-id': t.id },
    el('td', {}, '#' + String(t.id).slice(-6)),
    el('td', {}, label('type', t.type) + (t.category ? ' · ' + label('category', t.category) : '')),
    el('td', {}, t.vehicleModel || '未知'), el('td', {}, (t.skills || []).join('、') || '—'),
    el('td', {}, formatTime(t.openedAt)), el('td', {}, label('status', t.status)), el('td', {}, t.assigneeName || '—')));
  if (tickets.length) $('d-tickets').replaceChildren(...tickets);
  else $('d-tickets').replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'empty' }, '没有相关工单。')));
  renderComments();
}

/** Only the discussion: a comment must not wipe a root cause being typed in the forms above. */
function renderComments() {
  fill($('d-comments'), state.detail.comments.map(c => el('div', { class: 'comment', testid: 'escalation-comment' },
    el('div', { class: 'c-meta' }, `${c.authorName || '#' + c.authorId} · ${formatTime(c.createdAt)}`),
    el('div', { class: 'wrap' }, c.text))), '还没有讨论。');
}

function textArea(testid, placeholder) {
  return el('textarea', { testid, rows: 3, maxlength: 2000, placeholder, required: true });
}

function renderActions(e) {
  const box = $('d-actions');
  const mine = e.ownerId === login.staffId || seesAll;
  if (e.status === 'OPEN') {
    box.replaceChildren(el('button', { class: 'primary', testid: 'escalation-acknowledge',
      onclick: () => move({ status: 'ACKNOWLEDGED' }) }, '确认接手（由我负责）'));
  } else if (e.status === 'ACKNOWLEDGED' && mine) {
    const rootCause = textArea('escalation-root-cause', '根本原因，如：充电口温度传感器固件误报过温');
    const fix = textArea('escalation-fix', '修复说明，如：OTA 2.3.1 修正阈值，服务站可升级');
    const reason = textArea('escalation-reject-reason', '驳回原因，如：非产品缺陷，属用户操作问题');
    box.replaceChildren(
      el('form', { onsubmit: ev => { ev.preventDefault(); move({ status: 'RESOLVED', rootCause: rootCause.value.trim(), fix: fix.value.trim() }); } },
        el('label', {}, '根本原因', rootCause), el('label', {}, '修复说明', fix),
        el('p', { class: 'muted' }, '标记解决后，相关工单的客服会收到通知，受影响的客户一个月后会收到复查回访。'),
        el('button', { class: 'primary', type: 'submit', testid: 'escalation-resolve' }, '标记已解决')),
      el('form', { onsubmit: ev => { ev.preventDefault(); move({ status: 'REJECTED', reason: reason.value.trim() }); } },
        el('label', {}, '驳回原因', reason),
        el('button', { class: 'danger', type: 'submit', testid: 'escalation-reject' }, '驳回')));
  } else if (e.status === 'ACKNOWLEDGED') {
    box.replaceChildren(el('p', { class: 'muted' }, `由 ${e.ownerName || '#' + e.ownerId} 负责处理。`));
  } else {
    box.replaceChildren();
  }
}

async function move(body) {
  const id = state.selected;
  showError($('d-error'), null);
  for (const b of $('d-actions').querySelectorAll('button')) b.disabled = true;
  try {
    await api('PATCH', `/api/escalations/${encodeURIComponent(id)}`, body);
    await Promise.all([load(), select(id)]);
  } catch (e) {
    showError($('d-error'), e);
    for (const b of $('d-actions').querySelectorAll('button')) b.disabled = false;
  }
}

$('comment-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const text = $('comment-text').value.trim();
  if (!text || !state.selected) return;
  const button = $('comment-form').querySelector('button');
  button.disabled = true;
  try {
    const comment = await api('POST', `/api/escalations/${encodeURIComponent(state.selected)}/comments`, { text });
    state.detail.comments.push(comment);
    $('comment-text').value = '';
    renderComments();
  } catch (e) { showError($('d-error'), e); }
  button.disabled = false;
});

$('queue').addEventListener('change', () => {
  state.selected = null;
  $('detail').hidden = true;
  $('detail-empty').hidden = false;
  load();
});

setInterval(load, 20000);
load();
