// A chosen .docx read in the pane: the Word reader → core's readPlan → template-like sheets. Imported lazily (the
// Fill tab's "Nhập từ tệp Word" loads it on first use) so the pane's first load does not carry the Word reader.
import { readPlan } from '../../../core/read/index.ts';
import { DocxReadError, readDocx } from '../../../workbook/docx/index.ts';
import { appendixSheets, type AppendixSheet } from './appendix-sheets.ts';

/** What the preview shows: one entry per appendix found, or why nothing can be written. */
export type WordPlanRead =
  | { ok: true; sheets: AppendixSheet[]; previews: AppendixPreview[]; refused: { vi: string; en: string }[] }
  | { ok: false; message: { vi: string; en: string } | 'no-appendix' };

export interface AppendixPreview {
  title: string;
  kind: 'tasks' | 'indicators';
  items: number;
  /** The first item rows: TT and content. */
  first: { tt: string; content: string }[];
}

const FIRST_ROWS = 3;

/**
 * @example await readWordPlan(new Uint8Array(await file.arrayBuffer()), file.name)
 */
export function readWordPlan(bytes: Uint8Array, name: string): WordPlanRead {
  let read;
  try {
    read = readDocx(bytes, { name });
  } catch (err) {
    if (err instanceof DocxReadError) return { ok: false, message: { vi: err.message, en: err.messageEn } };
    throw err;
  }
  const { plan } = readPlan(read.grids, { file: name, format: 'docx' });
  // Where a table was refused (table, row, cell), said as the CLI and the check page say it.
  const refused = read.refused.map((r) => ({ vi: r.vi, en: r.en }));
  // Nothing read because the one appendix was refused: that is the reason to give, not "no appendix".
  if (plan.appendices.length === 0) return { ok: false, message: refused[0] ?? 'no-appendix' };
  const previews = plan.appendices.map((a) => {
    const items = a.rows.filter((r) => r.kind === 'task' || r.kind === 'indicator');
    return {
      title: [a.title.appendix ? `PHỤ LỤC ${a.title.appendix}` : '', a.title.name ?? ''].filter((t) => t !== '').join(' – '),
      kind: a.kind,
      items: items.length,
      first: items.slice(0, FIRST_ROWS).map((r) => ({ tt: r.tt ?? '', content: r.fields.content ?? '' })),
    };
  });
  return { ok: true, sheets: appendixSheets(plan), previews, refused };
}
