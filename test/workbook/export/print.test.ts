// Acceptance (issue 16): the workbooks an official prints — the consolidated workbook, the annotated copy, a fixed copy
// — printed through LibreOffice and read back: A4 landscape, the header row on every page, page numbers, a sensible
// page count, every row as tall as its text, and in the annotated copy only the issue cells filled.
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { consolidate, type ConsolidateInput } from '../../../core/consolidate/index.ts';
import { COMMUNES } from '../../../core/dvhc.ts';
import { fixAll, planChanges, type Patch } from '../../../core/fix/index.ts';
import { allIssues, CATALOG, marksByCell, SEVERITY_FILL, validate } from '../../../core/validate/index.ts';
import { loadPlan } from '../../../cli/load-plan.ts';
import { annotatedCopy } from '../../../workbook/export/annotate.ts';
import { HEADER_ROW } from '../../../workbook/export/consolidated-sheet.ts';
import { writeConsolidatedXlsx } from '../../../workbook/export/consolidated.ts';
import { fixedCopy } from '../../../workbook/fix/apply-package.ts';
import { fixture, REAL } from '../../support/paths.ts';
import { isA4Landscape, pagePngs, pageSizes, pageTexts, printToPdf } from '../../support/print.ts';
import { rowsTooShort } from '../../support/row-fit.ts';

/** Text compared without its spaces: pdftotext splits some Vietnamese words ("đ ến"). */
const bare = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

async function workbookOf(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-print-'));

describe('the consolidated workbook, printed', async () => {
  // Real published appendices, filed under communes of Hải Phòng; the province's other communes have not submitted.
  const files = [
    fixture('cam-giang-phu-luc.xlsx'),
    fixture('quang-son-phu-luc.xlsx'),
    path.join(REAL, 'hcm-2820.xlsx'),
    path.join(REAL, 'ttg-2629.xlsx'),
    path.join(REAL, 'dong-thap-552.xlsx'),
  ];
  const communes = COMMUNES.filter((c) => c.provinceCode === '31');
  const inputs: ConsolidateInput[] = [];
  for (const [i, file] of files.entries())
    inputs.push({ commune: communes[i]!, planKey: 'NQ57-2026', revision: 1, plan: (await loadPlan(file)).plan });
  const c = consolidate(inputs, { asOf: '2026-06-30' });
  const notSubmitted = communes.slice(files.length).map((x) => ({ code: x.code, name: x.name, province: x.provinceName }));
  const file = path.join(dir, 'tong-hop.xlsx');
  await writeConsolidatedXlsx(c, file, { lang: 'vi', notSubmitted });
  const wb = await workbookOf(file);
  const pdf = await printToPdf(file);
  const sizes = await pageSizes(pdf);
  const texts = await pageTexts(pdf);
  await pagePngs(pdf, 'tong-hop', 1, 2);
  await pagePngs(
    pdf,
    'tong-hop-thong-ke',
    texts.findIndex((t) => bare(t).includes(bare('Số nhiệm vụ theo nhóm'))) + 1,
    texts.findIndex((t) => bare(t).includes(bare('Số nhiệm vụ theo nhóm'))) + 1,
  );

  // Each sheet starts on the page that carries its subtitle; every page of it repeats its header row.
  const sheets = [
    { name: 'Tổng hợp', starts: 'Danh mục nhiệm vụ của các xã, phường', rows: c.rows.length },
    { name: 'Thống kê', starts: 'Số nhiệm vụ theo nhóm nhiệm vụ', rows: c.stats.communes.length },
    { name: 'Chỉ tiêu', starts: 'Chỉ tiêu của các xã, phường', rows: c.indicators.length },
    { name: 'Chưa nộp', starts: 'Danh sách xã, phường chưa nộp', rows: notSubmitted.length },
  ];
  const firstPages = sheets.map((s) => texts.findIndex((t) => bare(t).includes(bare(s.starts))));

  it('has the four sheets, each starting on a page of its own, the communes without a plan listed', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheets.map((s) => s.name));
    expect(firstPages.every((p, i) => p >= 0 && (i === 0 ? p === 0 : p > firstPages[i - 1]!))).toBe(true);
    const ws = wb.getWorksheet('Chưa nộp')!;
    expect(ws.getRow(HEADER_ROW).values).toEqual([undefined, 'STT', 'Mã xã', 'Xã/phường', 'Tỉnh/thành phố', 'Ghi chú']);
    expect(ws.getRow(HEADER_ROW + 1).values).toEqual([undefined, 1, notSubmitted[0]!.code, notSubmitted[0]!.name, 'Thành phố Hải Phòng']);
    expect(notSubmitted.length).toBeGreaterThan(100);
  });

  it('prints every page A4 landscape, numbered "Trang i/N"', () => {
    expect(sizes.length).toBe(texts.length);
    expect(sizes.filter((s) => !isA4Landscape(s))).toEqual([]);
    texts.forEach((t, i) => expect(bare(t), `page ${i + 1}`).toContain(bare(`Trang ${i + 1}/${texts.length}`)));
  });

  it('repeats the header row on every page of every sheet, and starts each with the heading block', () => {
    sheets.forEach((s, k) => {
      const ws = wb.getWorksheet(s.name)!;
      const headers = (ws.getRow(HEADER_ROW).values as unknown[]).filter((v): v is string => typeof v === 'string');
      const printed = headers.slice(0, s.name === 'Tổng hợp' ? 9 : s.name === 'Chỉ tiêu' ? 7 : headers.length);
      const end = k + 1 < sheets.length ? firstPages[k + 1]! : texts.length;
      // A wrapped header's words may come apart in the text of the page: each word is looked for.
      for (let p = firstPages[k]!; p < end; p++)
        for (const word of printed.flatMap((h) => h.split(' ')))
          expect(bare(texts[p]!), `${s.name}, page ${p + 1}: ${word}`).toContain(bare(word));
      const first = bare(texts[firstPages[k]!]!);
      for (const line of [
        'UBND THÀNH PHỐ HẢI PHÒNG',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Hải Phòng, ngày',
      ])
        expect(first).toContain(bare(line));
      expect(bare(texts[end - 1]!)).toContain(bare('NGƯỜI LẬP BIỂU'));
    });
  });

  it('prints only the columns an official reads: the sorting ones stay on screen', () => {
    const onScreen = ['Mã xã', 'Nhóm (theo kế hoạch)', 'Cơ quan chủ trì (chuẩn hóa)'];
    for (let p = firstPages[0]!; p < firstPages[1]!; p++) for (const h of onScreen) expect(bare(texts[p]!)).not.toContain(bare(h));
  });

  it('takes a sensible number of pages: neither one page of squeezed rows nor a page per row', () => {
    const taskPages = firstPages[1]! - firstPages[0]!;
    expect(c.rows.length).toBeGreaterThan(200);
    expect(taskPages).toBeGreaterThanOrEqual(Math.ceil(c.rows.length / 30));
    expect(taskPages).toBeLessThanOrEqual(Math.ceil(c.rows.length / 3));
    expect(firstPages[2]! - firstPages[1]!).toBe(1);
  });

  it('has no row whose text needs more lines than its height shows', () => {
    for (const ws of wb.worksheets) expect(rowsTooShort(ws), ws.name).toEqual([]);
  });
});

