// mergePlans: what combines cleanly, what conflicts, and where merged rows go.
import { describe, expect, it } from 'vitest';
import { mergePlans, type MergeResult } from '../../../core/merge/index.ts';
import type { Plan } from '../../../core/model/appendix.ts';
import { BASE, inserting, withCell, without } from './fixtures.ts';
import { appendixOf, deepFreeze, flat, flatSpecs, planOf, type RowSpec } from './plan-of.ts';

const NEW_I3: RowSpec = [
  3,
  'Tổ chức hội thi tìm hiểu về chuyển đổi số cho đoàn viên thanh niên',
  'Đoàn Thanh niên xã',
  '',
  'Hội thi',
  'Năm 2026',
];
const NEW_II4: RowSpec = [
  4,
  'Lắp đặt hệ thống camera giám sát an ninh tại các thôn',
  'Công an xã',
  'UBND các thôn',
  'Hệ thống vận hành',
  'Năm 2027',
];

function merged(base: RowSpec[], theirs: RowSpec[], mine: RowSpec[]): MergeResult {
  return mergePlans(deepFreeze(planOf(base)), deepFreeze(planOf(theirs)), deepFreeze(planOf(mine)));
}

function rowsOf(r: MergeResult): string[][] {
  if (!r.ok) throw new Error(`conflicts: ${JSON.stringify(r.conflicts)}`);
  return flat(r.plan);
}

