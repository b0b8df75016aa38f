// The rule for fixes as a test helper: what a safe fix may never change in a table, and the check itself.
import { expect } from 'vitest';
import type { Appendix } from '../../core/model/index.ts';
import { splitHeading } from '../../core/read/index.ts';
import { stripWordArtifacts } from '../../core/read/index.ts';
import { fold } from '../../core/text/index.ts';
import { allIssues, type Report } from '../../core/validate/index.ts';

const NUMBERING = new Set(['task-number-gap', 'task-number-duplicate', 'task-number-invalid', 'numbering-scheme-mixed']);

/** Text compared ignoring case, tone-mark placement, spacing, Word artifacts and the repaired encoding. */
export const same = (s: string | undefined): string => fold(stripWordArtifacts(s ?? ''));

/** What a fix must never change in one table: its place and kind, its groups, subgroups and items, in order. */
export function meaning(a: Appendix) {
  return {
    sheet: a.sheet,
    kind: a.kind,
    groups: a.rows.filter((r) => r.kind === 'group').map((g) => same(splitHeading(g.fields.content ?? '')?.rest ?? g.fields.content)),
    subgroups: a.rows.filter((r) => r.kind === 'subgroup').map((g) => same(g.fields.content)),
    items: a.rows.filter((r) => r.kind === 'task' || r.kind === 'indicator').map((t) => same(t.fields.content)),
  };
}

function numbers(a: Appendix): (string | null)[] {
  return a.rows.filter((r) => r.kind === 'task' || r.kind === 'indicator').map((t) => t.tt);
}

/**
 * The copy reads as the same tables with the same texts, and numbers change only where a numbering problem was reported.
 * @example expectSameTable(before.plan.appendices, report, after.plan.appendices)
 */
export function expectSameTable(before: Appendix[], report: Report, after: Appendix[]): void {
  expect(after.map(meaning)).toEqual(before.map(meaning));
  const issues = allIssues(report);
  before.forEach((a, i) => {
    const renumbered = issues.some((x) => NUMBERING.has(x.code) && x.sheet === a.sheet && x.table === a.range);
    if (!renumbered) expect(numbers(after[i]!), `${a.sheet} ${a.range}: numbers changed without a numbering problem`).toEqual(numbers(a));
  });
}
