// `phuluc check FILE|DIR… [--format text|json|xlsx] [--out PATH] [--as-of DATE]`: validate and report.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { validate } from '../../core/validate/index.ts';
import { allIssues, type Report } from '../../core/validate/index.ts';
import { annotatedCopy } from '../../workbook/export/annotate.ts';
import { deflateRawNative, inflateRawNative } from '../../workbook/xlsx/inflate-native.ts';
import { checkDocument, checkFile, type CheckFile } from '../../core/validate/index.ts';
import type { Lang } from '../labels.ts';
import { loadPlan, PlanLoadError } from '../load-plan.ts';
import { expandInputs } from '../walk.ts';
import { SEVERITY_LABEL } from '../../workbook/export/styles.ts';

export interface CheckOptions {
  format: 'text' | 'json' | 'xlsx';
  out?: string;
  asOf?: string;
  lang: Lang;
}

/**
 * Check files; exit code 0 = no errors, 1 = errors found, 2 = could not run.
 * @example await checkCommand(['plans/'], { format: 'json', lang: 'vi' })
 */
export async function checkCommand(inputs: string[], opts: CheckOptions): Promise<number> {
  if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
    process.stderr.write(`--as-of phải có dạng YYYY-MM-DD (nhận được “${opts.asOf}”). / --as-of must be YYYY-MM-DD.\n`);
    return 2;
  }
  const files = await expandInputs(inputs);
  if (files.length === 0) {
    process.stderr.write('Không có tệp .xlsx nào để kiểm tra. / No .xlsx file to check.\n');
    return 2;
  }
  if (opts.format === 'xlsx' && files.length > 1 && !opts.out) {
    process.stderr.write('Với --format xlsx và nhiều tệp, cần --out THƯ_MỤC. / With --format xlsx and several files, give --out DIR.\n');
    return 2;
  }
  const results: CheckFile[] = [];
  let cannotRun = false;
  for (const file of files) {
    try {
      const loaded = await loadPlan(file);
      const report = validate({ plan: loaded.plan, grids: loaded.grids, sheets: loaded.sheets }, opts.asOf ? { asOf: opts.asOf } : {});
      results.push(checkFile(file, report));
      if (opts.format === 'xlsx') await writeAnnotated(file, report, files.length > 1 ? opts.out! : opts.out, opts.lang);
      else if (opts.format === 'text') process.stdout.write(renderText(file, report, opts.lang));
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
      if (opts.format !== 'json') process.stderr.write(`${opts.lang === 'en' ? err.messageEn : err.message}\n`);
    }
  }
  const doc = checkDocument(results);
  if (opts.format === 'json') {
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (opts.out) await writeFile(opts.out, text);
    else process.stdout.write(text);
  }
  if (cannotRun) return 2;
  return doc.stats.errors > 0 ? 1 : 0;
}

async function writeAnnotated(file: string, report: Report, out: string | undefined, lang: Lang): Promise<void> {
  const base = path.basename(file, path.extname(file));
  let target = out ?? path.join(path.dirname(file), `${base}.kiem-tra.xlsx`);
  if (out && (out.endsWith(path.sep) || path.extname(out) === '')) {
    await mkdir(out, { recursive: true });
    target = path.join(out, `${base}.kiem-tra.xlsx`);
  }
  if (path.resolve(target) === path.resolve(file)) throw new Error('refusing to overwrite the input');
  // Made in the workbook itself: every part the annotations do not touch is copied as it was.
  await writeFile(target, annotatedCopy(await readFile(file), report, lang, { inflate: inflateRawNative, deflate: deflateRawNative }));
  process.stdout.write(`${lang === 'en' ? 'Annotated copy' : 'Bản có đánh dấu'}: ${target}\n`);
}

function renderText(file: string, report: Report, lang: Lang): string {
  const lines = [`# ${file}`];
  const issues = allIssues(report);
  for (const i of issues) {
    const where = `${i.sheet}!${i.cell ?? (i.row !== undefined ? `${i.row}:${i.row}` : '')}`;
    lines.push(
      `${where.padEnd(26)} ${SEVERITY_LABEL[i.severity][lang].padEnd(9)} ${i.code.padEnd(28)} ${lang === 'en' ? i.messageEn : i.message}${i.fix?.safe ? (lang === 'en' ? ' [fixable]' : ' [sửa được]') : ''}`,
    );
  }
  const s = report.stats;
  lines.push(
    lang === 'en'
      ? `${s.tables} table(s), ${s.tasks} task(s), ${s.indicators} indicator(s): ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info; ${s.fixable} fixable (phuluc fix). ${report.valid ? 'Valid.' : 'Not valid.'}`
      : `${s.tables} bảng, ${s.tasks} nhiệm vụ, ${s.indicators} chỉ tiêu: ${s.errors} lỗi, ${s.warnings} cảnh báo, ${s.infos} lưu ý; ${s.fixable} sửa tự động được (phuluc fix). ${report.valid ? 'Hợp lệ.' : 'Chưa hợp lệ.'}`,
    '',
  );
  return `${lines.join('\n')}\n`;
}
