// What a pool worker does: read a workbook or Word file into a plan (the CLI), read and check an uploaded workbook (the
// server's upload route), parse and validate a large JSON body (the push route). Also run in-process where a pool
// would cost more than it saves. Loads the fast reader only: exceljs would add ~0.3 s to every worker's start.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Plan } from '../../core/model/index.ts';
import { communeOfFile, planRowsOf, rowsToWire, type Lang, type RowsWire } from '../../core/consolidate/index.ts';
import { readPlan } from '../../core/read/index.ts';
import { validate } from '../../core/validate/index.ts';
import { checkFile, type CheckFile } from '../../core/validate/index.ts';
import { WorkbookReadError } from '../../workbook/xlsx/errors.ts';
import { readWorkbookFast } from '../../workbook/xlsx/fast/read-fast.ts';
import { CONVERTIBLE } from '../../workbook/xlsx/convert.ts';
import { inflateRawNative } from '../../workbook/xlsx/inflate-native.ts';
import { DocxReadError } from '../../workbook/docx/errors.ts';
import { TASK_SHEET } from '../../workbook/export/consolidated-columns.ts';
import { tableRowHeight } from '../../workbook/export/consolidated-sheet.ts';
import { readDocx } from '../../workbook/docx/read-docx.ts';
import { documentKind } from '../../workbook/docx/sniff.ts';

/**
 * The JSON bodies a worker can validate, by name (a zod schema cannot be sent to a worker); loaded when first needed,
 * so that workers reading workbooks for the CLI do not load the API's schemas (core/api/wire.ts).
 */
const BODY_SCHEMAS = { 'push-body': async () => (await import('../../core/api/index.ts')).PushBody } satisfies Record<
  string,
  () => Promise<z.ZodType>
>;
export type BodySchemaName = keyof typeof BODY_SCHEMAS;

// Each schema loaded once: a dynamic import() on every request still asks the module loader (through a loader thread
// when one is registered, ~0.4 ms a push under tsx).
const loadedSchemas = new Map<BodySchemaName, Promise<z.ZodType>>();
function bodySchema(name: BodySchemaName): Promise<z.ZodType> {
  let schema = loadedSchemas.get(name);
  if (!schema) {
    loadedSchemas.set(name, (schema = BODY_SCHEMAS[name]()));
    schema.catch(() => loadedSchemas.delete(name));
  }
  return schema;
}

export type Job =
  /**
   * `json`: the plan comes back as its JSON text — a worker's answer is cloned to the main thread, and a 30 KB plan
   * is cloned as one string (then JSON.parse) in half the time its object tree takes (the CLI reads thousands).
   */
  | { kind: 'read-file'; file: string; json?: true }
  /**
   * Read a plan file for `phuluc consolidate` and work out its consolidated rows here (planRowsOf), each task's row
   * height measured as the "Tổng hợp" sheet writes it: the CLI's main thread only merges and writes.
   */
  | {
      kind: 'consolidate-file';
      file: string;
      asOf: string;
      planKey: string;
      province?: string;
      lang: Lang;
      /** Send each row's source (where in the file it was read): only a caller that shows the rows needs them. */
      sources?: true;
    }
  /** The raw multipart/form-data body of an upload (field "file"): parsed here too, megabytes of it. */
  | { kind: 'read-upload'; body: ArrayBuffer; type: string }
  /** An upload's file once more, as .xlsx or .docx bytes (an .xls, .ods or .doc the route had LibreOffice convert). */
  | { kind: 'read-xlsx'; name: string; bytes: ArrayBuffer }
  | { kind: 'json'; schema: BodySchemaName; text: string };

/** Why a file could not be read: the WorkbookReadError's (or, `docx` set, the DocxReadError's) code and messages. */
export interface ReadFailure {
  error: { code: string; vi: string; en: string; docx?: true };
}

export type ReadFileResult = { plan: Plan } | { planJson: string } | ReadFailure;
/**
 * A plan file's commune (its code) and its rows (rowsToWire, one row height per task), none when the commune is of
 * another province than the one asked; or why no commune was found; or why the file could not be read.
 */
