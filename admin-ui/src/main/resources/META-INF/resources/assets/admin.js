// Admin pages: create staff with roles and skills, list them, keep the canned replies, edit the SLA policies and the rules.
import { api, el, fill, showError, requireLogin, topBar, label, LABEL, formatTime } from '/assets/common.js';

const login = requireLogin('ADMIN');
topBar(login, '/admin/');
const $ = id => document.getElementById(id);

const SKILLS = { battery: '电池', motor: '电机', 'electronic-control': '电控', charging: '充电', 'high-voltage': '高压',
  thermal: '热管理', chassis: '底盘', 'body-electronics': '车身电子', engine: '发动机', appointment: '预约',
  complaint: '投诉', general: '综合' };

function checkbox(name, value, text, checked) {
  return el('label', {}, el('input', { type: 'checkbox', name, value, checked }), text);
}

$('roles').replaceChildren(...Object.keys(LABEL.role).map(r => checkbox('roles', r, label('role', r), r === 'AGENT')));
$('skills').replaceChildren(...Object.entries(SKILLS).map(([k, v]) => checkbox('skills', k, `${v}（${k}）`, false)));

// --- SLA policies: the ones in force, edited here (a new version each time, audited) -----------------
/** PT2H → 2 小时, PT30M → 30 分钟, P2D → 2 天 (the ISO value stays what is sent). */
function readable(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso || '');
  if (!m) return iso;
  return [[m[1], '天'], [m[2], '小时'], [m[3], '分钟'], [m[4], '秒']].filter(([n]) => n && n !== '0').map(([n, u]) => `${n} ${u}`).join(' ');
}

async function loadSla() {
  try {
    const policies = await api('GET', '/api/sla/policies');
    $('sla-policies').replaceChildren(...policies.map(p => {
      const first = el('input', { value: p.firstResponse, size: 8, 'aria-label': label('type', p.type) + '首次响应', testid: 'sla-first-' + p.type });
      const resolution = el('input', { value: p.resolution, size: 8, 'aria-label': label('type', p.type) + '解决时限', testid: 'sla-resolution-' + p.type });
      const save = el('button', { testid: 'sla-save-' + p.type, onclick: async () => {
        showError($('sla-error'), null);
        try {
          await api('PUT', `/api/sla/policies/${p.type}`, { firstResponse: first.value.trim(), resolution: resolution.value.trim() });
          await loadSla();
        } catch (e) { showError($('sla-error'), e); }
      } }, '保存');
      return el('tr', { testid: 'sla-row', 'data-type': p.type }, el('td', {}, label('type', p.type)),
        el('td', {}, first, ' ', el('span', { class: 'muted' }, readable(p.firstResponse))),
        el('td', {}, resolution, ' ', el('span', { class: 'muted' }, readable(p.resolution))),
        el('td', { class: 'muted' }, p.updatedBy ? formatTime(p.effectiveAt) + `（第 ${p.versions.length} 版）` : '出厂配置'), el('td', {}, save));
    }));
  } catch (e) { showError($('sla-error'), e); }
}
loadSla();

async function loadStaff() {
  try {
    const staff = await api('GET', '/api/staff');
    $('staff-count').textContent = staff.length;
    $('staff').replaceChildren(...staff.map(s => el('tr', { testid: 'staff-row' },
      el('td', {}, s.id), el('td', {}, s.username), el('td', {}, s.displayName),
      el('td', {}, s.roles.map(r => label('role', r)).join('、')),
      el('td', { class: 'wrap' }, (s.skills || []).map(k => SKILLS[k] || k).join('、') || '—'),
      el('td', {}, s.maxConcurrent),
      el('td', {}, el('span', { class: 'status-dot ' + s.presence }), label('presence', s.presence)),
      el('td', {}, s.disabled ? el('span', { class: 'muted', testid: 'staff-disabled' }, '已停用') : '',
        s.id === login.staffId ? '' : el('button', { testid: 'staff-toggle', onclick: () => setDisabled(s, !s.disabled) },
          s.disabled ? '启用' : '停用'),
        el('button', { testid: 'staff-reset', onclick: () => resetPassword(s) }, '重置密码')))));
  } catch (e) { showError($('list-error'), e); }
}

/** Disabling ends the person's login everywhere at once; enabling lets them log in again. */
async function setDisabled(s, disabled) {
  if (disabled && !confirm(`停用 ${s.displayName}（${s.username}）？其所有登录将立即失效。`)) return;
  try {
    await api('PUT', `/api/staff/${s.id}/disabled`, { disabled });
    loadStaff();
  } catch (e) { showError($('list-error'), e); }
}

