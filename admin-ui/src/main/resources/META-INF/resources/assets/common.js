// Shared by every staff page: the login kept in sessionStorage, the JSON API with errors in Chinese,
// safe DOM building (user text only ever becomes text nodes) and the STOMP connection.

const AUTH_KEY = 'huiying.auth';

export function currentLogin() {
  try { return JSON.parse(sessionStorage.getItem(AUTH_KEY)); } catch { return null; }
}

/** Keeps a login (or a refreshed one) with the moment its access token runs out. */
export function saveLogin(login) {
  if (login && login.expiresIn && !login.expiresAt) login = { ...login, expiresAt: Date.now() + login.expiresIn * 1000 };
  sessionStorage.setItem(AUTH_KEY, JSON.stringify(login));
  return login;
}

/** Access tokens live minutes: refresh one that expires within this margin before using it. */
const REFRESH_MARGIN_MS = 60 * 1000;
let refreshing = null;

/**
 * Trades the single-use refresh token for a new pair. Concurrent callers share one request, because
 * presenting a refresh token twice counts as theft and ends the login. Null when the login is over.
 */
function refreshLogin() {
  if (!refreshing) {
    refreshing = (async () => {
      const login = currentLogin();
      if (!login || !login.refreshToken) return null;
      try {
        const r = await fetch('/api/auth/refresh', { method: 'POST',
          headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' },
          body: JSON.stringify({ refreshToken: login.refreshToken }) });
        if (!r.ok) return null;
        const fresh = await r.json();
        return saveLogin({ ...login, ...fresh, expiresAt: undefined });
      } catch {
        return login; // offline: keep the login, the next call tries again
      }
    })().finally(() => { refreshing = null; });
  }
  return refreshing;
}

/** The saved login with an access token that is good for at least another minute (refreshed if needed). */
export async function freshLogin() {
  const login = currentLogin();
  if (login && login.refreshToken && login.expiresAt && login.expiresAt - Date.now() < REFRESH_MARGIN_MS) {
    return await refreshLogin();
  }
  return login;
}

function sessionEnded() {
  sessionStorage.removeItem(AUTH_KEY);
  location.replace('/login/?expired=1&next=' + encodeURIComponent(location.pathname));
}

export function logout() {
  const login = currentLogin();
  sessionStorage.removeItem(AUTH_KEY);
  const done = () => { location.href = '/login/'; };
  if (!login || !login.refreshToken) { done(); return; }
  // the refresh token dies with the logout; the access token runs out within minutes
  fetch('/api/auth/logout', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: login.refreshToken }) }).catch(() => {}).finally(done);
}

export function hasRole(login, ...roles) { return !!login && roles.some(r => (login.roles || []).includes(r)); }

/** The page a freshly logged-in person starts on, by role. */
export function homeFor(login) {
  if (hasRole(login, 'AGENT', 'EXPERT')) return '/console/';
  if (hasRole(login, 'SUPERVISOR')) return '/dashboard/';
  if (hasRole(login, 'ADMIN')) return '/admin/';
  if (hasRole(login, 'TECHNICIAN')) return '/tech/';
  if (hasRole(login, 'RND')) return '/rnd/';
  return '/login/';
}

/** Sends people without a login (or without a fitting role) to the login page; returns the login. */
export function requireLogin(...roles) {
  const login = currentLogin();
  if (!login || (roles.length && !hasRole(login, ...roles))) {
    location.replace('/login/?' + (login ? 'denied=1&' : '') + 'next=' + encodeURIComponent(location.pathname));
    throw new Error('redirecting to login');
  }
  return login;
}

