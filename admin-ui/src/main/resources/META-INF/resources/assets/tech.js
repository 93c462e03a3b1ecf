// The technicians' desk: ask the experts with the vehicle's facts and photos, read solved questions like
// it, get the expert's answer live, reply (with more photos), and close the question once solved.
import { api, el, fill, showError, requireLogin, topBar, connectDesk, formatTime } from '/assets/common.js';
import { MAX_PHOTOS, photoProblem, uploadAll, photoStrip, previewStrip } from '/assets/photos.js';

const login = requireLogin('TECHNICIAN');
topBar(login, '/tech/');
const $ = id => document.getElementById(id);

const STATUS = { OPEN: '等待专家接单', ASSIGNED: '专家处理中', WAITING_CUSTOMER: '等待您回复', RESOLVED: '已解决' };
const FROM = { technician: '我', agent: '技术专家', system: '系统' };
const CODE = /^[PBCU][0-9A-F]{4}$/;

const state = { questions: [], selected: null, detail: null, seqs: new Set(), unread: new Set(),
  askFiles: [], askUploaded: new Map(), replyFiles: [], replyUploaded: new Map() };

function codesTyped(value) {
  return [...new Set(value.split(/[\s,，、;；]+/).map(c => c.trim().toUpperCase()).filter(Boolean))];
}

function questionTitle(q) {
  const codes = q.dtcCodes.length ? q.dtcCodes.join(' ') : '无故障码';
  return `${codes}${q.model ? ' · ' + q.model : ''} #${q.ticketId.slice(-6)}`;
}

// --- my questions ---------------------------------------------------------------------------------
function questionItem(q) {
  const status = q.ticket.status;
  const item = el('div', { class: `ticket ${status}`, testid: 'question-item', 'data-id': q.ticketId, tabindex: 0,
      onclick: () => select(q.ticketId), onkeydown: e => { if (e.key === 'Enter') select(q.ticketId); } },
    el('div', { class: 't-title' }, questionTitle(q)),
    el('div', { class: 't-meta' }, `${STATUS[status] || status} · ${formatTime(q.askedAt)}`));
  if (q.ticketId === state.selected) item.classList.add('selected');
  if (state.unread.has(q.ticketId)) item.classList.add('unread');
  return item;
}

function renderList() {
  fill($('questions'), state.questions.map(questionItem), '还没有提问。遇到疑难故障时，点“新提问”请技术专家帮忙。');
  $('questions-count').textContent = state.questions.filter(q => q.ticket.status !== 'RESOLVED').length;
}

async function loadQuestions() {
  try {
    state.questions = await api('GET', '/api/tech-questions');
    renderList();
  } catch (e) { fill($('questions'), [], e.message); }
}

// --- similar solved questions ---------------------------------------------------------------------
function renderSimilar(list, emptyText) {
  fill($('similar'), list.map(s => el('div', { class: 'similar', testid: 'similar-question' },
    el('div', { class: 's-title' }, `${s.dtcCodes.join(' ') || '无故障码'}${s.model ? ' · ' + s.model : ''}`),
    el('div', { class: 'muted wrap' }, s.question),
    s.answer ? el('div', { class: 's-answer wrap', testid: 'similar-answer' }, s.answer) : null,
    el('div', { class: 'muted' }, formatTime(s.askedAt)))), emptyText);
}

let similarTimer = null;
/** While a question is being written: solved ones with the same codes (or model and words), to read before asking. */
function similarWhileAsking() {
  clearTimeout(similarTimer);
  similarTimer = setTimeout(async () => {
    const form = $('ask-form');
    const codes = codesTyped(form.codes.value).filter(c => CODE.test(c));
    const model = form.model.value.trim();
    if (!codes.length && !model) {
      renderSimilar([], '填写故障码或车型后，这里显示专家解答过的相似问题。');
      return;
    }
    const query = new URLSearchParams();
    if (codes.length) query.set('dtcCodes', codes.join(','));
    if (model) query.set('model', model);
    if (form.text.value.trim()) query.set('text', form.text.value.trim().slice(0, 500));
    try {
      renderSimilar(await api('GET', '/api/tech-questions/similar?' + query), '暂无相似的已解决问题。');
    } catch { /* typing goes on; the next change asks again */ }
  }, 400);
}