async function resetPassword(s) {
  const password = prompt(`为 ${s.displayName}（${s.username}）设置新密码（至少 8 个字符）。其现有登录将立即失效。`);
  if (!password) return;
  try {
    await api('PUT', `/api/staff/${s.id}/password`, { newPassword: password });
    $('form-ok').textContent = `已重置 ${s.username} 的密码。`;
  } catch (e) { showError($('list-error'), e); }
}

$('staff-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  showError($('form-error'), null);
  $('form-ok').textContent = '';
  const roles = [...form.querySelectorAll('input[name=roles]:checked')].map(i => i.value);
  const skills = [...form.querySelectorAll('input[name=skills]:checked')].map(i => i.value)
    .concat(form.extraSkills.value.split(/[,，\s]+/).map(s => s.trim().toLowerCase()).filter(Boolean));
  if (!roles.length) { showError($('form-error'), new Error('请至少选择一个角色。')); return; }
  try {
    const created = await api('POST', '/api/staff', { username: form.username.value.trim(), password: form.password.value,
      displayName: form.displayName.value.trim(), roles, skills: [...new Set(skills)], maxConcurrent: Number(form.maxConcurrent.value) });
    $('form-ok').textContent = `已创建账号 ${created.username}（ID ${created.id}）。`;
    form.reset();
    form.querySelector('input[value=AGENT]').checked = true;
    loadStaff();
  } catch (e) { showError($('form-error'), e); }
});

loadStaff();

// --- canned replies -------------------------------------------------------------------------------
const canned = { list: [], editing: null };

async function loadCanned() {
  try {
    canned.list = await api('GET', '/api/canned-replies');
    $('canned-count').textContent = canned.list.length;
    fill($('canned'), canned.list.map(r => el('tr', { testid: 'canned-row', 'data-id': r.id, class: r.id === canned.editing ? 'editing' : '' },
      el('td', {}, r.category), el('td', { class: 'wrap' }, r.text), el('td', {}, formatTime(r.updatedAt)),
      el('td', {}, el('button', { testid: 'canned-edit', onclick: () => editCanned(r) }, '编辑'),
        el('button', { testid: 'canned-delete', class: 'danger', onclick: () => deleteCanned(r) }, '删除')))),
    '还没有常用回复。');
    $('canned-categories').replaceChildren(...[...new Set(canned.list.map(r => r.category))].map(c => el('option', { value: c })));
  } catch (e) { showError($('canned-error'), e); }
}

function editCanned(r) {
  const form = $('canned-form');
  canned.editing = r.id;
  form.category.value = r.category;
  form.text.value = r.text;
  $('canned-save').textContent = '保存修改';
  $('canned-cancel').hidden = false;
  $('canned-ok').textContent = '';
  showError($('canned-error'), null);
  form.text.focus();
  loadCanned();
}

function stopEditing() {
  canned.editing = null;
  $('canned-form').reset();
  $('canned-save').textContent = '添加';
  $('canned-cancel').hidden = true;
}

async function deleteCanned(r) {
  if (!confirm(`删除这条常用回复？\n\n${r.text}`)) return;
  try {
    await api('DELETE', `/api/canned-replies/${r.id}`);
    if (canned.editing === r.id) stopEditing();
    $('canned-ok').textContent = '已删除。';
    loadCanned();
  } catch (e) { showError($('canned-error'), e); }
}

/** Puts a placeholder where the cursor is, so nobody has to type the braces right. */
function insertPlaceholder(name) {
  const area = $('canned-form').text;
  const at = area.selectionStart ?? area.value.length;
  area.value = area.value.slice(0, at) + `{${name}}` + area.value.slice(area.selectionEnd ?? at);
  area.focus();
  area.selectionStart = area.selectionEnd = at + name.length + 2;
}

api('GET', '/api/canned-replies/placeholders').then(names => {
  $('placeholder-help').textContent = names.map(n => `{${n}}`).join('、');
  $('placeholder-buttons').replaceChildren(...names.map(n =>
    el('button', { type: 'button', testid: 'canned-placeholder', onclick: () => insertPlaceholder(n) }, `插入 {${n}}`)));
}).catch(() => {});

$('canned-cancel').addEventListener('click', () => { stopEditing(); loadCanned(); });
$('canned-form').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  showError($('canned-error'), null);
  $('canned-ok').textContent = '';
  const body = { category: form.category.value.trim(), text: form.text.value.trim() };
  try {
    if (canned.editing) {
      await api('PUT', `/api/canned-replies/${canned.editing}`, body);
      $('canned-ok').textContent = '已保存修改；坐席工作台 5 分钟内更新，刷新页面即刻生效。';
    } else {
      await api('POST', '/api/canned-replies', body);
      $('canned-ok').textContent = '已添加。';
    }
    stopEditing();
    loadCanned();
  } catch (e) { showError($('canned-error'), e); }
});

