// What the dashboard's reports panel and the printable monthly report share: dates in the centre's zone,
// how figures are written, downloading a report file, and the Chart.js charts (line and bar).

/** The centre's zone (huiying.zone): periods are its days and months. */
export const ZONE = 'Asia/Shanghai';

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The date (YYYY-MM-DD) an instant (ms) falls on in the centre's zone. */
export function localDate(ms) { return DAY.format(new Date(ms)); }

/** YYYY-MM-DD moved by whole days (calendar arithmetic, no zone involved). */
export function shiftDays(date, days) {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function monthOf(date) { return date.slice(0, 7); }

export function previousMonth(month) {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** met of judged as a percentage with one decimal, as the server rounds; — when nothing came due. */
export function percent(met, judged) { return judged ? `${Math.round(met * 1000 / judged) / 10}%` : '—'; }

/** A rate 0–1 as a percentage; — when there was nothing to count. */
export function rate(value) { return value === null || value === undefined ? '—' : `${Math.round(value * 1000) / 10}%`; }

/** Fetches a file with the login's token (a plain link would carry none) and hands it to the browser as a download. */
export async function download(fetchFile, filename) {
  const response = await fetchFile();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  document.body.dataset.downloaded = filename; // what was last handed over (browser tests read it)
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function datasets(series, type) {
  return series.map(s => ({ label: s.label, data: s.data, borderColor: s.color, backgroundColor: s.color, borderWidth: 2,
    borderDash: s.dashed ? [6, 4] : undefined, pointRadius: s.dashed || type === 'bar' ? 0 : 2, spanGaps: true, fill: false }));
}

function draw(charts, key, canvas, type, labels, series, options) {
  if (!window.Chart || !canvas) return; // without the chart library the tables and figures still tell everything
  if (charts[key]) {
    charts[key].data.labels = labels;
    charts[key].data.datasets = datasets(series, type);
    charts[key].update('none');
    return;
  }
  charts[key] = new window.Chart(canvas, { type, data: { labels, datasets: datasets(series, type) },
    options: { maintainAspectRatio: false, animation: false, ...options } });
}

/** A line per series over the periods (null: no data that period); y from 0 to {@code max}. */
export function lineChart(charts, key, canvas, labels, series, max) {
  draw(charts, key, canvas, 'line', labels, series, { scales: { y: { min: 0, max } } });
}

/** Bars per label, one colour per series. */
export function barChart(charts, key, canvas, labels, series) {
  draw(charts, key, canvas, 'bar', labels, series, { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } });
}
