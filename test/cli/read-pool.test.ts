// The read pool: workbooks read in worker threads come back in file order, equal to an in-process read, errors included.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPlans, type ReadResponse } from '../../cli/read-pool.ts';
import { fixture } from '../support/paths.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function collect(files: string[], workers: number): Promise<ReadResponse[]> {
  const out: ReadResponse[] = [];
  for await (const r of readPlans(files, workers)) out.push(r);
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
