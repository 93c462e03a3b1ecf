// The agent's and expert's desk: my tickets and the queue with live SLA countdowns, one conversation
// at a time with history, reply, canned replies, KB suggestions, transfer, wait-for-customer and resolve.
import { api, el, fill, showError, requireLogin, topBar, connectDesk, label, ticketTitle, queueLabel, QUEUES,
  slaView, formatTime, LABEL, hasRole, syncClock } from '/assets/common.js';
import { startPhone, onCallEvent, phonePanel } from '/assets/phone.js';
import { startCallbacks, loadCallbacks, closeCallback, onEscalationPush } from '/assets/callbacks.js';

const login = requireLogin('AGENT', 'EXPERT');
const bar = topBar(login, '/console/');
const $ = id => document.getElementById(id);

const CANNED = [
  '您好，我是您的专属客服，很高兴为您服务。',
  '请提供一下您的车架号（VIN）和车型，方便我为您查询。',
  '请问故障出现时仪表盘上有没有亮起警告灯？能否拍照发给我们？',
  '已为您登记，我们会尽快安排就近的服务站与您联系。',
  '请问还有其他可以帮您的吗？',
  '感谢您的耐心等待，问题已经处理完毕，祝您用车愉快！',
];

const state = { mine: new Map(), queue: [], selected: null, seqs: new Set(), unread: new Set(), typingTimer: null };

// --- presence -------------------------------------------------------------------------------------
const presence = el('select', { testid: 'presence', 'aria-label': '在线状态' },
  ['ONLINE', 'AWAY', 'OFFLINE'].map(p => el('option', { value: p }, label('presence', p))));
bar.prepend(presence);
presence.addEventListener('change', async () => {
  try {
    await api('PUT', '/api/staff/me/presence', { status: presence.value });
    await loadTickets();
  } catch (e) { alert(e.message); }
});

// --- ticket lists ---------------------------------------------------------------------------------
function ticketItem(t, inQueue) {
  const sla = slaView(t);
  const item = el('div', { class: `ticket ${sla.level}`, testid: 'ticket-item', 'data-id': t.id, tabindex: 0,
      onclick: () => select(t.id), onkeydown: e => { if (e.key === 'Enter') select(t.id); } },
    el('div', { class: 't-title' }, ticketTitle(t)),
    el('div', { class: 't-meta' }, `${label('status', t.status)} · ${queueLabel(t.queue)}${t.vehicleModel ? ' · ' + t.vehicleModel : ''}`),
    el('div', { class: `t-meta t-sla sla-${sla.level}` }, sla.text));
  if (t.id === state.selected) item.classList.add('selected');
  if (state.unread.has(t.id)) item.classList.add('unread');
  if (inQueue) item.title = '排队中的工单：按技能和负载自动分配';
  return item;
}

function renderLists() {
  const mine = [...state.mine.values()].filter(t => t.status !== 'RESOLVED');
  fill($('mine'), mine.map(t => ticketItem(t, false)),
    presence.value === 'ONLINE' ? '暂无分配给您的工单，新工单会自动出现在这里。' : '您当前不在线：切换为“在线”后才会收到新工单。');
  fill($('queue'), state.queue.map(t => ticketItem(t, true)), '队列中没有等待的工单。');
  $('mine-count').textContent = mine.length;
  $('queue-count').textContent = state.queue.length;
}

async function loadTickets() {
  try {
    const [mine, queue] = await Promise.all([api('GET', '/api/tickets?assignee=me'), api('GET', '/api/tickets?status=OPEN'),
      syncClock()]);
    state.mine = new Map(mine.filter(t => t.status !== 'RESOLVED').map(t => [t.id, t]));
    state.queue = queue;
    renderLists();
    if (state.selected) {
      const t = state.mine.get(state.selected) || queue.find(q => q.id === state.selected);
      if (t) renderHead(t);
    }
  } catch (e) { fill($('mine'), [], e.message); }
}

// --- one conversation -----------------------------------------------------------------------------
function currentTicket() { return state.mine.get(state.selected) || state.queue.find(t => t.id === state.selected); }

