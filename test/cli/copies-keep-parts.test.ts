// Issue 14 acceptance: `phuluc fix` and `phuluc check --format xlsx` on a workbook LibreOffice made — a chart, an
// image, a note, a pivot table, a named range, a print area, a validation and a conditional format — keep every part
// of it (the zip listings compared), move what points at the rows fix deletes, and LibreOffice opens the copies.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { phuluc } from '../support/cli.ts';
import { RICH, richWorkbook } from '../support/rich-workbook.ts';

const run = promisify(execFile);

/** Every part of a package, by name. */
async function partsOf(file: string): Promise<Record<string, Uint8Array>> {
  return unzipSync(new Uint8Array(await readFile(file)));
}

/** The part that holds the chart drawn from the appendix sheet's block (LibreOffice numbers its charts its own way). */
function appendixChart(parts: Record<string, Uint8Array>): string {
  return Object.keys(parts).find((n) => n.startsWith('xl/charts/') && text(parts[n]!).includes(`'${RICH.appendix}'!$H$`))!;
}

/** A part's text with the quote entities LibreOffice writes decoded. */
function text(bytes: Uint8Array): string {
  return strFromU8(bytes)
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"');
}

/** The rows (from 0) of the image's anchor in a drawing. */
function imageRows(xml: string): number[] {
  const anchor = [...xml.matchAll(/<xdr:(?:twoCellAnchor|oneCellAnchor)\b[\s\S]*?<\/xdr:(?:twoCellAnchor|oneCellAnchor)>/g)].find((m) =>
    m[0].includes('<xdr:pic>'),
  )![0];
  return [...anchor.matchAll(/<xdr:row>(\d+)<\/xdr:row>/g)].map((m) => Number(m[1]));
}

/** LibreOffice converts the file to PDF (headless, a profile of its own): it opens it. */
async function pdfOf(file: string, dir: string): Promise<number> {
  await run(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', dir, file],
    { timeout: 180_000, killSignal: 'SIGKILL' },
  );
  return (await stat(path.join(dir, `${path.basename(file, '.xlsx')}.pdf`))).size;
}

