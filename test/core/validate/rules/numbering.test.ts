// core/validate/rules/numbering.ts on small sheets: group-number-gap, group-number-style, task-number-gap,
// task-number-duplicate, task-number-invalid, numbering-scheme-mixed — the exact list each sheet gets.
import { describe, expect, it } from 'vitest';
import { gridFromValues } from '../../../../core/model/grid.ts';
import { check, H, issuesOf, task, TEXTS } from './sheet.ts';

describe('group numbers', () => {
  it('I., II., IV: a gap (a suggestion: a plan may skip a group on purpose) and the minority style (a safe fix)', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        H,
        ['I.', 'Nhóm một'],
        task(1, TEXTS[0]),
        ['II.', 'Nhóm hai'],
        task(2, TEXTS[1]),
        ['IV', 'Nhóm bốn'],
        task(3, TEXTS[2]),
      ]),
    ]);
    expect(found).toEqual([
      ['A6', 'group-number-gap', 'warning'],
      ['A6', 'group-number-style', 'info'],
    ]);
    expect(issues.map((i) => [i.params, i.fix?.safe])).toEqual([
      [{ expected: 'III', found: 'IV' }, false],
      [{ styles: 'I., II. / IV', majority: 'I.' }, true],
    ]);
  });

  it('I, II, III: nothing', () => {
    expect(
      issuesOf([H, ['I', 'Nhóm một'], task(1, TEXTS[0]), ['II', 'Nhóm hai'], task(2, TEXTS[1]), ['III', 'Nhóm ba'], task(3, TEXTS[2])]),
    ).toEqual([]);
  });
});

describe('task numbers', () => {
  it('1, 3, 3, (none), -, 4: the gap, the repeat and the missing number; a dash is no number to count', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        H,
        task(1, TEXTS[0]),
        task(3, TEXTS[1]),
        task(3, TEXTS[2]),
        task(null, TEXTS[3]),
        task('-', TEXTS[4]),
        task(4, TEXTS[5]),
      ]),
    ]);
    expect(found).toEqual([
      ['A3', 'task-number-gap', 'warning'],
      ['A4', 'task-number-duplicate', 'warning'],
      ['A5', 'task-number-invalid', 'warning'],
    ]);
    expect(issues.map((i) => i.params)).toEqual([{ expected: '2', found: '3' }, { tt: '3', firstRow: 3 }, { tt: '' }]);
    // One renumbering of the whole table fixes the gap and the repeat.
    expect(issues[0]!.fix).toBe(issues[1]!.fix);
    // 1, 3, 3, 4 renumbered 1, 2, 3, 4: only A3 changes.
    expect(issues[0]!.fix).toMatchObject({ safe: true, ops: [{ op: 'renumber', edits: [{ cell: 'A3', from: 3, to: 2 }] }] });
  });

  it('0, "abc", "1a" are not numbers; the count goes on from the last number read', () => {
    expect(issuesOf([H, task(1, TEXTS[0]), task(0, TEXTS[1]), task('abc', TEXTS[2]), task('1a', TEXTS[3]), task(5, TEXTS[4])])).toEqual([
      ['A3', 'task-number-invalid', 'warning'],
      ['A4', 'task-number-invalid', 'warning'],
      ['A5', 'task-number-invalid', 'warning'],
      ['A6', 'task-number-gap', 'warning'],
    ]);
  });

  it("numbering restarting in each group is the table's own scheme: nothing", () => {
    expect(
      issuesOf([H, ['I', 'Nhóm một'], task(1, TEXTS[0]), task(2, TEXTS[1]), ['II', 'Nhóm hai'], task(1, TEXTS[2]), task(2, TEXTS[3])]),
    ).toEqual([]);
  });
});

describe('numbering-scheme-mixed', () => {
  it('one group continuing the count where the others restart at 1: reported at its first task', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        H,
        ['I', 'Nhóm một'],
        task(1, TEXTS[0]),
        task(2, TEXTS[1]),
        ['II', 'Nhóm hai'],
        task(1, TEXTS[2]),
        task(2, TEXTS[3]),
        ['III', 'Nhóm ba'],
        task(3, TEXTS[4]),
        ['IV', 'Nhóm bốn'],
        task(1, TEXTS[5]),
        task(2, TEXTS[6]),
      ]),
    ]);
    expect(found).toEqual([['A9', 'numbering-scheme-mixed', 'warning']]);
    expect(issues[0]!.params).toEqual({ group: 'III', scheme: 'continuous', majority: 'per-group' });
  });
});