function renderHead(t) {
  $('ticket-title').textContent = ticketTitle(t);
  $('ticket-status').textContent = label('status', t.status);
  const sla = slaView(t);
  $('ticket-sla').textContent = sla.text;
  $('ticket-sla').className = `sla sla-${sla.level}`;
  const mineNow = state.mine.has(t.id);
  for (const id of ['wait-customer', 'resolve', 'transfer', 'send']) $(id).disabled = !mineNow;
  $('wait-customer').disabled = !mineNow || t.status !== 'ASSIGNED';
  $('reply').placeholder = mineNow ? '输入回复，Ctrl+Enter 发送' : '此工单未分配给您，不能回复。';
  const targets = Object.keys(QUEUES).filter(q => q !== t.queue);
  $('transfer-to').replaceChildren(
    ...targets.map(q => el('option', { value: q }, '转到' + queueLabel(q))),
    el('option', { value: '__staff' }, '转给指定同事（输入工号 ID）…'));
}

function messageItem(m) {
  return el('div', { class: `msg ${m.from}`, testid: 'conversation-message', 'data-seq': m.seq },
    el('div', { class: 'msg-meta' }, `${label('from', m.from)} · ${formatTime(m.at)}${LABEL.channel[m.channel] ? ' · ' + LABEL.channel[m.channel] : ''}`),
    el('div', { class: 'msg-text' }, m.text));
}

function appendMessage(m) {
  if (state.seqs.has(m.seq)) return;
  state.seqs.add(m.seq);
  const box = $('messages');
  box.querySelector('.empty')?.remove();
  const later = [...box.children].find(c => Number(c.dataset.seq) > m.seq);
  box.insertBefore(messageItem(m), later || null);
  box.scrollTop = box.scrollHeight;
}

async function select(id) {
  closeCallback();
  state.selected = id;
  state.unread.delete(id);
  state.seqs = new Set();
  renderLists();
  const t = currentTicket();
  if (!t) return;
  $('conversation-empty').hidden = true;
  $('conversation').hidden = false;
  showError($('conversation-error'), null);
  renderHead(t);
  $('typing').hidden = true;
  fill($('messages'), [], '正在加载对话记录…');
  loadSuggestions(id);
  loadNote(id);
  loadCustomer(id);
  try {
    const history = await api('GET', `/api/conversations/${encodeURIComponent(t.conversationId)}/messages?afterSeq=0&limit=500`);
    if (state.selected !== id) return;
    fill($('messages'), [], '这个对话还没有消息。');
    history.forEach(appendMessage);
  } catch (e) { showError($('conversation-error'), e); }
}

async function loadCustomer(id) {
  const card = $('customer');
  try {
    const c = await api('GET', `/api/console/tickets/${encodeURIComponent(id)}/customer`);
    if (state.selected !== id) return;
    renderCustomer(c);
  } catch (e) { card.replaceChildren(el('div', { class: 'empty' }, '客户信息暂不可用：' + e.message)); }
}

/** Phone and name arrive masked; people allowed to reveal them say why, and the reveal is audited on the server. */
function renderCustomer(c) {
  const t = currentTicket();
  const rows = [['客户', c.name || '未留姓名'], ['手机', c.phone || '未留手机号'], ['车型', c.model || (t && t.vehicleModel) || '未知'],
    ['VIN', c.vin || '未提供']];
  const items = rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', { testid: 'customer-' + k }, v)]);
  if (c.canReveal && !c.revealed) {
    const reason = el('input', { testid: 'reveal-reason', maxlength: 500, placeholder: '查看原因（必填，将记入审计日志）',
      'aria-label': '查看完整信息的原因' });
    const error = el('div', { class: 'error', role: 'alert' });
    const button = el('button', { testid: 'reveal-customer', onclick: async () => {
      if (!reason.value.trim()) { error.textContent = '请填写查看原因。'; return; }
      button.disabled = true;
      try {
        const full = await api('POST', `/api/customers/${encodeURIComponent(c.customerId)}/reveal`, { reason: reason.value.trim() });
        renderCustomer({ ...c, name: full.name, phone: full.phone, vin: full.vin || c.vin, revealed: true });
      } catch (e) { showError(error, e); button.disabled = false; }
    } }, '查看完整信息');
    items.push(el('div', { class: 'reveal' }, reason, button, error));
  } else if (c.revealed) {
    items.push(el('div', { class: 'muted' }, '已显示完整信息（本次查看已记入审计日志）'));
  }
  $('customer').replaceChildren(...items);
}

/**
 * KB suggestions are worked out for the ticket's text when it is opened (GET /api/tickets/{id} carries them;
 * the assignment push does not, so it reaches the agent at once).
 */
