// The customer's chat widget: opens a session on the first message, talks to the gateway over a
// WebSocket, shows a ✓ once the server has stored a message, reconnects with backoff and resumes by seq.
// Unacknowledged messages are kept in localStorage and sent again (same cmid, stored once) after reconnecting.

const SESSION_KEY = 'huiying.chat.session';
const OUTBOX_KEY = 'huiying.chat.outbox';
const $ = id => document.getElementById(id);
const FROM = { customer: '我', agent: '客服', system: '系统' };
const ERRORS = {
  empty_text: '消息不能为空。', text_too_long: '消息太长了，请分几次发送（每条最多 4000 字）。',
  no_survey: '当前没有待评价的服务，感谢您的支持！', invalid_phone: '手机号格式不正确。',
  invalid_vin: '车架号（VIN）须为 17 位字母和数字（不含 I、O、Q）。', invalid_name: '称呼太长了。', invalid_model: '车型名称太长了。',
  invalid_code: '验证码不正确或已过期。', too_soon: '验证码刚刚发出，请一分钟后再试。', too_many_codes: '验证码发送次数过多，请稍后再试。',
  locked: '验证码错误次数过多，请 30 分钟后再试。', invalid_token: '会话已失效，请刷新页面。',
};

let session = load(SESSION_KEY, null);
let outbox = load(OUTBOX_KEY, []);
let socket = null;
let gatewayPort = null;
let failures = 0;
let lastSeq = 0; // of the messages shown; history is replayed from 0 on every page load
const shownSeqs = new Set();
let lastTypingSent = 0;

function load(key, fallback) { try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; } }
function store(key, value) { localStorage.setItem(key, JSON.stringify(value)); }
function showError(text) { $('error').textContent = text || ''; }

function setStatus(state, text) { $('status').dataset.state = state; $('status').textContent = text; }

function bubble(from, text, meta) {
  const node = document.createElement('div');
  node.className = 'bubble ' + from;
  node.dataset.testid = 'chat-message';
  const body = document.createElement('div');
  body.className = 'msg-text';
  body.textContent = text; // customer and agent text alike stay text
  const line = document.createElement('div');
  line.className = 'b-meta';
  line.textContent = meta;
  node.append(body, line);
  return node;
}

function place(node, seq) {
  $('welcome')?.remove();
  const box = $('messages');
  if (seq !== undefined) {
    node.dataset.seq = seq;
    const later = [...box.children].find(c => c.dataset.seq && Number(c.dataset.seq) > seq);
    box.insertBefore(node, later || box.querySelector('.pending'));
  } else {
    box.append(node);
  }
  box.scrollTop = box.scrollHeight;
}

function time(iso) { return new Date(iso || Date.now()).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false }); }

function showMessage(m) {
  if (shownSeqs.has(m.seq)) return;
  shownSeqs.add(m.seq);
  lastSeq = Math.max(lastSeq, m.seq);
  const meta = `${FROM[m.from] || m.from} · ${time(m.at)}` + (m.from === 'customer' ? ' ✓' : '');
  const node = bubble(m.from, m.text, meta);
  if (m.from === 'customer') node.dataset.acked = 'true';
  place(node, m.seq);
}

function showPending(item) {
  const node = bubble('customer', item.text, '发送中…');
  node.classList.add('pending');
  node.dataset.cmid = item.cmid;
  place(node);
}

function acknowledge(cmid, seq) {
  outbox = outbox.filter(o => o.cmid !== cmid);
  store(OUTBOX_KEY, outbox);
  const node = document.querySelector(`.bubble[data-cmid="${CSS.escape(cmid)}"]`);
  if (shownSeqs.has(seq)) { node?.remove(); return; }
  shownSeqs.add(seq);
  if (!node) return;
  node.classList.remove('pending');
  node.dataset.acked = 'true';
  const meta = node.querySelector('.b-meta');
  meta.textContent = `我 · ${time()} `;
  const tick = document.createElement('span');
  tick.className = 'b-ack';
  tick.title = '已送达';
  tick.textContent = '✓';
  meta.append(tick);
  node.remove();
  place(node, seq);
}

function sendFrame(frame) {
  if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(frame)); return true; }
  return false;
}

async function gatewayAddress() {
  if (!gatewayPort) {
    const r = await fetch('/api/chat/config');
    if (!r.ok) throw new Error('config ' + r.status);
    gatewayPort = (await r.json()).gatewayPort;
  }
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  return `${scheme}${location.hostname}:${gatewayPort}/ws/chat?token=${encodeURIComponent(session.customerToken)}`;
}

