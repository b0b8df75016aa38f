// Progress column headings (issue 17) → roles, and whole tables that carry them: the progress words win over the plan's.
import { describe, expect, it } from 'vitest';
import { gridFromValues, type CellValue } from '../../../core/model/grid.ts';
import { PROGRESS_COLUMNS } from '../../../core/progress/index.ts';
import { readPlan, roleOfLabel } from '../../../core/read/index.ts';
import { encodeLegacy } from '../../../core/text/legacy/index.ts';

describe('roleOfLabel on progress headings', () => {
  it.each([
    ['Tình trạng thực hiện', 'status'],
    ['Tình trạng\nthực hiện', 'status'],
    ['Ngày hoàn thành', 'completedOn'],
    ['NGÀY HOÀN THÀNH', 'completedOn'],
    ['Ngày hoàn thành thực tế', 'completedOn'],
    ['Thời điểm hoàn thành', 'completedOn'],
    ['Ngày\nhoàn thành\n(dd/mm/yyyy)', 'completedOn'],
    ['Thời gian hoàn thành', 'deadline'],
    ['Thời hạn hoàn thành', 'deadline'],
    ['Kết quả đạt được', 'achieved'],
    ['Kết quả\nđạt được', 'achieved'],
    ['Kết quả thực hiện đạt được', 'achieved'],
    ['Giá trị thực hiện', 'achieved'],
    ['Kết quả thực hiện', 'result'],
    ['Lý do (tạm dừng, chậm tiến độ)', 'reason'],
    ['Nguyên nhân chậm tiến độ', 'reason'],
    ['Tài liệu kiểm chứng', 'evidence'],
    ['Minh chứng', 'evidence'],
    ['Tài liệu\nminh chứng', 'evidence'],
    ['Kết quả nổi bật', 'highlights'],
    ['Khó khăn, vướng mắc', 'obstacles'],
    ['Khó khăn', 'obstacles'],
    ['Vướng mắc', 'obstacles'],
    ['Đề xuất, kiến nghị', 'proposals'],
    ['Kiến nghị', 'proposals'],
    ['Đề xuất', 'proposals'],
    // "Lý" and the older "lí" fold alike; a combined column (read as obstacles: the first words it names).
    ['Lí do', 'reason'],
    ['LÍ DO TẠM DỪNG', 'reason'],
    ['Khó khăn, vướng mắc, đề xuất', 'obstacles'],
    ['Ngày hoàn thành (ngày/tháng/năm)', 'completedOn'],
  ])('%j → %s', (label, role) => {
    expect(roleOfLabel(label)).toBe(role);
  });

  it('reads every heading the template writes as its own role', () => {
    expect(PROGRESS_COLUMNS.map((c) => roleOfLabel(c.label.vi))).toEqual(PROGRESS_COLUMNS.map((c) => c.role));
  });

  it('keeps "Kết quả" the target in an indicator table, and the explicit achieved wording achieved', () => {
    expect(['Kết quả', 'Kết quả thực hiện', 'Kết quả thực hiện đạt được'].map((l) => roleOfLabel(l, 'indicators'))).toEqual([
      'target',
      'target',
      'achieved',
    ]);
  });
});

const TASK_HEADER = [
  'TT',
  'Nội dung',
  'Cơ quan chủ trì',
  'Kết quả thực hiện',
  'Thời gian hoàn thành',
  ...PROGRESS_COLUMNS.map((c) => c.label.vi),
];

function read(values: CellValue[][]) {
  return readPlan([gridFromValues('S', values)]).plan;
}

describe('a table with progress columns', () => {
  it('reads the plan columns and every progress column of a task table', () => {
    const plan = read([
      TASK_HEADER,
      ['I', 'Nhóm một'],
      [1, 'Việc một', 'Công an xã', 'Báo cáo', 'Quý I/2026', 'Đã hoàn thành', '15/3/2026', 'Đã ban hành báo cáo'],
    ]);
    expect(plan.appendices.map((a) => [a.kind, a.columns])).toEqual([
      [
        'tasks',
        {
          tt: 'A',
          content: 'B',
          lead: 'C',
          result: 'D',
          deadline: 'E',
          status: 'F',
          completedOn: 'G',
          achieved: 'H',
          reason: 'I',
          evidence: 'J',
          highlights: 'K',
          obstacles: 'L',
          proposals: 'M',
        },
      ],
    ]);
    expect(plan.appendices[0]!.rows.map((r) => [r.kind, r.tt, r.fields])).toEqual([
      ['group', 'I', { content: 'Nhóm một' }],
      [
        'task',
        '1',
        {
          content: 'Việc một',
          lead: 'Công an xã',
          result: 'Báo cáo',
          deadline: 'Quý I/2026',
          status: 'Đã hoàn thành',
          completedOn: '15/3/2026',
          achieved: 'Đã ban hành báo cáo',
        },
      ],
    ]);
  });

  it.each([
    [['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Thực hiện'], 'E'],
    [['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả (chỉ tiêu)', 'Kết quả thực hiện 6 tháng'], 'E'],
    [['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Chỉ tiêu năm 2026', 'Kết quả', 'Kết quả thực hiện đạt được'], 'F'],
  ])('reads the achieved column of an indicator table %j', (header, achieved) => {
    const plan = read([header, [1, 'Tỷ lệ hồ sơ trực tuyến', '%', '80', '75']]);
    expect(plan.appendices.map((a) => [a.kind, a.columns.target !== undefined, a.columns.achieved])).toEqual([
      ['indicators', true, achieved],
    ]);
  });

  it('keeps a lone "Kết quả thực hiện" of an indicator table the target', () => {
    const plan = read([
      ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả thực hiện'],
      [1, 'Tỷ lệ hồ sơ trực tuyến', '%', '80'],
    ]);
    expect(plan.appendices.map((a) => a.columns)).toEqual([{ tt: 'A', content: 'B', unit: 'C', target: 'D' }]);
  });

  it('reads progress headings typed in a legacy TCVN3 font', () => {
    const rows: CellValue[][] = [
      ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tình trạng thực hiện', 'Ngày hoàn thành', 'Kết quả đạt được', 'Lý do'],
      [1, 'Rà soát quy chế làm việc của xã', 'Văn phòng HĐND và UBND xã', 'Quý I/2026', 'Tạm dừng', '', '', 'Chờ hướng dẫn của tỉnh'],
    ];
    const grid = gridFromValues(
      'S',
      rows.map((r) => r.map((v) => (typeof v === 'string' ? encodeLegacy(v, { encoding: 'tcvn3' }) : v))),
    );
    for (const r of grid.rows) for (const c of r) if (c && typeof c.v === 'string') c.font = '.VnTime';
    const plan = readPlan([grid]).plan;
    expect(plan.appendices.map((a) => [a.columns, a.rows.map((r) => r.fields)])).toEqual([
      [
        { tt: 'A', content: 'B', lead: 'C', deadline: 'D', status: 'E', completedOn: 'F', achieved: 'G', reason: 'H' },
        [
          {
            content: 'Rà soát quy chế làm việc của xã',
            lead: 'Văn phòng HĐND và UBND xã',
            deadline: 'Quý I/2026',
            status: 'Tạm dừng',
            reason: 'Chờ hướng dẫn của tỉnh',
          },
        ],
      ],
    ]);
  });
});
