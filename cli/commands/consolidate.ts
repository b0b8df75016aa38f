// `phuluc consolidate DIR… -o out.xlsx`: read every commune's workbook, consolidate them, write the provincial table,
// and say which files were left out and why. Exit 0 = every file used, 1 = some skipped, 2 = nothing to consolidate.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalPlanKey } from '../../core/api/index.ts';
import { communeOfFile, createConsolidator, rowsFromWire, type ConsolidatedRow } from '../../core/consolidate/index.ts';
import { COMMUNES, findCommune, findProvince, type Commune, type Province } from '../../core/dvhc.ts';
import type { Plan } from '../../core/model/index.ts';
import { readPlan } from '../../core/read/index.ts';
import { convertDocToDocx, DocConvertError } from '../../workbook/docx/convert.ts';
import { DocxReadError, readDocx } from '../../workbook/docx/index.ts';
import { ConsolidatedAhead } from '../../workbook/export/consolidated.ts';
import { inflateRawNative } from '../../workbook/xlsx/inflate-native.ts';
import { ConvertError, CONVERTIBLE, convertToXlsx } from '../../workbook/xlsx/convert.ts';
import { WorkbookReadError, type WorkbookErrorCode } from '../../workbook/xlsx/errors.ts';
import { fileWriteProblem } from '../file-errors.ts';
import type { Lang } from '../labels.ts';
import { progressOnTty } from '../progress.ts';
import { consolidateFiles, type ConsolidateResponse } from '../read-pool.ts';
import { expandInputs, PLAN_EXTS } from '../walk.ts';
import { consolidateReport, type ConsolidateOutcome } from '../consolidate-report.ts';

export interface ConsolidateCommandOptions {
  out: string;
  planKey: string;
  asOf: string;
  province?: string;
  json?: boolean;
  lang: Lang;
}

// Moved to core (the read workers resolve it): re-exported for callers and tests of the CLI.
export { communeOfFile } from '../../core/consolidate/index.ts';

