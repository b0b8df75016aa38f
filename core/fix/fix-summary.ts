// What "fix all" will do, counted once for every screen: the changes its rounds make and the issues they resolve.
import type { Patch, PatchValue } from '../model/patch.ts';
import type { Issue, Severity } from '../validate/issue.ts';
import type { FixAllResult } from './fix-all.ts';

/** One line of a fix preview: a cell edit, a deleted row, or rows joined into one (its cell edits are lines too). */
export type FixChange =
  | { kind: 'edit'; round: number; code: string; sheet: string; cell: string; from: PatchValue; to: PatchValue }
  | { kind: 'delete-row'; round: number; code: string; sheet: string; row: number }
  | { kind: 'merge-rows'; round: number; code: string; sheet: string; into: number; rows: number[] };

export interface FixSummary {
  /** Changes made (the preview's lines): every cell edited, every row deleted, every join of rows. */
  changes: number;
  /** Issues resolved, by severity (all rounds: a later round fixes what the sheet shows after the earlier ones). */
  errors: number;
  warnings: number;
  infos: number;
  /** Rounds of patches (each valid on the sheet the previous ones left). */
  rounds: number;
}

/**
 * Flatten fix rounds into changes, in the order they are applied (row numbers of a later round are those the sheet
 * has after the earlier rounds). The count of these is the count every screen shows.
 * @example fixChanges(fixAll(grids).rounds).length // 55
 */
export function fixChanges(rounds: readonly Patch[][]): FixChange[] {
  const out: FixChange[] = [];
  rounds.forEach((patches, i) => {
    const round = i + 1;
    for (const p of patches) {
      for (const op of p.ops) {
        if (op.op === 'delete-rows') {
          for (const row of op.rows) out.push({ kind: 'delete-row', round, code: p.code, sheet: op.sheet, row });
          continue;
        }
        if (op.op === 'merge-rows') out.push({ kind: 'merge-rows', round, code: p.code, sheet: op.sheet, into: op.into, rows: op.rows });
        for (const e of op.edits) out.push({ kind: 'edit', round, code: p.code, sheet: op.sheet, cell: e.cell, from: e.from, to: e.to });
      }
    }
  });
  return out;
}

const KEY: Record<Severity, 'errors' | 'warnings' | 'infos'> = { error: 'errors', warning: 'warnings', info: 'infos' };

/**
 * Count what a `fixAll` result will do: a button's label and the preview it opens then say the same numbers.
 * @example fixSummary(fixAll(grids)) // { changes: 12, errors: 2, warnings: 0, infos: 10, rounds: 1 }
 */
export function fixSummary(result: Pick<FixAllResult, 'rounds' | 'fixed'>): FixSummary {
  const summary: FixSummary = { changes: fixChanges(result.rounds).length, errors: 0, warnings: 0, infos: 0, rounds: result.rounds.length };
  for (const issue of result.fixed.flat() as Pick<Issue, 'severity'>[]) summary[KEY[issue.severity]]++;
  return summary;
}
