// Consolidating communes' plans: rows in order with group, canonical lead, due date and status; stats; union property.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidate, type ConsolidateInput } from '../../../core/consolidate/index.ts';
import { COMMUNES } from '../../../core/dvhc.ts';
import { gridFromValues } from '../../../core/model/grid.ts';
import { readPlan } from '../../../core/read/index.ts';
import { SEEDS } from '../../support/paths.ts';
import { inputOf, type PlanSpec } from './plan-builder.ts';

const AS_OF = '2025-08-15';

const CAM_GIANG: PlanSpec = {
  year: 2025,
  groups: [
    {
      heading: 'Nâng cao nhận thức, đột phá về đổi mới tư duy',
      tasks: [
        {
          content: 'Tuyên truyền Nghị quyết 57',
          lead: 'Phòng VH- XH xã',
          partners: 'Các đoàn thể',
          result: 'Bài viết',
          deadline: 'Thường xuyên',
        },
        { content: 'Hội nghị quán triệt', lead: 'Văn phòng HĐND & UBND xã', result: 'Hội nghị', deadline: 'Quý II/2025' },
      ],
    },
    {
      heading: 'NHÓM NHIỆM VỤ VỀ HẠ TẦNG',
      tasks: [
        { content: 'Lắp wifi miễn phí', lead: 'Phòng Kinh tế, Công an xã', deadline: 'Quý IV', status: 'Đã hoàn thành' },
        { content: 'Nâng cấp mạng LAN', lead: '', result: '', deadline: '' },
      ],
    },
  ],
  indicators: [
    { heading: 'Đến năm 2025', items: [{ content: 'Tỷ lệ hồ sơ trực tuyến', unit: '%', target: '80', monitor: 'Văn phòng HĐND và UBND' }] },
  ],
};

const CAM_GIANG_2: PlanSpec = {
  groups: [
    {
      heading: 'Hoàn thiện thể chế, chính sách',
      tasks: [{ content: 'Góp ý dự thảo', lead: 'Tổ công tác đặc biệt', result: 'Văn bản góp ý', deadline: 'Tháng 9/2025' }],
    },
    {
      heading: 'Các nhiệm vụ khác',
      tt: null,
      tasks: [{ content: 'Sơ kết', lead: 'UBND xã', result: 'Báo cáo', deadline: 'Khi có hướng dẫn của cấp trên' }],
    },
  ],
};

const HAI_DUONG: PlanSpec = {
  groups: [
    {
      heading: 'Nhiệm vụ về hạ tầng',
      tasks: [{ content: 'Camera an ninh', lead: 'Công an phường', result: 'Hệ thống camera', deadline: '31/12/2026' }],
    },
  ],
};

