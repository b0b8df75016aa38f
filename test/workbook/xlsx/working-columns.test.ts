// A tracking sheet written by openpyxl (TT as formulas "=A2+1", many working columns), read as it is and after
// LibreOffice recalculated it: the plan columns are read, the working columns left aside and named.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { allIssues } from '../../../core/validate/index.ts';
import { validateGrids } from '../../../core/validate/index.ts';
import { readWorkbook } from '../../../workbook/xlsx/index.ts';
import { python } from '../../support/legacy-workbook.ts';

const run = promisify(execFile);

const WRITE = `
import openpyxl, sys
wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Theo dõi'
ws.append(['STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì', 'Hạn hoàn thành', 'Người xử lý', 'Ngày nhận', 'Số văn bản trả lời', 'Ngày trả lời', 'Email liên hệ', 'Ghi chú'])
ws.append([1, 'Xây dựng kế hoạch chuyển đổi số của xã', 'Phòng Kinh tế', 'Quý IV/2026', 'Nguyễn Văn An', '01/3/2026', '12/UBND-VP', '03/3/2026', 'an@xa.gov.vn', None])
tasks = ['Số hóa hồ sơ thủ tục hành chính', 'Tập huấn kỹ năng số cho cán bộ', 'Phát triển tổ công nghệ số cộng đồng', 'Rà soát hạ tầng viễn thông của xã']
for i, t in enumerate(tasks, start=2):
    ws.append([f'=A{i}+1', t, 'Công an xã', 'Năm 2026', 'Trần Thị Bình', '02/3/2026', None, None, None, None])
wb.save(sys.argv[1])
`;

let dir = '';
let written = '';
let recalculated = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-working-'));
  written = path.join(dir, 'theo-doi.xlsx');
  execFileSync(python(), ['-c', WRITE, written]);
  await run('soffice', ['--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'lo'), written], {
    timeout: 120_000,
  });
  recalculated = path.join(dir, 'lo', 'theo-doi.xlsx');
}, 180_000);

async function check(file: string) {
  return validateGrids((await readWorkbook(await readFile(file))).sheets);
}

describe('a tracking sheet among working columns', () => {
  it('after LibreOffice recalculated the TT formulas: five numbered tasks, the working columns named once', async () => {
    const { plan, report } = await check(recalculated);
    const a = plan.appendices[0]!;
    expect(a.columns).toEqual({ tt: 'A', content: 'B', lead: 'C', deadline: 'D', note: 'J' });
    expect(a.rows.filter((r) => r.kind === 'task').map((r) => r.tt)).toEqual(['1', '2', '3', '4', '5']);
    expect(
      allIssues(report)
        .filter((i) => i.code === 'columns-left-aside')
        .map((i) => i.params),
    ).toEqual([{ columns: 'E (Người xử lý), F (Ngày nhận), G (Số văn bản trả lời), H (Ngày trả lời), I (Email liên hệ)' }]);
    expect(allIssues(report).filter((i) => i.code.startsWith('task-number'))).toEqual([]);
  });

  it('as openpyxl wrote it (formulas without values): still the same table of five tasks', async () => {
    const { plan } = await check(written);
    const a = plan.appendices[0]!;
    expect(a.columns).toEqual({ tt: 'A', content: 'B', lead: 'C', deadline: 'D', note: 'J' });
    expect(a.rows.filter((r) => r.kind === 'task').map((r) => r.fields.content)).toEqual([
      'Xây dựng kế hoạch chuyển đổi số của xã',
      'Số hóa hồ sơ thủ tục hành chính',
      'Tập huấn kỹ năng số cho cán bộ',
      'Phát triển tổ công nghệ số cộng đồng',
      'Rà soát hạ tầng viễn thông của xã',
    ]);
  });
});