const MESSAGES = {
  bad_credentials: '用户名或密码错误。',
  unauthorized: '登录已失效，请重新登录。',
  invalid_refresh_token: '登录已失效，请重新登录。',
  account_disabled: '该账号已停用，请联系管理员。',
  wrong_password: '当前密码不正确。',
  origin_not_allowed: '该页面无权连接。',
  forbidden: '您的角色无权执行此操作。',
  not_found: '找不到该记录，可能已被删除。',
  ticket_resolved: '该工单已解决，不能再回复。',
  not_assigned: '该工单当前未分配给坐席，无法执行此操作。',
  already_resolved: '该工单已经解决。',
  username_taken: '用户名已被占用。',
  invalid_username: '用户名格式不正确（小写字母、数字、点或横线）。',
  weak_password: '密码太弱，请至少使用 8 个字符。',
  invalid_roles: '请至少选择一个有效角色。',
  invalid_skills: '技能格式不正确。',
  invalid_max_concurrent: '同时处理上限须为正整数。',
  invalid_status: '无效的在线状态。',
  invalid_phone: '手机号格式不正确。',
  invalid_vin: '车架号（VIN）须为 17 位字母和数字（不含 I、O、Q），且第 9 位校验码正确。',
  invalid_name: '姓名过长。',
  invalid_model: '车型名称过长。',
  bad_parameter: '请求参数不正确。',
  reason_required: '请填写查看原因。',
  reason_too_long: '原因过长（最多 500 字）。',
  invalid_date: '日期格式不正确，或质保截止早于购车日期。',
  vehicle_exists: '该客户已登记这辆车。',
  invalid_vehicle: '所选车辆不属于该工单的客户。',
  invalid_type: '工单类型不正确（技术支持工单只能由技师提问产生）。',
  invalid_ticket_category: '问题分类不正确。',
  note_too_long: '备注过长。',
  empty_note: '备注不能为空。',
  same_customer: '不能把客户合并到自己。',
  customer_merged: '该客户记录已被合并。',
  undo_expired: '合并已超过 30 天，不能撤销。',
  already_undone: '该合并已撤销。',
  invalid_duration: '时长格式不正确：须为 ISO-8601（如 PT30M、PT2H、P2D），大于 0 且不超过 30 天，解决时限不短于首次响应。',
  invalid_effective_at: '生效时间须为现在或将来。',
  invalid_rule: '规则有误，未保存：',
  not_tech_support: '只有技师的技术提问可以整理为知识草稿。',
  invalid_dictionary: '词典不能为空，每行一组同义说法。',
  no_answer: '这个工单还没有解答，不能整理为草稿。',
  invalid_text: '请输入 1 到 4000 字的句子。',
  empty_text: '请填写内容。',
  text_too_long: '内容过长。',
  invalid_dtc_codes: '故障码格式不正确（如 P0AA6、U0100，每个 5 位）。',
  invalid_mileage: '里程须为 0 到 2,000,000 公里之间的整数。',
  empty_photo: '照片文件是空的。',
  not_an_image: '只能上传 JPEG 或 PNG 格式的照片。',
  unreadable_image: '照片无法识别（文件可能已损坏，或为 CMYK 格式），请换一张。',
  photo_too_large: '照片不能超过 5 MB。',
  body_too_large: '文件过大（照片不能超过 5 MB）。',
  too_many_photos: '每个问题最多 10 张照片。',
  invalid_photo_ids: '照片已随其他问题发送或已失效，请重新选择。',
  too_many_unsent_photos: '已上传但未发送的照片太多，请先提交问题或一天后再试。',
  invalid_category: '分类须为 1 到 20 个字。',
  unknown_placeholder: '含有未知的占位符；可用：{客户称呼}、{工单号}、{坐席姓名}、{车型}。',
  too_many_canned_replies: '常用回复已达 500 条上限，请先删除一些。',
  invalid_range: '开始日期须早于结束日期。',
  range_too_long: '查询区间最长 400 天。',
  invalid_group_by: '汇总方式须为按日、按周或按月。',
  invalid_month: '月份不正确，或该月尚未开始。',
  invalid_format: '报告格式须为 JSON、CSV 或 Excel。',
  invalid_outcome: '请选择回访结果。',
  callback_done: '该回访已有结果。',
  call_in_progress: '上一通回访电话仍在呼叫或通话中。',
  no_phone: '客户没有留下电话号码，无法回访。',
  twilio_error: '语音通道未能拨出电话，请稍后重试。',
  invalid_owner: '请选择一名在职的客服。',
  invalid_transition: '升级事件须按“待处理 → 已确认 → 已解决/已驳回”依次处理，不能跳过或回退。',
  root_cause_required: '请填写根本原因。',
  fix_required: '请填写修复说明。',
  text_required: '请填写内容。',
};

