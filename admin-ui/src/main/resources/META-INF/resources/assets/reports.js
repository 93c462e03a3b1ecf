// The dashboard's reports panel: SLA compliance, the service figures and CSAT against its target, problems
// by vehicle model and their repeat visits, for a chosen period and ticket type; and the monthly service
// report (printable page, Excel, CSV). Numbers come from /api/reports/*; nothing is computed here but sums.
import { api, apiRaw, el, label, showError, formatDuration, serverNow, syncClock } from '/assets/common.js';
import { ZONE, localDate, shiftDays, monthOf, previousMonth, percent, rate, download, lineChart, barChart } from '/assets/report-charts.js';

const $ = id => document.getElementById(id);
const charts = {};

/** The period a preset means, as dates in the centre's zone (to is included) and how to cut it. */
function period() {
  const today = localDate(serverNow());
  const preset = $('report-period').value;
  $('report-custom').hidden = preset !== 'custom';
  switch (preset) {
    case 'thisMonth': return { from: today.slice(0, 8) + '01', to: today, groupBy: 'day', month: monthOf(today) };
    case 'lastMonth': {
      const month = previousMonth(monthOf(today));
      return { from: month + '-01', to: shiftDays(monthOf(today) + '-01', -1), groupBy: 'day', month };
    }
    case '90d': return { from: shiftDays(today, -89), to: today, groupBy: 'week', month: monthOf(today) };
    case '365d': return { from: shiftDays(today, -364), to: today, groupBy: 'month', month: monthOf(today) };
    case 'custom': {
      const from = $('report-from').value || shiftDays(today, -29), to = $('report-to').value || today;
      return { from, to, groupBy: $('report-group').value, month: monthOf(to) };
    }
    default: return { from: shiftDays(today, -29), to: today, groupBy: 'day', month: monthOf(today) };
  }
}

async function load() {
  const p = period();
  const type = $('report-type').value;
  const range = `from=${p.from}&to=${p.to}&groupBy=${p.groupBy}`;
  $('report-range').textContent = `${p.from} 至 ${p.to}（${ZONE}）`;
  try {
    const [sla, service, problems] = await Promise.all([
      api('GET', `/api/reports/sla?${range}${type ? '&type=' + type : ''}`),
      api('GET', `/api/reports/service?${range}`),
      api('GET', `/api/reports/problems?month=${p.month}`)]);
    showError($('report-error'), null);
    renderKpis(sla, service, type);
    renderCharts(sla, service, problems, type);
    renderSlaTypes(sla);
    renderRework(problems);
  } catch (e) { showError($('report-error'), e); }
}

// --- figures ------------------------------------------------------------------------------------------
function slaRows(sla, type) {
  return sla.rows.filter(r => r.type === (type || 'ALL'));
}

function kpi(name, title, value, detail, mood) {
  return el('div', { class: 'kpi' + (mood ? ' ' + mood : ''), testid: 'report-kpi', 'data-kpi': name },
    el('div', { class: 'muted' }, title), el('div', { class: 'num' }, value), el('div', { class: 'muted' }, detail));
}

