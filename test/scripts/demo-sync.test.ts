// The README's sync demo script runs from this checkout: tokens, server, upload, edit, consolidated download.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.ts';

const run = promisify(execFile);
let out = '';
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('scripts/demo-sync.sh', () => {
  it('ends with the consolidated workbook of Hải Phòng holding Cẩm Giàng’s edited plan', async () => {
    out = await mkdtemp(path.join(tmpdir(), 'phuluc-demo-'));
    const { stdout } = await run('bash', [path.join(REPO_ROOT, 'scripts/demo-sync.sh'), out], { env: process.env, timeout: 180_000 });
    expect(stdout).toMatch(/created → phiên bản 2/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'tong-hop-31.xlsx'));
    const ws = wb.getWorksheet('Tổng hợp')!;
    // The printed sheet opens with the heading block: the table starts at the row whose cells are the column headings.
    let headerRow = 0;
    let column = -1;
    ws.eachRow((row, n) => {
      const at = (row.values as unknown[]).indexOf('Kết quả/sản phẩm');
      if (!headerRow && at > 0) [headerRow, column] = [n, at];
    });
    expect(headerRow).toBeGreaterThan(0);
    const results: string[] = [];
    ws.eachRow((row, n) => {
      if (n > headerRow) results.push(String(row.getCell(column).value ?? ''));
    });
    expect(results).toContain('Báo cáo tổng kết năm');
  });
});
