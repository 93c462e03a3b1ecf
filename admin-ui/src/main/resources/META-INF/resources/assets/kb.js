// The knowledge base for the people who keep it (experts, supervisors, admins): find articles by status,
// text, category and model; edit with a live preview; read the version history with a diff; publish the
// drafts experts submit (the review queue) or retire an article; import NDJSON with a per-line report; edit the
// synonym dictionary (every node re-analyses); see usage.
import { api, apiRaw, el, fill, showError, requireLogin, topBar, formatTime, hasRole } from '/assets/common.js';

const login = requireLogin('EXPERT', 'SUPERVISOR', 'ADMIN');
topBar(login, '/kb/');
const $ = id => document.getElementById(id);
const STATUS = { PUBLISHED: '已发布', DRAFT: '待审核', RETIRED: '已下架' };
const state = { selected: null };

function list(value) { return value.split(/[,，、]/).map(s => s.trim()).filter(Boolean); }

async function loadList() {
  const f = $('filter');
  showError($('list-error'), null);
  try {
    let rows;
    if (f.q.value.trim()) {
      const params = new URLSearchParams({ q: f.q.value.trim(), size: '50', status: f.status.value });
      if (f.category.value.trim()) params.set('category', f.category.value.trim());
      if (f.model.value.trim()) params.set('model', f.model.value.trim());
      rows = (await api('GET', '/api/kb/search?' + params)).hits.map(h => ({ id: h.id, title: h.title, status: f.status.value }));
    } else {
      rows = (await api('GET', '/api/kb/articles?status=' + f.status.value))
        .filter(a => !f.category.value.trim() || a.category === f.category.value.trim());
    }
    $('count').textContent = rows.length;
    fill($('articles'), rows.map(a => el('div', { class: `kb-item ${a.id === state.selected ? 'selected' : ''}`, testid: 'kb-article',
      'data-id': a.id, onclick: () => open(a.id) },
      el('div', {}, el('strong', {}, a.title)),
      el('div', { class: 'muted' }, `${a.id} · ${a.category || '未分类'} · ${STATUS[a.status] || a.status}${a.version ? ' · 第 ' + a.version + ' 版' : ''}`))),
    f.status.value === 'DRAFT' ? '审核队列是空的。' : '没有符合条件的条目。');
  } catch (e) { showError($('list-error'), e); }
}
$('filter').addEventListener('submit', e => { e.preventDefault(); loadList(); });
$('filter').status.addEventListener('change', loadList);

/** Markdown as the agents will read it: "## " lines become headings, blank lines split paragraphs; text stays text. */
function preview() {
  const body = $('article-form').body.value;
  const blocks = body.split(/\n{2,}/).map(b => b.trim()).filter(Boolean);
  fill($('preview'), blocks.map(b => b.startsWith('## ') ? el('h4', {}, b.slice(3)) : el('p', { class: 'wrap' }, b)), '（正文为空）');
}
$('article-form').body.addEventListener('input', preview);

function fillForm(a) {
  const f = $('article-form');
  f.id.value = a ? a.id : '';
  f.id.readOnly = !!a;
  f.title.value = a ? a.title : '';
  f.category.value = a ? a.category || '' : '';
  f.tags.value = a ? (a.tags || []).join(', ') : '';
  f.vehicleModels.value = a ? (a.vehicleModels || []).join(', ') : '';
  f.body.value = a ? a.body : '';
  $('editor-title').textContent = a ? '编辑条目' : '新建条目';
  $('status-line').textContent = a ? `${STATUS[a.status] || a.status} · 第 ${a.version} 版${a.updatedAt ? ' · ' + formatTime(a.updatedAt) : ''}` : '新条目保存后为草稿';
  $('publish').disabled = !a || a.status === 'PUBLISHED';
  $('retire').disabled = !a || a.status === 'RETIRED';
  $('diff').hidden = true;
  preview();
}

async function open(id) {
  state.selected = id;
  $('editor').hidden = false;
  showError($('editor-error'), null);
  try {
    const [article, versions] = await Promise.all([api('GET', `/api/kb/articles/${encodeURIComponent(id)}`),
      api('GET', `/api/kb/articles/${encodeURIComponent(id)}/versions`)]);
    fillForm(article);
    showVersions(article, versions);
  } catch (e) { showError($('editor-error'), e); }
  loadList();
}
$('new-article').addEventListener('click', () => { state.selected = null; $('editor').hidden = false; fillForm(null); fill($('versions'), [], '新条目还没有历史。'); });

