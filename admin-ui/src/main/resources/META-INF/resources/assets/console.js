// The agent's and expert's desk: my tickets and the queue with live SLA countdowns, one conversation
// at a time with history, reply, canned replies, KB suggestions, transfer, wait-for-customer and resolve;
// beside it the customer's file (customer-card.js): vehicles, history on every channel, notes, classification.
import { api, el, fill, showError, requireLogin, topBar, connectDesk, label, ticketTitle, queueLabel, QUEUES,
  slaView, formatTime, LABEL, hasRole, syncClock } from '/assets/common.js';
import { startPhone, onCallEvent, phonePanel } from '/assets/phone.js';
import { showCustomerFile, showPerson } from '/assets/customer-card.js';
import { photoStrip } from '/assets/photos.js';
import { startCallbacks, loadCallbacks, closeCallback, onEscalationPush } from '/assets/callbacks.js';

const login = requireLogin('AGENT', 'EXPERT', 'SUPERVISOR');
const bar = topBar(login, '/console/');
const $ = id => document.getElementById(id);

const state = { mine: new Map(), queue: [], selected: null, seqs: new Set(), unread: new Set(), typingTimer: null,
  canned: [], card: null, photos: new Map() };

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
  const photos = state.photos.get(m.seq);
  return el('div', { class: `msg ${m.from}`, testid: 'conversation-message', 'data-seq': m.seq },
    el('div', { class: 'msg-meta' }, `${label('from', m.from)} · ${formatTime(m.at)}${LABEL.channel[m.channel] ? ' · ' + LABEL.channel[m.channel] : ''}`),
    el('div', { class: 'msg-text' }, m.text),
    photos ? photoStrip(photos) : null);
}

/** A technician's question: its uploaded photos, by the message they came with (only people who may see the question get them). */
async function loadPhotos(t) {
  state.photos = new Map();
  if (t.type !== 'TECH_SUPPORT') return;
  try {
    const detail = await api('GET', `/api/tech-questions/${encodeURIComponent(t.id)}`);
    if (state.selected !== t.id) return;
    for (const p of detail.question.uploadedPhotos || []) {
      if (p.messageSeq == null) continue;
      if (!state.photos.has(p.messageSeq)) state.photos.set(p.messageSeq, []);
      state.photos.get(p.messageSeq).push(p);
    }
  } catch { /* the conversation still shows; its text says how many photos there are */ }
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
  state.card = null;
  state.photos = new Map();
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
  loadCustomer(id);
  try {
    const [history] = await Promise.all([
      api('GET', `/api/conversations/${encodeURIComponent(t.conversationId)}/messages?afterSeq=0&limit=500`), loadPhotos(t)]);
    if (state.selected !== id) return;
    fill($('messages'), [], '这个对话还没有消息。');
    history.forEach(appendMessage);
  } catch (e) { showError($('conversation-error'), e); }
}