/** Every cell's fill, by "Sheet!A1" (no fill and a pattern of none are the same). */
function fills(wb: ExcelJS.Workbook, sheets: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of sheets) {
    wb.getWorksheet(name)!.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const f = cell.fill as ExcelJS.FillPattern | undefined;
        out.set(`${name}!${cell.address}`, !f || f.pattern === 'none' ? '' : JSON.stringify(f.fgColor ?? f));
      }),
    );
  }
  return out;
}

describe.each(['cam-giang-phu-luc.xlsx', 'real/hcm-2820.xlsx'])('the annotated copy of %s', async (name) => {
  const input = name.startsWith('real/') ? path.join(REAL, name.slice(5)) : fixture(name);
  const loaded = await loadPlan(input);
  const report = validate({ plan: loaded.plan, grids: loaded.grids, sheets: loaded.sheets });
  const file = path.join(dir, `${path.basename(name, '.xlsx')}.kiem-tra.xlsx`);
  await writeFile(file, annotatedCopy(loaded.xlsx!, report, 'vi'));
  const before = await workbookOf(input);
  const after = await workbookOf(file);
  const own = before.worksheets.map((w) => w.name);

  it('fills exactly the cells an issue points to, by worst severity; every other cell keeps its own fill', () => {
    const marks = marksByCell(allIssues(report), 'vi');
    expect(marks.length).toBeGreaterThan(0);
    const a = fills(before, own);
    const b = fills(after, own);
    const marked = new Map(marks.map((m) => [`${m.sheet}!${m.cell}`, JSON.stringify({ argb: `FF${SEVERITY_FILL[m.severity]}` })]));
    for (const [cell, fill] of marked) expect(b.get(cell), cell).toBe(fill);
    const changed = [...new Set([...a.keys(), ...b.keys()])].filter(
      (cell) => !marked.has(cell) && (a.get(cell) ?? '') !== (b.get(cell) ?? ''),
    );
    expect(changed).toEqual([]);
  });

  it('signs its notes "phuluc", without codes, and puts the results sheet first', () => {
    const parts = unzipSync(new Uint8Array(readFileSync(file)));
    const comments = Object.keys(parts)
      .filter((n) => /^xl\/comments\d*\.xml$/.test(n))
      .map((n) => strFromU8(parts[n]!));
    expect(comments.length).toBeGreaterThan(0);
    for (const xml of comments) {
      expect([...xml.matchAll(/<author>([^<]*)<\/author>/g)].map((m) => m[1])).toContain('phuluc');
      for (const code of Object.keys(CATALOG)) expect(xml).not.toContain(code);
    }
    expect(after.worksheets[0]!.name).toBe('Kết quả kiểm tra');
  });

  if (name !== 'cam-giang-phu-luc.xlsx') return;

  it('opens on the results sheet, printed A4 landscape with its header on every page, rows tall enough, no codes', async () => {
    const pdf = await printToPdf(file);
    const texts = await pageTexts(pdf);
    const sizes = await pageSizes(pdf);
    const results = texts.findIndex((t, i) => i > 0 && !bare(t).includes(bare('Nội dung kiểm tra')));
    expect(results).toBeGreaterThan(0);
    await pagePngs(pdf, 'ket-qua-kiem-tra', 1, 1);
    expect(bare(texts[0]!)).toContain(bare('KẾT QUẢ KIỂM TRA PHỤ LỤC KẾ HOẠCH'));
    for (let p = 0; p < results; p++) {
      expect(isA4Landscape(sizes[p]!)).toBe(true);
      for (const h of ['STT', 'Mức độ', 'Nội dung kiểm tra', 'Vị trí', 'Mô tả']) expect(bare(texts[p]!)).toContain(bare(h));
      for (const code of Object.keys(CATALOG)) expect(texts[p]!).not.toContain(code);
    }
    expect(rowsTooShort(after.worksheets[0]!)).toEqual([]);
  });
});

