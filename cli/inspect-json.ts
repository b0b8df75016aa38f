// The `phuluc inspect --json` document (a contract other tools read; see docs/inspect-json.md).
import type { Appendix, AppendixRow, RowKind } from '../core/model/index.ts';
import type { LoadedPlan } from './load-plan.ts';

export const INSPECT_FORMAT = 'phuluc-inspect/1';

export interface InspectRow {
  row: number;
  kind: RowKind;
  tt: string | null;
  group?: string;
  subgroup?: string;
  fields: AppendixRow['fields'];
  cells: AppendixRow['source']['cells'];
  mergedFrom?: number[];
  continues?: number;
  encoding?: AppendixRow['encoding'];
  deadline?: AppendixRow['deadline'];
}

export interface InspectTable {
  sheet: string;
  kind: Appendix['kind'];
  range: string;
  headerRows: number[];
  columns: Appendix['columns'];
  labels: Appendix['header']['labels'];
  title: { appendix?: string; name?: string; lines: string[] };
  reference: Appendix['title']['reference'];
  counts: Partial<Record<RowKind, number>>;
  rows: InspectRow[];
}

export interface InspectFile {
  path: string;
  sheets: LoadedPlan['sheets'];
  reference?: LoadedPlan['plan']['reference'];
  tables: InspectTable[];
  error?: { code: string; message: string; messageEn: string };
  /** Parts of a readable file that could not be read (a Word table nested in a cell), in Vietnamese and English. */
  notes?: { message: string; messageEn: string }[];
}

export interface InspectDocument {
  format: typeof INSPECT_FORMAT;
  files: InspectFile[];
}

/** Count rows by kind. */
export function countKinds(rows: AppendixRow[]): Partial<Record<RowKind, number>> {
  const counts: Partial<Record<RowKind, number>> = {};
  for (const r of rows) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return counts;
}

/**
 * The inspect entry of one loaded file.
 * @example inspectFile(await loadPlan('x.xlsx')).tables[0]?.counts.task
 */
export function inspectFile(loaded: LoadedPlan): InspectFile {
  const out: InspectFile = {
    path: loaded.path,
    sheets: loaded.sheets,
    tables: loaded.plan.appendices.map(inspectTable),
  };
  if (loaded.plan.reference) out.reference = loaded.plan.reference;
  if (loaded.notes) out.notes = loaded.notes.map((n) => ({ message: n.vi, messageEn: n.en }));
  return out;
}

function inspectTable(a: Appendix): InspectTable {
  const title: InspectTable['title'] = { lines: a.title.lines.map((l) => l.text) };
  if (a.title.appendix !== undefined) title.appendix = a.title.appendix;
  if (a.title.name !== undefined) title.name = a.title.name;
  return {
    sheet: a.sheet,
    kind: a.kind,
    range: a.range,
    headerRows: a.header.rows,
    columns: a.columns,
    labels: a.header.labels,
    title,
    reference: a.title.reference,
    counts: countKinds(a.rows),
    rows: a.rows.map(inspectRow),
  };
}

function inspectRow(r: AppendixRow): InspectRow {
  const out: InspectRow = { row: r.source.row, kind: r.kind, tt: r.tt, fields: r.fields, cells: r.source.cells };
  if (r.group !== undefined) out.group = r.group;
  if (r.subgroup !== undefined) out.subgroup = r.subgroup;
  if (r.mergedFrom) out.mergedFrom = r.mergedFrom;
  if (r.continues !== undefined) out.continues = r.continues;
  if (r.encoding) out.encoding = r.encoding;
  if (r.deadline) out.deadline = r.deadline;
  return out;
}