describe('consolidate', () => {
  // Given out of order: the output orders communes by code.
  const inputs = [inputOf('10903', CAM_GIANG, 4), inputOf('10525', HAI_DUONG, 2), inputOf('10888', CAM_GIANG_2, 1)];
  const c = consolidate(inputs, { asOf: AS_OF });

  it('lists every task, communes by code then plan order', () => {
    expect(c.rows.map((r) => [r.communeCode, r.content])).toEqual([
      ['10525', 'Camera an ninh'],
      ['10888', 'Góp ý dự thảo'],
      ['10888', 'Sơ kết'],
      ['10903', 'Tuyên truyền Nghị quyết 57'],
      ['10903', 'Hội nghị quán triệt'],
      ['10903', 'Lắp wifi miễn phí'],
      ['10903', 'Nâng cấp mạng LAN'],
    ]);
    expect(c.communes.map((x) => x.code)).toEqual(['10525', '10888', '10903']);
    expect(c.province).toEqual({ code: '31', name: 'Thành phố Hải Phòng' });
    expect(c.asOf).toBe(AS_OF);
  });

  it('gives each task its group, canonical lead, due date, status and source', () => {
    const flat = c.rows.map((r) => [r.tt, r.group.number, r.leadCanonical, r.dueDate, r.status, r.revision]);
    expect(flat).toEqual([
      ['1', 3, 'Công an phường', '2026-12-31', 'not-yet-due', 2],
      ['1', 2, 'Tổ công tác đặc biệt', '2025-09-30', 'due-this-quarter', 1],
      ['1', 0, 'UBND xã', null, 'no-date', 1],
      ['1', 1, 'Phòng Văn hóa - Xã hội xã', null, 'ongoing', 4],
      ['2', 1, 'Văn phòng HĐND và UBND xã', '2025-06-30', 'overdue', 4],
      // "Quý IV" takes the plan's year (2025); the status cell says done.
      ['1', 3, 'Phòng Kinh tế; Công an xã', '2025-12-31', 'done', 4],
      ['2', 3, '', null, 'no-date', 4],
    ]);
    const wifi = c.rows[5]!;
    expect(wifi).toMatchObject({
      communeName: 'Xã Cẩm Giàng',
      planKey: 'kh-10903',
      groupHeading: 'NHÓM NHIỆM VỤ VỀ HẠ TẦNG',
      lead: 'Phòng Kinh tế, Công an xã',
      deadline: 'Quý IV',
      statusText: 'Đã hoàn thành',
      group: { id: 'nq57-3', short: 'Hạ tầng' },
      source: { sheet: 'Nhiệm vụ', row: 6 },
    });
    expect(c.rows[2]!.group).toEqual({ id: 'khac', number: 0, short: 'Khác', shortEn: 'Other' });
  });

  it("keeps the reader's parsed deadline when the row has one", () => {
    const input = inputOf('10903', { groups: [{ heading: 'Hạ tầng', tasks: [{ content: 'x', deadline: 'văn bản lạ' }] }] });
    input.plan.appendices[0]!.rows[1]!.deadline = {
      kind: 'period',
      text: 'văn bản lạ',
      period: { precision: 'day', start: '2025-08-01', end: '2025-08-01' },
    };
    expect(consolidate([input], { asOf: AS_OF }).rows[0]).toMatchObject({ dueDate: '2025-08-01', status: 'overdue' });
  });

  it('lists indicators with their section heading', () => {
    expect(c.indicators).toEqual([
      expect.objectContaining({
        communeCode: '10903',
        groupHeading: 'Đến năm 2025',
        tt: '1',
        content: 'Tỷ lệ hồ sơ trực tuyến',
        unit: '%',
        target: '80',
        monitor: 'Văn phòng HĐND và UBND',
        revision: 4,
      }),
    ]);
  });

  it('counts per commune, per group and in total', () => {
    const s = c.stats;
    expect(s.communes.map((x) => [x.code, x.tasks, x.missingLead, x.missingDeadline, x.missingResult, x.overdue, x.indicators])).toEqual([
      ['10525', 1, 0, 0, 0, 0, 0],
      ['10888', 2, 0, 0, 0, 0, 0],
      ['10903', 4, 1, 1, 2, 1, 1],
    ]);
    expect(s.communes[2]!.byGroup).toEqual({
      'nq57-1': 2,
      'nq57-2': 0,
      'nq57-3': 2,
      'nq57-4': 0,
      'nq57-5': 0,
      'nq57-6': 0,
      'nq57-7': 0,
      khac: 0,
    });
    expect(s.groups.map((g) => [g.id, g.tasks, g.communes])).toEqual([
      ['nq57-1', 2, 1],
      ['nq57-2', 1, 1],
      ['nq57-3', 3, 2],
      ['nq57-4', 0, 0],
      ['nq57-5', 0, 0],
      ['nq57-6', 0, 0],
      ['nq57-7', 0, 0],
      ['khac', 1, 1],
    ]);
    expect(s.totals).toMatchObject({
      communes: 3,
      tasks: 7,
      missingLead: 1,
      missingDeadline: 1,
      missingResult: 2,
      overdue: 1,
      indicators: 1,
    });
    expect(s.totals.byStatus).toEqual({ done: 1, overdue: 1, 'due-this-quarter': 1, 'not-yet-due': 1, ongoing: 1, 'no-date': 2 });
  });

  it('keeps stats consistent: per-commune sums equal the totals, group counts add up to the tasks', () => {
    const { communes, groups, totals } = c.stats;
    for (const key of ['tasks', 'missingLead', 'missingDeadline', 'missingResult', 'overdue', 'indicators'] as const) {
      expect(
        communes.reduce((n, x) => n + x[key], 0),
        key,
      ).toBe(totals[key]);
    }
    for (const x of [...communes, totals]) {
      expect(Object.values(x.byGroup).reduce((a, b) => a + b, 0)).toBe(x.tasks);
      expect(Object.values(x.byStatus).reduce((a, b) => a + b, 0)).toBe(x.tasks);
    }
    expect(groups.reduce((n, g) => n + g.tasks, 0)).toBe(totals.tasks);
    expect(totals.overdue).toBe(totals.byStatus.overdue);
  });

  it('lists a commune without tasks in the stats', () => {
    const s = consolidate([inputOf('10903', { groups: [] })], { asOf: AS_OF }).stats;
    expect(s.communes).toEqual([expect.objectContaining({ code: '10903', tasks: 0 })]);
    expect(s.totals.communes).toBe(1);
  });

  it('rejects an asOf that is not an ISO date', () => {
    expect(() => consolidate(inputs, { asOf: '15/08/2025' })).toThrow(RangeError);
    expect(() => consolidate(inputs, { asOf: '2025-02-30' })).toThrow(RangeError);
  });
});

