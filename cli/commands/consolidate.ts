// `phuluc consolidate DIR… -o out.xlsx`: read every commune's workbook, consolidate them, write the provincial table.
import path from 'node:path';
import { createConsolidator } from '../../core/consolidate/index.ts';
import { bareName, findCommune, findCommunesByName, type Commune } from '../../core/dvhc.ts';
import { writeConsolidatedXlsx } from '../../workbook/export/consolidated.ts';
import type { Lang } from '../labels.ts';
import { progress } from '../progress.ts';
import { readPlans } from '../read-pool.ts';
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
  return {
    error: `có ${found.length} xã tên “${communeName}” (${list}); hãy đặt mã xã ở đầu tên tệp, ví dụ ${found[0]!.code}-${path.basename(file)}, hoặc dùng --province`,
  };
}

/** @example await consolidateCommand(['plans/'], { out: 'tong-hop.xlsx', planKey: 'NQ57-2026', asOf: '2026-06-30', lang: 'vi' }) */
export async function consolidateCommand(inputs: string[], opts: ConsolidateCommandOptions): Promise<number> {
  const files = await expandInputs(inputs);
  const vi = opts.lang !== 'en';
  const bar = progress(files.length, vi ? 'Đọc phụ lục' : 'Reading');
  // Each plan's rows are worked out as it arrives and the plan let go: memory for rows, not for 3,321 plans.
  const consolidator = createConsolidator({ asOf: opts.asOf }, { anyOrder: true });
  let first: Commune | undefined;
  const problems: string[] = [];
  const seen = new Set<string>();
  // Workbooks are read on every core (worker threads); results come back in file order, so output never depends
  // on which worker was faster.
  for await (const r of readPlans(files)) {
    const file = files[r.i]!;
    bar.tick(path.basename(file));
    if ('error' in r) {
      problems.push(`${file}: ${vi ? r.error.vi : r.error.en}`);
      continue;
    }
    const plan = r.plan;
    const commune = communeOfFile(file, plan.reference?.commune, opts.province);
    if ('error' in commune) {
      problems.push(`${file}: ${commune.error}`);
      continue;
    }
    if (opts.province && commune.provinceCode !== opts.province) continue;
    if (seen.has(commune.code)) {
      problems.push(
        `${file}: ${vi ? `xã ${commune.code} đã có tệp khác; bỏ qua tệp này` : `commune ${commune.code} already has a file; skipped`}`,
      );
      continue;
    }
    seen.add(commune.code);
    first ??= commune;
    consolidator.add({ commune, planKey: opts.planKey, revision: 0, plan });
  }
  bar.done();
  const result = consolidator.finish();
  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  await writeConsolidatedXlsx(result, opts.out, { lang: opts.lang, title: opts.province ? (first?.provinceName ?? '') : '' });
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stderr.write(
    vi
      ? `Đã tổng hợp ${seen.size} xã, ${result.rows.length} nhiệm vụ, ${result.indicators.length} chỉ tiêu → ${opts.out}${problems.length ? `; ${problems.length} tệp có vấn đề (xem trên)` : ''}.\n`
      : `Consolidated ${seen.size} communes, ${result.rows.length} tasks, ${result.indicators.length} indicators → ${opts.out}${problems.length ? `; ${problems.length} file(s) with problems (above)` : ''}.\n`,
  );
  return problems.length > 0 && seen.size === 0 ? 2 : 0;
}
