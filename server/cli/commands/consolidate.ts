// `phuluc consolidate DIR… -o out.xlsx`: read every commune's workbook, consolidate them, write the provincial table.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { consolidate, type ConsolidateInput } from '../../../core/consolidate/index.ts';
import { bareName, findCommune, findCommunesByName, type Commune } from '../../../core/dvhc.ts';
import { readPlan } from '../../../core/read/index.ts';
import { writeConsolidatedXlsx } from '../../export/consolidated.ts';
import { readWorkbook, WorkbookReadError } from '../../xlsx/index.ts';
import type { Lang } from '../labels.ts';
import { progress } from '../progress.ts';
import { expandInputs } from '../walk.ts';

export interface ConsolidateCommandOptions {
  out: string;
  planKey: string;
  asOf: string;
  province?: string;
  json?: boolean;
  lang: Lang;
}

/**
 * The commune a workbook belongs to: a 5-digit code at the start of its file name ("10903-cam-giang.xlsx"), else the
 * commune named in its title block when exactly one commune (in the province, if given) has that name.
 * @example communeOfFile('10903-cam-giang.xlsx', plan) // Xã Cẩm Giàng, Hải Phòng
 */
export function communeOfFile(file: string, communeName: string | undefined, province?: string): Commune | { error: string } {
  const code = /^(\d{5})(?:\D|$)/.exec(path.basename(file))?.[1];
  if (code) return findCommune(code) ?? { error: `mã xã ${code} không có trong danh mục 2025` };
  if (!communeName) return { error: 'không có mã xã ở đầu tên tệp, và khối tiêu đề không nêu tên xã' };
  const named = findCommunesByName(communeName).filter((c) => !province || c.provinceCode === province);
  // "Quang Sơn" and "Quảng Sơn" fold alike; a title block spelled with its tone marks means the exact spelling.
  const exact = named.filter((c) => bareName(c.name) === bareName(communeName));
  const found = exact.length > 0 ? exact : named;
  if (found.length === 1) return found[0]!;
  if (found.length === 0) return { error: `không tìm thấy xã “${communeName}” trong danh mục 2025` };
  const list = found.map((c) => `${c.code} ${c.provinceName}`).join(', ');
  return { error: `có ${found.length} xã tên “${communeName}” (${list}); hãy đặt mã xã ở đầu tên tệp, ví dụ ${found[0]!.code}-${path.basename(file)}, hoặc dùng --province` };
}

/** @example await consolidateCommand(['plans/'], { out: 'tong-hop.xlsx', planKey: 'NQ57-2026', asOf: '2026-06-30', lang: 'vi' }) */
export async function consolidateCommand(inputs: string[], opts: ConsolidateCommandOptions): Promise<number> {
  const files = await expandInputs(inputs);
  const vi = opts.lang !== 'en';
  const bar = progress(files.length, vi ? 'Đọc phụ lục' : 'Reading');
  const found: ConsolidateInput[] = [];
  const problems: string[] = [];
  // Read the next file while this one is parsed: the disk and the CPU work at once.
  let next: Promise<Buffer | Error> | null = files.length > 0 ? readFile(files[0]!).catch((e: Error) => e) : null;
  for (const [i, file] of files.entries()) {
    bar.tick(path.basename(file));
    const bytes = await next!;
    next = i + 1 < files.length ? readFile(files[i + 1]!).catch((e: Error) => e) : null;
    let plan;
    try {
      if (bytes instanceof Error) throw bytes;
      plan = readPlan((await readWorkbook(bytes)).sheets, { file, format: 'xlsx' }).plan;
    } catch (err) {
      problems.push(`${file}: ${err instanceof WorkbookReadError ? (vi ? err.message : err.messageEn) : String(err)}`);
      continue;
    }
    const commune = communeOfFile(file, plan.reference?.commune, opts.province);
    if ('error' in commune) {
      problems.push(`${file}: ${commune.error}`);
      continue;
    }
    if (opts.province && commune.provinceCode !== opts.province) continue;
    if (found.some((f) => f.commune.code === commune.code)) {
      problems.push(`${file}: ${vi ? `xã ${commune.code} đã có tệp khác; bỏ qua tệp này` : `commune ${commune.code} already has a file; skipped`}`);
      continue;
    }
    found.push({ commune, planKey: opts.planKey, revision: 0, plan });
  }
  bar.done();
  const result = consolidate(found, { asOf: opts.asOf });
  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  await writeConsolidatedXlsx(result, opts.out, { lang: opts.lang, title: opts.province ? (findCommune(found[0]?.commune.code ?? '')?.provinceName ?? '') : '' });
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stderr.write(vi
    ? `Đã tổng hợp ${found.length} xã, ${result.rows.length} nhiệm vụ, ${result.indicators.length} chỉ tiêu → ${opts.out}${problems.length ? `; ${problems.length} tệp có vấn đề (xem trên)` : ''}.\n`
    : `Consolidated ${found.length} communes, ${result.rows.length} tasks, ${result.indicators.length} indicators → ${opts.out}${problems.length ? `; ${problems.length} file(s) with problems (above)` : ''}.\n`);
  return problems.length > 0 && found.length === 0 ? 2 : 0;
}