// --- asking ---------------------------------------------------------------------------------------
function showAskForm() {
  state.selected = null;
  $('question').hidden = true;
  $('ask-form').hidden = false;
  renderList();
  similarWhileAsking();
}

function renderAskPreviews() {
  $('ask-previews').replaceChildren(previewStrip(state.askFiles, i => { state.askFiles.splice(i, 1); renderAskPreviews(); }));
}

/** Adds chosen files to a list, refusing what the server would refuse anyway (it checks the bytes again). */
function addFiles(input, list, room, errorBox) {
  showError(errorBox, null);
  for (const file of input.files) {
    const problem = photoProblem(file);
    if (problem) { showError(errorBox, new Error(problem)); continue; }
    if (list.length >= room) { showError(errorBox, new Error(`每个问题最多 ${MAX_PHOTOS} 张照片。`)); break; }
    list.push(file);
  }
  input.value = '';
}

$('ask-photos').addEventListener('change', () => {
  addFiles($('ask-photos'), state.askFiles, MAX_PHOTOS, $('ask-error'));
  renderAskPreviews();
});
for (const name of ['codes', 'model', 'text']) $('ask-form')[name].addEventListener('input', similarWhileAsking);

$('ask-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  showError($('ask-error'), null);
  const text = form.text.value.trim();
  const codes = codesTyped(form.codes.value);
  const wrong = codes.find(c => !CODE.test(c));
  if (!text) { showError($('ask-error'), new Error('请描述故障现象。')); return; }
  if (wrong) { showError($('ask-error'), new Error(`故障码“${wrong}”格式不正确（如 P0AA6、U0100）。`)); return; }
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const photoIds = await uploadAll(state.askFiles, state.askUploaded, t => { $('ask-progress').textContent = t; });
    const body = { text, dtcCodes: codes, photoIds };
    if (form.vin.value.trim()) body.vin = form.vin.value.trim().toUpperCase();
    if (form.model.value.trim()) body.model = form.model.value.trim();
    if (form.mileage.value !== '') body.mileage = Number(form.mileage.value);
    const asked = await api('POST', '/api/tech-questions', body);
    form.reset();
    state.askFiles = [];
    state.askUploaded = new Map();
    renderAskPreviews();
    await loadQuestions();
    select(asked.ticketId);
  } catch (e) {
    $('ask-progress').textContent = '';
    showError($('ask-error'), e);
  }
  button.disabled = false;
});
$('new-question').addEventListener('click', showAskForm);

// --- one question ---------------------------------------------------------------------------------
function photosBySeq(question) {
  const bySeq = new Map();
  for (const p of question.uploadedPhotos || []) {
    if (p.messageSeq == null) continue;
    if (!bySeq.has(p.messageSeq)) bySeq.set(p.messageSeq, []);
    bySeq.get(p.messageSeq).push(p);
  }
  return bySeq;
}

