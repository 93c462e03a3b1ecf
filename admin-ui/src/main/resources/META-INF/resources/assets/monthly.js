// The monthly service report as a page to read and print (each section keeps together on paper), with its
// charts: SLA compliance and CSAT against the target day by day, and the models with the most problems.
// The same figures as the kept JSON, CSV and Excel files (GET /api/reports/monthly).
import { api, apiRaw, el, label, showError, requireLogin, topBar, formatDuration, serverNow, syncClock } from '/assets/common.js';
import { ZONE, localDate, monthOf, previousMonth, percent, rate, download, lineChart, barChart } from '/assets/report-charts.js';

const login = requireLogin('SUPERVISOR', 'ADMIN');
topBar(login, '/dashboard/');
const $ = id => document.getElementById(id);
const charts = {};
const ALERTS = { CSAT_BELOW_TARGET: '满意度低于目标', FAULT_CODE_RISING: '故障码占比上升', REWORK_RATE_HIGH: '车型返修率超标',
  RESOLUTION_OVERRUN: '工单超出解决时限' };

const seconds = s => s === null || s === undefined ? '—' : formatDuration(s * 1000);
const time = iso => new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: ZONE });
const rows = (tbody, lines, empty, columns) => $(tbody).replaceChildren(...(lines.length ? lines
  : [el('tr', {}, el('td', { colspan: columns, class: 'empty' }, empty))]));

function figures(r) {
  const s = r.service, c = s.counts;
  const line = (name, value, basis, mood) => el('tr', { testid: 'monthly-figure', 'data-figure': name },
    el('td', {}, name), el('td', { class: mood || '' }, value), el('td', { class: 'muted' }, basis));
  return [
    line('投诉结案率', rate(s.closureRate), `${c.complaintsResolved} / ${c.complaintsOpened} 件投诉`),
    line('平均处理时长', seconds(s.averageHandlingSeconds), `${c.resolved} 件已解决工单，扣除等待客户时间`),
    line('首次解决率', rate(s.firstContactResolution), `${c.firstContactResolved} / ${c.resolved} 件已解决工单`),
    line('问卷回复率', rate(s.surveyResponseRate), `${c.surveysAnswered} / ${c.surveysSent} 份已发问卷`),
    line('满意度（CSAT）', rate(s.csat), `${c.csatSatisfied} / ${c.csatResponses} 份评价为 4–5 分；目标 ${rate(r.csatTarget)}`,
      s.csat === null ? null : s.csatMeetsTarget ? 'good' : 'bad'),
    line('回访完成率', rate(s.callbackCompletionRate), `${c.callbacksCompleted} / ${c.callbacksDue} 个到期回访`),
    line('回访确认已解决', rate(s.fixedShare), `${c.callbacksFixed} / ${c.callbacksCompleted} 个已完成回访`),
    line('专家按时答复率', rate(s.expertWithinTarget), `${c.expertWithinTarget} / ${c.expertAnswered} 个技术支持在 ${r.expertTargetSeconds} 秒内答复`),
  ].concat(s.selfServiceRate === null ? [] : [line('自助服务率', rate(s.selfServiceRate), '')]);
}

function sla(r) {
  return r.sla.map(x => el('tr', { testid: 'monthly-sla-row', 'data-type': x.type },
    el('td', {}, x.type === 'ALL' ? '全部' : label('type', x.type)), el('td', {}, x.opened),
    el('td', {}, percent(x.firstResponseMet, x.firstResponseJudged)), el('td', {}, percent(x.resolutionMet, x.resolutionJudged)),
    el('td', {}, `${seconds(x.medianFirstResponseSeconds)} / ${seconds(x.p90FirstResponseSeconds)}`),
    el('td', {}, `${seconds(x.medianResolutionSeconds)} / ${seconds(x.p90ResolutionSeconds)}`),
    el('td', {}, x.breaches), el('td', { class: x.openOverTarget ? 'bad' : '' }, x.openOverTarget)));
}

function category(m, c) {
  return m.categories.filter(x => x.category === c).reduce((n, x) => n + x.tickets, 0);
}

function place(p) {
  return el('tr', {}, el('td', {}, p.place), el('td', {}, p.tickets), el('td', {}, p.previousTickets), el('td', {}, p.reworks),
    el('td', {}, rate(p.reworkRate)));
}

