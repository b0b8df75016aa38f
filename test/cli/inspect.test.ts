// Acceptance: `phuluc inspect` on the shared fixtures reads exactly the tables, rows and merges the plans contain.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { InspectDocument } from '../../cli/inspect-json.ts';
import { inspectFile } from '../../cli/inspect-json.ts';
import { loadPlan } from '../../cli/load-plan.ts';
import { fixture, REPO_ROOT } from '../support/paths.ts';

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'bin', 'phuluc');

async function inspectJson(...files: string[]): Promise<{ doc: InspectDocument; code: number }> {
  try {
    const { stdout } = await run(process.execPath, [BIN, 'inspect', '--json', ...files], { maxBuffer: 64 * 1024 * 1024 });
    return { doc: JSON.parse(stdout) as InspectDocument, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; code: number };
    return { doc: JSON.parse(e.stdout) as InspectDocument, code: e.code };
  }
}

describe('inspect cam-giang-phu-luc.xlsx', async () => {
  const file = inspectFile(await loadPlan(fixture('cam-giang-phu-luc.xlsx')));
  const table = file.tables[0]!;

  it('finds one tasks table with its header at row 5 and no result column', () => {
    expect(file.tables).toHaveLength(1);
    expect(table.kind).toBe('tasks');
    expect(table.headerRows).toEqual([5]);
    expect(table.columns).toEqual({ tt: 'A', content: 'B', lead: 'C', partners: 'D', deadline: 'E' });
  });

  it('reads groups I, II, III, VI. and 34 tasks (7+2+22+3)', () => {
    expect(table.rows.filter((r) => r.kind === 'group').map((r) => r.tt)).toEqual(['I', 'II', 'III', 'VI.']);
    const perGroup: Record<string, number> = {};
    for (const r of table.rows) if (r.kind === 'task') perGroup[r.group!] = (perGroup[r.group!] ?? 0) + 1;
    expect(perGroup).toEqual({ I: 7, II: 2, III: 22, 'VI.': 3 });
    expect(table.counts.task).toBe(34);
  });

  it('merges the continuation rows 14, 23, 30, 36 into the tasks at 13, 22, 29, 35', () => {
    expect(table.rows.filter((r) => r.kind === 'continuation').map((r) => [r.row, r.continues])).toEqual([
      [14, 13],
      [23, 22],
      [30, 29],
      [36, 35],
    ]);
    const byRow = new Map(table.rows.map((r) => [r.row, r]));
    expect(byRow.get(13)!.mergedFrom).toEqual([14]);
    const iii4 = byRow.get(22)!;
    expect([iii4.group, iii4.tt]).toEqual(['III', '4']);
    expect(iii4.fields.lead).toBe('Văn phòng HĐND – UBND xã');
    expect(iii4.fields.deadline).toBe('Tháng 7/2025, duy trì hàng năm');
    expect(iii4.fields.content).toBe(
      'Triển khai các nền tảng số dùng chung của Thành phố, kết nối với các nền tảng số quốc gia, nền tảng số dùng chung của ngành, lĩnh vực, vùng đảm bảo hoạt động thống nhất, liên thông trên môi trường số.',
    );
    expect(iii4.deadline).toMatchObject({ kind: 'recurring', every: 'yearly', first: { precision: 'month', end: '2025-07-31' } });
    expect(byRow.get(35)!.fields.partners).toBe('Trung tâm Văn hoá - Thể thao và Truyền thông xã, đơn vị có liên quan');
  });

  it('parses the title block into the plan reference', () => {
    expect(table.title.appendix).toBe('I');
    expect(file.reference).toMatchObject({
      documentNumber: '03/KH-UBND',
      date: '2025-07-07',
      commune: 'Cẩm Giàng',
      issuer: 'UBND xã Cẩm Giàng',
    });
  });
});