export class ApiError extends Error {
  constructor(status, code, serverMessage) {
    super(MESSAGES[code] || (status >= 500 ? '服务器出错，请稍后重试。' : '操作失败。') + (code ? `（${code}）` : ''));
    this.status = status; this.code = code; this.serverMessage = serverMessage;
  }
}

/**
 * Calls the REST API with the saved bearer token, refreshing it shortly before it expires and once
 * more when the server refuses it (401); a login that cannot be refreshed goes back to the login page.
 */
/**
 * Like {@link api}, for what is not JSON (photos): sends {@code body} as it is with {@code contentType}
 * and returns the Response; refusals become an ApiError as with api().
 */
export async function apiRaw(method, path, body, contentType) {
  let login = await freshLogin();
  if (!login) { sessionEnded(); throw new ApiError(401, 'unauthorized'); }
  const go = async l => {
    const headers = { 'Authorization': 'Bearer ' + l.token };
    if (contentType) headers['Content-Type'] = contentType;
    try { return await fetch(path, { method, headers, body }); } catch { throw new ApiError(0, null, 'network'); }
  };
  let response = await go(login);
  if (response.status === 401 && login.refreshToken) {
    const fresh = await refreshLogin();
    if (fresh) response = await go(fresh);
  }
  if (response.status === 401) sessionEnded();
  if (!response.ok) {
    let data = null;
    try { data = await response.json(); } catch { /* not JSON: the status says enough */ }
    throw new ApiError(response.status, data && data.error, data && data.message);
  }
  return response;
}

export async function api(method, path, body) {
  const isAuth = path.startsWith('/api/auth/');
  let login = null;
  if (!isAuth && currentLogin()) {
    login = await freshLogin();
    if (!login) { sessionEnded(); throw new ApiError(401, 'unauthorized'); }
  }
  let response = await send(method, path, body, login);
  if (response.status === 401 && login && login.refreshToken) {
    const fresh = await refreshLogin();
    if (fresh) {
      login = fresh;
      response = await send(method, path, body, login);
    }
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (response.status === 401 && login && !isAuth) sessionEnded();
  if (!response.ok) throw new ApiError(response.status, data && data.error, data && data.message);
  return data;
}

async function send(method, path, body, login) {
  const headers = { 'Accept': 'application/json' };
  if (login) headers['Authorization'] = 'Bearer ' + login.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, null, 'network');
  }
}

/** Builds an element; strings among the children become text nodes, so user text can never become markup. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'testid') node.dataset.testid = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function showError(target, error) {
  target.textContent = error ? (error.message || String(error)) : '';
}

/** 13812345678 → 138****5678 (the server masks too; this covers numbers typed into the page). */
export function maskPhone(phone) {
  if (!phone) return '';
  const p = String(phone).replace(/^\+86/, '');
  return p.length >= 8 ? p.slice(0, 3) + '****' + p.slice(-4) : p.replace(/.(?=..)/g, '*');
}

