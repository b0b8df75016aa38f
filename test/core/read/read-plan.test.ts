// The reader on synthetic grids: header layouts, continuations, several tables, title blocks, list form.
import { describe, expect, it } from 'vitest';
import { gridFromValues, type CellValue } from '../../../core/model/grid.ts';
import { readPlan, textToGrid } from '../../../core/read/index.ts';

const H = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả', 'Thời gian hoàn thành'];

function kinds(values: CellValue[][], merges = [] as Parameters<typeof gridFromValues>[2]) {
  const { plan } = readPlan([gridFromValues('S', values, merges)]);
  return plan;
}

describe('readPlan on grids', () => {
  it('finds a header below a title block and classifies rows', () => {
    const plan = kinds([
      ['PHỤ LỤC II'],
      ['DANH MỤC NHIỆM VỤ NĂM 2026'],
      ['(Kèm theo Kế hoạch số 12/KH-UBND ngày 15/01/2026 của UBND phường Hà Đông)'],
      [],
      H,
      ['I.', 'Nhóm một'],
      [1, 'Việc một', 'Công an xã', 'Các đơn vị liên quan', 'Báo cáo', 'Quý I/2026'],
      [2, 'Việc hai', 'Phòng Kinh tế', '', '', 'Thường xuyên'],
      ['II.', 'Nhóm hai'],
      ['-', 'Nhóm con'],
      [3, 'Việc ba', 'Văn phòng HĐND và UBND', '', 'Kế hoạch', 'Tháng 3/2026'],
    ]);
    expect(plan.appendices).toHaveLength(1);
    const a = plan.appendices[0]!;
    expect(a.kind).toBe('tasks');
    expect(a.header.rows).toEqual([5]);
    expect(a.columns).toEqual({ tt: 'A', content: 'B', lead: 'C', partners: 'D', result: 'E', deadline: 'F' });
    expect(a.rows.map((r) => [r.source.row, r.kind])).toEqual([
      [6, 'group'],
      [7, 'task'],
      [8, 'task'],
      [9, 'group'],
      [10, 'subgroup'],
      [11, 'task'],
    ]);
    expect(a.rows[5]).toMatchObject({ group: 'II.', subgroup: '-', tt: '3' });
    expect(a.title.appendix).toBe('II');
    expect(a.title.reference).toMatchObject({
      documentNumber: '12/KH-UBND',
      date: '2026-01-15',
      issuer: 'UBND phường Hà Đông',
      commune: 'Hà Đông',
      period: { from: 2026, to: 2026 },
    });
    expect(plan.reference?.commune).toBe('Hà Đông');
    expect(a.rows[1]!.source.cells).toMatchObject({ content: 'B7', lead: 'C7', deadline: 'F7' });
  });

  it('reads a two-row header with a merged parent ("Cơ quan thực hiện" over "Chủ trì | Phối hợp") and a numbering row', () => {
    const plan = kinds(
      [
        ['STT', 'Nội dung công việc', 'Cơ quan thực hiện', null, 'Thời hạn'],
        [null, null, 'Chủ trì', 'Phối hợp', null],
        ['(1)', '(2)', '(3)', '(4)', '(5)'],
        [1, 'Việc một', 'Công an xã', 'Trạm Y tế', '31/12/2026'],
      ],
      [
        { top: 1, left: 3, bottom: 1, right: 4 },
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 2, right: 2 },
        { top: 1, left: 5, bottom: 2, right: 5 },
      ],
    );
    const a = plan.appendices[0]!;
    expect(a.header.rows).toEqual([1, 2, 3]);
    expect(a.columns).toEqual({ tt: 'A', content: 'B', lead: 'C', partners: 'D', deadline: 'E' });
    expect(a.rows).toHaveLength(1);
    expect(a.rows[0]!.fields).toMatchObject({ lead: 'Công an xã', partners: 'Trạm Y tế' });
  });

  it('merges continuation fragments across a repeated header, column by column', () => {
    const plan = kinds([
      H,
      ['I', 'Nhóm'],
      [1, 'Phối hợp triển khai các giải pháp bảo đảm an toàn, an ninh', 'Công an xã', 'Các cơ quan, đơn vị trên', 'Văn bản', 'Thường'],
      H,
      [null, 'thông tin, dữ liệu.', null, 'địa bàn xã', null, 'xuyên'],
      [2, 'Việc hai.', 'Phòng Kinh tế', 'Trung tâm Văn hoá - Thể thao và', '', 'Năm 2026'],
      [null, null, null, 'Truyền thông xã', null, null],
    ]);
    const a = plan.appendices[0]!;
    expect(a.rows.map((r) => r.kind)).toEqual(['group', 'task', 'repeated-header', 'continuation', 'task', 'continuation']);
    const t1 = a.rows[1]!;
    expect(t1.fields).toMatchObject({
      content: 'Phối hợp triển khai các giải pháp bảo đảm an toàn, an ninh thông tin, dữ liệu.',
      partners: 'Các cơ quan, đơn vị trên địa bàn xã',
      deadline: 'Thường xuyên',
    });
    expect(t1.mergedFrom).toEqual([5]);
    expect(a.rows[3]!.continues).toBe(3);
    expect(t1.deadline).toMatchObject({ kind: 'recurring', every: 'continuous' });
    expect(a.rows[4]!.fields.partners).toBe('Trung tâm Văn hoá - Thể thao và Truyền thông xã');
  });

  it('tells an unnumbered task and a note from a continuation', () => {
    const plan = kinds([
      H,
      [1, 'Việc một.', 'Công an xã', '', '', 'Năm 2026'],
      [null, 'Việc không đánh số.', 'Phòng Kinh tế', '', '', 'Quý II/2026'],
      [null, 'Ghi chú: các nhiệm vụ thường xuyên báo cáo hằng quý.'],
    ]);
    expect(plan.appendices[0]!.rows.map((r) => r.kind)).toEqual(['task', 'task', 'note']);
  });

  it('finds two tables on one sheet, each with its own title block and kind', () => {
    const plan = kinds([
      ['PHỤ LỤC I'],
      ['CHỈ TIÊU'],
      ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Cơ quan chủ trì theo dõi, đánh giá'],
      [1, 'Hồ sơ được số hóa', '%', '≥ 98', 'Trung tâm phục vụ hành chính công'],
      [],
      ['PHỤ LỤC II'],
      ['NHIỆM VỤ'],
      H,
      [1, 'Việc một', 'Công an xã', '', 'Báo cáo', 'Năm 2026'],
    ]);
    expect(plan.appendices.map((a) => [a.kind, a.title.appendix, a.header.rows[0], a.rows.length])).toEqual([
      ['indicators', 'I', 3, 1],
      ['tasks', 'II', 8, 1],
    ]);
    expect(plan.appendices[0]!.columns).toMatchObject({ unit: 'C', target: 'D', monitor: 'E' });
    expect(plan.appendices[0]!.rows[0]!.fields.target).toBe('≥ 98');
  });

  it('reports a sheet without a table', () => {
    const { sheets, plan } = readPlan([gridFromValues('Ghi chép', [['Danh sách cán bộ'], ['Nguyễn Văn A']])]);
    expect(plan.appendices).toEqual([]);
    expect(sheets).toEqual([{ sheet: 'Ghi chép', form: 'none', tables: 0 }]);
  });

  it('reads real Excel date cells and percentages', () => {
    const plan = kinds([
      ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
      [1, 'Việc một', 'Công an xã', new Date(Date.UTC(2025, 11, 31))],
    ]);
    const row = plan.appendices[0]!.rows[0]!;
    expect(row.fields.deadline).toBe('31/12/2025');
    expect(row.deadline).toMatchObject({ kind: 'period', period: { precision: 'day', end: '2025-12-31' } });
  });
});

