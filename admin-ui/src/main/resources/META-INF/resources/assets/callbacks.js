// The agent's callbacks (回访) in the console: the calls due today and overdue (their own, and the ones nobody
// has taken yet that they have the skills for), one at a time in the middle: who to call (masked), what the
// ticket was, one click to call, then what the customer said. Also the notice that R&D fixed a problem the
// agent handled.
import { api, el, fill, showError, label, formatTime, formatDuration, serverNow, ticketTitle } from '/assets/common.js';

const $ = id => document.getElementById(id);
const state = { list: [], selected: null, task: null };
let hooks = { showCustomer: () => {}, clearCustomer: () => {}, leaveTicket: () => {} };

function titleOf(task) {
  const t = task.ticket || {};
  return ticketTitle({ type: t.type, category: t.category, id: task.ticketId });
}

function dueText(task) {
  const due = Date.parse(task.dueAt);
  const left = due - serverNow();
  if (task.overdue || left < 0) return { level: 'breached', text: `已逾期 ${formatDuration(left)}` };
  return { level: 'ok', text: `今天 ${formatTime(task.dueAt).slice(-5)} 前` };
}

function dialText(task) {
  if (task.reachedAt) return '客户已接听，请记录通话结果';
  if (task.dialMode === 'VOICE') return `正在通过热线呼叫客户（${formatTime(task.dialledAt)}）`;
  if (task.dialMode === 'MANUAL') return `已手动拨打（${formatTime(task.dialledAt)}），通话后请记录结果`;
  return '';
}

function item(task) {
  const due = dueText(task);
  const node = el('div', { class: `ticket callback-item${due.level === 'breached' ? ' overdue' : ''}`, testid: 'callback-item',
      'data-id': task.id, 'data-ticket': task.ticketId, tabindex: 0,
      onclick: () => open(task.id), onkeydown: e => { if (e.key === 'Enter') open(task.id); } },
    el('div', { class: 't-title' }, '回访 · ' + titleOf(task)),
    el('div', { class: 't-meta' }, label('callbackReason', task.reason) + (task.ownerId == null ? ' · 待认领' : '')
      + (task.attempts ? ` · 已拨 ${task.attempts} 次` : '') + (task.ticket && task.ticket.vehicleModel ? ' · ' + task.ticket.vehicleModel : '')),
    el('div', { class: `t-meta sla-${due.level}` }, due.text, dialText(task) ? ' · ' + dialText(task) : ''));
  if (task.id === state.selected) node.classList.add('selected');
  return node;
}

function renderList() {
  fill($('callbacks'), state.list.map(item), '今天没有待回访的客户。');
  $('callbacks-count').textContent = state.list.length;
}

/** Today's list: due by tonight, overdue first (the server sorts by due time). */
export async function loadCallbacks() {
  try {
    state.list = await api('GET', '/api/callbacks?status=DUE');
    renderList();
    if (state.selected) {
      const fresh = state.list.find(t => t.id === state.selected);
      if (fresh) { state.task = fresh; renderTask(); }
    }
  } catch (e) { fill($('callbacks'), [], '回访列表暂不可用：' + e.message); }
}

function renderTask() {
  const task = state.task;
  $('callback-title').textContent = '回访 · ' + titleOf(task);
  $('callback-reason').textContent = label('callbackReason', task.reason);
  const due = dueText(task);
  $('callback-due').textContent = `应于 ${formatTime(task.dueAt)} 前回访 · ${due.text}`;
  $('callback-due').className = `sla sla-${due.level}`;
  $('callback-status').textContent = dialText(task);
  const t = task.ticket || {};
  const rows = [['回访原因', label('callbackReason', task.reason) + (task.escalationId ? '（研发修复后复查）' : '')],
    ['工单', `${label('type', t.type)}${t.category ? ' · ' + label('category', t.category) : ''} #${String(task.ticketId).slice(-6)}`],
    ['车型', t.vehicleModel || '未知'], ['涉及系统', (t.skills || []).join('、') || '—'],
    ['工单解决于', formatTime(t.resolvedAt)], ['已拨打', `${task.attempts || 0} 次`]];
  if (task.outcome) rows.push(['上次结果', label('outcome', task.outcome)]);
  if (task.note) rows.push(['备注', task.note]);
  $('callback-facts').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', { class: 'wrap' }, v)]));
}

async function open(id) {
  const task = state.list.find(t => t.id === id);
  if (!task) return;
  hooks.leaveTicket();
  state.selected = id;
  state.task = task;
  renderList();
  $('conversation-empty').hidden = true;
  $('callback').hidden = false;
  showError($('callback-error'), null);
  $('callback-outcome').value = '';
  $('callback-note').value = '';
  $('callback-history').open = false;
  fill($('callback-messages'), [], '展开后加载对话记录。');
  renderTask();
  hooks.clearCustomer('正在加载客户信息…');
  try {
    const card = await api('GET', `/api/callbacks/${encodeURIComponent(id)}/customer`);
    if (state.selected === id) hooks.showCustomer(card);
  } catch (e) { if (state.selected === id) hooks.clearCustomer('客户信息暂不可用：' + e.message); }
}