function renderKpis(sla, service, type) {
  const rows = slaRows(sla, type);
  const sum = f => rows.reduce((n, r) => n + r[f], 0);
  const t = service.total, c = t.counts;
  const tiles = [
    kpi('firstResponse', '首次响应达标率', percent(sum('firstResponseMet'), sum('firstResponseJudged')),
      `${sum('firstResponseMet')} / ${sum('firstResponseJudged')} 个已到期时限`),
    kpi('resolution', '解决达标率', percent(sum('resolutionMet'), sum('resolutionJudged')),
      `${sum('resolutionMet')} / ${sum('resolutionJudged')} 个已到期时限`),
    kpi('breaches', '超时工单 / 超时未结', `${sum('breaches')} / ${sum('openOverTarget')}`, `共新建 ${sum('opened')} 个工单`,
      sum('openOverTarget') > 0 ? 'bad' : null),
    kpi('csat', '满意度（CSAT）', rate(t.csat), `目标 ${rate(t.csatTarget)} · ${c.csatSatisfied} / ${c.csatResponses} 份满意`,
      t.csat === null ? null : (t.csatMeetsTarget ? 'good' : 'bad')),
    kpi('closure', '投诉结案率', rate(t.closureRate), `${c.complaintsResolved} / ${c.complaintsOpened} 件投诉`),
    kpi('firstContact', '首次解决率', rate(t.firstContactResolution), `${c.firstContactResolved} / ${c.resolved} 件已解决`),
    kpi('handling', '平均处理时长', t.averageHandlingSeconds === null ? '—' : formatDuration(t.averageHandlingSeconds * 1000), '扣除等待客户的时间'),
    kpi('surveys', '问卷回复率', rate(t.surveyResponseRate), `${c.surveysAnswered} / ${c.surveysSent} 份问卷`),
    kpi('callbacks', '回访完成率', rate(t.callbackCompletionRate), `${c.callbacksCompleted} / ${c.callbacksDue} 个到期回访`),
    kpi('fixed', '回访确认已解决', rate(t.fixedShare), `${c.callbacksFixed} / ${c.callbacksCompleted} 个已完成回访`),
    kpi('expert', '专家按时答复率', rate(t.expertWithinTarget), `${c.expertWithinTarget} / ${c.expertAnswered}（${service.expertTargetSeconds} 秒内）`),
  ];
  if (t.selfServiceRate !== null) tiles.push(kpi('selfService', '自助服务率', rate(t.selfServiceRate), ''));
  $('report-kpis').replaceChildren(...tiles);
}

function renderCharts(sla, service, problems, type) {
  const rows = slaRows(sla, type);
  const periods = service.periods.map(p => p.period);
  const byPeriod = new Map(rows.map(r => [r.period, r]));
  lineChart(charts, 'compliance', $('chart-compliance'), periods, [
    { label: '首次响应达标率 %', data: periods.map(p => byPeriod.get(p)?.firstResponseMetPct ?? null), color: '#1565c0' },
    { label: '解决达标率 %', data: periods.map(p => byPeriod.get(p)?.resolutionMetPct ?? null), color: '#2e7d32' },
  ], 100);
  const target = Math.round(service.csatTarget * 1000) / 10;
  $('csat-target-label').textContent = `（目标 ${target}%）`;
  lineChart(charts, 'csat', $('chart-csat'), periods, [
    { label: '满意度 %', data: service.periods.map(p => p.csat === null ? null : Math.round(p.csat * 1000) / 10), color: '#1565c0' },
    { label: `目标 ${target}%`, data: periods.map(() => target), color: '#c62828', dashed: true },
  ], 100);
  const models = problems.models.filter(m => m.tickets > 0).slice(0, 8);
  $('models-title').textContent = `车型问题（${problems.month}，对比 ${problems.previousMonth}）`;
  barChart(charts, 'models', $('chart-models'), models.map(m => m.model || '未登记车型'), [
    { label: problems.month, data: models.map(m => m.tickets), color: '#1565c0' },
    { label: problems.previousMonth, data: models.map(m => m.previousTickets), color: '#90a4ae' },
  ]);
}

function renderSlaTypes(sla) {
  // one line per type over the whole period: counts add up; medians only per period, so shown for a single period
  const byType = new Map();
  for (const r of sla.rows) {
    const t = byType.get(r.type) || { type: r.type, periods: 0, opened: 0, frJ: 0, frM: 0, resJ: 0, resM: 0, breaches: 0, over: 0, last: r };
    t.periods++; t.opened += r.opened; t.frJ += r.firstResponseJudged; t.frM += r.firstResponseMet;
    t.resJ += r.resolutionJudged; t.resM += r.resolutionMet; t.breaches += r.breaches; t.over += r.openOverTarget; t.last = r;
    byType.set(r.type, t);
  }
  const seconds = s => s === null ? '—' : formatDuration(s * 1000);
  const lines = [...byType.values()].map(t => el('tr', { testid: 'report-sla-type', 'data-type': t.type },
    el('td', {}, t.type === 'ALL' ? '全部' : label('type', t.type)), el('td', {}, t.opened),
    el('td', {}, percent(t.frM, t.frJ)), el('td', {}, percent(t.resM, t.resJ)),
    el('td', {}, t.periods === 1 ? `${seconds(t.last.medianFirstResponseSeconds)} / ${seconds(t.last.p90FirstResponseSeconds)}` : '按期间见图表'),
    el('td', {}, t.periods === 1 ? `${seconds(t.last.medianResolutionSeconds)} / ${seconds(t.last.p90ResolutionSeconds)}` : '按期间见图表'),
    el('td', {}, t.breaches), el('td', { class: t.over ? 'sla-breached' : '' }, t.over)));
  $('report-sla-types').replaceChildren(...(lines.length ? lines
    : [el('tr', {}, el('td', { colspan: 8, class: 'empty' }, '该期间没有新建工单。'))]));
}

