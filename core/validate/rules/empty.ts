// table-empty: a table with a header and nothing under it to submit (a blank template) — nothing to check is not valid.
import { columnNumber, a1 } from '../../model/a1.ts';
import type { Check } from '../context.ts';

export const emptyTable: Check = (ctx) => {
  const a = ctx.appendix;
  if (a.rows.some((r) => r.kind === 'task' || r.kind === 'indicator')) return;
  const header = a.header.rows[a.header.rows.length - 1];
  const letter = a.columns.content ?? a.columns.tt;
  const loc: { sheet: string; table: string; row?: number; cell?: string } = { sheet: a.sheet, table: a.range };
  if (header !== undefined) {
    loc.row = header;
    if (letter) loc.cell = a1(header, columnNumber(letter));
  }
  ctx.push({ code: 'table-empty', params: { kind: a.kind }, loc });
};
