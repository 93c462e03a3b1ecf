// The customer beside a ticket: who they are (masked unless revealed, audited), their vehicles and
// warranties, everything they contacted us about before on any channel, callbacks, escalations, the
// colleagues' notes, and the ticket's classification — corrected here, audited on the server.
import { api, el, fill, showError, label, formatTime, hasRole } from '/assets/common.js';

const TYPES = ['INQUIRY', 'COMPLAINT', 'APPOINTMENT', 'CALLBACK', 'ROADSIDE'];
const CATEGORIES = ['', 'TECHNICAL', 'ATTITUDE', 'PROCESS'];

/**
 * Loads and draws the card for ticket {@code t} into {@code box}; {@code stillSelected()} guards against a late answer,
 * {@code onCard} hears the card as shown (masked, or revealed), e.g. to address the customer in canned replies.
 */
export async function showCustomerFile(box, t, login, stillSelected, onTicketChanged, onCard = () => {}) {
  fill(box, [], '正在加载客户信息…');
  try {
    const card = await api('GET', `/api/console/tickets/${encodeURIComponent(t.id)}/customer`);
    const timeline = await api('GET', `/api/customers/${encodeURIComponent(card.customerId)}/timeline`).catch(() => null);
    if (!stillSelected()) return;
    onCard(card);
    const redraw = () => showCustomerFile(box, t, login, stillSelected, onTicketChanged, onCard);
    const sections = [person(card, timeline, onCard), classification(t, timeline, onTicketChanged),
      vehicles(card.customerId, timeline, redraw), history(t, timeline), notes(t, timeline, redraw)];
    // replaceChildren would print a null as the text "null": the merge tools are added only for supervisors
    if (hasRole(login, 'SUPERVISOR', 'ADMIN')) sections.push(merges(card.customerId, redraw));
    box.replaceChildren(...sections);
  } catch (e) { fill(box, [], '客户信息暂不可用：' + e.message); }
}

/** Just the person (masked, with the audited reveal), for screens without a ticket in hand, such as a callback. */
export function showPerson(box, card) {
  box.replaceChildren(person(card, null, () => {}));
}

function section(title, testid, ...children) {
  return el('section', { class: 'cf-section', testid }, el('h3', {}, title), ...children);
}

/** Phone and name arrive masked; people allowed to reveal them say why, and the reveal is audited on the server. */
function person(c, timeline, onCard) {
  const rows = [['客户', c.name || '未留姓名'], ['手机', c.phone || '未留手机号']];
  if (timeline && c.phone) rows.push(['号码', timeline.customer.phoneVerified ? '已验证（短信、来电或验证码）' : '未验证（客户自填）']);
  rows.push(['车型', c.model || '未知'], ['VIN', c.vin || (timeline && timeline.vehicles.length ? '见下方车辆' : '未提供')]);
  const dl = el('dl', { class: 'card' }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', { testid: 'customer-' + k }, v)]));
  const box = el('div', {}, dl);
  if (c.canReveal && !c.revealed) {
    const reason = el('input', { testid: 'reveal-reason', maxlength: 500, placeholder: '查看原因（必填，将记入审计日志）',
      'aria-label': '查看完整信息的原因' });
    const error = el('div', { class: 'error', role: 'alert' });
    const button = el('button', { testid: 'reveal-customer', onclick: async () => {
      if (!reason.value.trim()) { error.textContent = '请填写查看原因。'; return; }
      button.disabled = true;
      try {
        const full = await api('POST', `/api/customers/${encodeURIComponent(c.customerId)}/reveal`, { reason: reason.value.trim() });
        const revealed = { ...c, name: full.name, phone: full.phone, vin: full.vin || c.vin, revealed: true };
        onCard(revealed);
        box.replaceWith(person(revealed, timeline, onCard));
      } catch (e) { showError(error, e); button.disabled = false; }
    } }, '查看完整信息');
    box.append(el('div', { class: 'reveal' }, reason, button, error));
  } else if (c.revealed) {
    box.append(el('div', { class: 'muted' }, '已显示完整信息（本次查看已记入审计日志）'));
  }
  return box;
}

function warrantyText(status, end) {
  return label('warranty', status) + (end ? `（至 ${end}）` : '');
}

function vehicles(customerId, timeline, redraw) {
  const list = timeline ? timeline.vehicles : [];
  const items = list.map(v => el('div', { class: `cf-vehicle ${v.batteryWarranty === 'EXPIRED' ? 'expired' : ''}`, testid: 'vehicle' },
    el('div', {}, el('strong', {}, v.model || '车型未知'), ' ', el('span', { class: 'muted' }, v.vin)),
    el('div', { class: 'muted' }, `整车质保：${warrantyText(v.warranty, v.warrantyEnd)}`),
    el('div', { testid: 'battery-warranty', class: v.batteryWarranty === 'IN_WARRANTY' ? 'ok' : 'muted' },
      `电池质保：${warrantyText(v.batteryWarranty, v.batteryWarrantyEnd)}`),
    v.dealer || v.region ? el('div', { class: 'muted' }, [v.dealer, v.region].filter(Boolean).join(' · ')) : null));
  const form = el('form', { class: 'cf-form', hidden: true, testid: 'vehicle-form' },
    ...[['vin', 'VIN（17 位）'], ['model', '车型'], ['purchaseDate', '购车日期'], ['warrantyEnd', '整车质保截止'],
      ['batteryWarrantyEnd', '电池质保截止'], ['dealer', '经销商/服务站'], ['region', '区域']]
      .map(([name, text]) => el('label', {}, text, el('input', { name, type: /Date|End$/.test(name) ? 'date' : 'text',
        maxlength: name === 'vin' ? 17 : 100 }))));
  const error = el('div', { class: 'error', role: 'alert' });
  form.append(el('button', { type: 'submit', class: 'primary' }, '保存车辆'), error);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = {};
    for (const input of form.querySelectorAll('input')) if (input.value.trim()) body[input.name] = input.value.trim();
    try {
      await api('POST', `/api/customers/${encodeURIComponent(customerId)}/vehicles`, body);
      redraw();
    } catch (err) { showError(error, err); }
  });
  const add = el('button', { testid: 'add-vehicle', onclick: () => { form.hidden = !form.hidden; } }, '添加车辆');
  return section('车辆与质保', 'customer-vehicles', ...(items.length ? items : [el('div', { class: 'empty' }, '尚未登记车辆。')]), add, form);
}

