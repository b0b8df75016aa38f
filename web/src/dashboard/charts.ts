// Bar charts with chart.js (bundled, no CDN), each in a figure with its data as a table, and a PNG drawn at A4 text
// width that print CSS shows instead of the canvas (canvases do not resize reliably when a page is laid out for print).
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { h, uid, type Child } from '../dom/h.ts';
import { num, t } from '../i18n/index.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = '"Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
Chart.defaults.color = '#1b1f24';

/** Okabe–Ito colours: told apart with the common colour-vision deficiencies, and in grey print. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#7f7f7f'];

const live = new Set<Chart>();
/** CSS pixels of the printed chart: the 186 mm text width of an A4 page with 12 mm margins, at 96 dpi. */
const PRINT_WIDTH = 700;

export interface FigureSpec {
  title: string;
  /** Height of the drawing area in CSS pixels, on screen and in print. */
  height: number;
  print?: { height: number };
  /** The chart, for the screen or for paper (room for full labels). */
  config: (print: boolean) => ChartConfiguration<'bar'>;
  /** The same figures as a table: header cells, then rows. */
  table: { head: string[]; rows: Child[][] };
  note?: string;
  id: string;
}

/**
 * A figure: caption, canvas (described for screen readers), print image, and a collapsible data table.
 * Call `draw()` once the figure is in the document (chart.js measures its container).
 * @example const f = chartFigure(spec); main.append(f.element); f.draw()
 */
export function chartFigure(spec: FigureSpec): { element: HTMLElement; draw: () => void } {
  const capId = uid('fig');
  const canvas = h('canvas', { role: 'img', 'aria-labelledby': capId });
  const box = h('div', { class: 'chart-box' }, canvas);
  box.style.height = `${spec.height}px`;
  const img = h('img', { class: 'chart-print', alt: spec.title });
  const element = h(
    'figure',
    { class: 'chart', id: spec.id },
    h('figcaption', { id: capId }, spec.title),
    box,
    img,
    spec.note ? h('p', { class: 'hint' }, spec.note) : null,
    h(
      'details',
      { class: 'chart-data' },
      h('summary', null, t().dash.asTable),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          null,
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              spec.table.head.map((x, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : null }, x)),
            ),
          ),
          h(
            'tbody',
            null,
            spec.table.rows.map((r) =>
              h(
                'tr',
                null,
                r.map((x, i) => (i === 0 ? h('th', { scope: 'row' }, x) : h('td', { class: 'num' }, typeof x === 'number' ? num(x) : x))),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  const draw = () => {
    live.add(new Chart(canvas, spec.config(false)));
    // The print copy is drawn once on a canvas outside the page, at paper width, then kept as an image.
    const paper = document.createElement('canvas');
    paper.width = PRINT_WIDTH;
    paper.height = spec.print?.height ?? spec.height;
    const config = spec.config(true);
    const printChart = new Chart(paper, { ...config, options: { ...config.options, responsive: false, devicePixelRatio: 2 } });
    img.src = printChart.toBase64Image('image/png', 1);
    printChart.destroy();
  };
  return { element, draw };
}

/**
 * Destroy every chart (before the dashboard is redrawn).
 * @example destroyCharts(); main.replaceChildren()
 */
export function destroyCharts(): void {
  for (const c of live) c.destroy();
  live.clear();
}

/**
 * A diagonal hatch on a colour: overdue bars differ by pattern as well as by colour.
 * @example backgroundColor: hatch('#C0392B')
 */
export function hatch(color: string): CanvasPattern | string {
  const c = document.createElement('canvas');
  c.width = 10;
  c.height = 10;
  const ctx = c.getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 10, 10);
  ctx.strokeStyle = 'rgba(255,255,255,0.85)';
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(-2, 12);
  ctx.lineTo(12, -2);
  ctx.moveTo(8, 12);
  ctx.lineTo(12, 8);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.stroke();
  return ctx.createPattern(c, 'repeat') ?? color;
}

/**
 * Shared options: no animation (the print image is taken at once), sharp on paper, integer ticks; bars stacked or not.
 * @example options: baseOptions(true, true) // horizontal, stacked
 */
export function baseOptions(horizontal: boolean, stacked = false): NonNullable<ChartConfiguration<'bar'>['options']> {
  const countAxis = {
    stacked,
    beginAtZero: true,
    grace: '8%',
    ticks: { precision: 0 },
    title: { display: true, text: t().dash.tasksAxis },
  };
  const labelAxis = { stacked, ticks: { autoSkip: false } };
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    devicePixelRatio: Math.max(2, window.devicePixelRatio || 1),
    indexAxis: horizontal ? 'y' : 'x',
    plugins: { legend: { position: 'bottom' } },
    scales: horizontal ? { x: countAxis, y: labelAxis } : { y: countAxis, x: labelAxis },
  };
}
