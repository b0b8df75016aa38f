// A preview of the workbook as HTML tables (first rows of each sheet, merges kept), problem cells marked with a
// class, a symbol, a title and hidden text — colour is never the only signal.
import { a1, columnLetter } from '../../../core/model/index.ts';
import type { Grid } from '../../../core/model/index.ts';
import { textGrid } from '../../../core/read/index.ts';
import type { Issue, Severity } from '../../../core/validate/index.ts';
import { issueTitle } from '../../../core/validate/index.ts';
import type { Report } from '../../../core/validate/index.ts';
import { button, h, uid } from '../dom/h.ts';
import { lang, num, pick, t } from '../i18n/index.ts';
import { worst } from './severity.ts';

export const PREVIEW_ROWS = 200;
const PREVIEW_COLS = 30;

/**
 * Sheet tabs and the selected sheet's table.
 * @example previewView(grids, report, 0, (i) => select(i))
 */
export function previewView(grids: Grid[], report: Report, selected: number, onSelect: (index: number) => void): HTMLElement {
  const m = t().check;
  const issues = report.tables.flatMap((tb) => tb.issues);
  const tabs = h(
    'div',
    { class: 'sheet-tabs', role: 'group', 'aria-label': m.sheets },
    grids.map((g, i) => {
      const n = issues.filter((x) => x.sheet === g.sheet).length;
      return button(n > 0 ? `${g.sheet} (${num(n)})` : g.sheet, () => onSelect(i), {
        class: 'tab',
        'aria-pressed': String(i === selected),
        'data-sheet-index': i,
      });
    }),
  );
  const grid = grids[selected];
  return h(
    'div',
    { class: 'preview-view' },
    h('p', { class: 'hint' }, m.previewIntro(PREVIEW_ROWS)),
    tabs,
    grid
      ? sheetTable(
          grid,
          selected,
          issues.filter((x) => x.sheet === grid.sheet),
        )
      : null,
  );
}

/**
 * The id of a previewed cell, for jumping to it.
 * @example document.getElementById(previewCellId(0, 'E41'))
 */
export function previewCellId(sheetIndex: number, ref: string): string {
  return `pv-${sheetIndex}-${ref}`;
}

function sheetTable(grid: Grid, index: number, issues: Issue[]): HTMLElement {
  const m = t().check;
  const tg = textGrid(grid);
  const rows = Math.min(tg.rows, PREVIEW_ROWS);
  const cols = Math.min(tg.cols, PREVIEW_COLS);
  if (rows === 0 || cols === 0) return h('p', null, m.emptySheet);
  const byCell = new Map<string, Issue[]>();
  const byRow = new Map<number, Issue[]>();
  for (const i of issues) {
    if (i.cell) byCell.set(i.cell, [...(byCell.get(i.cell) ?? []), i]);
    else if (i.row !== undefined) byRow.set(i.row, [...(byRow.get(i.row) ?? []), i]);
  }
  // Merged areas: the top-left cell spans them; the others are not drawn.
  const span = new Map<string, { rows: number; cols: number }>();
  const hidden = new Set<string>();
  for (const mg of grid.merges) {
    if (mg.top > rows || mg.left > cols) continue;
    const bottom = Math.min(mg.bottom, rows);
    const right = Math.min(mg.right, cols);
    span.set(`${mg.top}:${mg.left}`, { rows: bottom - mg.top + 1, cols: right - mg.left + 1 });
    for (let r = mg.top; r <= bottom; r++)
      for (let c = mg.left; c <= right; c++) if (r !== mg.top || c !== mg.left) hidden.add(`${r}:${c}`);
  }
  const captionId = uid('preview-caption');
  const head = h('tr', null, h('th', { scope: 'col', class: 'corner' }, m.rowHeader));
  for (let c = 1; c <= cols; c++) head.append(h('th', { scope: 'col' }, columnLetter(c)));
  const body = h('tbody');
  for (let r = 1; r <= rows; r++) {
    const rowIssues = byRow.get(r);
    const th = h('th', { scope: 'row', id: previewCellId(index, `A${r}:row`) }, String(r));
    if (rowIssues) mark(th, rowIssues);
    const tr = h('tr', null, th);
    for (let c = 1; c <= cols; c++) {
      if (hidden.has(`${r}:${c}`)) continue;
      const ref = a1(r, c);
      const td = h('td', { id: previewCellId(index, ref), 'data-ref': ref }, tg.text(r, c));
      const sp = span.get(`${r}:${c}`);
      if (sp && sp.rows > 1) td.rowSpan = sp.rows;
      if (sp && sp.cols > 1) td.colSpan = sp.cols;
      const here = byCell.get(ref);
      if (here) mark(td, here);
      tr.append(td);
    }
    body.append(tr);
  }
  return h(
    'div',
    { class: 'preview-scroll', role: 'region', 'aria-labelledby': captionId, tabindex: '0' },
    h(
      'table',
      { class: 'preview' },
      h('caption', { id: captionId }, m.previewCaption(grid.sheet, rows, tg.rows)),
      h('thead', null, head),
      body,
    ),
  );
}

function mark(el: HTMLElement, list: Issue[]): void {
  const sev: Severity = worst(list.map((i) => i.severity));
  const severity = t().common.severity;
  el.classList.add('mark', `mark-${sev}`);
  // Words only, in the tooltip and for screen readers; the codes stay in a data attribute for scripts and tests.
  el.title = list.map((i) => `${severity[i.severity]}: ${issueTitle(i.code, lang())}. ${pick(i)}`).join('\n');
  el.tabIndex = -1;
  el.dataset.issues = list.map((i) => i.code).join(' ');
  el.append(h('span', { class: 'sr-only' }, ` (${list.map((i) => `${severity[i.severity]}: ${issueTitle(i.code, lang())}`).join('; ')})`));
}