function renderRework(problems) {
  $('rework-title').textContent = `返修最多的车型（${problems.month}）`;
  const models = problems.models.filter(m => m.model && m.reworkEligible > 0)
    .sort((a, b) => b.reworks - a.reworks || (b.reworkRate ?? 0) - (a.reworkRate ?? 0)).slice(0, 8);
  $('report-rework').replaceChildren(...(models.length ? models.map(m => el('tr', { testid: 'report-rework-row', 'data-model': m.model },
    el('td', {}, m.model), el('td', {}, m.reworkEligible), el('td', {}, m.reworks),
    el('td', { class: m.reworkRate > 0.05 ? 'sla-breached' : '' }, rate(m.reworkRate)), el('td', {}, rate(m.previousReworkRate))))
    : [el('tr', {}, el('td', { colspan: 5, class: 'empty' }, '本月还没有登记车型的投诉或技术问题。'))]));
}

// --- the monthly service report ---------------------------------------------------------------------
async function loadMonthly() {
  const month = $('monthly-month').value;
  if (!month) return;
  $('monthly-print').href = `/dashboard/monthly.html?month=${encodeURIComponent(month)}`;
  try {
    const r = await api('GET', `/api/reports/monthly?month=${encodeURIComponent(month)}`);
    const all = r.sla.find(x => x.type === 'ALL');
    const most = r.problems.models.filter(m => m.model && m.reworks > 0).sort((a, b) => b.reworks - a.reworks)[0];
    $('monthly-summary').textContent = `${r.month}：首次响应达标 ${all ? percent(all.firstResponseMet, all.firstResponseJudged) : '—'}，`
      + `解决达标 ${all ? percent(all.resolutionMet, all.resolutionJudged) : '—'}，满意度 ${rate(r.service.csat)}（目标 ${rate(r.csatTarget)}），`
      + `返修最多：${most ? `${most.model} ${most.reworks} 次（${rate(most.reworkRate)}）` : '无'}。`
      + (r.kept ? `已存档（生成于 ${new Date(r.generatedAt).toLocaleString('zh-CN', { hour12: false, timeZone: ZONE })}）` : '本月进行中，数据随时更新');
    showError($('report-error'), null);
  } catch (e) { showError($('report-error'), e); }
}

function downloadMonthly(format) {
  const month = $('monthly-month').value;
  download(() => apiRaw('GET', `/api/reports/monthly?month=${encodeURIComponent(month)}&format=${format}`),
    `回应服务报告-${month}.${format}`).catch(e => showError($('report-error'), e));
}

$('report-filters').addEventListener('submit', e => { e.preventDefault(); load(); });
for (const id of ['report-period', 'report-type', 'report-group', 'report-from', 'report-to']) $(id).addEventListener('change', load);
$('monthly-month').addEventListener('change', loadMonthly);
$('monthly-xlsx').addEventListener('click', () => downloadMonthly('xlsx'));
$('monthly-csv').addEventListener('click', () => downloadMonthly('csv'));

(async () => {
  try { await syncClock(); } catch { /* the PC's clock then */ }
  $('monthly-month').value = previousMonth(monthOf(localDate(serverNow())));
  load();
  loadMonthly();
})();
setInterval(load, 60000);