/** Leaves the callback view (a ticket was opened instead). */
export function closeCallback() {
  if (!state.selected) return;
  state.selected = null;
  state.task = null;
  $('callback').hidden = true;
  renderList();
}

async function dial() {
  const id = state.selected;
  if (!id) return;
  $('callback-dial').disabled = true;
  showError($('callback-error'), null);
  try {
    const result = await api('POST', `/api/callbacks/${encodeURIComponent(id)}/dial`);
    state.task = result.task;
    state.list = state.list.map(t => t.id === id ? result.task : t);
    renderList();
    renderTask();
    $('callback-status').textContent = result.via === 'VOICE'
      ? '正在通过热线呼叫客户，客户接听后会转接给您。通话结束后请记录结果。'
      : '未配置语音外呼：请用您的电话拨打客户，通话后在下方记录结果。已记录为手动拨打。';
  } catch (e) { showError($('callback-error'), e); }
  $('callback-dial').disabled = false;
}

async function record(event) {
  event.preventDefault();
  const id = state.selected;
  const outcome = $('callback-outcome').value;
  if (!id) return;
  if (!outcome) { showError($('callback-error'), new Error('请选择通话结果。')); return; }
  const button = $('callback-form').querySelector('button');
  button.disabled = true;
  showError($('callback-error'), null);
  try {
    const note = $('callback-note').value.trim();
    const done = await api('POST', `/api/callbacks/${encodeURIComponent(id)}/result`, note ? { outcome, note } : { outcome });
    const position = state.list.findIndex(t => t.id === id);
    await loadCallbacks();
    const said = done.status === 'OPEN' ? `已记录“${label('outcome', outcome)}”，将于 ${formatTime(done.dueAt)} 再次回访。`
      : `已记录“${label('outcome', outcome)}”。` + (done.followUpTicketId ? '已重新开单跟进该问题。' : '');
    // on to the next call of the day, if any
    const rest = state.list.filter(t => t.id !== id);
    const next = rest[Math.min(Math.max(position, 0), rest.length - 1)];
    if (next) {
      await open(next.id);
      $('callback-status').textContent = said + ' 下一位客户：';
    } else {
      closeCallback();
      hooks.clearCustomer('未选择工单。');
      $('conversation-empty').hidden = false;
      $('conversation-empty').textContent = said + ' 今天的回访都已处理完。';
    }
  } catch (e) { showError($('callback-error'), e); }
  button.disabled = false;
}

async function loadHistory() {
  const task = state.task;
  if (!$('callback-history').open || !task || !task.ticket || !task.ticket.conversationId) return;
  try {
    const history = await api('GET', `/api/conversations/${encodeURIComponent(task.ticket.conversationId)}/messages?afterSeq=0&limit=200`);
    if (state.task !== task) return;
    fill($('callback-messages'), history.map(m => el('div', { class: `msg ${m.from}` },
      el('div', { class: 'msg-meta' }, `${label('from', m.from)} · ${formatTime(m.at)}`),
      el('div', { class: 'msg-text' }, m.text))), '这个工单没有对话记录。');
  } catch (e) {
    fill($('callback-messages'), [], e.status === 404 ? '该工单的对话记录您无权查看（回访由主管转派给您）。' : '对话记录暂不可用：' + e.message);
  }
}

/** R&D fixed the root cause of a problem this agent handled. */
export function onEscalationPush(event) {
  if (!event || event.type !== 'resolved' || !event.escalation) return;
  const e = event.escalation;
  const notice = el('div', { class: 'notice', testid: 'escalation-notice' },
    el('p', {}, `研发已解决您处理过的问题：${label('escalation', e.kind)}（${e.subject || ''}）。根本原因：${e.rootCause || '—'}；`
      + `修复：${e.fix || '—'}。受影响的客户将在一个月后收到复查回访。`),
    el('button', { onclick: () => notice.remove(), 'aria-label': '关闭通知' }, '知道了'));
  $('notices').prepend(notice);
}

/** Shows the list and wires the view; {@code h} lets the console show the customer card and leave its ticket. */
export function startCallbacks(h) {
  hooks = { ...hooks, ...h };
  $('callbacks-section').hidden = false;
  $('callback-dial').addEventListener('click', dial);
  $('callback-form').addEventListener('submit', record);
  $('callback-history').addEventListener('toggle', loadHistory);
}