describe('inspect quang-son-phu-luc.xlsx', async () => {
  const file = inspectFile(await loadPlan(fixture('quang-son-phu-luc.xlsx')));
  const [indicators, tasks] = file.tables;

  it('reads sheet 1 as an indicators table: 5 milestone groups, 10 subgroups, 23 indicators, row 30 merged into 29', () => {
    expect(indicators!.sheet).toBe('PL I - Chỉ tiêu');
    expect(indicators!.kind).toBe('indicators');
    expect(indicators!.counts).toMatchObject({ group: 5, subgroup: 10, indicator: 23, continuation: 1 });
    const r29 = indicators!.rows.find((r) => r.row === 29)!;
    expect(r29.mergedFrom).toEqual([30]);
    expect(r29.fields).toMatchObject({
      content: 'Cơ sở dữ liệu được số hóa và liên thông với Trung ương.',
      monitor: 'Trung tâm phục vụ hành chính công',
    });
    expect(indicators!.columns).toEqual({ tt: 'A', content: 'B', unit: 'C', target: 'D', monitor: 'E' });
  });

  it('reads sheet 2: 7 groups, 53 tasks numbered 1…53 across groups, 6 repeated headers', () => {
    expect(tasks!.sheet).toBe('PL II - Nhiệm vụ');
    expect(tasks!.counts).toMatchObject({ group: 7, task: 53, 'repeated-header': 6, continuation: 2 });
    expect(tasks!.rows.filter((r) => r.kind === 'task').map((r) => Number(r.tt))).toEqual(Array.from({ length: 53 }, (_, i) => i + 1));
    expect(tasks!.rows.filter((r) => r.kind === 'repeated-header').map((r) => r.row)).toEqual([14, 22, 33, 41, 53, 65]);
  });

  it('merges rows 15 and 54 into the tasks at rows 13 and 52 across the repeated header between them', () => {
    expect(tasks!.rows.filter((r) => r.kind === 'continuation').map((r) => [r.row, r.continues])).toEqual([
      [15, 13],
      [54, 52],
    ]);
    const t37 = tasks!.rows.find((r) => r.row === 52)!;
    expect(t37.tt).toBe('37');
    expect(t37.fields.deadline).toBe('Thường xuyên');
    expect(t37.deadline).toMatchObject({ kind: 'recurring', every: 'continuous' });
    expect(t37.fields.content).toBe('Phối hợp triển khai các giải pháp bảo đảm an toàn, an ninh thông tin, dữ liệu.');
  });
});

describe('every deadline in both fixtures parses', () => {
  it.each(['cam-giang-phu-luc.xlsx', 'quang-son-phu-luc.xlsx'])('%s', async (name) => {
    const file = inspectFile(await loadPlan(fixture(name)));
    const deadlines = file.tables.flatMap((t) => t.rows.filter((r) => r.deadline).map((r) => [r.row, r.fields.deadline, r.deadline!.kind]));
    expect(deadlines.length).toBeGreaterThan(20);
    expect(deadlines.filter(([, , kind]) => kind === 'unparsed')).toEqual([]);
  });
});

describe('the phuluc executable', () => {
  it('prints one JSON document for several files', async () => {
    const { doc, code } = await inspectJson(fixture('cam-giang-phu-luc.xlsx'), fixture('quang-son-phu-luc.xlsx'));
    expect(code).toBe(0);
    expect(doc.format).toBe('phuluc-inspect/1');
    expect(doc.files.map((f) => f.tables.length)).toEqual([1, 2]);
  });

  it('reads a list-form .txt and reports an .xls it cannot convert (no LibreOffice) with exit code 2 and a Vietnamese message', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-inspect-'));
    const txt = path.join(dir, 'ke-hoach.txt');
    await writeFile(
      txt,
      'I. NHÓM NHIỆM VỤ\n1. Xây dựng kế hoạch chuyển đổi số.\n- Cơ quan chủ trì: Phòng Văn hóa - Xã hội\n- Thời gian hoàn thành: Quý IV/2025\n',
    );
    const bad = path.join(dir, 'cu.xls');
    await writeFile(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]));
    const out = await run(process.execPath, [BIN, 'inspect', '--json', txt, bad], {
      env: { ...process.env, PHULUC_SOFFICE: path.join(dir, 'khong-co-libreoffice') },
    }).then(
      (r) => ({ ...r, code: 0 }),
      (e: { stdout: string; code: number }) => e,
    );
    const doc = JSON.parse(out.stdout) as InspectDocument;
    expect(out.code).toBe(2);
    expect(doc.files[0]!.tables[0]!.counts.task).toBe(1);
    expect(doc.files[1]!.error).toEqual({
      code: 'legacy-xls',
      message:
        'cu.xls: Tệp .xls (Excel 97-2003) cần chuyển sang .xlsx: mở tệp trong Excel hoặc LibreOffice, chọn Lưu thành… (Save As) → Sổ làm việc Excel (.xlsx).',
      messageEn:
        'cu.xls: An .xls file (Excel 97-2003) needs converting to .xlsx: open it in Excel or LibreOffice, choose Save As… → Excel Workbook (.xlsx).',
    });
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a readable text report by default', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'inspect', fixture('cam-giang-phu-luc.xlsx')]);
    expect(stdout).toContain('bảng nhiệm vụ');
    expect(stdout).toContain('gộp dòng 23');
  });
});
