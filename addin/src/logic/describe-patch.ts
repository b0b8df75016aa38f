// What a set of patches will do, as lines a person can read before confirming ("C17: “a” → “b”", "delete row 33").
import type { Patch, PatchValue } from '../../../core/fix/index.ts';

export type Change =
  | { kind: 'edit'; round: number; code: string; sheet: string; cell: string; from: PatchValue; to: PatchValue }
  | { kind: 'delete-row'; round: number; code: string; sheet: string; row: number }
  | { kind: 'merge-rows'; round: number; code: string; sheet: string; into: number; rows: number[] };

/**
 * Flatten fix rounds into changes, in the order they are applied (row numbers of a later round are
 * those the sheet has after the earlier rounds).
 * @example describeRounds(fixAll(grids).rounds).length
 */
export function describeRounds(rounds: readonly Patch[][]): Change[] {
  const out: Change[] = [];
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

/**
 * A cell value for display: empty shown as "∅", long text cut, line breaks as "⏎".
 * @example shortValue('Quý 3/2025') // '“Quý 3/2025”'
 */
export function shortValue(v: PatchValue, max = 70): string {
  if (v === null || v === '') return '∅';
  const s = String(v).replace(/\r?\n/g, ' ⏎ ');
  return `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;
}