async function loadSuggestions(id) {
  fill($('suggestions'), [], '正在查找推荐文章…');
  let t = {};
  try {
    t = await api('GET', `/api/tickets/${encodeURIComponent(id)}`);
  } catch { /* shown as "no suggestions"; the conversation itself still loads */ }
  if (state.selected === id) renderSuggestions(t);
}

/** Each suggestion can be inserted into the reply. */
function renderSuggestions(t) {
  const list = Array.isArray(t.suggestions) ? t.suggestions : [];
  fill($('suggestions'), list.map(s => {
    const title = typeof s === 'string' ? s : (s.title || s.name || '知识条目');
    const text = typeof s === 'string' ? s : (s.snippet || s.summary || s.answer || s.text || s.excerpt || '');
    return el('div', { class: 'suggestion', testid: 'kb-suggestion' },
      el('div', { class: 's-title' }, title),
      text ? el('div', { class: 'wrap muted' }, text) : null,
      el('button', { onclick: () => insertArticle(s, text || title) }, '插入回复'));
  }), '暂无推荐文章（知识库尚未接入或没有匹配的条目）。');
}

/** Inserts the article's text when the knowledge base can give it (GET /api/kb/articles/{id}), else what we have. */
async function insertArticle(suggestion, fallback) {
  if (suggestion && suggestion.id) {
    try {
      const article = await api('GET', `/api/kb/articles/${encodeURIComponent(suggestion.id)}`);
      if (article && article.body) {
        insert(article.body.length > 1000 ? article.body.slice(0, 1000) + '…' : article.body);
        reportUse(suggestion.id);
        return;
      }
    } catch { /* the knowledge base is not reachable: fall back to the title */ }
  }
  insert(fallback);
}

/** Tells the server a suggested article was used, so the knowledge base's owners see which ones help. */
function reportUse(articleId) {
  const ticketId = state.selected;
  if (ticketId) {
    api('POST', `/api/tickets/${encodeURIComponent(ticketId)}/suggestions/${encodeURIComponent(articleId)}/used`).catch(() => {});
  }
}

function insert(text) {
  const reply = $('reply');
  reply.value = reply.value ? reply.value + '\n' + text : text;
  reply.focus();
}

// --- internal notes: kept in this browser only until the server stores notes -----------------------
function loadNote(id) {
  const note = $('note');
  note.disabled = false;
  note.value = localStorage.getItem('huiying.note.' + id) || '';
}
$('note').addEventListener('input', () => {
  if (state.selected) localStorage.setItem('huiying.note.' + state.selected, $('note').value);
});

// --- actions --------------------------------------------------------------------------------------
$('canned').replaceChildren(el('option', { value: '' }, '常用回复…'), ...CANNED.map(c => el('option', { value: c }, c)));
$('canned').addEventListener('change', () => { if ($('canned').value) insert($('canned').value); $('canned').value = ''; });

async function send() {
  const text = $('reply').value.trim();
  if (!text || !state.selected) return;
  $('send').disabled = true;
  showError($('conversation-error'), null);
  try {
    const m = await api('POST', `/api/tickets/${encodeURIComponent(state.selected)}/messages`, { text });
    $('reply').value = '';
    appendMessage(m);
    // the first reply stops the first-response clock: show the resolution countdown from now on
    api('GET', `/api/tickets/${encodeURIComponent(state.selected)}`).then(t => {
      if (state.mine.has(t.id)) { state.mine.set(t.id, t); renderLists(); if (t.id === state.selected) renderHead(t); }
    }, () => { /* the next refresh shows it */ });
  } catch (e) { showError($('conversation-error'), e); }
  $('send').disabled = false;
}
$('send').addEventListener('click', send);
$('reply').addEventListener('keydown', e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send(); });

async function act(path, body, leaves) {
  showError($('conversation-error'), null);
  try {
    const t = await api('POST', `/api/tickets/${encodeURIComponent(state.selected)}/${path}`, body);
    if (leaves) {
      state.mine.delete(t.id);
      state.selected = null;
      $('conversation').hidden = true;
      $('conversation-empty').hidden = false;
    } else {
      state.mine.set(t.id, t);
      renderHead(t);
    }
    renderLists();
  } catch (e) { showError($('conversation-error'), e); }
}
$('resolve').addEventListener('click', () => { if (confirm('确认该工单已解决？')) act('resolve', undefined, true); });
$('wait-customer').addEventListener('click', () => act('wait-customer', undefined, false));
$('transfer').addEventListener('click', () => {
  let to = $('transfer-to').value;
  if (to === '__staff') {
    to = (prompt('请输入接收同事的工号 ID（数字）') || '').trim();
    if (!/^\d+$/.test(to)) { if (to) showError($('conversation-error'), new Error('工号 ID 须为数字。')); return; }
  }
  act('transfer', { to }, true);
});