function messageItem(m) {
  const photos = state.detail ? photosBySeq(state.detail.question).get(m.seq) : null;
  return el('div', { class: `msg ${m.from}`, testid: 'conversation-message', 'data-seq': m.seq, 'data-from': m.from },
    el('div', { class: 'msg-meta' }, `${FROM[m.from] || m.from} · ${formatTime(m.at)}`),
    el('div', { class: 'msg-text' }, m.text),
    photos ? photoStrip(photos) : null);
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

function renderHead(q) {
  $('q-title').textContent = questionTitle(q);
  const status = q.ticket.status;
  $('q-status').textContent = STATUS[status] || status;
  $('q-status').className = 'badge' + (status === 'RESOLVED' ? ' good' : '');
  $('q-meta').textContent = [q.vin ? 'VIN ' + q.vin : null, q.mileage != null ? `${q.mileage} 公里` : null,
    '提问于 ' + formatTime(q.askedAt)].filter(Boolean).join(' · ');
  const closed = status === 'RESOLVED';
  $('q-close').hidden = closed;
  $('composer').hidden = closed;
}

async function loadDetail(id) {
  const detail = await api('GET', `/api/tech-questions/${encodeURIComponent(id)}`);
  if (state.selected !== id) return null;
  state.detail = detail;
  renderHead(detail.question);
  renderSimilar(detail.similarQuestions, '暂无相似的已解决问题。');
  return detail;
}

async function select(id) {
  state.selected = id;
  state.unread.delete(id);
  state.seqs = new Set();
  state.detail = null;
  state.replyFiles = [];
  state.replyUploaded = new Map();
  renderReplyPreviews();
  renderList();
  $('ask-form').hidden = true;
  $('question').hidden = false;
  showError($('q-error'), null);
  fill($('messages'), [], '正在加载…');
  try {
    const detail = await loadDetail(id);
    if (!detail) return;
    const history = await api('GET',
      `/api/conversations/${encodeURIComponent(detail.question.ticket.conversationId)}/messages?afterSeq=0&limit=500`);
    if (state.selected !== id) return;
    fill($('messages'), [], '还没有消息。');
    history.forEach(appendMessage);
  } catch (e) { showError($('q-error'), e); }
}

// --- replying and closing -------------------------------------------------------------------------
function renderReplyPreviews() {
  $('reply-previews').replaceChildren(previewStrip(state.replyFiles, i => { state.replyFiles.splice(i, 1); renderReplyPreviews(); }));
}

$('reply-photos').addEventListener('change', () => {
  const q = state.detail && state.detail.question;
  const room = q ? MAX_PHOTOS - q.photos.length - q.uploadedPhotos.length : MAX_PHOTOS;
  addFiles($('reply-photos'), state.replyFiles, room, $('q-error'));
  renderReplyPreviews();
});

async function send() {
  const id = state.selected;
  const text = $('reply').value.trim();
  if (!id || (!text && !state.replyFiles.length)) return;
  $('send').disabled = true;
  showError($('q-error'), null);
  try {
    const photoIds = await uploadAll(state.replyFiles, state.replyUploaded, t => { $('reply-progress').textContent = t; });
    const m = await api('POST', `/api/tech-questions/${encodeURIComponent(id)}/messages`, { text, photoIds });
    $('reply').value = '';
    state.replyFiles = [];
    state.replyUploaded = new Map();
    renderReplyPreviews();
    if (photoIds.length) await loadDetail(id);
    if (state.selected === id) appendMessage(m);
  } catch (e) {
    $('reply-progress').textContent = '';
    showError($('q-error'), e);
  }
  $('send').disabled = false;
}
$('send').addEventListener('click', send);
$('reply').addEventListener('keydown', e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send(); });

$('q-close').addEventListener('click', async () => {
  const id = state.selected;
  if (!id || !confirm('专家的答复已解决问题？关闭后不能再补充，如有新情况请新建提问。')) return;
  showError($('q-error'), null);
  try {
    const q = await api('POST', `/api/tech-questions/${encodeURIComponent(id)}/close`);
    if (state.detail) state.detail.question = q;
    renderHead(q);
    await loadQuestions();
  } catch (e) { showError($('q-error'), e); }
});

// --- live: the expert's answers arrive as they are written -------------------------------------------
connectDesk(login, {
  '/user/queue/messages': async event => {
    if (event.type !== 'message') return;
    const q = state.questions.find(x => x.ticket.conversationId === event.conversationId);
    const open = state.detail && state.detail.question.ticket.conversationId === event.conversationId;
    if (open) {
      // the status changes with an answer (an expert took it, or waits on us): read it again
      loadDetail(state.selected).catch(() => {});
      appendMessage(event.message);
    } else if (q) {
      state.unread.add(q.ticketId);
    }
    loadQuestions();
  },
}, loadQuestions);

setInterval(() => {
  loadQuestions();
  if (state.selected) loadDetail(state.selected).catch(() => {});
}, 30000);

loadQuestions();
showAskForm();