export const LABEL = {
  type: { COMPLAINT: '投诉', APPOINTMENT: '预约', INQUIRY: '咨询', CALLBACK: '回电', TECH_SUPPORT: '技术支持', ROADSIDE: '道路救援' },
  category: { TECHNICAL: '技术问题', ATTITUDE: '服务态度', PROCESS: '流程效率' },
  status: { OPEN: '排队中', ASSIGNED: '处理中', WAITING_CUSTOMER: '等待客户', RESOLVED: '已解决' },
  presence: { ONLINE: '在线', AWAY: '离开', OFFLINE: '离线' },
  role: { AGENT: '客服', EXPERT: '技术专家', SUPERVISOR: '主管', ADMIN: '管理员', TECHNICIAN: '技师', RND: '研发' },
  sla: { OK: '正常', WARNING: '预警', BREACHED: '已超时', MET: '已达标' },
  metric: { FIRST_RESPONSE: '首次响应', RESOLUTION: '解决时限' },
  from: { customer: '客户', agent: '客服', system: '系统', technician: '技师' },
  channel: { sms: '短信', voice: '电话', tech: '技术支持', SMS: '短信', VOICE: '电话', chat: '在线' },
  escalation: { REPEATED_TECHNICAL_PROBLEM: '同类技术问题重复出现', APPOINTMENT_TIMEOUT: '预约超时', LOW_SATISFACTION: '满意度低',
    REWORK: '返修', CSAT_BELOW_TARGET: '满意度低于目标', FAULT_CODE_RISING: '故障码占比上升', REWORK_RATE_HIGH: '车型返修率超标',
    RESOLUTION_OVERRUN: '工单超出解决时限' },
  warranty: { IN_WARRANTY: '在保', EXPIRED: '已过保', UNKNOWN: '未登记' },
  escalationStatus: { OPEN: '待处理', ACKNOWLEDGED: '已确认', RESOLVED: '已解决', REJECTED: '已驳回' },
  queue: { RND: '研发队列', SUPERVISORS: '主管队列' },
  callbackReason: { AFTER_SERVICE: '售后回访', MONTHLY_CHECK: '月度复查', CALLER_REQUEST: '客户要求回电' },
  outcome: { FIXED: '问题已解决', NOT_FIXED: '问题未解决', NO_ANSWER: '无人接听', WRONG_NUMBER: '号码错误', REACHED: '已联系上' },
};

export function label(group, value) { return (LABEL[group] && LABEL[group][value]) || value || '—'; }