describe('mergePlans: clean merges', () => {
  it('combines edits to different tasks', () => {
    const theirs = withCell(BASE, 4, 'lead', 'Văn phòng HĐND và UBND');
    const mine = withCell(BASE, 2, 'deadline', 'Quý IV/2025');
    const r = merged(BASE, theirs, mine);
    expect(rowsOf(r)).toEqual(flatSpecs(withCell(theirs, 2, 'deadline', 'Quý IV/2025')));
    expect(r.ok && r.stats).toEqual({ fromTheirs: 1, fromMine: 1, both: 0 });
  });

  it('combines edits to different fields of one task', () => {
    const theirs = withCell(BASE, 5, 'lead', 'Phòng Văn hóa - Xã hội');
    const mine = withCell(BASE, 5, 'deadline', 'Tháng 12/2025');
    expect(rowsOf(merged(BASE, theirs, mine))[5]).toEqual([
      '2',
      BASE[5]![1],
      'Phòng Văn hóa - Xã hội',
      'Bưu điện xã, Viettel',
      'Kế hoạch',
      'Tháng 12/2025',
    ]);
  });

  it('takes mine’s spelling when both made the same change', () => {
    const theirs = withCell(BASE, 5, 'lead', 'Trạm y tế xã');
    const mine = withCell(BASE, 5, 'lead', 'Trạm Y tế xã');
    const r = merged(BASE, theirs, mine);
    expect(rowsOf(r)[5]![2]).toBe('Trạm Y tế xã');
    expect(r.ok && r.stats).toEqual({ fromTheirs: 0, fromMine: 0, both: 1 });
  });

  it('keeps insertions from both sides, each under its own group', () => {
    const theirs = [...BASE, NEW_II4];
    const mine = inserting(BASE, 3, NEW_I3);
    expect(rowsOf(merged(BASE, theirs, mine))).toEqual(flatSpecs(inserting(theirs, 3, NEW_I3)));
  });

  it('counts a task both sides added once', () => {
    const theirs = [...BASE, NEW_II4];
    const mine = [...BASE, withCell([NEW_II4], 0, 'content', 'Lắp đặt hệ thống camera giám sát an ninh tại các thôn.')[0]!];
    const r = merged(BASE, theirs, mine);
    // Folded-equal texts: one task, written as mine wrote it.
    expect(rowsOf(r)).toEqual(flatSpecs(mine));
    expect(r.ok && r.stats.both).toBe(1);
  });

  it('deletes a task one side deleted and the other left alone', () => {
    const r = merged(BASE, BASE, without(BASE, 2));
    expect(rowsOf(r)).toEqual(flatSpecs(without(BASE, 2)));
    expect(rowsOf(merged(BASE, without(BASE, 6), withCell(BASE, 1, 'result', 'Kế hoạch')))).toEqual(
      flatSpecs(withCell(without(BASE, 6), 1, 'result', 'Kế hoạch')),
    );
  });

  it('deletes a task renumbered on the other side (a new TT alone is not an edit)', () => {
    const theirs = inserting(withCell(withCell(BASE, 5, 'tt', 3), 6, 'tt', 4), 5, [2, 'Số hóa hồ sơ hộ tịch', 'Văn phòng HĐND và UBND']);
    const r = merged(BASE, theirs, without(BASE, 6));
    expect(rowsOf(r).map((row) => row[0])).toEqual(['I', '1', '2', 'II', '1', '2', '3']);
  });

  it('applies a renumbering on one side and a content edit on the other (no ids)', () => {
    const theirs = inserting(withCell(withCell(withCell(BASE, 4, 'tt', 2), 5, 'tt', 3), 6, 'tt', 4), 4, [
      1,
      'Ban hành quy chế quản lý, vận hành cổng thông tin điện tử xã',
      'Văn phòng HĐND và UBND',
    ]);
    const edited = 'Xây dựng kế hoạch nâng cao kỹ năng số cho người dân và doanh nghiệp trên địa bàn xã';
    const mine = withCell(BASE, 5, 'content', edited);
    const rows = rowsOf(merged(BASE, theirs, mine));
    expect(rows[6]!.slice(0, 3)).toEqual(['3', edited, 'Công an xã']);
    expect(rows.map((row) => row[0])).toEqual(['I', '1', '2', 'II', '1', '2', '3', '4']);
  });

  it('applies an edit to a task the other side renumbered and edited', () => {
    const renumbered = withCell(
      withCell(BASE, 5, 'tt', 1),
      5,
      'content',
      'Xây dựng kế hoạch nâng cao kỹ năng số cho người dân trên địa bàn toàn xã',
    );
    const theirs = without(renumbered, 4);
    const mine = withCell(BASE, 5, 'result', 'Kế hoạch, báo cáo');
    expect(rowsOf(merged(BASE, theirs, mine))[4]).toEqual([
      '1',
      'Xây dựng kế hoạch nâng cao kỹ năng số cho người dân trên địa bàn toàn xã',
      'Công an xã',
      'Bưu điện xã, Viettel',
      'Kế hoạch, báo cáo',
      'Quý IV/2025',
    ]);
  });

  it('matches rows with ids by id, even when the content was rewritten', () => {
    const ids = BASE.map((_, i) => `t${i}`);
    const base = planOf(BASE, { ids });
    const theirs = planOf(withCell(BASE, 5, 'content', 'Mở lớp bình dân học vụ số cho người dân các thôn'), { ids });
    const mine = planOf(withCell(BASE, 5, 'deadline', 'Năm 2026'), { ids });
    const r = mergePlans(base, theirs, mine);
    expect(rowsOf(r)[5]).toEqual([
      '2',
      'Mở lớp bình dân học vụ số cho người dân các thôn',
      'Công an xã',
      'Bưu điện xã, Viettel',
      'Kế hoạch',
      'Năm 2026',
    ]);
    expect(r.ok && r.plan.appendices[0]!.rows[5]!.id).toBe('t5');
  });

  it('never pairs rows whose ids differ, even with identical content', () => {
    const base = planOf(BASE, { ids: BASE.map((_, i) => `t${i}`) });
    const theirs = planOf(BASE, { ids: BASE.map((_, i) => (i === 6 ? 'other' : `t${i}`)) });
    const r = mergePlans(base, theirs, base);
    // t6 deleted by theirs, "other" added by theirs: the same text, but another task.
    expect(r.ok && r.plan.appendices[0]!.rows.map((row) => row.id)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 'other']);
    expect(r.ok && r.stats).toEqual({ fromTheirs: 2, fromMine: 0, both: 0 });
  });

  it('places a task added by mine after the nearest surviving row before it', () => {
    const theirs = without(BASE, 6);
    const mine = [...BASE, NEW_II4];
    expect(rowsOf(merged(BASE, theirs, mine))).toEqual(flatSpecs([...without(BASE, 6), NEW_II4]));
    const first: RowSpec = [null, 'Ghi chú: các cơ quan báo cáo định kỳ hằng quý'];
    expect(rowsOf(merged(BASE, BASE, [first, ...BASE]))[0]).toEqual(['', first[1]]);
  });

  it('leaves structural rows out of the merged plan and keeps the other properties of rows', () => {
    const base = planOf(BASE);
    const theirs = structuredClone(base);
    theirs.appendices[0]!.rows.splice(3, 0, { kind: 'blank', tt: null, fields: {}, source: { sheet: 'PL II', row: 9, cells: {} } });
    const mine = structuredClone(base);
    mine.appendices[0]!.rows[5]!.fields.deadline = 'Quý I/2026';
    mine.appendices[0]!.rows[5]!.deadline = {
      kind: 'period',
      text: 'Quý I/2026',
      period: { precision: 'quarter', start: '2026-01-01', end: '2026-03-31' },
    };
    const r = mergePlans(base, theirs, mine);
    if (!r.ok) throw new Error('conflict');
    expect(r.plan.appendices[0]!.rows).toHaveLength(BASE.length);
    expect(r.plan.appendices[0]!.rows[5]!.deadline).toEqual(mine.appendices[0]!.rows[5]!.deadline);
    expect(r.plan.appendices[0]!.rows[5]!.group).toBe('II');
  });
});