loadCanned();

// --- rules as data: the classifier's phrases and the fault-code table, checked and applied without a restart ---
function rulesEditor(prefix, path, tryIt) {
  const meta = t => t.updatedAt ? `最近保存：${formatTime(t.updatedAt)}（员工 ${t.updatedBy}）` : '尚未追加，按出厂规则运行';
  async function load() {
    try {
      const r = await api('GET', path);
      $(prefix + '-shipped').textContent = r.shipped;
      $(prefix + '-text').value = r.text;
      $(prefix + '-meta').textContent = meta(r);
    } catch (e) { showError($(prefix + '-error'), e); }
  }
  $(prefix + '-save').addEventListener('click', async () => {
    showError($(prefix + '-error'), null);
    try {
      const r = await api('PUT', path, { text: $(prefix + '-text').value });
      $(prefix + '-meta').textContent = '已保存并生效。' + meta(r);
    } catch (e) { showError($(prefix + '-error'), e.serverMessage ? new Error(e.message + ' ' + e.serverMessage) : e); }
  });
  $(prefix + '-try-run').addEventListener('click', async () => {
    try { $(prefix + '-try-result').textContent = await tryIt($(prefix + '-try').value.trim()); }
    catch (e) { $(prefix + '-try-result').textContent = e.message; }
  });
  load();
}

rulesEditor('classifier', '/api/rules/classifier', async text => {
  const r = await api('POST', '/api/rules/classifier/test', { text });
  return `类型：${label('type', r.type)} · 分类：${r.category ? label('category', r.category) : '无'} · 技能：${r.skills.join('、') || '无'}`;
});
rulesEditor('dtc', '/api/rules/dtc-specialities', async code => {
  const r = await api('POST', '/api/rules/dtc-specialities/test', { code });
  return r.speciality ? `${r.code} → ${SKILLS[r.speciality] || r.speciality}（${r.speciality}）` : `${r.code}：对照表中没有，按问题描述分配`;
});

// --- channel status: configured or not, the webhook URLs to paste into Twilio, the last webhook, the outbox ---
function yes(v, on, off) { return el('span', { class: v ? 'ok' : 'warn' }, v ? on : off); }
function lastWebhook(w) {
  if (!w) return '本节点尚未收到';
  return `${formatTime(w.at)} · ${w.path} · ${w.signatureValid ? '签名有效' : '签名无效（请核对 Auth Token 与公开网址）'}`;
}
async function loadChannels() {
  try {
    const c = await api('GET', '/api/admin/channels');
    const o = c.sms.outbox;
    $('channels').replaceChildren(
      el('div', { class: 'muted' }, '公开网址（huiying.public-base-url）：', c.publicBaseUrl || '未设置（Twilio 的回调将被拒绝）'),
      el('h3', {}, '短信'),
      el('div', { testid: 'channel-sms' }, '发送：', yes(c.sms.sending, '已配置', '未配置（短信只记录不发送）'), ' · 接收：',
        yes(c.sms.receiving, '已配置', '未配置'), c.sms.from ? ` · 号码 ${c.sms.from}` : ''),
      el('ul', {}, ...c.sms.webhooks.map(u => el('li', {}, el('code', {}, u)))),
      el('div', { class: 'muted' }, '最近一次回调：', lastWebhook(c.sms.lastWebhook)),
      el('div', { testid: 'channel-outbox' }, `发件箱：待发 ${o.waiting} · 失败 ${o.failed} · 未配置时记录 ${o.dryRun}`
        + (o.lastFailure ? ` · 最近失败 ${formatTime(o.lastFailureAt)}：${o.lastFailure}` : '')),
      el('h3', {}, '服务热线'),
      el('div', { testid: 'channel-voice' }, '接听来电：', yes(c.voice.receiving, '已配置', '未配置'), ' · 浏览器电话：',
        yes(c.voice.softphone, '已配置', '未配置（坐席可用自己的手机接听）')),
      el('ul', {}, ...c.voice.webhooks.map(u => el('li', {}, el('code', {}, u)))),
      el('div', { class: 'muted' }, '最近一次回调：', lastWebhook(c.voice.lastWebhook)));
  } catch (e) { showError($('channels-error'), e); }
}
loadChannels();
