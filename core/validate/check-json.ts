// The `phuluc check --format json` document (a contract other tools read; see docs/check-json.md).
import type { Issue } from './issue.ts';
import type { Report, ReportStats } from './report.ts';

export const CHECK_FORMAT = 'phuluc-check/1';

export interface CheckIssue {
  code: string;
  severity: Issue['severity'];
  cell: string | null;
  row: number | null;
  column: string | null;
  message: string;
  messageEn: string;
  tags: string[];
  fix?: Issue['fix'];
}

export interface CheckFile {
  path: string;
  valid: boolean;
  stats: ReportStats;
  /** `omitted`: issues of the table left out of `issues` (the upload route's answer lists at most a few thousand). */
  tables: { sheet: string; range: string | null; kind: string | null; issues: CheckIssue[]; omitted?: number }[];
  error?: { code: string; message: string; messageEn: string };
  /** What could not be read though the file was (a Word table with a table nested in a cell), said where. */
  notes?: FileNote[];
}

/** A part of a file left unread, and why: Vietnamese `message`, English `messageEn` (as inspect's JSON). */
export interface FileNote {
  message: string;
  messageEn: string;
}

export interface CheckDocument {
  format: typeof CHECK_FORMAT;
  valid: boolean;
  stats: ReportStats;
  files: CheckFile[];
}

/**
 * One file's entry; `notes`, when some part of the file could not be read, go with it.
 * @example checkFile('ke-hoach.docx', report, [{ message: 'Bảng thứ 1, hàng thứ 5, ô thứ 2: …', messageEn: '…' }])
 */
export function checkFile(path: string, report: Report, notes: FileNote[] = []): CheckFile {
  const file: CheckFile = {
    path,
    // A table left unread was not checked: the file is not valid as it stands.
    valid: report.valid && notes.length === 0,
    stats: report.stats,
    tables: report.tables.map((t) => ({
      sheet: t.sheet,
      range: t.range,
      kind: t.kind,
      issues: t.issues.map((i) => {
        const out: CheckIssue = {
          code: i.code,
          severity: i.severity,
          cell: i.cell ?? null,
          row: i.row ?? null,
          column: i.column ?? null,
          message: i.message,
          messageEn: i.messageEn,
          tags: i.tags,
        };
        if (i.fix) out.fix = i.fix;
        return out;
      }),
    })),
  };
  if (notes.length > 0) file.notes = notes;
  return file;
}

/** Totals over all files; `valid` only when every file was read and has no errors. */
export function checkDocument(files: CheckFile[]): CheckDocument {
  const stats: ReportStats = { tables: 0, tasks: 0, indicators: 0, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const f of files) for (const k of Object.keys(stats) as (keyof ReportStats)[]) stats[k] += f.stats[k];
  return { format: CHECK_FORMAT, valid: files.every((f) => f.valid && !f.error), stats, files };
}