describe(
  'copies keep the workbook (a LibreOffice workbook with a chart, an image, a note and a pivot table)',
  { timeout: 300_000 },
  async () => {
    const input = await richWorkbook();
    const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-copies-'));
    const original = await partsOf(input);

    it('the workbook has what exceljs would drop (the test is about something)', () => {
      const names = Object.keys(original);
      for (const kind of [
        /^xl\/charts\/chart\d+\.xml$/,
        /^xl\/media\/image\d+\.png$/,
        /^xl\/drawings\/drawing\d+\.xml$/,
        /^xl\/comments\d*\.xml$/,
        /^xl\/drawings\/vmlDrawing\d+\.vml$/,
        /^xl\/pivotTables\/pivotTable\d+\.xml$/,
        /^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/,
        /^xl\/pivotCache\/pivotCacheRecords\d+\.xml$/,
      ]) {
        expect(
          names.some((n) => kind.test(n)),
          String(kind),
        ).toBe(true);
      }
    });

    describe('phuluc fix', async () => {
      const out = path.join(dir, 'sua.xlsx');
      const fixed = await phuluc('fix', input, '-o', out);
      const copy = await partsOf(out);
      const deleted = 4;

      it('writes the copy, deleting the continuation rows as always', () => {
        expect(fixed.code, fixed.stderr).toBe(0);
        expect(fixed.stdout).toMatch(/^Dòng bị tách trang: 7 chỗ /m);
      });

      it('keeps every part: the same listing, in the same order', () => {
        expect(Object.keys(copy)).toEqual(Object.keys(original));
      });

      it('copies byte for byte what points at no moved row: the image, the other charts, the pivot table, the note', () => {
        const chart = appendixChart(original);
        for (const name of Object.keys(original).filter(
          (n) => /^xl\/(media|pivotTables|pivotCache|comments|charts)\//.test(n) && n !== chart,
        )) {
          expect(copy[name], name).toEqual(original[name]);
        }
        expect(strFromU8(copy[Object.keys(copy).find((n) => /^xl\/comments\d*\.xml$/.test(n))!]!)).toContain(RICH.note.text);
      });

      it(`moves up by ${deleted} rows what lies below the deleted rows: the image, the chart's ranges, the name, the print area, the validation and the format`, () => {
        const drawing = Object.keys(original).find(
          (n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n) && strFromU8(original[n]!).includes('<xdr:pic>'),
        )!;
        expect(imageRows(strFromU8(original[drawing]!))).toEqual([51, 56]);
        expect(imageRows(strFromU8(copy[drawing]!))).toEqual([51 - deleted, 56 - deleted]);
        const chart = appendixChart(original);
        expect(text(original[chart]!)).toContain(`'${RICH.appendix}'!$H$51:$H$54`);
        expect(text(copy[chart]!)).toContain(`'${RICH.appendix}'!$G$47:$G$50`);
        expect(text(copy[chart]!)).toContain(`'${RICH.appendix}'!$H$47:$H$50`);
        const wb = text(copy['xl/workbook.xml']!);
        expect(wb).toContain(`'${RICH.appendix}'!$A$1:$E$43</definedName>`);
        expect(wb).toContain(`'${RICH.appendix}'!$G$46:$H$50</definedName>`);
        const sheet = strFromU8(copy['xl/worksheets/sheet1.xml']!);
        expect(sheet).toContain('sqref="E6:E43"');
        expect(sheet).toContain('<conditionalFormatting sqref="A6:A43"');
      });

      it('opens in LibreOffice', async () => {
        expect(await pdfOf(out, dir)).toBeGreaterThan(10_000);
      });
    });

    describe('phuluc check --format xlsx', async () => {
      const out = path.join(dir, 'kiem-tra.xlsx');
      const checked = await phuluc('check', '--format', 'xlsx', '--out', out, input);
      const copy = await partsOf(out);

      it('writes the annotated copy', () => {
        expect(checked.code, checked.stderr).toBe(1);
        expect(checked.stdout).toMatch(/Bản có đánh dấu/);
      });

      it('keeps every part, and adds one: the results sheet', () => {
        const added = Object.keys(copy).filter((n) => !(n in original));
        expect(Object.keys(copy).slice(0, Object.keys(original).length)).toEqual(Object.keys(original));
        expect(added).toEqual([expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/)]);
        for (const name of Object.keys(original).filter((n) => /^xl\/(media|pivotTables|pivotCache|charts)\//.test(n)))
          expect(copy[name], name).toEqual(original[name]);
      });

      it("puts its notes beside the official's own note, which keeps its text", () => {
        const comments = strFromU8(copy[Object.keys(copy).find((n) => /^xl\/comments\d*\.xml$/.test(n))!]!);
        expect(comments).toContain(RICH.note.text);
        // The note says what is wrong in words, signed phuluc; the rule's code stays internal.
        expect(comments).toContain('Nhiệm vụ chưa có thời gian hoàn thành.');
        expect(comments).not.toContain('deadline-missing');
        expect(comments).toContain('<author>phuluc</author>');
      });

      it('opens in LibreOffice', async () => {
        expect(await pdfOf(out, dir)).toBeGreaterThan(10_000);
      });
    });

    it('refuses, naming it, a fix that would lose a note — and writes nothing', async () => {
      // The official's note moved onto a row the fix deletes (B14, a continuation row).
      const parts = { ...original };
      const name = Object.keys(parts).find((n) => /^xl\/comments\d*\.xml$/.test(n))!;
      parts[name] = new TextEncoder().encode(strFromU8(parts[name]!).replace(`ref="${RICH.note.cell}"`, 'ref="B14"'));
      const file = path.join(dir, 'ghi-chu.xlsx');
      await writeFile(file, zipSync(parts));
      const out = path.join(dir, 'ghi-chu.sua.xlsx');
      const r = await phuluc('fix', file, '-o', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^Chưa ghi bản sửa \(tệp gốc không đổi\): Không xóa được dòng 14 của trang “Phụ lục I” mà không làm mất hoặc hỏng dữ liệu: ô B14 có ghi chú, sẽ mất\./,
      );
      expect(r.stderr).toMatch(/--only agency-variant,deadline-format,group-number-style/);
      await expect(stat(out)).rejects.toThrow();
    });
  },
);