export type ConsolidateFileResult = { code: string; wire?: RowsWire } | { noCommune: string } | ReadFailure;
/**
 * An upload read and checked: the file's name, the plan, the check report (docs/check-json.md) and the number of
 * tables found; or why the file could not be read; or an .xls/.ods to convert first (its bytes given back); or a body
 * that is not a form with a file. `confirmCommune`: the form's field of that name was "1".
 */
export type ReadUploadResult =
  | ({ name: string; confirmCommune: boolean } & (
      { plan: Plan; report: CheckFile; appendices: number } | ReadFailure | { convert: 'xls' | 'ods' | 'doc'; bytes: ArrayBuffer }
    ))
  | { form: 'malformed' | 'no-file' };
export type JsonResult = { data: unknown } | { syntax: string } | { issues: { path: string; message: string }[] };

/** Anything else a job threw: a bug, reported as such (the route answers 500 and logs it). */
export interface JobFault {
  fault: string;
}

export type JobResult<J extends Job = Job> =
  | JobFault
  | (J extends { kind: 'read-file' }
      ? ReadFileResult
      : J extends { kind: 'consolidate-file' }
        ? ConsolidateFileResult
        : J extends { kind: 'read-upload' | 'read-xlsx' }
          ? ReadUploadResult
          : J extends { kind: 'json' }
            ? JsonResult
            : never);

/**
 * Issues an upload's answer lists at most. A sheet of numbers read as 4,950 tasks yields half a million issues, 127 MB
 * of JSON that no one reads and that would hold the event loop for seconds; `omitted` counts the rest of each table
 * (stats count them all).
 */
export const MAX_ANSWER_ISSUES = 2_000;

/**
 * A check report with at most `max` issues, tables in order; each shortened table says how many it left out.
 * @example capIssues(checkFile('x.xlsx', report), 2000).tables[0]!.omitted
 */
export function capIssues(file: CheckFile, max: number): CheckFile {
  let room = max;
  return {
    ...file,
    tables: file.tables.map((t) => {
      const kept = t.issues.slice(0, Math.max(0, room));
      room -= kept.length;
      return kept.length === t.issues.length ? t : { ...t, issues: kept, omitted: t.issues.length - kept.length };
    }),
  };
}

/**
 * Read and check a workbook's or a Word document's bytes (told by content, whatever the name; a protected file by its
 * name too, as Word and Excel wrap one alike); a file that cannot be read is a ReadFailure; an old .doc is given back
 * for LibreOffice to convert.
 */
function readChecked(name: string, bytes: ArrayBuffer, confirmCommune: boolean): ReadUploadResult {
  const u8 = new Uint8Array(bytes);
  const kind = documentKind(u8);
  if (kind === 'doc') return { name, confirmCommune, convert: 'doc', bytes };
  const word = kind === 'docx' || (kind === 'encrypted' && /\.docx?$/i.test(name));
  try {
    const docx = word ? readDocx(u8, { name, inflate: inflateRawNative }) : undefined;
    const grids = docx ? docx.grids : readWorkbookFast(u8).sheets;
    const { plan, sheets } = readPlan(grids, { file: name, format: word ? 'docx' : 'xlsx' });
    const report = validate({ plan, grids, sheets });
    // A Word table that could not be read (one nested in a cell) goes with the report, said where it is.
    const unread = (docx?.refused ?? []).map((r) => ({ message: `${name}: ${r.vi}`, messageEn: `${name}: ${r.en}` }));
    return {
      name,
      confirmCommune,
      plan,
      report: capIssues(checkFile(name, report, unread), MAX_ANSWER_ISSUES),
      appendices: plan.appendices.length,
    };
  } catch (err) {
    if (err instanceof DocxReadError)
      return { name, confirmCommune, error: { code: err.code, vi: err.message, en: err.messageEn, docx: true } };
    if (err instanceof WorkbookReadError && !CONVERTIBLE[err.code])
      return { name, confirmCommune, error: { code: err.code, vi: err.message, en: err.messageEn } };
    throw err;
  }
}

/**
 * Run one job here, in this thread.
 * @example await runJob({ kind: 'read-file', file: 'plans/10903-cam-giang.xlsx' })
 */
