// Read a workbook's sheets (or a text document) into one Plan: every table, in sheet order.
import type { Appendix, Plan, PlanReference } from '../model/appendix.ts';
import { a1 } from '../model/a1.ts';
import type { Grid } from '../model/grid.ts';
import { findTables } from './find-tables.ts';
import { readListForm, type TextLine } from './list-form.ts';
import { withPlanYear } from './plan-year.ts';
import { readTable } from './read-table.ts';
import { textGrid, type TextGrid } from './text-grid.ts';

export interface SheetRead {
  sheet: string;
  /** How the sheet was read: tables found by header, list-form text, or nothing recognizable. */
  form: 'table' | 'list' | 'none';
  tables: number;
}

export interface ReadResult {
  plan: Plan;
  sheets: SheetRead[];
}

/**
 * Read grids into a plan. Sheets without a recognizable table are reported with form 'none'.
 * @example readPlan([grid]).plan.appendices[0]?.kind // 'tasks'
 */
export function readPlan(
  grids: Grid[],
  opts: { file?: string; format?: 'xlsx' | 'text' | 'docx'; textGrids?: Map<Grid, TextGrid> } = {},
): ReadResult {
  const appendices: Appendix[] = [];
  const sheets: SheetRead[] = [];
  for (const grid of grids) {
    const tg = textGrid(grid);
    // The caller validates these same grids next: hand it the decoded text instead of decoding twice.
    opts.textGrids?.set(grid, tg);
    const specs = findTables(tg);
    if (specs.length > 0) {
      for (const spec of specs) appendices.push(readTable(tg, spec));
      sheets.push({ sheet: grid.sheet, form: 'table', tables: specs.length });
      continue;
    }
    const list = readListForm(grid.sheet, linesOf(tg));
    if (list) {
      appendices.push(list);
      sheets.push({ sheet: grid.sheet, form: 'list', tables: 1 });
    } else {
      sheets.push({ sheet: grid.sheet, form: 'none', tables: 0 });
    }
  }
  const plan: Plan = { appendices };
  if (opts.file !== undefined || opts.format !== undefined) {
    plan.source = {};
    if (opts.file !== undefined) plan.source.file = opts.file;
    if (opts.format !== undefined) plan.source.format = opts.format;
  }
  const reference = planReference(appendices);
  if (reference) plan.reference = reference;
  withPlanYear(appendices, reference);
  return { plan, sheets };
}

/**
 * A text document (.txt/.md in list form) as a one-column grid, one line per row.
 * @example textToGrid('ke-hoach.txt', 'I. NHÓM …\n1. …')
 */
export function textToGrid(name: string, text: string): Grid {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Markdown emphasis and list markers that Word → Markdown converters add are not content.
  const clean = lines.map((l) =>
    l
      .replace(/^\s*#+\s*/, '')
      .replace(/\*\*(.*?)\*\*/g, '$1')
      .replace(/^\s*\\-/, '-'),
  );
  return { sheet: name, origin: { row: 1, col: 1 }, rows: clean.map((l) => [l.trim() === '' ? null : { v: l }]), merges: [] };
}

function linesOf(tg: TextGrid): TextLine[] {
  const out: TextLine[] = [];
  for (let r = 1; r <= tg.rows; r++) {
    const parts: string[] = [];
    let first = 0;
    for (let c = 1; c <= tg.cols; c++) {
      const s = tg.text(r, c).trim();
      if (s === '') continue;
      if (first === 0) first = c;
      parts.push(s);
    }
    if (parts.length > 0) out.push({ row: r, cell: a1(r, first), text: parts.join(' ') });
  }
  return out;
}

/** The plan's reference: the most complete one among its appendices' title blocks. */
function planReference(appendices: Appendix[]): PlanReference | undefined {
  let best: PlanReference | undefined;
  let bestScore = 0;
  for (const a of appendices) {
    const { appendix: _appendix, ...ref } = a.title.reference;
    const score = Object.keys(ref).length;
    if (score > bestScore) {
      best = ref;
      bestScore = score;
    }
  }
  return best;
}
