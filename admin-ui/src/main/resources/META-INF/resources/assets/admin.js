// Admin pages: create staff with roles and skills, list them, keep the canned replies, and show the SLA policy defaults.
import { api, el, fill, showError, requireLogin, topBar, label, LABEL, formatTime } from '/assets/common.js';

const login = requireLogin('ADMIN');
topBar(login, '/admin/');
const $ = id => document.getElementById(id);

const SKILLS = { battery: '电池', motor: '电机', 'electronic-control': '电控', charging: '充电', 'high-voltage': '高压',
  thermal: '热管理', chassis: '底盘', 'body-electronics': '车身电子', engine: '发动机', appointment: '预约',
  complaint: '投诉', general: '综合' };
// The shipped defaults (application.yml); there is no endpoint to read the policies in force yet.
const SLA_DEFAULTS = [['COMPLAINT', '2 小时', '48 小时'], ['APPOINTMENT', '30 分钟', '24 小时'],
  ['TECH_SUPPORT', '5 分钟', '8 小时'], ['INQUIRY', '1 小时', '24 小时'], ['CALLBACK', '1 小时', '24 小时'], ['ROADSIDE', '5 分钟', '2 小时']];

function checkbox(name, value, text, checked) {
  return el('label', {}, el('input', { type: 'checkbox', name, value, checked }), text);
}

$('roles').replaceChildren(...Object.keys(LABEL.role).map(r => checkbox('roles', r, label('role', r), r === 'AGENT')));
$('skills').replaceChildren(...Object.entries(SKILLS).map(([k, v]) => checkbox('skills', k, `${v}（${k}）`, false)));
$('sla-policies').replaceChildren(...SLA_DEFAULTS.map(([type, first, resolution]) =>
  el('tr', {}, el('td', {}, label('type', type)), el('td', {}, first), el('td', {}, resolution))));

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