/** Type, category, skills and vehicle of the open ticket, as the agent corrects them. */
function classification(t, timeline, onTicketChanged) {
  const type = el('select', { testid: 'reclassify-type', 'aria-label': '工单类型' },
    ...TYPES.concat(t.type === 'TECH_SUPPORT' ? ['TECH_SUPPORT'] : []).map(v => el('option', { value: v, selected: v === t.type }, label('type', v))));
  type.disabled = t.type === 'TECH_SUPPORT';
  const category = el('select', { testid: 'reclassify-category', 'aria-label': '问题分类' },
    ...CATEGORIES.map(v => el('option', { value: v, selected: v === (t.category || '') }, v ? label('category', v) : '未分类')));
  const skills = el('input', { testid: 'reclassify-skills', value: (t.skills || []).join(', '), 'aria-label': '所需技能',
    placeholder: '技能，逗号分隔，如 charging, battery' });
  const vehicle = el('select', { testid: 'reclassify-vehicle', 'aria-label': '本工单涉及的车辆' },
    el('option', { value: '' }, '未指定车辆'),
    ...(timeline ? timeline.vehicles : []).map(v => el('option', { value: v.id, selected: v.id === t.vehicleId },
      `${v.model || '车辆'} ${v.vin}`)));
  const error = el('div', { class: 'error', role: 'alert' });
  const save = el('button', { testid: 'reclassify-save', onclick: async () => {
    const body = { type: type.value, category: category.value || null,
      skills: skills.value.split(/[,，\s]+/).map(s => s.trim()).filter(Boolean),
      vehicleId: vehicle.value ? Number(vehicle.value) : null };
    if (type.disabled) delete body.type;
    save.disabled = true;
    try {
      const changed = await api('PATCH', `/api/tickets/${encodeURIComponent(t.id)}`, body);
      showError(error, null);
      onTicketChanged(changed);
    } catch (e) { showError(error, e); } finally { save.disabled = false; }
  } }, '保存分类');
  const rework = t.reworkOf ? el('div', { class: 'warn', testid: 'rework-of' }, `返修：同一车辆同一系统 30 天内再次反映（原工单 #${t.reworkOf.slice(-6)}）`) : null;
  return section('工单分类', 'ticket-classification', rework, el('div', { class: 'cf-form' }, type, category, skills, vehicle, save), error);
}

