// The hotline in the agent's console: a waiting caller offered to this agent rings here (/user/queue/calls)
// until answered or until the offer moves on; answering bridges the caller to this browser's softphone
// (Twilio's Voice JavaScript SDK, served by us from /assets/vendor/) or the agent's own phone, with mute,
// hold, a warm transfer to an online colleague or expert, and hang up. A colleague's transfer rings here
// like a caller.
import { api, el, showError } from '/assets/common.js';

const $ = id => document.getElementById(id);
// active: the call this agent has ({callSid, ticketId, held}); transfer: the colleague it is being handed to
// ({staffId, name, answered}); handingOver: a call this agent handed over and may still be on the line of
const phone = { offer: null, answering: null, call: null, device: null, ring: null, tick: null,
  active: null, transfer: null, handingOver: null };

/** Builds the phone panel and registers the softphone when the server has one configured. */
export function startPhone(onAnswered, onWrappedUp) {
  phone.onAnswered = onAnswered;
  phone.onWrappedUp = onWrappedUp;
  $('phone-answer').addEventListener('click', answer);
  $('phone-mute').addEventListener('click', () => {
    if (!phone.call) return;
    phone.call.mute(!phone.call.isMuted());
    $('phone-mute').textContent = phone.call.isMuted() ? '取消静音' : '静音';
  });
  $('phone-hangup').addEventListener('click', () => phone.call && phone.call.disconnect());
  $('phone-hold').addEventListener('click', toggleHold);
  $('phone-transfer').addEventListener('click', openTransfer);
  $('phone-transfer-go').addEventListener('click', startTransfer);
  $('phone-transfer-close').addEventListener('click', () => { $('phone-transfer-box').hidden = true; });
  $('phone-transfer-cancel').addEventListener('click', cancelTransfer);
  $('phone-transfer-complete').addEventListener('click', completeTransfer);
  $('phone-wrap-submit').addEventListener('click', submitWrapUp);
  $('phone-own-save').addEventListener('click', saveOwnPhone);
  api('GET', '/api/staff/me/phone').then(showOwnPhone).catch(() => {});
  registerSoftphone();
}

/**
 * A push on /user/queue/calls: an offer (a waiting caller, or a colleague's transfer), the end of one
 * (missed, answered elsewhere, caller gone), the wrap-up, and how a transfer goes.
 */
export function onCallEvent(event) {
  const mine = phone.active && phone.active.callSid === event.callSid;
  if (event.type === 'offer') {
    phone.offer = event;
    render();
    startRinging();
  } else if (event.type === 'wrap-up') {
    phone.active = null;
    phone.transfer = null;
    phone.answering = null;
    phone.wrapUp = event;
    $('phone-wrap-outcome').value = '';
    $('phone-wrap-resolved').checked = false;
    status('通话已结束，请填写通话小结');
  } else if (event.type === 'withdrawn' && phone.offer && phone.offer.callSid === event.callSid) {
    phone.offer = null;
    stopRinging();
    status({ missed: '来电未在时限内接听，已转给其他坐席', 'transfer-cancelled': '同事已取消转接' }[event.reason] || '来电已结束');
  } else if (event.type === 'transfer-answered' && mine) {
    phone.handingOver = { callSid: event.callSid, to: event.toName };
    phone.active = null;
    phone.transfer = null;
    status(`${event.toName} 已接听，客户已保持。与同事沟通后点击「完成转接」离开通话`);
  } else if (event.type === 'transfer-failed' && mine) {
    const name = phone.transfer ? phone.transfer.name : '同事';
    phone.transfer = null;
    if (event.reason === 'not-connected') phone.active.held = false;
    status(event.reason === 'missed' ? `${name} 未在时限内接听，客户仍由您服务` : `未能接通 ${name}，客户仍由您服务`);
  } else if (event.type === 'transfer-completed' && mine) {
    phone.active.held = false;
    status('转接完成，客户已回到通话中');
  } else if (event.type === 'ended' && mine) {
    phone.active = null;
    phone.answering = null;
    status(event.reason === 'not-connected' ? '通话未能接通，客户已回到排队中' : '通话已结束');
  }
}

function status(text) {
  $('phone-status').textContent = text;
  render();
}

