// A consolidated workbook written ahead (rows deflated as they come, headings joined in front at the end) holds the
// same parts, byte for byte once inflated, as writeConsolidatedXlsx's; every entry's CRC and sizes are right.
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { consolidate, type Consolidated, type ConsolidatedIndicator, type ConsolidatedRow } from '../../../core/consolidate/index.ts';
import { HEADER_ROW } from '../../../workbook/export/consolidated-sheet.ts';
import { ConsolidatedAhead, writeConsolidatedXlsx, type ConsolidatedXlsxOptions } from '../../../workbook/export/consolidated.ts';
import { crc32Combine } from '../../../workbook/export/xlsx-stream/crc-combine.ts';
import { inputOf } from '../../core/consolidate/plan-builder.ts';

const c = consolidate(
  [
    inputOf(
      '10903',
      {
        groups: [
          {
            heading: 'Nâng cao nhận thức, đột phá về đổi mới tư duy',
            tasks: [
              { content: 'Tuyên truyền Nghị quyết 57', lead: 'Phòng VH- XH xã', result: 'Bài viết', deadline: 'Thường xuyên' },
              { content: '=HYPERLINK("http://x","y")', lead: 'Văn phòng HĐND & UBND xã', result: 'Hội nghị', deadline: 'Quý II/2025' },
            ],
          },
        ],
        indicators: [
          { heading: 'Đến năm 2025', items: [{ content: 'Tỷ lệ hồ sơ trực tuyến', unit: '%', target: '80', monitor: 'Văn phòng' }] },
        ],
      },
      3,
    ),
    inputOf('10888', {
      groups: [
        { heading: 'Hoàn thiện thể chế, chính sách', tasks: [{ content: 'Góp ý dự thảo', lead: 'UBND xã', deadline: 'Tháng 9/2025' }] },
      ],
    }),
    inputOf('10525', { groups: [{ heading: 'Các nhiệm vụ khác', tasks: [{ content: 'Sơ kết', lead: '', deadline: '' }] }] }, 2),
  ],
  { asOf: '2025-08-15' },
);

/** Each entry of a zip, inflated by zlib, after checking its CRC and sizes against the central directory. */
function entries(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const [crc, csize, usize, nameLen, extra, comment, offset] = [
      zip.readUInt32LE(p + 16),
      zip.readUInt32LE(p + 20),
      zip.readUInt32LE(p + 24),
      zip.readUInt16LE(p + 28),
      zip.readUInt16LE(p + 30),
      zip.readUInt16LE(p + 32),
      zip.readUInt32LE(p + 42),
    ];
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const data = zlib.inflateRawSync(zip.subarray(start, start + csize));
    expect({ name, usize: data.length, crc: zlib.crc32(data) }).toEqual({ name, usize, crc });
    // The descriptor after the data says the same.
    expect([zip.readUInt32LE(start + csize + 4), zip.readUInt32LE(start + csize + 8)]).toEqual([crc, csize]);
    out.set(name, data);
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

async function bytesOf(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (b: Buffer) => chunks.push(b));
  await write(stream);
  return Buffer.concat(chunks);
}

/** Each sheet as exceljs reads it: its name, its first row's cell D under the header, every row's values. */
async function cellsOf(zip: Buffer): Promise<[string, unknown, unknown[]][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(zip as unknown as ArrayBuffer);
  return wb.worksheets.map((s) => {
    const values: unknown[] = [];
    s.eachRow((row, n) => values.push([n, row.values]));
    return [s.name, s.getCell(HEADER_ROW + 1, 4).value, values];
  });
}

/** The parts, docProps/core.xml (its timestamp) left out. */
function parts(zip: Buffer): [string, string][] {
  return [...entries(zip)].filter(([n]) => n !== 'docProps/core.xml').map(([n, b]) => [n, b.toString('utf8')]);
}