export function formatTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString('zh-CN', { hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

// How far the server's clock is ahead of this PC's: deadlines are counted against the server's time.
let clockOffset = 0;

export function serverNow() { return Date.now() + clockOffset; }

/** Measures the offset to the server's clock (half the round trip counted as transit). */
export async function syncClock() {
  const sent = Date.now();
  const answer = await api('GET', '/api/console/clock');
  clockOffset = Date.parse(answer.now) - (sent + Date.now()) / 2;
}

/** 3725000 → "1小时02分"; under an hour "12分05秒". */
export function formatDuration(ms) {
  const s = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  const two = n => String(n).padStart(2, '0');
  return h > 0 ? `${h}小时${two(m)}分` : `${m}分${two(sec)}秒`;
}

/**
 * The SLA target a ticket is running against now and how it looks: the server's state wins when it is
 * worse (it knows the real clock); otherwise amber from 75 % of the time and red at the due time.
 */
export function slaView(ticket, now = serverNow()) {
  const sla = ticket.sla || {};
  if (ticket.status === 'RESOLVED') return { level: sla.state === 'MET' ? 'ok' : 'breached', text: label('sla', sla.state) };
  const firstPending = !sla.firstRespondedAt;
  const due = Date.parse(firstPending ? sla.firstResponseDue : sla.resolutionDue);
  const start = Date.parse(ticket.openedAt);
  const metric = firstPending ? '首次响应' : '解决';
  if (sla.paused) return { level: sla.state === 'BREACHED' ? 'breached' : 'ok', text: `${metric}计时已暂停（等待客户）` };
  let level = 'ok';
  if (now >= due) level = 'breached';
  else if (now - start >= 0.75 * (due - start)) level = 'warning';
  if (sla.state === 'BREACHED') level = 'breached';
  else if (sla.state === 'WARNING' && level === 'ok') level = 'warning';
  const left = due - now;
  // the server's word wins when this page's clock has not caught up yet
  const text = left >= 0 ? (level === 'breached' ? `${metric}已超时` : `${metric}剩余 ${formatDuration(left)}`)
    : `${metric}已超时 ${formatDuration(left)}`;
  return { level, text };
}

/**
 * Changes one's own password. The server ends every other login of this account (other tabs, other
 * devices) and answers with a fresh one for this page.
 */
async function changePassword() {
  const currentPassword = prompt('请输入当前密码：');
  if (!currentPassword) return;
  const newPassword = prompt('请输入新密码（至少 8 个字符）。修改后，该账号在其他设备上的登录将立即失效：');
  if (!newPassword) return;
  try {
    const fresh = await api('PUT', '/api/staff/me/password', { currentPassword, newPassword });
    saveLogin({ ...currentLogin(), ...fresh, expiresAt: undefined });
    alert('密码已修改。');
  } catch (e) {
    alert(e.message);
  }
}

/** The top bar: the pages this person may open, their name and a logout button. */
export function topBar(login, here) {
  const links = [
    ['/console/', '坐席工作台', ['AGENT', 'EXPERT', 'SUPERVISOR']],
    ['/dashboard/', '主管看板', ['SUPERVISOR', 'ADMIN']],
    ['/admin/', '系统管理', ['ADMIN']],
    ['/tech/', '技师提问', ['TECHNICIAN']],
    ['/rnd/', '研发工作台', ['RND', 'SUPERVISOR', 'ADMIN']],
    ['/kb/', '知识库', ['EXPERT', 'SUPERVISOR', 'ADMIN']],
  ].filter(([, , roles]) => hasRole(login, ...roles));
  const extra = el('span', { class: 'me' });
  const bar = el('header', { class: 'top' },
    el('h1', {}, '回应 · 客服中心'),
    el('nav', {}, links.map(([href, text]) => el('a', { href, class: href === here ? 'here' : '' }, text))),
    extra);
  extra.append(el('span', {}, login.displayName || ''),
    el('button', { onclick: changePassword, testid: 'change-password' }, '修改密码'),
    el('button', { onclick: logout }, '退出'));
  document.body.prepend(bar);
  return extra;
}

function setLive(on) {
  let live = document.getElementById('live');
  if (!live) {
    // only pages with a live channel show its state
    live = el('span', { class: 'live off', id: 'live' }, '实时连接');
    document.querySelector('header.top .me')?.prepend(live);
  }
  {
    live.className = 'live ' + (on ? 'on' : 'off');
    live.title = on ? '实时推送已连接' : '实时推送未连接，正在重试';
  }
}

/**
 * Connects to the agent desk over STOMP with the bearer token on CONNECT, and (re)subscribes on every
 * (re)connect; the library reconnects by itself.
 */
export function connectDesk(login, subscriptions, onConnected) {
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  const client = new window.StompJs.Client({
    brokerURL: scheme + location.host + '/ws/agent',
    connectHeaders: { Authorization: 'Bearer ' + login.token },
    // every (re)connect presents a token that is still valid: they live only minutes
    beforeConnect: async () => {
      const fresh = await freshLogin();
      if (!fresh) { sessionEnded(); return; }
      client.connectHeaders = { Authorization: 'Bearer ' + fresh.token };
    },
    reconnectDelay: 3000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
  });
  client.onConnect = () => {
    for (const [destination, handler] of Object.entries(subscriptions)) {
      client.subscribe(destination, frame => handler(JSON.parse(frame.body)));
    }
    setLive(true);
    document.body.dataset.live = 'on';
    if (onConnected) onConnected();
  };
  client.onWebSocketClose = () => { setLive(false); document.body.dataset.live = 'off'; };
  client.onStompError = () => setLive(false);
  setLive(false);
  client.activate();
  return client;
}

/** Puts a list's items or, when there are none, the sentence that explains why. */
export function fill(container, items, emptyText) {
  container.replaceChildren(...(items.length ? items : [el('div', { class: 'empty' }, emptyText)]));
}

export const QUEUES = { 'complaint': '投诉', 'appointment': '预约', 'inquiry': '咨询', 'callback': '回电', 'tech-support': '技术支持' };
export function queueLabel(queue) { return QUEUES[queue] ? QUEUES[queue] + '队列' : (queue || '—'); }

/** A ticket's short name for lists: its type, category and the end of its id (ids are long and random). */
export function ticketTitle(t) {
  const parts = [label('type', t.type)];
  if (t.category) parts.push(label('category', t.category));
  return parts.join(' · ') + ' #' + String(t.id).slice(-6);
}
