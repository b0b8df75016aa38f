// Acceptance: `phuluc fix` then `phuluc check` on both fixtures — no safe fix left, task text kept, LibreOffice opens it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fold } from '../../core/text/index.ts';
import type { CheckDocument } from '../../core/validate/index.ts';
import { loadPlan } from '../../cli/load-plan.ts';
import { phuluc } from '../support/cli.ts';
import { fixture } from '../support/paths.ts';

const run = promisify(execFile);

/** Multiset of folded words in every task/indicator content cell (continuations included). */
async function contentWords(file: string): Promise<string[]> {
  const { grids, plan } = await loadPlan(file);
  const words: string[] = [];
  for (const a of plan.appendices) {
    const col = a.columns.content;
    const grid = grids.find((g) => g.sheet === a.sheet)!;
    for (const r of a.rows) {
      if (r.kind === 'repeated-header' || !col) continue;
      const v = grid.rows[r.source.row - 1]?.[col.charCodeAt(0) - 65]?.v;
      if (typeof v === 'string') words.push(...fold(v).split(' ').filter(Boolean));
    }
  }
  return words.sort();
}

describe.each(['cam-giang-phu-luc.xlsx', 'quang-son-phu-luc.xlsx'])('fix %s', async (name) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-fix-'));
  const input = path.join(dir, name);
  await copyFile(fixture(name), input);
  const out = path.join(dir, name.replace('.xlsx', '.da-sua.xlsx'));
  const before = await readFile(input);
  const fixed = await phuluc('fix', input, '-o', out);

  it('writes a repaired copy, prints what it changed and leaves the input untouched', async () => {
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/^Dòng bị tách trang: \d+ chỗ/m);
    expect(existsSync(out)).toBe(true);
    expect(await readFile(input)).toEqual(before);
  });

  it('leaves no safely fixable issue', async () => {
    const { stdout } = await phuluc('check', '--format', 'json', out);
    const doc = JSON.parse(stdout) as CheckDocument;
    const fixable = doc.files[0]!.tables.flatMap((t) => t.issues.filter((i) => i.fix?.safe).map((i) => `${i.code}@${i.cell ?? i.row}`));
    expect(fixable).toEqual([]);
    expect(
      doc.files[0]!.tables.flatMap((t) => t.issues).some((i) => i.code === 'continuation-row' || i.code === 'repeated-header-row'),
    ).toBe(false);
  });

  it('keeps every word of the task text', async () => {
    expect(await contentWords(out)).toEqual(await contentWords(input));
  });

  it('keeps column widths and other formatting', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const a = new ExcelJS.Workbook();
    const b = new ExcelJS.Workbook();
    await a.xlsx.readFile(input);
    await b.xlsx.readFile(out);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const ws of a.worksheets) {
      const other = b.getWorksheet(ws.name)!;
      expect(other.columns.map((c) => c.width)).toEqual(ws.columns.map((c) => c.width));
      expect(other.getCell('A1').font?.name).toBe(ws.getCell('A1').font?.name);
      // The fixtures' merges are the title lines, above every deleted row: they stay exactly where they were.
      expect((other.model as { merges: string[] }).merges.sort()).toEqual((ws.model as { merges: string[] }).merges.sort());
    }
  });

  it('opens in LibreOffice', async () => {
    await run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, out], { timeout: 120_000 });
    const pdf = out.replace(/\.xlsx$/, '.pdf');
    expect((await stat(pdf)).size).toBeGreaterThan(1000);
  });

  it('refuses to overwrite its input', async () => {
    const again = await phuluc('fix', input, '-o', input);
    expect(again.code).toBe(2);
  });
});