function showVersions(current, versions) {
  fill($('versions'), versions.slice().reverse().map(v => el('div', { class: 'kb-version', testid: 'kb-version' },
    el('span', {}, `第 ${v.version} 版 · ${STATUS[v.status] || v.status} · ${v.updatedAt ? formatTime(v.updatedAt) : ''}`),
    v.version === current.version ? el('span', { class: 'muted' }, '当前') :
      el('button', { testid: 'kb-version-diff', onclick: () => showDiff(v, current) }, '与当前比较'))), '没有历史版本。');
}

/** A line diff (longest common subsequence) of two versions' titles and bodies. */
function showDiff(older, newer) {
  const a = (older.title + '\n\n' + older.body).split('\n');
  const b = (newer.title + '\n\n' + newer.body).split('\n');
  const n = a.length, m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { out.push(el('div', {}, '  ' + a[i])); i++; j++; }
    else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) { out.push(el('div', { class: 'add' }, '+ ' + b[j])); j++; }
    else { out.push(el('div', { class: 'del' }, '- ' + a[i])); i++; }
  }
  $('diff').replaceChildren(el('div', { class: 'muted' }, `第 ${older.version} 版 → 第 ${newer.version} 版`), ...out);
  $('diff').hidden = false;
}

function formArticle() {
  const f = $('article-form');
  return { id: f.id.value.trim() || undefined, title: f.title.value.trim(), category: f.category.value.trim() || null,
    tags: list(f.tags.value), vehicleModels: list(f.vehicleModels.value), body: f.body.value };
}

$('save').addEventListener('click', async () => {
  showError($('editor-error'), null);
  try {
    const body = formArticle();
    const saved = state.selected ? await api('PUT', `/api/kb/articles/${encodeURIComponent(state.selected)}`, body)
      : await api('POST', '/api/kb/articles', body);
    await open(saved.id);
  } catch (e) { showError($('editor-error'), e); }
});
for (const [button, action] of [['publish', 'publish'], ['retire', 'retire']]) {
  $(button).addEventListener('click', async () => {
    if (!state.selected) return;
    showError($('editor-error'), null);
    try {
      await api('POST', `/api/kb/articles/${encodeURIComponent(state.selected)}/${action}`);
      await open(state.selected);
    } catch (e) { showError($('editor-error'), e); }
  });
}

$('import').disabled = !hasRole(login, 'ADMIN');
$('import').addEventListener('click', async () => {
  const text = $('import-text').value.trim();
  if (!text) return;
  try {
    const r = await (await apiRaw('POST', '/api/kb/import', text, 'application/x-ndjson')).json();
    $('import-report').replaceChildren(el('div', {}, `已导入 ${r.imported} 条`),
      ...r.errors.map(e => el('div', { class: 'error', testid: 'kb-import-error' }, `第 ${e.line} 行：${e.message}`)));
    loadList();
  } catch (e) { showError($('import-report'), e); }
});

async function loadUsage() {
  try {
    const usage = await api('GET', '/api/reports/suggestions');
    fill($('usage'), usage.slice(0, 20).map(u => el('div', { class: 'kb-item', onclick: () => open(u.articleId) },
      `${u.articleId} · 用于 ${u.tickets} 个工单`)), '还没有采用记录。');
  } catch (e) { fill($('usage'), [], e.message); }
}

async function loadSynonyms() {
  try {
    const d = await api('GET', '/api/kb/synonyms');
    $('synonyms').value = d.text;
    $('synonyms-meta').textContent = `${d.groups} 组 · ${d.entries} 个说法` + (d.updatedAt ? ` · ${formatTime(d.updatedAt)} 修改` : '');
  } catch (e) { showError($('synonyms-error'), e); }
}
$('synonyms-save').addEventListener('click', async () => {
  showError($('synonyms-error'), null);
  $('synonyms-save').disabled = true;
  try {
    const d = await api('PUT', '/api/kb/synonyms', { text: $('synonyms').value });
    $('synonyms-meta').textContent = `已保存并生效：${d.groups} 组 · ${d.entries} 个说法`;
  } catch (e) { showError($('synonyms-error'), e); } finally { $('synonyms-save').disabled = false; }
});

loadList();
loadUsage();
loadSynonyms();