async function answer() {
  const offer = phone.offer;
  if (!offer) return;
  $('phone-answer').disabled = true;
  // the softphone may ring before the answer returns: a call arriving while answering is this one
  phone.answering = offer.callSid;
  try {
    const answered = await api('POST', `/api/calls/${encodeURIComponent(offer.callSid)}/answer`);
    phone.active = { callSid: answered.callSid, ticketId: answered.ticketId, held: false };
    phone.offer = null;
    stopRinging();
    if (!answered.bridged || answered.via === 'PHONE') phone.answering = null; // no softphone call to wait for
    status(answered.bridged ? (answered.transfer ? '正在接通转接来电…' : '正在接通客户…') : '已接听（未配置 Twilio，未实际接通）');
    if (phone.onAnswered) phone.onAnswered(answered.ticketId);
  } catch (e) {
    phone.offer = null;
    phone.answering = null;
    stopRinging();
    render();
    showError($('phone-error'), e.status === 409 ? new Error('该来电已被其他坐席接听或已挂断') : e);
  } finally {
    $('phone-answer').disabled = false;
  }
}

async function toggleHold() {
  const active = phone.active;
  if (!active) return;
  try {
    const state = await api('POST', `/api/calls/${encodeURIComponent(active.callSid)}/${active.held ? 'resume' : 'hold'}`);
    active.held = state.held;
    status(state.held ? '客户已保持（对方听到等待提示）' : `已恢复通话（累计保持 ${state.holdSeconds} 秒）`);
  } catch (e) {
    showError($('phone-error'), e.code === 'not_connected' ? new Error('通话尚未接通，暂时不能保持') : e);
  }
}

async function openTransfer() {
  const active = phone.active;
  if (!active) return;
  try {
    const targets = await api('GET', `/api/calls/${encodeURIComponent(active.callSid)}/transfer-targets`);
    const role = r => ({ AGENT: '坐席', EXPERT: '技术专家' }[r] || r);
    $('phone-transfer-to').replaceChildren(...(targets.length ? targets.map(t => el('option',
      { value: t.staffId, disabled: !t.free, 'data-name': t.name },
      `${t.name}（${t.roles.map(role).join('/')}${t.free ? '' : '·忙碌'}）`)) : [el('option', { value: '' }, '暂无在线同事')]));
    $('phone-transfer-box').hidden = false;
  } catch (e) { showError($('phone-error'), e); }
}

async function startTransfer() {
  const active = phone.active;
  const option = $('phone-transfer-to').selectedOptions[0];
  if (!active || !option || !option.value) return;
  try {
    const asked = await api('POST', `/api/calls/${encodeURIComponent(active.callSid)}/transfer`, { toStaffId: Number(option.value) });
    phone.transfer = { staffId: asked.toStaffId, name: asked.toName };
    $('phone-transfer-box').hidden = true;
    status(`正在转接给 ${asked.toName}，等待对方接听…（对方接听前客户仍与您通话）`);
  } catch (e) {
    showError($('phone-error'), { colleague_busy: new Error('该同事正在通话中'), colleague_unavailable: new Error('该同事已离线'),
      transfer_in_progress: new Error('已有转接在进行中') }[e.code] || e);
  }
}

async function cancelTransfer() {
  const active = phone.active;
  if (!active || !phone.transfer) return;
  try {
    await api('DELETE', `/api/calls/${encodeURIComponent(active.callSid)}/transfer`);
    phone.transfer = null;
    status('已取消转接，客户仍由您服务');
  } catch (e) { showError($('phone-error'), e); }
}

async function completeTransfer() {
  const handed = phone.handingOver;
  if (!handed) return;
  try {
    await api('POST', `/api/calls/${encodeURIComponent(handed.callSid)}/transfer/complete`);
    phone.handingOver = null;
    status(`已转接给 ${handed.to}，您已离开通话`);
    if (phone.onWrappedUp) phone.onWrappedUp();
  } catch (e) {
    phone.handingOver = null;
    render();
    showError($('phone-error'), e);
  }
}

function showOwnPhone(own) {
  $('phone-own').value = '';
  $('phone-own').placeholder = own.set ? `当前：${own.phone}（留空保存即清除）` : '例如 138 0013 8000';
}

