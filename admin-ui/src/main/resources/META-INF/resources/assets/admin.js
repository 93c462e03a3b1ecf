// Admin pages: create staff with roles and skills, list them, and show the SLA policy defaults.
import { api, el, showError, requireLogin, topBar, label, LABEL } from '/assets/common.js';

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
