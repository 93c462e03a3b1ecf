// The hotline in the agent's console: a waiting caller offered to this agent rings here (/user/queue/calls)
// until answered or until the offer moves on; answering bridges the caller to this browser's softphone
// (Twilio's Voice JavaScript SDK, served by us from /assets/vendor/), with mute and hang up.
import { api, el, showError } from '/assets/common.js';

const $ = id => document.getElementById(id);
const phone = { offer: null, answering: null, call: null, device: null, ring: null, tick: null };

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
  $('phone-wrap-submit').addEventListener('click', submitWrapUp);
  $('phone-own-save').addEventListener('click', saveOwnPhone);
  api('GET', '/api/staff/me/phone').then(showOwnPhone).catch(() => {});
  registerSoftphone();
}

/** A push on /user/queue/calls: an offer, or the end of one (missed, answered elsewhere, caller gone). */
export function onCallEvent(event) {
  if (event.type === 'offer') {
    phone.offer = event;
    render();
    startRinging();
  } else if (event.type === 'wrap-up') {
    phone.wrapUp = event;
    $('phone-wrap-outcome').value = '';
    $('phone-wrap-resolved').checked = false;
    $('phone-status').textContent = '通话已结束，请填写通话小结';
    render();
  } else if (event.type === 'withdrawn' && phone.offer && phone.offer.callSid === event.callSid) {
    phone.offer = null;
    stopRinging();
    $('phone-status').textContent = event.reason === 'missed' ? '来电未在时限内接听，已转给其他坐席' : '来电已结束';
    render();
  }
}

async function answer() {
  const offer = phone.offer;
  if (!offer) return;
  $('phone-answer').disabled = true;
  try {
    const answered = await api('POST', `/api/calls/${encodeURIComponent(offer.callSid)}/answer`);
    phone.answering = answered.callSid;
    phone.offer = null;
    stopRinging();
    $('phone-status').textContent = answered.bridged ? '正在接通客户…' : '已接听（未配置 Twilio，未实际接通）';
    render();
    if (phone.onAnswered) phone.onAnswered(answered.ticketId);
  } catch (e) {
    phone.offer = null;
    stopRinging();
    render();
    showError($('phone-error'), e.status === 409 ? new Error('该来电已被其他坐席接听或已挂断') : e);
  } finally {
    $('phone-answer').disabled = false;
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
    // only the caller this agent just answered is taken automatically; anything else waits for a click
    const sid = call.customParameters && call.customParameters.get('callSid');
    if (sid && sid === phone.answering) accept(call);
    else { phone.incoming = call; $('phone-status').textContent = '有呼入，请点击接听'; render(); }
  });
  device.register();
}

function accept(call) {
  phone.call = call;
  phone.answering = null;
  call.accept();
  call.on('disconnect', () => { phone.call = null; $('phone-status').textContent = '通话已结束'; render(); });
  $('phone-status').textContent = '通话中';
  render();
}

function render() {
  const offer = phone.offer;
  $('phone-offer').hidden = !offer;
  if (offer) {
    $('phone-offer-text').textContent = `${offer.caller} · ${offer.ticketType ? typeName(offer.ticketType) : ''}`;
    $('phone-offer-wait').textContent = `已等待 ${offer.waitedSeconds} 秒`;
  }
  $('phone-in-call').hidden = !phone.call;
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
      el('strong', {}, '来电'), ' ', el('span', { id: 'phone-offer-text' }), ' ', el('span', { id: 'phone-offer-wait', class: 'muted' }),
      el('button', { id: 'phone-answer', class: 'primary', testid: 'phone-answer' }, '接听')),
    el('div', { id: 'phone-status', class: 'muted', testid: 'phone-status' }),
    el('div', { id: 'phone-in-call', hidden: true },
      el('button', { id: 'phone-mute' }, '静音'), ' ', el('button', { id: 'phone-hangup' }, '挂断')),
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