async function saveOwnPhone() {
  try {
    showOwnPhone(await api('PUT', '/api/staff/me/phone', { phone: $('phone-own').value }));
    $('phone-status').textContent = '接听号码已保存';
  } catch (e) {
    showError($('phone-error'), e.status === 400 ? new Error('请输入有效的手机或座机号码') : e);
  }
}

async function submitWrapUp() {
  const wrap = phone.wrapUp;
  if (!wrap) return;
  try {
    await api('POST', `/api/calls/${encodeURIComponent(wrap.callSid)}/wrap-up`,
      { outcome: $('phone-wrap-outcome').value, resolved: $('phone-wrap-resolved').checked });
    phone.wrapUp = null;
    $('phone-status').textContent = '通话小结已保存';
    render();
    if (phone.onWrappedUp) phone.onWrappedUp();
  } catch (e) {
    showError($('phone-error'), e.status === 400 ? new Error('请填写通话小结（最多 500 字）') : e);
  }
}

async function registerSoftphone() {
  let token;
  try {
    token = await api('GET', '/api/voice/token');
  } catch (e) {
    $('phone-device').textContent = e.status === 503 ? '浏览器电话未配置（需管理员设置 Twilio API Key 与 TwiML App）' : '浏览器电话不可用';
    return;
  }
  if (!window.Twilio || !window.Twilio.Device) {
    $('phone-device').textContent = '浏览器电话组件未加载';
    return;
  }
  const device = new window.Twilio.Device(token.token, { codecPreferences: ['opus', 'pcmu'], closeProtection: true });
  phone.device = device;
  device.on('registered', () => { $('phone-device').textContent = '浏览器电话已就绪'; });
  device.on('error', error => { $('phone-device').textContent = '浏览器电话出错：' + (error.message || error.code); });
  device.on('tokenWillExpire', async () => device.updateToken((await api('GET', '/api/voice/token')).token));
  device.on('incoming', call => {
    // the server calls this softphone into the caller's conference right after an answer: that call is
    // taken at once; anything else is turned down (the hotline reaches agents only through offers)
    if (phone.answering) accept(call);
    else call.reject();
  });
  device.register();
}

function accept(call) {
  phone.call = call;
  phone.answering = null;
  call.accept();
  call.on('disconnect', () => {
    phone.call = null;
    if (phone.handingOver) { phone.handingOver = null; status('您已离开通话'); } else if (phone.active) status('通话已结束');
    else render(); // ended by a completed transfer or followed by the wrap-up: their words stay
  });
  status('通话中');
}

function render() {
  const offer = phone.offer;
  $('phone-offer').hidden = !offer;
  if (offer) {
    $('phone-offer-title').textContent = offer.transfer ? `转接来电（来自 ${offer.from}）` : '来电';
    $('phone-offer-text').textContent = `${offer.caller} · ${offer.ticketType ? typeName(offer.ticketType) : ''}`;
    $('phone-offer-wait').textContent = `已等待 ${offer.waitedSeconds} 秒`;
  }
  const active = phone.active;
  $('phone-in-call').hidden = !active && !phone.call && !phone.handingOver;
  $('phone-mute').disabled = !phone.call;
  $('phone-hangup').disabled = !phone.call;
  $('phone-hold').hidden = !active;
  $('phone-hold').textContent = active && active.held ? '恢复通话' : '保持';
  $('phone-transfer').hidden = !active || !!phone.transfer;
  $('phone-transfer-cancel').hidden = !active || !phone.transfer;
  $('phone-transfer-complete').hidden = !phone.handingOver;
  if (!active) $('phone-transfer-box').hidden = true;
  $('phone-wrap').hidden = !phone.wrapUp;
  if (phone.wrapUp) {
    const left = Math.max(0, Math.round((Date.parse(phone.wrapUp.dueAt) - Date.now()) / 1000));
    $('phone-wrap-due').textContent = `剩余 ${left} 秒后将接收新来电`;
  }
  document.title = offer ? '📞 来电 · 坐席工作台' : '坐席工作台 · 回应客服中心';
}

function typeName(type) {
  return { COMPLAINT: '投诉', INQUIRY: '咨询', APPOINTMENT: '预约', CALLBACK: '回电', TECH_SUPPORT: '技术支持', ROADSIDE: '道路救援' }[type] || type;
}

