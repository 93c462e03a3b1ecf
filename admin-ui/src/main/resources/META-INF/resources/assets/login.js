// Logs a staff member in and sends them to the page of their role (or back where they came from).
import { api, saveLogin, homeFor, showError, hasRole } from '/assets/common.js';

const form = document.getElementById('login-form');
const error = document.getElementById('error');
const params = new URLSearchParams(location.search);
if (params.has('denied')) showError(error, new Error('您的账号无权打开该页面，请使用有权限的账号登录。'));
if (params.has('expired')) showError(error, new Error('登录已失效，请重新登录。'));

/** Only our own pages, so a crafted ?next= cannot send anyone elsewhere. */
function safeNext(login) {
  const next = params.get('next');
  const allowed = { '/console/': ['AGENT', 'EXPERT', 'SUPERVISOR'], '/dashboard/': ['SUPERVISOR', 'ADMIN'], '/admin/': ['ADMIN'],
    '/tech/': ['TECHNICIAN'], '/rnd/': ['RND', 'SUPERVISOR', 'ADMIN'], '/kb/': ['EXPERT', 'SUPERVISOR', 'ADMIN'] };
  return next && allowed[next] && hasRole(login, ...allowed[next]) ? next : homeFor(login);
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  showError(error, null);
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const login = await api('POST', '/api/auth/login', {
      username: form.username.value.trim(), password: form.password.value });
    saveLogin(login);
    location.href = safeNext(login);
  } catch (e) {
    showError(error, e.status === 0 ? new Error('无法连接服务器，请检查网络。') : e);
    button.disabled = false;
  }
});
