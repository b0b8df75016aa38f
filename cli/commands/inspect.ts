// `phuluc inspect FILE… [--json]`: print the plan model read from each file.
import type { Deadline } from '../../core/model/index.ts';
import { INSPECT_FORMAT, inspectFile, type InspectDocument, type InspectFile, type InspectTable } from '../inspect-json.ts';
import { loadPlan, PlanLoadError } from '../load-plan.ts';
import { label, type Lang } from '../labels.ts';

export interface InspectOptions {
  json: boolean;
  lang: Lang;
}

/**
 * Inspect files; returns 0, or 2 when a file could not be read (the others are still printed).
 * @example await inspectCommand(['cam-giang-phu-luc.xlsx'], { json: true, lang: 'vi' })
 */
export async function inspectCommand(files: string[], opts: InspectOptions): Promise<number> {
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
  for (const s of f.sheets) if (s.form === 'none') out.push(`  ${L('sheet')} “${s.sheet}”: ${L('noTable')}`);
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
  const refParts = [ref.documentNumber && `${L('docNumber')} ${ref.documentNumber}`, ref.date ?? ref.dateText, ref.issuer].filter(Boolean);
  if (refParts.length > 0) out.push(`  ${L('reference')}: ${refParts.join(', ')}`);
  out.push(`  ${L('headerRows')}: ${t.headerRows.join(', ') || '—'}`);
  out.push(
    `  ${L('columns')}: ${
      Object.entries(t.columns)
        .map(([role, col]) => `${role}=${col}`)
        .join(', ') || '—'
    }`,
  );
  out.push(
    `  ${L('counts')}: ${Object.entries(t.counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  for (const r of t.rows) {
    if (r.kind === 'blank') continue;
    const content = (r.fields.content ?? '').replace(/\s+/g, ' ');
    const bits = [
      String(r.row).padStart(5),
      r.kind.padEnd(15),
      (r.tt ?? '').padEnd(5),
      content.length > 70 ? `${content.slice(0, 69)}…` : content,
    ];
    out.push(bits.join(' '));
    const details: string[] = [];
    for (const role of ['lead', 'partners', 'result', 'deadline', 'unit', 'target', 'monitor', 'head', 'status', 'note'] as const) {
      const v = r.fields[role];
      if (v) details.push(`${role}: ${v.replace(/\s+/g, ' ')}`);
    }
    if (r.deadline) details.push(`→ ${describeDeadline(r.deadline)}`);
    if (r.mergedFrom) details.push(`${L('mergedFrom')} ${r.mergedFrom.join(', ')}`);
    if (r.continues !== undefined) details.push(`${L('continues')} ${r.continues}`);
    if (details.length > 0) out.push(`${' '.repeat(28)}${details.join(' · ')}`);
  }
  return out;
}

function describeDeadline(d: Deadline): string {
  switch (d.kind) {
    case 'period':
      return `${d.period.precision} ${d.period.start}..${d.period.end}`;
    case 'recurring':
      return `${d.every}${d.first ? ` from ${d.first.start}..${d.first.end}` : ''}${d.relative ? ` (relative ${JSON.stringify(d.relative)})` : ''}`;
    default:
      return d.kind;
  }
}