describe('groups written as a column', () => {
  it('"Nhóm nhiệm vụ" before "Nội dung": the tasks’ own text is the content, the group column is left aside', () => {
    const plan = kinds(
      [
        ['Nhóm nhiệm vụ', 'TT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
        ['Hạ tầng số', '1', 'Phủ sóng 4G đến toàn bộ các thôn', 'Phòng Kinh tế', 'Quý IV/2026'],
        [null, '2', 'Lắp đặt camera giám sát an ninh', 'Công an xã', 'Quý III/2026'],
      ],
      [{ top: 2, left: 1, bottom: 3, right: 1 }],
    );
    const a = plan.appendices[0]!;
    expect([a.columns, a.header.labels.content]).toEqual([{ tt: 'B', content: 'C', lead: 'D', deadline: 'E' }, 'Nội dung']);
    expect(a.rows.map((r) => [r.kind, r.tt, r.fields.content])).toEqual([
      ['task', '1', 'Phủ sóng 4G đến toàn bộ các thôn'],
      ['task', '2', 'Lắp đặt camera giám sát an ninh'],
    ]);
  });
});

describe('list form', () => {
  const text = [
    'PHỤ LỤC',
    'DANH MỤC NHIỆM VỤ',
    '(Kèm theo Kế hoạch số 05/KH-UBND ngày 10/8/2025 của UBND xã Cao Minh)',
    '',
    'I. NHÓM NHIỆM VỤ NÂNG CAO NHẬN THỨC',
    '1. Tổ chức học tập, quán triệt Nghị quyết số 57-NQ/TW đến cán bộ,',
    'công chức, viên chức và Nhân dân.[bookmark: _GoBack]',
    '- Cơ quan chủ trì: Ban Xây dựng Đảng',
    '- Cơ quan phối hợp: Ủy ban MTTQ Việt Nam xã',
    '- Thời gian thực hiện: Quý IV/2025',
    '2. Xây dựng kế hoạch chuyển đổi số hằng năm.',
    '- Cơ quan chủ trì: Văn phòng HĐND và UBND',
    '- Kết quả: Kế hoạch của UBND xã',
    '- Thời gian hoàn thành: Hằng năm',
    'II. NHÓM NHIỆM VỤ HẠ TẦNG SỐ',
    '3. Phát triển hạ tầng viễn thông.',
    '- Cơ quan chủ trì: Phòng Kinh tế',
    '- Thời gian hoàn thành: Năm 2026',
  ].join('\n');

  it('reads "I. NHÓM …", numbered tasks and "- Cơ quan chủ trì: …" lines into the same model', () => {
    const { plan, sheets } = readPlan([textToGrid('ke-hoach.txt', text)], { format: 'text' });
    expect(sheets[0]!.form).toBe('list');
    const a = plan.appendices[0]!;
    expect(a.kind).toBe('tasks');
    expect(a.rows.map((r) => [r.kind, r.tt])).toEqual([
      ['group', 'I'],
      ['task', '1'],
      ['task', '2'],
      ['group', 'II'],
      ['task', '3'],
    ]);
    const t1 = a.rows[1]!;
    expect(t1.fields).toEqual({
      content: 'Tổ chức học tập, quán triệt Nghị quyết số 57-NQ/TW đến cán bộ, công chức, viên chức và Nhân dân.',
      lead: 'Ban Xây dựng Đảng',
      partners: 'Ủy ban MTTQ Việt Nam xã',
      deadline: 'Quý IV/2025',
    });
    expect(t1.group).toBe('I');
    expect(t1.deadline).toMatchObject({ kind: 'period', period: { precision: 'quarter', end: '2025-12-31' } });
    expect(a.rows[2]!.fields.result).toBe('Kế hoạch của UBND xã');
    expect(a.title.reference).toMatchObject({ documentNumber: '05/KH-UBND', date: '2025-08-10', commune: 'Cao Minh' });
  });

  it('reads the same shape pasted into one Excel column', () => {
    const grid = gridFromValues(
      'Dán từ Word',
      text.split('\n').map((l) => [l === '' ? null : l]),
    );
    const { plan } = readPlan([grid]);
    expect(plan.appendices[0]!.rows.filter((r) => r.kind === 'task')).toHaveLength(3);
    expect(plan.appendices[0]!.rows[1]!.source.cells.lead).toBe('A8');
  });
});