export async function runJob<J extends Job>(job: J): Promise<JobResult<J>> {
  try {
    return (await dispatch(job)) as JobResult<J>;
  } catch (err) {
    if (err instanceof WorkbookReadError) return { error: { code: err.code, vi: err.message, en: err.messageEn } } as JobResult<J>;
    return { fault: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

/** Load what the server's jobs need (the body schemas), so that no job waits for it. */
export async function preload(): Promise<void> {
  await Promise.all((Object.keys(BODY_SCHEMAS) as BodySchemaName[]).map(bodySchema));
}

/**
 * A plan file (.xlsx or .docx, told by content) read into its plan, or why it could not be. Read synchronously: only
 * the CLI reads files (the server's jobs carry bytes), a worker has nothing else to do meanwhile, and fs/promises'
 * open-stat-read-close round trips cost ~6% of `phuluc consolidate`'s CPU on 3,321 small files.
 */
async function readFilePlan(file: string): Promise<{ plan: Plan } | ReadFailure> {
  const bytes = new Uint8Array(readFileSync(file));
  const kind = documentKind(bytes);
  if (kind === 'other' || (kind === 'encrypted' && !/\.docx?$/i.test(file)))
    return { plan: readPlan(readWorkbookFast(bytes).sheets, { file, format: 'xlsx' }).plan };
  // A Word plan (an old .doc answers legacy-doc: the caller has LibreOffice convert it, a process of its own).
  try {
    const grids = readDocx(bytes, { name: path.basename(file), inflate: inflateRawNative }).grids;
    return { plan: readPlan(grids, { file, format: 'docx' }).plan };
  } catch (err) {
    if (err instanceof DocxReadError) return { error: { code: err.code, vi: err.message, en: err.messageEn, docx: true } };
    throw err;
  }
}

/** This worker's rows maker for one as-of date (its memos kept across the plans it reads). */
let rowsOf: { asOf: string; make: ReturnType<typeof planRowsOf> } | undefined;

function consolidateFile(job: Extract<Job, { kind: 'consolidate-file' }>, plan: Plan): ConsolidateFileResult {
  const commune = communeOfFile(job.file, plan.reference?.commune, job.province);
  if ('error' in commune) return { noCommune: commune.error };
  if (job.province && commune.provinceCode !== job.province) return { code: commune.code };
  if (rowsOf?.asOf !== job.asOf) rowsOf = { asOf: job.asOf, make: planRowsOf({ asOf: job.asOf }) };
  const { rows, indicators } = rowsOf.make({ commune, planKey: job.planKey, revision: 0, plan });
  const heights = rows.map((r) => tableRowHeight(TASK_SHEET, r, job.lang));
  return { code: commune.code, wire: rowsToWire(rows, indicators, heights, job.sources === true) };
}

async function dispatch(job: Job): Promise<ReadFileResult | ConsolidateFileResult | ReadUploadResult | JsonResult> {
  switch (job.kind) {
    case 'read-file': {
      const read = await readFilePlan(job.file);
      if ('error' in read || !job.json) return read;
      return { planJson: JSON.stringify(read.plan) };
    }
    case 'consolidate-file': {
      const read = await readFilePlan(job.file);
      return 'error' in read ? read : consolidateFile(job, read.plan);
    }
    case 'read-upload': {
      let file: FormDataEntryValue | null;
      let confirmCommune: boolean;
      try {
        const form = await new Response(job.body, { headers: { 'content-type': job.type } }).formData();
        file = form.get('file');
        confirmCommune = form.get('confirmCommune') === '1';
      } catch {
        return { form: 'malformed' };
      }
      if (!(file instanceof File)) return { form: 'no-file' };
      const bytes = await file.arrayBuffer();
      try {
        return readChecked(file.name, bytes, confirmCommune);
      } catch (err) {
        // An .xls or .ods (told by its bytes, whatever its name): the route has LibreOffice convert it, off this thread.
        const ext = err instanceof WorkbookReadError ? CONVERTIBLE[err.code] : undefined;
        if (ext) return { name: file.name, confirmCommune, convert: ext, bytes };
        throw err;
      }
    }
    case 'read-xlsx':
      return readChecked(job.name, job.bytes, false);
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(job.text);
      } catch (err) {
        return { syntax: (err as Error).message };
      }
      const r = (await bodySchema(job.schema)).safeParse(value);
      return r.success
        ? { data: r.data }
        : { issues: r.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })) };
    }
  }
}
