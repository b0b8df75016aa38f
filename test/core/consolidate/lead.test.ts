// Tasks per lead agency (issue 16): one agency written several ways is one line, under its catalog name; names the
// catalog does not know are grouped when they fold alike, under their most used spelling.
import { describe, expect, it } from 'vitest';
import { consolidate, leadCounter, MAX_LEADS } from '../../../core/consolidate/index.ts';
import { inputOf } from './plan-builder.ts';

describe('lead agencies in the consolidation stats', () => {
  it('counts "UBND xã", "Ủy ban nhân dân xã", "UBND Xã" and another commune\'s UBND as one agency', () => {
    const task = (lead: string, i: number) => ({ content: `Nhiệm vụ ${i}`, lead, result: 'Báo cáo', deadline: 'Quý IV/2026' });
    const leads = [
      ['UBND xã', 'Ủy ban nhân dân xã', 'Phòng VH-XH', 'Tổ công nghệ số cộng đồng'],
      ['UBND Xã', 'Uỷ ban nhân dân xã, Công an xã', 'Phòng Văn hóa - Xã hội xã', 'Tổ Công nghệ số Cộng đồng'],
      ['UBND xã Cẩm Giàng', 'CA xã', 'Tổ công nghệ số cộng đồng', 'UBND xã; Ủy ban nhân dân xã', ''],
    ];
    const c = consolidate(
      ['10903', '10888', '10525'].map((code, i) => inputOf(code, { groups: [{ heading: 'Hạ tầng số', tasks: leads[i]!.map(task) }] })),
      { asOf: '2026-06-30' },
    );
    expect(c.stats.leads).toEqual([
      // Two names of one agency in one cell ("UBND xã; Ủy ban nhân dân xã") count once.
      { name: 'Ủy ban nhân dân xã', tasks: 6 },
      { name: 'Tổ công nghệ số cộng đồng', tasks: 3 },
      { name: 'Công an xã', tasks: 2 },
      { name: 'Phòng Văn hóa - Xã hội', tasks: 2 },
    ]);
  });

  it('names outside the catalog: grouped by case, accents and dashes, shown as most written; ties by name', () => {
    const c = leadCounter();
    for (const lead of [
      'Ban Quản lý dự án',
      'ban quản lý  dự án',
      'Ban quản lý dự án',
      'Ban quản lý dự án',
      'Hợp tác xã A',
      'Hợp tác xã – A',
    ])
      c.add(lead);
    expect(c.result()).toEqual([
      { name: 'Ban quản lý dự án', tasks: 4 },
      { name: 'Hợp tác xã A', tasks: 2 },
    ]);
  });

  it(`keeps the ${MAX_LEADS} agencies with most tasks`, () => {
    const c = leadCounter();
    for (let i = 0; i < MAX_LEADS + 5; i++) for (let k = 0; k <= (i === 0 ? 3 : 1); k++) c.add(`Hợp tác xã số ${i}`);
    const out = c.result();
    expect([out.length, out[0]]).toEqual([MAX_LEADS, { name: 'Hợp tác xã số 0', tasks: 4 }]);
  });
});