function history(t, timeline) {
  if (!timeline) return section('服务历史', 'customer-history', el('div', { class: 'empty' }, '您的角色不能查看客户的服务历史。'));
  const others = timeline.tickets.filter(p => p.id !== t.id);
  const tickets = others.map(p => el('div', { class: 'cf-row', testid: 'history-ticket' },
    el('div', {}, `${formatTime(p.openedAt)} · ${label('channel', p.channel)} · ${label('type', p.type)}`
      + (p.category ? ' · ' + label('category', p.category) : '') + (p.vehicleModel ? ' · ' + p.vehicleModel : '')),
    el('div', { class: 'muted' }, label('status', p.status) + (p.resolvedAt ? ` ${formatTime(p.resolvedAt)}` : '')
      + (p.csat ? ` · 满意度 ${p.csat} 分` : '') + (p.reworkOf ? ' · 返修' : '') + ` · #${p.id.slice(-6)}`)));
  const callbacks = timeline.callbacks.map(c => el('div', { class: 'cf-row', testid: 'history-callback' },
    `${label('callbackReason', c.reason)} · ${formatTime(c.dueAt)} · ${c.outcome || c.status}`));
  const open = e => e.status === 'OPEN' || e.status === 'ACKNOWLEDGED';
  const escalations = timeline.escalations.map(e => el('div', { class: `cf-row ${open(e) ? 'warn' : 'muted'}`, testid: 'history-escalation' },
    `${label('escalation', e.kind)} · ${label('escalationStatus', e.status)} · ${e.subject || ''} · ${formatTime(e.createdAt)}`));
  return section('服务历史', 'customer-history',
    el('h4', {}, `以往工单（${others.length}）`), ...(tickets.length ? tickets : [el('div', { class: 'empty' }, '没有其他工单。')]),
    callbacks.length ? el('h4', {}, '回访') : null, ...callbacks,
    escalations.length ? el('h4', {}, `升级（处理中 ${timeline.escalations.filter(open).length}）`) : null, ...escalations);
}

function notes(t, timeline, redraw) {
  const list = (timeline ? timeline.notes : []);
  const items = list.map(n => el('div', { class: 'cf-note', testid: 'note' },
    el('div', { class: 'muted' }, `${n.author || '同事'} · ${formatTime(n.createdAt)}${n.ticketId !== t.id ? ' · 其他工单' : ''}`),
    el('div', { class: 'wrap' }, n.text)));
  const text = el('textarea', { testid: 'note-input', rows: 3, maxlength: 4000, placeholder: '写给同事的内部备注，客户看不到' });
  const error = el('div', { class: 'error', role: 'alert' });
  const add = el('button', { testid: 'note-add', onclick: async () => {
    if (!text.value.trim()) return;
    add.disabled = true;
    try {
      await api('POST', `/api/tickets/${encodeURIComponent(t.id)}/notes`, { text: text.value.trim() });
      redraw();
    } catch (e) { showError(error, e); add.disabled = false; }
  } }, '添加备注');
  return section('内部备注', 'customer-notes', ...(items.length ? items : [el('div', { class: 'empty' }, '还没有备注。')]), text, add, error);
}

/** Supervisors: other records with the same phone number, merged into this one; merges undone within 30 days. */
function merges(customerId, redraw) {
  const box = section('重复记录合并', 'customer-merges', el('div', { class: 'empty' }, '正在查找…'));
  Promise.all([api('GET', `/api/customers/${encodeURIComponent(customerId)}/duplicates`),
    api('GET', `/api/customers/${encodeURIComponent(customerId)}/merges`)]).then(([duplicates, done]) => {
    const error = el('div', { class: 'error', role: 'alert' });
    const rows = duplicates.map(d => el('div', { class: 'cf-row', testid: 'duplicate' },
      `${d.name || '未留姓名'} · ${d.phone || ''} · ${d.vehicleModel || ''} · 客户 ${d.id}`,
      el('button', { testid: 'merge-duplicate', onclick: async () => {
        try { await api('POST', `/api/customers/${encodeURIComponent(customerId)}/merge`, { duplicateId: d.id }); redraw(); }
        catch (e) { showError(error, e); }
      } }, '合并到当前客户')));
    const undo = done.filter(m => !m.undoneAt && new Date(m.undoUntil) > new Date()).map(m => el('div', { class: 'cf-row', testid: 'merge' },
      `已合并客户 ${m.fromId} · ${formatTime(m.mergedAt)}（可撤销至 ${formatTime(m.undoUntil)}）`,
      el('button', { testid: 'undo-merge', onclick: async () => {
        try { await api('POST', `/api/customers/${encodeURIComponent(customerId)}/merges/${encodeURIComponent(m.id)}/undo`); redraw(); }
        catch (e) { showError(error, e); }
      } }, '撤销合并')));
    const byId = el('input', { testid: 'merge-id', inputmode: 'numeric', placeholder: '其他记录的客户编号', 'aria-label': '要合并的客户编号' });
    const mergeById = el('button', { testid: 'merge-by-id', onclick: async () => {
      if (!/^[0-9]+$/.test(byId.value.trim())) { error.textContent = '请输入客户编号（数字）。'; return; }
      try { await api('POST', `/api/customers/${encodeURIComponent(customerId)}/merge`, { duplicateId: Number(byId.value.trim()) }); redraw(); }
      catch (e) { showError(error, e); }
    } }, '按编号合并');
    box.replaceChildren(el('h3', {}, '重复记录合并'),
      ...(rows.length ? rows : [el('div', { class: 'empty' }, '没有发现同一手机号的其他记录。')]), ...undo,
      el('div', { class: 'cf-form' }, byId, mergeById), error);
  }).catch(e => box.replaceChildren(el('h3', {}, '重复记录合并'), el('div', { class: 'empty' }, e.message)));
  return box;
}