describe('consolidate: union property', () => {
  const fieldText = fc.string({ maxLength: 12 });
  const task = fc.record({
    content: fc.string({ minLength: 1, maxLength: 20 }),
    lead: fieldText,
    deadline: fc.constantFrom('', 'Quý III/2025', 'Thường xuyên', '31/12/2026', 'Khi có chỉ đạo'),
  });
  const group = fc.record({
    heading: fc.constantFrom('Hạ tầng', 'Nhân lực', 'Khác', 'Hợp tác quốc tế'),
    tasks: fc.array(task, { maxLength: 6 }),
  });
  const commune = fc.record({ index: fc.nat({ max: COMMUNES.length - 1 }), groups: fc.array(group, { maxLength: 4 }) });

  it("rows are exactly the union of every commune's tasks (count and content multiset)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(commune, { selector: (x) => x.index, maxLength: 8 }), (specs) => {
        const inputs: ConsolidateInput[] = specs.map((s) => inputOf(COMMUNES[s.index]!.code, { groups: s.groups }));
        const c = consolidate(inputs, { asOf: AS_OF });
        const expected = specs.flatMap((s) =>
          s.groups.flatMap((g) => g.tasks.map((t) => `${COMMUNES[s.index]!.code}|${t.content.trim()}`)),
        );
        expect(c.rows).toHaveLength(expected.length);
        expect(c.rows.map((r) => `${r.communeCode}|${r.content}`).sort()).toEqual(expected.sort());
        expect(c.stats.totals.tasks).toBe(expected.length);
        // Communes by code, and within a commune the plan's own order.
        const codes = c.rows.map((r) => r.communeCode);
        expect(codes).toEqual([...codes].sort());
      }),
      { numRuns: 150 },
    );
  });
});

describe('consolidate on a real plan (the Quảng Sơn seed, read as a table)', () => {
  it('maps every task of the seven groups and keeps the indicators', () => {
    const text = readFileSync(path.join(SEEDS, 'quang-son-ke-hoach.txt'), 'utf8');
    const values = text.split('\n').map((l) => l.split('\t').map((s) => (s.trim() === '' ? null : s)));
    const { plan } = readPlan([gridFromValues('quang-son', values)]);
    const input: ConsolidateInput = { ...inputOf('10903', { groups: [] }), plan };
    const c = consolidate([input], { asOf: AS_OF });
    expect(c.rows.length).toBeGreaterThan(40);
    expect(c.stats.groups.filter((g) => g.tasks > 0).map((g) => g.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(c.stats.totals.byGroup.khac).toBe(0);
    expect(c.indicators.length).toBeGreaterThan(10);
  });
});

describe('consolidate at national scale', () => {
  it('keeps every row of 3,321 communes × 55 tasks', () => {
    const leads = ['Phòng Văn hóa - Xã hội', 'Công an xã', 'Phòng Kinh tế, Phòng VH-XH', 'Văn phòng HĐND và UBND', 'Trung tâm PVHCC xã'];
    const deadlines = ['Quý III/2025', 'Thường xuyên', 'Năm 2026', 'Khi có hướng dẫn', '31/12/2025'];
    const headings = [
      'Nâng cao nhận thức, đột phá về đổi mới tư duy',
      'Nhiệm vụ về hạ tầng',
      'Phát triển nguồn nhân lực',
      'Chuyển đổi số',
      'Hợp tác quốc tế',
    ];
    const inputs = COMMUNES.map((commune, i) =>
      inputOf(commune.code, {
        groups: headings.map((heading, g) => ({
          heading,
          tasks: Array.from({ length: 11 }, (_, k) => ({
            content: `Nhiệm vụ ${g}.${k}`,
            // A lead naming the commune makes most lead cells distinct, as in real plans.
            lead: `${leads[(i + k) % leads.length]} ${commune.name}`,
            deadline: deadlines[(g + k) % deadlines.length]!,
            result: 'Báo cáo',
          })),
        })),
      }),
    );
    // Speed is measured in bench/, not asserted here: this checks the national scale runs and keeps every row.
    const c = consolidate(inputs, { asOf: AS_OF });
    expect(c.rows).toHaveLength(3321 * 55);
  });
});
