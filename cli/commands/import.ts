// `phuluc import PLAN -o PHU-LUC.xlsx`: read a plan (a Word document, a list-form text, any workbook) through the shared
// loading path and write the standard appendix workbook holding every appendix found, ready to check and fill.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { term } from '../../core/i18n/index.ts';
import type { Appendix } from '../../core/model/index.ts';
import { appendixWorkbookXlsx } from '../../workbook/export/appendix-workbook.ts';
import { fileProblem } from '../file-errors.ts';
import type { Lang } from '../labels.ts';
import { loadPlan, PlanLoadError } from '../load-plan.ts';

export interface ImportOptions {
  out: string;
  lang: Lang;
}

/**
 * Import FILE into OUT. Exit 0 when written; 1 when written but part of the document could not be read (a table
 * nested in a cell: said by name); 2 when nothing was written (unreadable input, no appendix found, a bad -o).
 * @example await importCommand('ke-hoach.docx', { out: 'phu-luc.xlsx', lang: 'vi' })
 */
export async function importCommand(file: string, opts: ImportOptions): Promise<number> {
  const vi = opts.lang !== 'en';
  const fail = (m: { vi: string; en: string }) => {
    process.stderr.write(`${vi ? m.vi : m.en}\n`);
    return 2;
  };
  if (path.resolve(opts.out) === path.resolve(file))
    return fail({
      vi: `Không ghi đè tệp gốc “${file}”; hãy chọn tên khác cho -o.`,
      en: `Will not overwrite the input "${file}"; choose another -o.`,
    });
  if (path.extname(opts.out).toLowerCase() !== '.xlsx')
    return fail({ vi: `Tệp đích “${opts.out}” phải có đuôi .xlsx.`, en: `Output "${opts.out}" must end in .xlsx.` });
  let loaded;
  try {
    loaded = await loadPlan(file);
  } catch (err) {
    if (!(err instanceof PlanLoadError)) throw err;
    return fail({ vi: err.message, en: err.messageEn });
  }
  const notes = (loaded.notes ?? []).map((n) => (vi ? n.vi : n.en));
  const { appendices } = loaded.plan;
  if (appendices.length === 0) {
    for (const n of notes) process.stderr.write(`${n}\n`);
    return fail({
      vi: `Không tìm thấy ${term('appendix', 'vi')} nào trong “${file}” (bảng có dòng tiêu đề TT, nội dung, cơ quan chủ trì…, hoặc danh sách đánh số); chưa ghi tệp nào.`,
      en: `No appendix found in "${file}" (a table headed TT, content, lead agency…, or a numbered list); nothing written.`,
    });
  }
  const bytes = await appendixWorkbookXlsx(loaded.plan);
  try {
    await writeFile(opts.out, bytes);
  } catch (err) {
    return fail(fileProblem(opts.out, err));
  }
  const lines = [
    vi ? `Đã đọc “${file}”: ${appendices.length} ${term('appendix', 'vi')}.` : `Read "${file}": ${appendices.length} appendix(es).`,
    ...appendices.map((a) => `  ${describe(a, vi)}`),
    ...notes.map((n) => `  ${n}`),
    vi
      ? `Đã ghi “${opts.out}”. Kiểm tra trước khi nộp: “phuluc check ${opts.out}”.`
      : `Wrote "${opts.out}". Check it before submitting: phuluc check ${opts.out}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return notes.length > 0 ? 1 : 0;
}

/** "Phụ lục I — DANH MỤC …: 34 nhiệm vụ trong 4 nhóm". */
function describe(a: Appendix, vi: boolean): string {
  const count = (kinds: string[]) => a.rows.filter((r) => kinds.includes(r.kind)).length;
  const items = count(a.kind === 'tasks' ? ['task'] : ['indicator']);
  const groups = count(['group']);
  const name = [a.title.appendix ? `${vi ? 'Phụ lục' : 'Appendix'} ${a.title.appendix}` : '', a.title.name ?? '']
    .filter(Boolean)
    .join(' — ');
  const shortName = name.length > 90 ? `${name.slice(0, 89).trimEnd()}…` : name || (vi ? 'Phụ lục' : 'Appendix');
  const what = vi ? term(a.kind === 'tasks' ? 'task' : 'indicator', 'vi') : a.kind === 'tasks' ? 'task(s)' : 'indicator(s)';
  const inGroups = groups > 0 ? (vi ? ` trong ${groups} nhóm` : ` in ${groups} group(s)`) : '';
  return `${shortName}: ${items} ${what}${inGroups}`;
}