/** The rows continuation rows were joined into, where they are once every round's rows are deleted. */
function joinedRows(rounds: Patch[][]): Map<string, number[]> {
  const joined = new Map<string, number[]>();
  for (const round of rounds) {
    for (const p of round)
      for (const op of p.ops) if (op.op === 'merge-rows') joined.set(op.sheet, [...(joined.get(op.sheet) ?? []), op.into]);
    for (const { sheet, rows } of planChanges(round).deletions) {
      const list = joined.get(sheet);
      if (list)
        joined.set(
          sheet,
          list.filter((r) => !rows.includes(r)).map((r) => r - rows.filter((d) => d < r).length),
        );
    }
  }
  return joined;
}

describe.each(['cam-giang-phu-luc.xlsx', 'quang-son-phu-luc.xlsx'])('the fixed copy of %s', async (name) => {
  const loaded = await loadPlan(fixture(name));
  const { rounds } = fixAll(loaded.grids);
  const file = path.join(dir, name.replace('.xlsx', '.da-sua.xlsx'));
  await writeFile(file, fixedCopy(loaded.xlsx!, rounds).bytes);
  const wb = await workbookOf(file);
  const joined = joinedRows(rounds);

  it('gives every row a continuation was joined into a height that shows its text', () => {
    expect([...joined.values()].flat().length).toBeGreaterThan(2);
    for (const [sheet, rows] of joined) expect(rowsTooShort(wb.getWorksheet(sheet)!, rows), sheet).toEqual([]);
  });

  it('still prints through LibreOffice, every joined text on paper', async () => {
    const pdf = await printToPdf(file);
    const all = bare((await pageTexts(pdf)).join(''));
    if (name === 'cam-giang-phu-luc.xlsx') await pagePngs(pdf, 'ban-da-sua', 1, 1);
    for (const [sheet, rows] of joined) {
      for (const r of rows) {
        const text = String(wb.getWorksheet(sheet)!.getRow(r).getCell(2).value ?? '');
        // The last words of a joined text are the ones a short row would cut off.
        expect(all, `${sheet} row ${r}`).toContain(bare(text.split(' ').slice(-3).join(' ')));
      }
    }
  });
});