/** @example await consolidateCommand(['plans/'], { out: 'tong-hop.xlsx', planKey: 'NQ57-2026', asOf: '2026-06-30', lang: 'vi' }) */
export async function consolidateCommand(inputs: string[], opts: ConsolidateCommandOptions): Promise<number> {
  const vi = opts.lang !== 'en';
  let province: Province | undefined;
  if (opts.province !== undefined) {
    province = findProvince(opts.province);
    if (!province || !/^\d{1,2}$/.test(opts.province)) {
      process.stderr.write(
        vi
          ? `Không có tỉnh/thành phố mã “${opts.province}”; --province nhận mã 2 chữ số, ví dụ 31 (Thành phố Hải Phòng).\n`
          : `No province has the code "${opts.province}"; --province takes a 2-digit code, e.g. 31 (Hai Phong).\n`,
      );
      return 2;
    }
  }
  // Keys are compared as the server stores them: "nq57-2026" is the plan "NQ57-2026".
  const planKey = canonicalPlanKey(opts.planKey);
  if (!planKey) {
    process.stderr.write(
      vi
        ? `Mã kế hoạch “${opts.planKey}” không dùng được: chỉ gồm chữ cái không dấu, chữ số và dấu . _ - (ví dụ NQ57-2026).\n`
        : `Plan code "${opts.planKey}" cannot be used: only letters without accents, digits and . _ - (e.g. NQ57-2026).\n`,
    );
    return 2;
  }
  const files = await expandInputs(inputs, PLAN_EXTS);
  if (files.length === 0) {
    process.stderr.write(
      vi
        ? `Không có tệp phụ lục nào (.xlsx, .xls, .ods, .docx, .doc) để tổng hợp trong “${inputs.join('”, “')}”.\n`
        : `No appendix file (.xlsx, .xls, .ods, .docx, .doc) to consolidate in "${inputs.join('", "')}".\n`,
    );
    return 2;
  }
  const bar = progressOnTty(files.length, vi ? 'Đọc phụ lục' : 'Reading');
  // Each plan's rows are worked out as it arrives and the plan let go: memory for rows, not for 3,321 plans.
  const consolidator = createConsolidator({ asOf: opts.asOf }, { anyOrder: true });
  const outcome: ConsolidateOutcome = { used: new Map(), skipped: [], duplicates: [], elsewhere: [] };
  // Each task row's height as the worker measured it, for the writer (rows converted here are measured there).
  const heights = new Map<ConsolidatedRow, number>();
  // The "Tổng hợp" and "Chỉ tiêu" rows are rendered and deflated as they come, while the workers read on (files named
  // by commune code come in the table's order); the headings and the other sheets are added once all are read.
  // Level 2: the national table is ~250 MB of sheet XML, and level 6 spent ~1.3 s of CPU more deflating it.
  const ahead = await ConsolidatedAhead.open({ lang: opts.lang, taskHeight: (row) => heights.get(row), deflateLevel: 2 });
  // Workbooks are read on every core (worker threads), each plan's rows worked out there; results come back in file
  // order, so output never depends on which worker was faster. The first file of a commune in that order is used.
  // Rows' sources cross threads only for --json, which prints them; the workbook does not show them.
  const reads = consolidateFiles(files, {
    asOf: opts.asOf,
    planKey,
    lang: opts.lang,
    ...(province ? { province: province.code } : {}),
    ...(opts.json ? { sources: true } : {}),
  });
  for await (const r of reads) {
    const file = files[r.i]!;
    bar.tick(path.basename(file));
    let commune: Commune | { error: string };
    let plan: Plan | undefined;
    if ('code' in r) commune = findCommune(r.code)!;
    else if ('noCommune' in r) commune = { error: r.noCommune };
    else {
      const read = await planOf(file, r);
      if ('error' in read) {
        outcome.skipped.push({ file, why: vi ? read.error.vi : read.error.en });
        continue;
      }
      plan = read.plan;
      commune = communeOfFile(file, plan.reference?.commune, province?.code);
    }
    if ('error' in commune) {
      outcome.skipped.push({ file, why: commune.error });
      continue;
    }
    if (province && commune.provinceCode !== province.code) {
      outcome.elsewhere.push({ file, commune });
      continue;
    }
    const kept = outcome.used.get(commune.code);
    if (kept) {
      outcome.duplicates.push({ file, commune, kept: kept.file });
      continue;
    }
    outcome.used.set(commune.code, { file, commune });
    if (plan) {
      // A converted file's indicators are not handed back by add(): its commune's rows are written at the end.
      consolidator.add({ commune, planKey, revision: 0, plan });
      ahead.stop();
    } else if ('wire' in r && r.wire !== undefined) {
      const origin = { communeCode: commune.code, communeName: commune.name, planKey, revision: 0 };
      const { rows, indicators, perTask } = rowsFromWire(r.wire, origin);
      for (let k = 0; k < rows.length; k++) heights.set(rows[k]!, perTask[k]!);
      consolidator.addRows({ commune, planKey, revision: 0 }, rows, indicators);
      await ahead.add(commune.code, rows, indicators);
    }
  }
  bar.done();
  const result = consolidator.finish();
  const notSubmitted = province ? COMMUNES.filter((c) => c.provinceCode === province.code && !outcome.used.has(c.code)) : undefined;
  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  if (outcome.used.size === 0) ahead.stop();
  else {
    try {
      // The communes of the province with no file here go to the writer's "Chưa nộp" sheet.
      const sheets = {
        title: province?.name ?? '',
        ...(notSubmitted ? { notSubmitted: notSubmitted.map((c) => ({ code: c.code, name: c.name, province: c.provinceName })) } : {}),
      };
      await ahead.write(result, opts.out, sheets);
    } catch (err) {
      const p = fileWriteProblem(opts.out, err);
      if (p === undefined) throw err;
      process.stderr.write(`${consolidateReport(outcome, { ...opts, province, notSubmitted }, undefined)}${vi ? p.vi : p.en}\n`);
      return 2;
    }
  }
  const counts = { tasks: result.rows.length, indicators: result.indicators.length };
  process.stderr.write(consolidateReport(outcome, { ...opts, province, notSubmitted }, outcome.used.size > 0 ? counts : undefined));
  if (outcome.used.size === 0) return 2;
  return outcome.skipped.length + outcome.duplicates.length > 0 ? 1 : 0;
}

/**
 * The plan a worker read, or the one LibreOffice's conversion of an .xls/.ods (or an old Word .doc) gives (converted
 * here: the workers read .xlsx and .docx only), or why there is none.
 */
async function planOf(
  file: string,
  r: Extract<ConsolidateResponse, { error: unknown }>,
): Promise<{ plan: Plan } | { error: { vi: string; en: string } }> {
  const ext = r.error.code ? CONVERTIBLE[r.error.code as WorkbookErrorCode] : undefined;
  if (!ext && r.error.code !== 'legacy-doc') return { error: r.error };
  try {
    const bytes = new Uint8Array(await readFile(file));
    if (!ext) {
      const docx = await convertDocToDocx(bytes);
      return {
        plan: readPlan(readDocx(docx, { name: path.basename(file), inflate: inflateRawNative }).grids, { file, format: 'docx' }).plan,
      };
    }
    const xlsx = await convertToXlsx(bytes, ext);
    // Loaded only here: exceljs (behind readWorkbook) costs the main thread ~0.3 s, and most folders hold .xlsx only.
    const { readWorkbook } = await import('../../workbook/xlsx/read.ts');
    return { plan: readPlan((await readWorkbook(xlsx)).sheets, { file, format: 'xlsx' }).plan };
  } catch (err) {
    if (err instanceof ConvertError || err instanceof WorkbookReadError || err instanceof DocConvertError || err instanceof DocxReadError)
      return { error: { vi: err.message, en: err.messageEn } };
    throw err;
  }
}
