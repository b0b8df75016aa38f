// The read pool: workbooks read in worker threads come back in file order, equal to an in-process read, errors included.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consolidateFiles, readPlans, type ConsolidateResponse, type ReadResponse } from '../../cli/read-pool.ts';
import { consolidate, NO_SOURCE, rowsFromWire } from '../../core/consolidate/index.ts';
import { findCommune } from '../../core/dvhc.ts';
import { TASK_SHEET } from '../../workbook/export/consolidated-columns.ts';
import { tableRowHeight } from '../../workbook/export/consolidated-sheet.ts';
import { fixture } from '../support/paths.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function collect(files: string[], workers: number): Promise<ReadResponse[]> {
  const out: ReadResponse[] = [];
  for await (const r of readPlans(files, workers)) out.push(r);
  return out;
}

async function collectRows(files: string[], workers: number, province?: string, sources = true): Promise<ConsolidateResponse[]> {
  const out: ConsolidateResponse[] = [];
  const opts = { asOf: '2025-12-31', planKey: 'NQ57-2025', lang: 'vi' as const, sources, ...(province ? { province } : {}) };
  for await (const r of consolidateFiles(files, opts, workers)) out.push(r);
  return out;
}

describe('readPlans', () => {
  it('gives the in-process results, in file order, from two workers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-pool-'));
    dirs.push(dir);
    const files: string[] = [];
    for (let i = 0; i < 90; i++) {
      const f = path.join(dir, `${String(i).padStart(3, '0')}.xlsx`);
      if (i === 41) await writeFile(f, 'not a workbook');
      else await copyFile(fixture(i % 2 ? 'cam-giang-phu-luc.xlsx' : 'quang-son-phu-luc.xlsx'), f);
      files.push(f);
    }
    const pooled = await collect(files, 2);
    expect(pooled.map((r) => r.i)).toEqual(files.map((_, i) => i));
    expect('error' in pooled[41]!).toBe(true);
    expect(await collect(files, 1)).toEqual(pooled);
  }, 120_000);
});

describe('consolidateFiles', () => {
  it("gives the in-process answers in file order from two workers: consolidate()'s rows of each plan, with the writer's row heights", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-pool-rows-'));
    dirs.push(dir);
    const files: string[] = [];
    for (let i = 0; i < 84; i++) {
      // Cẩm Giàng by the code its name starts with, Quang Sơn by its title block; one unreadable file.
      const name = i % 2 ? `10903-${String(i).padStart(3, '0')}.xlsx` : `${String(i).padStart(3, '0')}-qs.xlsx`;
      const f = path.join(dir, name);
      if (i === 41) await writeFile(f, 'not a workbook');
      else await copyFile(fixture(i % 2 ? 'cam-giang-phu-luc.xlsx' : 'quang-son-phu-luc.xlsx'), f);
      files.push(f);
    }
    const pooled = await collectRows(files, 2);
    expect(pooled.map((r) => r.i)).toEqual(files.map((_, i) => i));
    expect(await collectRows(files, 1)).toEqual(pooled);
    const plans = await collect(files, 1);
    for (const [i, r] of pooled.entries()) {
      const read = plans[i]!;
      if ('error' in read) {
        expect(r).toEqual(read);
        continue;
      }
      const commune = findCommune(i % 2 ? '10903' : '05674')!;
      expect(r).toMatchObject({ code: commune.code });
      const want = consolidate([{ commune, planKey: 'NQ57-2025', revision: 0, plan: read.plan }], { asOf: '2025-12-31' });
      const origin = { communeCode: commune.code, communeName: commune.name, planKey: 'NQ57-2025', revision: 0 };
      const got = rowsFromWire((r as { wire: string }).wire, origin);
      expect(got).toEqual({
        rows: want.rows,
        indicators: want.indicators,
        perTask: want.rows.map((row) => tableRowHeight(TASK_SHEET, row, 'vi')),
      });
      expect(got.rows.length).toBeGreaterThan(0);
    }
    // Without sources (the CLI without --json): the same rows, each with NO_SOURCE.
    const bare = (await collectRows(files.slice(0, 2), 1, undefined, false))[1] as { wire: string };
    const rows = rowsFromWire((pooled[1] as { wire: string }).wire, {
      communeCode: '10903',
      communeName: 'Xã Cẩm Giàng',
      planKey: 'K',
      revision: 0,
    });
    expect(rowsFromWire(bare.wire, { communeCode: '10903', communeName: 'Xã Cẩm Giàng', planKey: 'K', revision: 0 })).toEqual({
      rows: rows.rows.map((r) => ({ ...r, source: NO_SOURCE })),
      indicators: rows.indicators.map((r) => ({ ...r, source: NO_SOURCE })),
      perTask: rows.perTask,
    });
    // A commune of another province than the one asked: its code, no rows.
    expect((await collectRows(files.slice(0, 2), 1, '31')).map((r) => ('wire' in r ? 'rows' : r))).toEqual([
      { i: 0, code: '05674' },
      'rows',
    ]);
  }, 120_000);
});
