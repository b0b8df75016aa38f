// The dashboard's chart figures (pure functions, no browser).
import { describe, expect, it } from 'vitest';
import { GROUP_COLUMNS } from '../../core/consolidate/index.ts';
import type { CommuneStats, ConsolidatedRow } from '../../core/consolidate/index.ts';
import { dueByQuarter, groupStacks, leadLoad } from '../../web/src/dashboard/chart-data.ts';

function row(p: Partial<ConsolidatedRow>): ConsolidatedRow {
  return { status: 'not-yet-due', dueDate: null, leadCanonical: '', ...p } as ConsolidatedRow;
}

function commune(code: string, byGroup: Record<string, number>): CommuneStats {
  const all = Object.fromEntries(GROUP_COLUMNS.map((g) => [g.id, byGroup[g.id] ?? 0]));
  return { code, name: `Xã ${code}`, byGroup: all } as unknown as CommuneStats;
}

describe('chart data', () => {
  it('stacks tasks by group per commune, leaving out groups nobody has', () => {
    const s = groupStacks([commune('1', { 'nq57-1': 2, 'nq57-3': 1 }), commune('2', { 'nq57-3': 4, khac: 1 })]);
    expect(s.communes).toEqual(['Xã 1', 'Xã 2']);
    expect(s.series.map((x) => [x.group.id, x.data])).toEqual([
      ['nq57-1', [2, 0]],
      ['nq57-3', [1, 4]],
      ['khac', [0, 1]],
    ]);
  });

  it('counts due dates by quarter, overdue apart, with empty quarters kept on the axis', () => {
    const q = dueByQuarter([
      row({ dueDate: '2025-09-30', status: 'overdue' }),
      row({ dueDate: '2025-08-01', status: 'done' }),
      row({ dueDate: '2026-06-30' }),
      row({ dueDate: null, status: 'ongoing' }),
    ]);
    expect(q.quarters).toEqual([
      [2025, 3],
      [2025, 4],
      [2026, 1],
      [2026, 2],
    ]);
    expect(q.overdue).toEqual([1, 0, 0, 0]);
    expect(q.other).toEqual([1, 0, 0, 1]);
    expect(q.undated).toBe(1);
  });

  it('does not draw centuries of empty quarters for a typo', () => {
    const q = dueByQuarter([row({ dueDate: '2025-01-01' }), row({ dueDate: '2205-01-01' })]);
    expect(q.quarters).toEqual([
      [2025, 1],
      [2205, 1],
    ]);
  });

  it('ranks lead agencies, a task with two leads counting for both, top n', () => {
    const rows = [
      row({ leadCanonical: 'Công an xã; Phòng Kinh tế' }),
      row({ leadCanonical: 'Phòng Kinh tế' }),
      row({ leadCanonical: 'Phòng Kinh tế; Phòng Kinh tế' }),
      row({ leadCanonical: '' }),
      row({ leadCanonical: 'Ban Chỉ huy Quân sự' }),
    ];
    expect(leadLoad(rows, 2)).toEqual([
      { name: 'Phòng Kinh tế', count: 3 },
      { name: 'Ban Chỉ huy Quân sự', count: 1 },
    ]);
  });

  it('counts one agency written several ways as one bar, under its most used spelling', () => {
    const rows = [
      row({ leadCanonical: 'Phòng Văn hóa - Xã hội' }),
      row({ leadCanonical: 'Phòng Văn hóa - Xã hội' }),
      row({ leadCanonical: 'Phòng Văn hoá – Xã hội' }),
      row({ leadCanonical: 'phòng văn hóa  -  xã hội; Phòng Văn hóa - Xã hội' }),
      row({ leadCanonical: 'Phòng Văn hóa - Xã hội xã' }),
      row({ leadCanonical: 'Công an xã' }),
    ];
    expect(leadLoad(rows, 5)).toEqual([
      { name: 'Phòng Văn hóa - Xã hội', count: 5 },
      { name: 'Công an xã', count: 1 },
    ]);
  });
});