async function connect() {
  if (!session || (socket && socket.readyState <= WebSocket.OPEN)) return;
  setStatus('idle', '正在连接…');
  let address;
  try { address = await gatewayAddress(); } catch { retry(); return; }
  const ws = new WebSocket(address);
  socket = ws;
  ws.onopen = () => {
    failures = 0;
    setStatus('open', '已连接');
    showError('');
    ws.send(JSON.stringify({ type: 'resume', afterSeq: lastSeq }));
    for (const item of outbox) ws.send(JSON.stringify({ type: 'message', cmid: item.cmid, text: item.text }));
  };
  ws.onmessage = event => {
    const frame = JSON.parse(event.data);
    if (frame.type === 'ack') acknowledge(frame.cmid, frame.seq);
    else if (frame.type === 'message') showMessage(frame);
    else if (frame.type === 'error') onError(frame);
  };
  ws.onclose = () => { if (socket === ws) { socket = null; retry(); } };
}

/** Backoff 1 s, 2 s, 4 s … up to 30 s, with jitter so a dealer's many customers do not return at once. */
function retry() {
  failures++;
  const delay = Math.min(30000, 1000 * 2 ** Math.min(failures - 1, 5)) * (0.8 + Math.random() * 0.4);
  setStatus('retry', `连接中断，${Math.ceil(delay / 1000)} 秒后重连…`);
  setTimeout(connect, delay);
}

function onError(frame) {
  if (frame.code === 'no_survey') { $('rating-result').textContent = ERRORS.no_survey; return; }
  showError(ERRORS[frame.code] || '消息发送失败，请稍后重试。');
}

async function openSession() {
  const form = $('details-form');
  const details = {};
  for (const name of ['name', 'phone', 'model', 'vin']) if (form[name].value.trim()) details[name] = form[name].value.trim();
  const r = await fetch('/api/chat/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(details) });
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(ERRORS[data.error] || '暂时无法连接客服，请稍后重试。');
  session = { conversationId: data.conversationId, customerToken: data.customerToken };
  store(SESSION_KEY, session);
  $('details').open = false;
  $('details').hidden = true;
  $('verify').hidden = false;
}

/** The phone check: a code texted to the number proves it is the customer's, and joins their earlier service records. */
async function verifyCall(path, body) {
  const r = await fetch(`/api/chat/sessions/${encodeURIComponent(session.conversationId)}/${path}`, { method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.customerToken }, body: JSON.stringify(body) });
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(ERRORS[data.error] || '操作失败，请稍后重试。');
  return data;
}
$('verify-send').addEventListener('click', async () => {
  const phone = $('verify-form').phone.value.trim();
  if (!phone) { $('verify-result').textContent = '请输入手机号。'; return; }
  try {
    const sent = await verifyCall('phone', { phone });
    $('verify-result').textContent = `验证码已发送至 ${sent.sentTo}，10 分钟内有效。`;
    $('verify-form').code.focus();
  } catch (e) { $('verify-result').textContent = e.message; }
});
$('verify-check').addEventListener('click', async () => {
  try {
    await verifyCall('phone/verify', { code: $('verify-form').code.value.trim() });
    $('verify-result').textContent = '验证成功，客服可以看到您以往的服务记录了。';
    $('verify-send').disabled = true;
    $('verify-check').disabled = true;
  } catch (e) { $('verify-result').textContent = e.message; }
});

$('composer').addEventListener('submit', async event => {
  event.preventDefault();
  const text = $('input').value.trim();
  if (!text) return;
  showError('');
  if (!session) {
    try { await openSession(); } catch (e) { showError(e.message); return; }
  }
  const item = { cmid: crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random(), text };
  outbox.push(item);
  store(OUTBOX_KEY, outbox);
  $('input').value = '';
  showPending(item);
  if (!sendFrame({ type: 'message', cmid: item.cmid, text })) connect();
});

$('input').addEventListener('keydown', event => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); $('composer').requestSubmit(); }
});
$('input').addEventListener('input', () => {
  if (Date.now() - lastTypingSent > 3000 && sendFrame({ type: 'typing' })) lastTypingSent = Date.now();
});

for (let score = 1; score <= 5; score++) {
  const star = document.createElement('button');
  star.type = 'button';
  star.textContent = '★';
  star.title = `${score} 分`;
  star.addEventListener('click', () => {
    document.querySelectorAll('#stars button').forEach((b, i) => b.classList.toggle('on', i < score));
    if (!sendFrame({ type: 'rating', score, comment: '' })) $('rating-result').textContent = '连接恢复后才能提交评价。';
  });
  $('stars').append(star);
}

// Prefill from the embedding page: /chat/?model=海豹&vin=…
const params = new URLSearchParams(location.search);
for (const name of ['name', 'model', 'vin']) if (params.get(name)) $('details-form')[name].value = params.get(name);

if (session) {
  $('details').hidden = true;
  $('verify').hidden = false;
  outbox.forEach(showPending);
  connect();
}

// For tests and support staff: the live socket, to check reconnection by hand.
window.huiyingChat = { socket: () => socket };