// --- expert desk: turn a good answer into a knowledge-base draft ------------------------------------
if (hasRole(login, 'EXPERT')) $('expert-tools').hidden = false;
$('kb-draft').addEventListener('click', () => {
  const t = currentTicket();
  if (!t) return;
  const lines = [...document.querySelectorAll('#messages .msg')];
  const said = from => lines.filter(m => m.classList.contains(from)).map(m => m.querySelector('.msg-text').textContent);
  const draft = [`标题：${label('category', t.category) || label('type', t.type)}${t.vehicleModel ? ' · ' + t.vehicleModel : ''}`,
    `适用车型：${t.vehicleModel || '未知'}`, `相关技能：${(t.skills || []).join('、') || '—'}`,
    '', '问题：', ...said('customer'), '', '解答：', ...said('agent')].join('\n');
  const box = $('kb-draft-text');
  box.value = draft;
  box.hidden = false;
  box.select();
  navigator.clipboard?.writeText(draft).catch(() => {});
});

// --- callbacks (回访): the day's calls, shown in the middle instead of a conversation ---------------------
const isAgent = hasRole(login, 'AGENT');
if (isAgent) {
  startCallbacks({
    showCustomer: renderCustomer,
    clearCustomer: text => $('customer').replaceChildren(el('div', { class: 'empty' }, text)),
    leaveTicket: () => {
      state.selected = null;
      $('conversation').hidden = true;
      renderLists();
    },
  });
}

// --- hotline --------------------------------------------------------------------------------------
$('side').prepend(phonePanel());
startPhone(async ticketId => { await loadTickets(); select(ticketId); }, () => loadTickets());

// --- live -----------------------------------------------------------------------------------------
connectDesk(login, {
  '/user/queue/calls': onCallEvent,
  // a supervisor gave this agent a callback (or took one away)
  '/user/queue/callbacks': () => { if (isAgent) loadCallbacks(); },
  // R&D fixed the root cause of a problem this agent handled
  '/user/queue/escalations': onEscalationPush,
  '/user/queue/assignments': t => {
    state.mine.set(t.id, t);
    state.queue = state.queue.filter(q => q.id !== t.id);
    if (t.id !== state.selected) state.unread.add(t.id);
    renderLists();
  },
  // the server tells the assignee when a ticket's SLA turns amber or red
  '/user/queue/sla': t => {
    if (t.status === 'RESOLVED') return;
    state.mine.set(t.id, t);
    renderLists();
    if (t.id === state.selected) renderHead(t);
    syncClock().then(renderLists, () => {});
  },
  '/user/queue/messages': event => {
    if (event.type === 'typing') {
      if (event.ticketId !== state.selected) return;
      $('typing').hidden = false;
      clearTimeout(state.typingTimer);
      state.typingTimer = setTimeout(() => { $('typing').hidden = true; }, 4000);
      return;
    }
    if (event.ticketId === state.selected) {
      $('typing').hidden = true;
      appendMessage(event.message);
    } else {
      state.unread.add(event.ticketId);
      if (!state.mine.has(event.ticketId)) { loadTickets(); return; }
      renderLists();
    }
  },
}, () => { loadTickets(); if (isAgent) loadCallbacks(); });

// countdowns tick in place, so clicking a ticket never races a list rebuild
setInterval(() => {
  for (const item of document.querySelectorAll('.ticket')) {
    const t = state.mine.get(item.dataset.id) || state.queue.find(q => q.id === item.dataset.id);
    if (!t) continue;
    const sla = slaView(t);
    item.classList.remove('ok', 'warning', 'breached');
    item.classList.add(sla.level);
    const line = item.querySelector('.t-sla');
    line.textContent = sla.text;
    line.className = `t-meta t-sla sla-${sla.level}`;
  }
  const t = state.selected && currentTicket();
  if (t) { const sla = slaView(t); $('ticket-sla').textContent = sla.text; $('ticket-sla').className = `sla sla-${sla.level}`; }
}, 1000);
setInterval(loadTickets, 20000);
if (isAgent) setInterval(loadCallbacks, 60000);

api('GET', '/api/staff/me').then(me => { presence.value = me.presence; renderLists(); }).catch(() => {});
loadTickets();
if (isAgent) loadCallbacks();
