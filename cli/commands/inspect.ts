// `phuluc inspect FILE|DIR… [--json]`: print the plan model read from each file (a folder's workbooks and Word plans).
import { formatDay, term } from '../../core/i18n/index.ts';
import type { ColumnRole, Deadline, RowKind } from '../../core/model/index.ts';
import { isWordGrid, ROLE_NAMES } from '../../core/validate/index.ts';
import { INSPECT_FORMAT, inspectFile, type InspectDocument, type InspectFile, type InspectTable } from '../inspect-json.ts';
import { loadPlan, PlanLoadError } from '../load-plan.ts';
import { label, type Lang } from '../labels.ts';
import { expandInputs, PLAN_EXTS } from '../walk.ts';

export interface InspectOptions {
  json: boolean;
  lang: Lang;
}

/**
 * Inspect files (a folder: its workbooks and Word plans); returns 0, or 2 when a file could not be read (the others
 * are still printed) or a folder holds none.
 * @example await inspectCommand(['cam-giang-phu-luc.xlsx'], { json: true, lang: 'vi' })
 */
export async function inspectCommand(inputs: string[], opts: InspectOptions): Promise<number> {
  const files = await expandInputs(inputs, PLAN_EXTS);
  if (files.length === 0) {
    process.stderr.write(
      opts.lang === 'en'
        ? `No appendix file (.xlsx, .xls, .ods, .docx, .doc) to read in "${inputs.join('", "')}".\n`
        : `Không có tệp phụ lục nào (.xlsx, .xls, .ods, .docx, .doc) để đọc trong “${inputs.join('”, “')}”.\n`,
    );
    return 2;
  }
  const doc: InspectDocument = { format: INSPECT_FORMAT, files: [] };
  let failed = false;
  for (const file of files) {
    try {
      doc.files.push(inspectFile(await loadPlan(file)));
    } catch (err) {
      if (!(err instanceof PlanLoadError)) throw err;
      failed = true;
      doc.files.push({ path: file, sheets: [], tables: [], error: { code: err.code, message: err.message, messageEn: err.messageEn } });
    }
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  else process.stdout.write(renderText(doc, opts.lang));
  return failed ? 2 : 0;
}

function renderText(doc: InspectDocument, lang: Lang): string {
  const out: string[] = [];
  for (const f of doc.files) out.push(...renderFile(f, lang));
  return `${out.join('\n')}\n`;
}

function renderFile(f: InspectFile, lang: Lang): string[] {
  const L = (k: Parameters<typeof label>[1]) => label(lang, k);
  const out = [`# ${f.path}`];
  if (f.error) {
    out.push(`  ${L('error')}: ${lang === 'en' ? f.error.messageEn : f.error.message}`);
    return out;
  }
  for (const s of f.sheets) {
    if (s.form !== 'none') continue;
    // A Word document's grid is the document itself: nothing read there means it has no appendix at all.
    if (isWordGrid(s.sheet)) out.push(`  ${L('document')} “${s.sheet}”: ${L('noAppendix')}`);
    else out.push(`  ${L('sheet')} “${s.sheet}”: ${L('noTable')}`);
  }
  for (const n of f.notes ?? []) out.push(`  ${lang === 'en' ? n.messageEn : n.message}`);
  for (const t of f.tables) out.push(...renderTable(t, lang), '');
  return out;
}

function renderTable(t: InspectTable, lang: Lang): string[] {
  const L = (k: Parameters<typeof label>[1]) => label(lang, k);
  const out: string[] = [];
  out.push(`## ${t.sheet}!${t.range} — ${L(t.kind)}`);
  if (t.title.appendix !== undefined || t.title.name)
    out.push(
      `  ${L('title')}: ${[t.title.appendix ? `${L('appendix')} ${t.title.appendix}` : '', t.title.name ?? ''].filter(Boolean).join(' — ')}`,
    );
  const ref = t.reference;
  const refParts = [
    ref.documentNumber && `${L('docNumber')} ${ref.documentNumber}`,
    (ref.date && lang !== 'en' ? formatDay(ref.date) : ref.date) ?? ref.dateText,
    ref.issuer,
  ].filter(Boolean);
  if (refParts.length > 0) out.push(`  ${L('reference')}: ${refParts.join(', ')}`);
  out.push(`  ${L('headerRows')}: ${t.headerRows.join(', ') || '—'}`);
  out.push(
    `  ${L('columns')}: ${
      Object.entries(t.columns)
        .map(([role, col]) => `${roleName(role, lang)}=${col}`)
        .join(', ') || '—'
    }`,
  );
  out.push(
    `  ${L('counts')}: ${Object.entries(t.counts)
      .map(([k, n]) => `${kindName(k as RowKind, lang)} ${n}`)
      .join(', ')}`,
  );
  for (const r of t.rows) {
    if (r.kind === 'blank') continue;
    const content = (r.fields.content ?? '').replace(/\s+/g, ' ');
    const bits = [
      String(r.row).padStart(5),
      kindName(r.kind, lang).padEnd(15),
      (r.tt ?? '').padEnd(5),
      content.length > 70 ? `${content.slice(0, 69)}…` : content,
    ];
    out.push(bits.join(' '));
    const details: string[] = [];
    for (const role of ['lead', 'partners', 'result', 'deadline', 'unit', 'target', 'monitor', 'head', 'status', 'note'] as const) {
      const v = r.fields[role];
      if (v) details.push(`${roleName(role, lang)}: ${v.replace(/\s+/g, ' ')}`);
    }
    if (r.deadline) details.push(`→ ${describeDeadline(r.deadline, lang)}`);
    if (r.mergedFrom) details.push(`${L('mergedFrom')} ${r.mergedFrom.join(', ')}`);
    if (r.continues !== undefined) details.push(`${L('continues')} ${r.continues}`);
    if (details.length > 0) out.push(`${' '.repeat(28)}${details.join(' · ')}`);
  }
  return out;
}

/** Row kinds in the words of the glossary (English keeps the model's names: the JSON's). */
const KIND_VI: Record<RowKind, string> = {
  group: 'nhóm',
  subgroup: 'nhóm con',
  task: term('task', 'vi'),
  indicator: term('indicator', 'vi'),
  continuation: 'tách trang',
  'repeated-header': 'tiêu đề lặp',
  blank: 'dòng trống',
  note: 'ghi chú',
};
const EVERY_VI: Record<string, string> = { continuous: 'thường xuyên', yearly: 'hằng năm', quarterly: 'hằng quý', monthly: 'hằng tháng' };

const kindName = (k: RowKind, lang: Lang) => (lang === 'en' ? k : KIND_VI[k]);
const roleName = (r: string, lang: Lang) => (lang === 'en' ? r : (ROLE_NAMES[r as ColumnRole]?.vi ?? r));

function describeDeadline(d: Deadline, lang: Lang): string {
  if (lang !== 'en') {
    switch (d.kind) {
      case 'period':
        return d.period.start === d.period.end ? formatDay(d.period.end) : `${formatDay(d.period.start)}–${formatDay(d.period.end)}`;
      case 'recurring':
        return `${EVERY_VI[d.every] ?? d.every}${d.first ? `, lần đầu ${formatDay(d.first.start)}–${formatDay(d.first.end)}` : ''}`;
      case 'conditional':
        return 'có điều kiện';
      default:
        return 'chưa đọc được';
    }
  }
  switch (d.kind) {
    case 'period':
      return `${d.period.precision} ${d.period.start}..${d.period.end}`;
    case 'recurring':
      return `${d.every}${d.first ? ` from ${d.first.start}..${d.first.end}` : ''}${d.relative ? ` (relative ${JSON.stringify(d.relative)})` : ''}`;
    default:
      return d.kind;
  }
}