function render(r) {
  document.title = `月度服务报告 ${r.month} · 回应客服中心`;
  $('title').textContent = `回应客服中心 · 月度服务报告 ${r.month}`;
  $('subtitle').textContent = `统计区间 ${time(r.from)} 至 ${time(r.to)}（${ZONE}）· 生成于 ${time(r.generatedAt)} · `
    + (r.kept ? '已存档，数据不再变动' : '本月进行中，数据随时更新');
  $('figures').replaceChildren(...figures(r));
  rows('sla', sla(r), '本月没有新建工单。', 8);
  const p = r.problems;
  rows('models', p.models.map(m => el('tr', { testid: 'monthly-model', 'data-model': m.model || '' },
    el('td', {}, m.model || '未登记车型'), el('td', {}, m.tickets), el('td', {}, m.previousTickets),
    el('td', {}, category(m, 'TECHNICAL')), el('td', {}, category(m, 'ATTITUDE')), el('td', {}, category(m, 'PROCESS')),
    el('td', {}, category(m, null)), el('td', {}, m.reworkEligible), el('td', {}, m.reworks),
    el('td', { class: m.reworkRate > 0.05 ? 'bad' : '' }, rate(m.reworkRate)), el('td', {}, rate(m.previousReworkRate)))),
  '本月没有工单。', 11);
  rows('codes', p.faultCodes.map(f => el('tr', {}, el('td', {}, f.model || '未登记车型'), el('td', {}, f.code), el('td', {}, f.questions),
    el('td', {}, rate(f.share)), el('td', {}, rate(f.previousShare)),
    el('td', {}, f.shareChange === null ? (f.previousQuestions ? '—' : '本月新出现') : `${f.shareChange > 0 ? '+' : ''}${rate(f.shareChange)}`))),
  '本月技师没有提问故障码。', 6);
  rows('regions', p.regions.map(place), '没有登记地区的车辆。', 5);
  rows('dealers', p.dealers.map(place), '没有登记经销商的车辆。', 5);
  $('alerts').replaceChildren(...(r.alerts.length ? r.alerts.map(a => el('li', {}, `${time(a.raisedAt)} · ${ALERTS[a.kind] || a.kind} · ${a.key}`))
    : [el('li', { class: 'muted' }, '本月没有触发阈值预警。')]));

  const days = r.serviceDaily.map(d => d.period);
  const slaByDay = new Map(r.slaDaily.map(x => [x.period, x]));
  lineChart(charts, 'sla', $('chart-daily-sla'), days.map(d => d.slice(5)), [
    { label: '首次响应达标率 %', data: days.map(d => slaByDay.get(d)?.firstResponseMetPct ?? null), color: '#1565c0' },
    { label: '解决达标率 %', data: days.map(d => slaByDay.get(d)?.resolutionMetPct ?? null), color: '#2e7d32' },
  ], 100);
  const target = Math.round(r.csatTarget * 1000) / 10;
  $('csat-title').textContent = `每日满意度（目标 ${target}%）`;
  lineChart(charts, 'csat', $('chart-daily-csat'), days.map(d => d.slice(5)), [
    { label: '满意度 %', data: r.serviceDaily.map(d => d.csat === null ? null : Math.round(d.csat * 1000) / 10), color: '#1565c0' },
    { label: `目标 ${target}%`, data: days.map(() => target), color: '#c62828', dashed: true },
  ], 100);
  const models = p.models.filter(m => m.tickets > 0).slice(0, 8);
  $('models-title').textContent = `车型问题（对比 ${p.previousMonth}）`;
  barChart(charts, 'models', $('chart-models'), models.map(m => m.model || '未登记车型'), [
    { label: p.month, data: models.map(m => m.tickets), color: '#1565c0' },
    { label: p.previousMonth, data: models.map(m => m.previousTickets), color: '#90a4ae' },
  ]);
  document.body.dataset.month = r.month;
}

async function load() {
  const month = $('month').value;
  history.replaceState(null, '', `?month=${encodeURIComponent(month)}`);
  try {
    render(await api('GET', `/api/reports/monthly?month=${encodeURIComponent(month)}`));
    showError($('error'), null);
  } catch (e) { showError($('error'), e); }
}

const file = format => download(() => apiRaw('GET', `/api/reports/monthly?month=${encodeURIComponent($('month').value)}&format=${format}`),
  `回应服务报告-${$('month').value}.${format}`).catch(e => showError($('error'), e));
$('month').addEventListener('change', load);
$('print').addEventListener('click', () => window.print());
$('xlsx').addEventListener('click', () => file('xlsx'));
$('csv').addEventListener('click', () => file('csv'));

(async () => {
  try { await syncClock(); } catch { /* the PC's clock then */ }
  const asked = new URLSearchParams(location.search).get('month');
  $('month').value = /^\d{4}-\d{2}$/.test(asked || '') ? asked : previousMonth(monthOf(localDate(serverNow())));
  load();
})();
