// `phuluc check FILE|DIR… [--format text|json|xlsx] [--out PATH] [--as-of DATE]`: validate and report.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { validate, type Report } from '../../core/validate/index.ts';
import { annotatedCopy } from '../../workbook/export/annotate.ts';
import { deflateRawNative, inflateRawNative } from '../../workbook/xlsx/inflate-native.ts';
import { checkDocument, checkFile, type CheckFile } from '../../core/validate/index.ts';
import { Term } from '../../core/i18n/index.ts';
import { vietnamDay } from '../../core/progress/index.ts';
import { renderCheckText } from '../check-text.ts';
import type { Lang } from '../labels.ts';
import { loadPlan, PlanLoadError } from '../load-plan.ts';
import { progressOnTty } from '../progress.ts';
import { expandInputs, PLAN_EXTS } from '../walk.ts';

export interface CheckOptions {
  format: 'text' | 'json' | 'xlsx';
  out?: string;
  asOf?: string;
  /** Today (ISO) for checks that refuse the future (a completion date); Vietnam's today when not given. */
  today?: string;
  /** Text output: list the notes too (by default only their number). */
  notes?: boolean;
  lang: Lang;
}

/**
 * Check files; exit code 0 = no errors, 1 = errors found, 2 = could not run.
 * @example await checkCommand(['plans/'], { format: 'json', lang: 'vi' })
 */
export async function checkCommand(inputs: string[], opts: CheckOptions): Promise<number> {
  const vi = opts.lang !== 'en';
  const say = (viText: string, enText: string) => process.stderr.write(`${vi ? viText : enText}\n`);
  if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
    say(`--as-of phải là ngày dạng YYYY-MM-DD (nhận được “${opts.asOf}”).`, `--as-of must be a date YYYY-MM-DD (got "${opts.asOf}").`);
    return 2;
  }
  const files = await expandInputs(inputs, PLAN_EXTS);
  if (files.length === 0) {
    say(
      `Không có tệp phụ lục nào (.xlsx, .xls, .ods, .docx, .doc) để kiểm tra trong “${inputs.join('”, “')}”.`,
      `No appendix file (.xlsx, .xls, .ods, .docx, .doc) to check in "${inputs.join('", "')}".`,
    );
    return 2;
  }
  if (opts.format === 'xlsx' && files.length > 1 && !opts.out) {
    say(
      'Khi ghi bản có đánh dấu (--format xlsx) cho nhiều tệp, cần nêu thư mục kết quả: --out <thư-mục>.',
      'With --format xlsx and several files, give --out <folder>.',
    );
    return 2;
  }
  const results: CheckFile[] = [];
  let cannotRun = false;
  // A folder takes a while: a bar on the terminal, cleared before each file's report (nothing when not a terminal).
  const bar = progressOnTty(files.length > 1 ? files.length : 0, vi ? 'Kiểm tra' : 'Checking');
  for (const file of files) {
    bar.tick(path.basename(file));
    try {
      const loaded = await loadPlan(file);
      const report = validate(
        { plan: loaded.plan, grids: loaded.grids, sheets: loaded.sheets },
        { ...(opts.asOf ? { asOf: opts.asOf } : {}), today: opts.today ?? vietnamDay(new Date().toISOString())! },
      );
      // A Word table that could not be read (one nested in a cell) is said where it is, and the file is not valid.
      const unread = (loaded.notes ?? []).map((n) => ({ message: n.vi, messageEn: n.en }));
      results.push(checkFile(file, report, unread));
      bar.clear();
      if (opts.format === 'xlsx') await writeAnnotated(file, loaded.xlsx, report, files.length > 1 ? opts.out! : opts.out, opts.lang);
      else if (opts.format === 'text')
        process.stdout.write(renderCheckText(file, report, { lang: opts.lang, notes: opts.notes === true, unread }));
    } catch (err) {
      if (!(err instanceof PlanLoadError)) throw err;
      cannotRun = true;
      const failed: CheckFile = {
        path: file,
        valid: false,
        stats: { tables: 0, tasks: 0, indicators: 0, errors: 0, warnings: 0, infos: 0, fixable: 0 },
        tables: [],
        error: { code: err.code, message: err.message, messageEn: err.messageEn },
      };
      results.push(failed);
      bar.clear();
      if (opts.format !== 'json') process.stderr.write(`${vi ? err.message : err.messageEn}\n`);
    }
  }
  bar.done();
  const doc = checkDocument(results);
  if (opts.format === 'json') {
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (opts.out) await writeFile(opts.out, text);
    else process.stdout.write(text);
  }
  if (cannotRun) return 2;
  return doc.stats.errors > 0 || !doc.valid ? 1 : 0;
}

async function writeAnnotated(
  file: string,
  xlsx: Uint8Array | undefined,
  report: Report,
  out: string | undefined,
  lang: Lang,
): Promise<void> {
  if (!xlsx) {
    throw new PlanLoadError(
      'not-a-workbook',
      `“${file}” là văn bản, không phải bảng tính: không có bản đánh dấu để ghi (dùng --format text).`,
      `"${file}" is text, not a spreadsheet: there is no annotated copy to write (use --format text).`,
    );
  }
  const base = path.basename(file, path.extname(file));
  let target = out ?? path.join(path.dirname(file), `${base}.kiem-tra.xlsx`);
  if (out && (out.endsWith(path.sep) || path.extname(out) === '')) {
    await mkdir(out, { recursive: true });
    target = path.join(out, `${base}.kiem-tra.xlsx`);
  }
  if (path.resolve(target) === path.resolve(file)) {
    throw new PlanLoadError(
      'same-file',
      `Không ghi đè tệp gốc “${file}”; hãy chọn tên khác cho --out.`,
      `Will not overwrite the input "${file}"; choose another --out.`,
    );
  }
  // Made in the workbook itself: every part the annotations do not touch is copied as it was.
  await writeFile(target, annotatedCopy(xlsx, report, lang, { inflate: inflateRawNative, deflate: deflateRawNative }));
  process.stdout.write(`${Term('annotatedCopy', lang)}: ${target}\n`);
}