describe('mergePlans: conflicts', () => {
  it('reports a cell changed differently by both sides, and merges nothing', () => {
    const theirs = withCell(withCell(BASE, 5, 'lead', 'Phòng Kinh tế'), 1, 'result', 'Kế hoạch');
    const mine = withCell(BASE, 5, 'lead', 'Trạm Y tế xã');
    expect(merged(BASE, theirs, mine)).toEqual({
      ok: false,
      conflicts: [
        {
          appendix: 'tasks:pl ii',
          taskId: 'PL II!11',
          tt: '2',
          content: BASE[5]![1],
          field: 'lead',
          base: 'Công an xã',
          theirs: 'Phòng Kinh tế',
          mine: 'Trạm Y tế xã',
        },
      ],
    });
  });

  it('reports a task deleted on one side and edited on the other', () => {
    const mine = withCell(BASE, 2, 'deadline', 'Quý I/2026');
    expect(merged(BASE, without(BASE, 2), mine)).toMatchObject({
      ok: false,
      conflicts: [{ field: 'row', tt: '2', base: BASE[2]![1], theirs: null, mine: BASE[2]![1] }],
    });
    expect(merged(BASE, mine, without(BASE, 2))).toMatchObject({
      ok: false,
      conflicts: [{ field: 'row', base: BASE[2]![1], theirs: BASE[2]![1], mine: null }],
    });
  });

  it('reports fields that differ on a task both sides added', () => {
    const mine = [...BASE, withCell([NEW_II4], 0, 'deadline', 'Năm 2028')[0]!];
    expect(merged(BASE, [...BASE, NEW_II4], mine)).toMatchObject({
      ok: false,
      conflicts: [{ field: 'deadline', base: null, theirs: 'Năm 2027', mine: 'Năm 2028' }],
    });
  });

  it('does not take a new task 3 of group I for the deleted task 3 of group II (same number, other group)', () => {
    const mine: RowSpec[] = [
      ['I', 'Nâng cao nhận thức'],
      [1, 'Rà soát hồ sơ thủ tục hành chính tại hội người cao tuổi'],
      [2, 'Triển khai cơ sở dữ liệu đất đai tại thôn Đông và thôn Tây'],
      ['II', 'Hoàn thiện thể chế'],
      [1, 'Tuyên truyền hồ sơ thủ tục hành chính tại thôn'],
    ];
    const base: RowSpec[] = [
      ['I', 'Nâng cao nhận thức'],
      [1, 'Rà soát hồ sơ thủ tục hành chính tại hội người cao tuổi'],
      ['II', 'Hoàn thiện thể chế'],
      [1, 'Tuyên truyền hồ sơ thủ tục hành chính tại thôn'],
      [2, 'Triển khai cơ sở dữ liệu đất đai tại hộ kinh doanh và chợ'],
    ];
    const r = merged(base, base, mine);
    expect(r.ok ? r.plan.appendices[0]!.rows.map((x) => `${x.tt} ${x.fields.content}`) : r.conflicts).toEqual(
      mine.map(([tt, c]) => `${tt} ${c}`),
    );
  });

  it('merges tasks both sides inserted into one group and numbers the group again (no TT conflicts)', () => {
    const shifted = (by: number) => [4, 5, 6].reduce((specs, i) => withCell(specs, i, 'tt', i - 3 + by), BASE);
    const theirs = inserting(shifted(2), 4, [1, 'Ban hành quy chế vận hành cổng thông tin điện tử xã'], [2, 'Số hóa hồ sơ hộ tịch']);
    const mine = inserting(shifted(1), 4, [1, 'Lắp đặt camera giám sát an ninh tại các thôn']);
    const r = merged(BASE, theirs, mine);
    expect(r.ok).toBe(true);
    const rows = r.ok ? r.plan.appendices[0]!.rows : [];
    const groupII = rows.slice(rows.findIndex((x) => x.tt === 'II') + 1);
    expect(groupII.map((x) => x.tt)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(groupII.map((x) => x.fields.content).filter((c) => /camera|quy chế vận hành|hộ tịch/.test(c ?? ''))).toHaveLength(3);
  });

  it('still reports a TT conflict when the TTs are not plain numbers', () => {
    const theirs = withCell(BASE, 1, 'tt', '1a');
    const mine = withCell(BASE, 1, 'tt', '1b');
    const r = merged(BASE, theirs, mine);
    expect(r.ok ? [] : r.conflicts.map((c) => [c.field, c.theirs, c.mine])).toEqual([['tt', '1a', '1b']]);
  });

  it('lists every conflict, with the id as taskId when rows have one', () => {
    const ids = BASE.map((_, i) => `t${i}`);
    const theirs = planOf(withCell(withCell(BASE, 1, 'lead', 'A'), 6, 'deadline', 'Năm 2027'), { ids });
    const mine = planOf(withCell(withCell(BASE, 1, 'lead', 'B'), 6, 'deadline', 'Năm 2028'), { ids });
    const r = mergePlans(planOf(BASE, { ids }), theirs, mine);
    expect(r.ok ? [] : r.conflicts.map((c) => [c.taskId, c.field, c.theirs, c.mine])).toEqual([
      ['t1', 'lead', 'A', 'B'],
      ['t6', 'deadline', 'Năm 2027', 'Năm 2028'],
    ]);
  });
});

describe('mergePlans: appendices and reference', () => {
  const second = (specs: RowSpec[]) => appendixOf(specs, { sheet: 'PL III' });
  const withReference = (p: Plan, documentNumber: string): Plan => ({ ...p, reference: { documentNumber } });

  it('keeps an appendix added on either side, in mine’s place', () => {
    const extra = second([[1, 'Tỷ lệ hồ sơ trực tuyến toàn trình', 'Trung tâm Phục vụ hành chính công']]);
    const base = planOf(BASE);
    const mine: Plan = { appendices: [extra, ...base.appendices] };
    const r = mergePlans(base, base, mine);
    expect(r.ok && r.plan.appendices.map((a) => a.sheet)).toEqual(['PL III', 'PL II']);
  });

  it('drops an appendix one side deleted, and conflicts when the other side changed it', () => {
    const base: Plan = { appendices: [...planOf(BASE).appendices, second([[1, 'Tỷ lệ dân số trưởng thành có chữ ký số']])] };
    const dropped: Plan = { appendices: [base.appendices[0]!] };
    const r = mergePlans(base, base, dropped);
    expect(r.ok && r.plan.appendices.map((a) => a.sheet)).toEqual(['PL II']);
    const edited: Plan = { appendices: [base.appendices[0]!, second([[1, 'Tỷ lệ dân số trưởng thành có chữ ký số', 'Công an xã']])] };
    expect(mergePlans(base, edited, dropped)).toMatchObject({
      ok: false,
      conflicts: [{ appendix: 'tasks:pl iii', field: 'row', mine: null }],
    });
  });

  it('takes the reference from the side that changed it, mine when both did', () => {
    const base = withReference(planOf(BASE), '03/KH-UBND');
    const theirs = withReference(planOf(BASE), '04/KH-UBND');
    const mine = withReference(planOf(BASE), '05/KH-UBND');
    expect(mergePlans(base, theirs, base)).toMatchObject({ ok: true, plan: { reference: { documentNumber: '04/KH-UBND' } } });
    expect(mergePlans(base, base, mine)).toMatchObject({ ok: true, plan: { reference: { documentNumber: '05/KH-UBND' } } });
    expect(mergePlans(base, theirs, mine)).toMatchObject({ ok: true, plan: { reference: { documentNumber: '05/KH-UBND' } } });
  });

  it('is deterministic and shares no objects with its inputs', () => {
    const base = deepFreeze(planOf(BASE));
    const theirs = deepFreeze(planOf([...BASE, NEW_II4]));
    const mine = deepFreeze(planOf(withCell(BASE, 1, 'lead', 'Công an xã')));
    const a = mergePlans(base, theirs, mine);
    expect(mergePlans(base, theirs, mine)).toEqual(a);
    if (!a.ok) throw new Error('conflict');
    a.plan.appendices[0]!.rows[0]!.fields.content = 'changed';
    expect(base.appendices[0]!.rows[0]!.fields.content).toBe(BASE[0]![1]);
  });
});