// A soft ring while an offer waits: two short tones every two seconds (browsers allow it after the
// agent has interacted with the page, which they have by the time they work their queue).
function startRinging() {
  stopRinging();
  const beep = () => {
    try {
      const ctx = phone.ring || (phone.ring = new AudioContext());
      [0, 0.35].forEach(at => {
        const tone = ctx.createOscillator();
        const gain = ctx.createGain();
        tone.frequency.value = 880;
        gain.gain.value = 0.08;
        tone.connect(gain).connect(ctx.destination);
        tone.start(ctx.currentTime + at);
        tone.stop(ctx.currentTime + at + 0.25);
      });
    } catch { /* no audio device: the card still shows */ }
  };
  beep();
  phone.tick = setInterval(beep, 2000);
}

function stopRinging() {
  clearInterval(phone.tick);
  phone.tick = null;
}

export function phonePanel() {
  return el('section', { class: 'panel', id: 'phone' },
    el('h2', {}, '电话'),
    el('div', { id: 'phone-device', class: 'muted' }, '正在连接浏览器电话…'),
    el('div', { id: 'phone-offer', class: 'phone-offer', hidden: true, testid: 'phone-offer', role: 'alert' },
      el('strong', { id: 'phone-offer-title' }, '来电'), ' ', el('span', { id: 'phone-offer-text' }), ' ',
      el('span', { id: 'phone-offer-wait', class: 'muted' }),
      el('button', { id: 'phone-answer', class: 'primary', testid: 'phone-answer' }, '接听')),
    el('div', { id: 'phone-status', class: 'muted', testid: 'phone-status' }),
    el('div', { id: 'phone-in-call', class: 'phone-in-call', hidden: true, testid: 'phone-in-call' },
      el('button', { id: 'phone-mute', testid: 'phone-mute' }, '静音'),
      el('button', { id: 'phone-hold', testid: 'phone-hold' }, '保持'),
      el('button', { id: 'phone-transfer', testid: 'phone-transfer' }, '转接'),
      el('button', { id: 'phone-transfer-cancel', testid: 'phone-transfer-cancel', hidden: true }, '取消转接'),
      el('button', { id: 'phone-transfer-complete', class: 'primary', testid: 'phone-transfer-complete', hidden: true }, '完成转接'),
      el('button', { id: 'phone-hangup', testid: 'phone-hangup' }, '挂断')),
    el('div', { id: 'phone-transfer-box', class: 'phone-transfer', hidden: true, testid: 'phone-transfer-box' },
      el('label', { for: 'phone-transfer-to' }, '转接给在线同事或专家（对方接听时会先听到工单提示）'),
      el('select', { id: 'phone-transfer-to', testid: 'phone-transfer-to' }),
      el('button', { id: 'phone-transfer-go', class: 'primary', testid: 'phone-transfer-go' }, '转接'),
      el('button', { id: 'phone-transfer-close' }, '关闭')),
    el('div', { id: 'phone-wrap', class: 'phone-wrap', hidden: true, testid: 'phone-wrap' },
      el('label', { for: 'phone-wrap-outcome' }, '通话小结'),
      el('textarea', { id: 'phone-wrap-outcome', rows: 3, maxlength: 500, testid: 'phone-wrap-outcome',
        placeholder: '客户诉求、处理结果、后续安排' }),
      el('label', {}, el('input', { type: 'checkbox', id: 'phone-wrap-resolved', testid: 'phone-wrap-resolved' }), ' 问题已解决（同时解决工单）'),
      el('div', { id: 'phone-wrap-due', class: 'muted' }),
      el('button', { id: 'phone-wrap-submit', class: 'primary', testid: 'phone-wrap-submit' }, '保存小结')),
    el('details', { class: 'phone-own' },
      el('summary', {}, '用我的电话接听'),
      el('div', { class: 'muted' }, '未配置浏览器电话时，接听的来电会转到这个号码。'),
      el('input', { id: 'phone-own', type: 'tel', maxlength: 32, testid: 'phone-own' }),
      el('button', { id: 'phone-own-save', testid: 'phone-own-save' }, '保存')),
    el('div', { class: 'error', id: 'phone-error', role: 'alert' }));
}