/** Give `c`'s rows commune by commune, in `order` of their codes. */
async function ahead(c: Consolidated, order: string[], opts: ConsolidatedXlsxOptions): Promise<ConsolidatedAhead> {
  const w = await ConsolidatedAhead.open({ lang: opts.lang ?? 'vi', deflateLevel: 2 });
  for (const code of order) {
    await w.add(
      code,
      c.rows.filter((r) => r.communeCode === code),
      c.indicators.filter((i) => i.communeCode === code),
    );
  }
  return w;
}

const sheets = { title: 'Thành phố Hải Phòng', notSubmitted: [{ code: '10000', name: 'Xã A', province: 'Thành phố Hải Phòng' }] };

describe('ConsolidatedAhead', () => {
  it('writes the same parts as writeConsolidatedXlsx when communes come in code order, in both languages', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const w = await ahead(c, ['10525', '10888', '10903'], { lang });
      expect(w.writing).toBe(true);
      const got = await bytesOf((out) => w.write(c, out, sheets));
      const want = await bytesOf((out) => writeConsolidatedXlsx(c, out, { lang, ...sheets, deflateLevel: 2 }));
      expect(parts(got)).toEqual(parts(want));
      // exceljs reads the joined deflate streams as it reads the others.
      expect(await cellsOf(got)).toEqual(await cellsOf(want));
      expect((await cellsOf(got))[0]!.slice(0, 2)).toEqual([lang === 'vi' ? 'Tổng hợp' : 'Tasks', 'Sơ kết']);
    }
  });

  it('writes the whole workbook at the end, the same, when a commune comes out of code order', async () => {
    const w = await ahead(c, ['10525', '10903', '10888'], {});
    expect(w.writing).toBe(false);
    const got = await bytesOf((out) => w.write(c, out, sheets));
    expect(parts(got)).toEqual(parts(await bytesOf((out) => writeConsolidatedXlsx(c, out, { ...sheets, deflateLevel: 2 }))));
  });

  it('writes the whole workbook at the end when the rows given are not the consolidation', async () => {
    const w = await ahead(c, ['10525', '10903'], {});
    expect(w.writing).toBe(true);
    const got = await bytesOf((out) => w.write(c, out, {}));
    expect(parts(got)).toEqual(parts(await bytesOf((out) => writeConsolidatedXlsx(c, out, { deflateLevel: 2 }))));
  });

  it('joins a body of many deflate chunks (megabytes of rows) to its heading', async () => {
    const rows: ConsolidatedRow[] = [];
    const indicators: ConsolidatedIndicator[] = [];
    const w = await ConsolidatedAhead.open({ deflateLevel: 2 });
    for (let i = 0; i < 1500; i++) {
      const code = String(20000 + i);
      const mine = c.rows.map((r, k) => ({ ...r, communeCode: code, content: `${r.content} ${i}-${k} ${'x'.repeat(i % 300)}` }));
      const inds = c.indicators.map((x) => ({ ...x, communeCode: code }));
      rows.push(...mine);
      indicators.push(...inds);
      await w.add(code, mine, inds);
    }
    const big: Consolidated = { ...c, rows, indicators };
    const got = await bytesOf((out) => w.write(big, out, {}));
    // Several megabytes of sheet XML: many deflate chunks, and the deflater's backlog waited for.
    expect(entries(got).get('xl/worksheets/sheet1.xml')!.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(parts(got)).toEqual(parts(await bytesOf((out) => writeConsolidatedXlsx(big, out, { deflateLevel: 2 }))));
  });
});

describe('crc32Combine', () => {
  it('gives the CRC-32 of two byte runs joined', () => {
    let seed = 7;
    const random = (n: number) => Buffer.from(Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 255));
    for (const [a, b] of [
      [0, 0],
      [0, 5],
      [5, 0],
      [1, 1],
      [100, 1000],
      [3000, 70000],
    ] as const) {
      const x = random(a);
      const y = random(b);
      expect(crc32Combine(zlib.crc32(x), zlib.crc32(y), y.length)).toBe(zlib.crc32(Buffer.concat([x, y])));
    }
  });
});