function loadCustomer(id) {
  const t = currentTicket();
  state.card = null;
  showCustomerFile($('customer'), t, login, () => state.selected === id, changed => {
    if (state.mine.has(changed.id)) state.mine.set(changed.id, changed);
    renderHead(changed);
    renderLists();
    loadCustomer(changed.id);
  }, card => { state.card = card; });
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

/**
 * Each suggestion shows the passage of the article that matched the ticket (the knowledge base's
 * `passage`), so the agent sees the answer, not just a title; either the passage or the whole
 * article can be inserted into the reply.
 */
function renderSuggestions(t) {
  const list = Array.isArray(t.suggestions) ? t.suggestions : [];
  fill($('suggestions'), list.map(s => {
    const title = typeof s === 'string' ? s : (s.title || s.name || '知识条目');
    const passage = typeof s === 'string' ? '' : (s.passage || '');
    const text = passage || (typeof s === 'string' ? s : (s.snippet || s.summary || s.answer || s.text || s.excerpt || ''));
    return el('div', { class: 'suggestion', testid: 'kb-suggestion' },
      el('div', { class: 's-title' }, title),
      text ? el('div', { class: 'wrap muted s-passage', testid: 'kb-suggestion-passage', title: '与工单内容匹配的段落' }, text) : null,
      passage ? el('button', { testid: 'kb-insert-passage', onclick: () => { insert(passage); reportUse(s.id); } }, '插入这段') : null,
      el('button', { onclick: () => insertArticle(s, text || title) }, passage ? '插入全文' : '插入回复'));
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

// --- actions --------------------------------------------------------------------------------------
// --- canned replies: kept by admins (/admin/), placeholders filled from the ticket in hand ----------
/**
 * How the customer is addressed: the name as revealed, else the surname from the masked card (王* → 王先生/女士);
 * a technician asking the experts is 师傅 (周师傅).
 */
function salutation(card, ticket) {
  const name = card && card.name ? card.name.replace(/\*+$/, '') : '';
  if (ticket && ticket.type === 'TECH_SUPPORT') return name ? name.slice(0, 1) + '师傅' : '师傅';
  if (!name) return '尊敬的客户';
  if (card.revealed || /(先生|女士|小姐)$/.test(name)) return name;
  return name + '先生/女士';
}

function fillPlaceholders(text) {
  const t = currentTicket();
  const values = {
    '客户称呼': salutation(state.card, t),
    '工单号': t ? t.id : '',
    '坐席姓名': login.displayName || '',
    '车型': (state.card && state.card.model) || (t && t.vehicleModel) || '车辆',
  };
  return text.replace(/\{(客户称呼|工单号|坐席姓名|车型)\}/g, (_, name) => values[name]);
}

/** The phrases grouped by category, each category where its first phrase stands. */
function renderCanned() {
  const groups = new Map();
  for (const r of state.canned) {
    if (!groups.has(r.category)) groups.set(r.category, []);
    groups.get(r.category).push(r);
  }
  $('canned').replaceChildren(el('option', { value: '' }, state.canned.length ? '常用回复…' : '暂无常用回复（管理员可在系统管理页添加）'),
    ...[...groups].map(([category, replies]) => el('optgroup', { label: category },
      replies.map(r => el('option', { value: r.id, title: r.text }, r.text.length > 40 ? r.text.slice(0, 40) + '…' : r.text)))));
}

async function loadCanned() {
  try {
    state.canned = await api('GET', '/api/canned-replies');
    renderCanned();
  } catch { /* the select keeps its last list; replies can still be typed */ }
}

$('canned').addEventListener('change', () => {
  const chosen = state.canned.find(r => String(r.id) === $('canned').value);
  if (chosen) insert(fillPlaceholders(chosen.text));
  $('canned').value = '';
});
// admins' edits reach open consoles within minutes, without reloading the page
setInterval(loadCanned, 5 * 60 * 1000);

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

// --- expert desk: a technician's question and its answer become a knowledge-base draft, for review ---
async function loadDrafts() {
  try {
    const drafts = await api('GET', '/api/kb/articles?status=DRAFT');
    fill($('kb-drafts'), drafts.map(d => el('div', { class: 'suggestion', testid: 'kb-draft-item' },
      el('div', { class: 's-title' }, d.title), el('div', { class: 'muted' }, `${d.category || ''} · 第 ${d.version} 版 · 待审核`))),
      '审核队列中没有草稿。');
  } catch (e) { fill($('kb-drafts'), [], e.message); }
}
if (hasRole(login, 'EXPERT')) {
  $('expert-tools').hidden = false;
  loadDrafts();
}
$('kb-draft').addEventListener('click', async () => {
  const t = currentTicket();
  if (!t) return;
  showError($('kb-draft-error'), null);
  if (t.type !== 'TECH_SUPPORT') {
    showError($('kb-draft-error'), new Error('只有技师的技术提问可以整理为知识草稿；客户的对话不进入知识库。'));
    return;
  }
  $('kb-draft').disabled = true;
  try {
    const draft = await api('POST', `/api/tickets/${encodeURIComponent(t.id)}/knowledge-draft`);
    const box = $('kb-draft-result');
    box.replaceChildren(el('div', { class: 's-title' }, '已提交审核：' + draft.title),
      el('pre', { class: 'wrap muted' }, draft.body));
    box.hidden = false;
    loadDrafts();
  } catch (e) { showError($('kb-draft-error'), e); } finally { $('kb-draft').disabled = false; }
});

// --- callbacks (回访): the day's calls, shown in the middle instead of a conversation ---------------------
const isAgent = hasRole(login, 'AGENT');
if (isAgent) {
  startCallbacks({
    showCustomer: c => showPerson($('customer'), c),
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
      const t = currentTicket();
      if (t && t.type === 'TECH_SUPPORT' && event.message.text.includes('[照片')) {
        loadPhotos(t).then(() => { if (state.selected === t.id) appendMessage(event.message); });
        return;
      }
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
loadCanned();
if (isAgent) loadCallbacks();
