// What a set of patches will do, as lines a person can read before confirming ("C17: “a” → “b”", "delete row 33").
import { fixChanges, type FixChange, type PatchValue } from '../../../core/fix/index.ts';

/** One line of the preview: core's change, so the preview and the "fix all" label count the same things. */
export type Change = FixChange;

/**
 * Flatten fix rounds into changes, in the order they are applied (core's `fixChanges`).
 * @example describeRounds(fixAll(grids).rounds).length
 */
export const describeRounds = fixChanges;

/**
 * A cell value for display: empty shown as "∅", long text cut, line breaks as "⏎".
 * @example shortValue('Quý 3/2025') // '“Quý 3/2025”'
 */
export function shortValue(v: PatchValue, max = 70): string {
  if (v === null || v === '') return '∅';
  const s = String(v).replace(/\r?\n/g, ' ⏎ ');
  return `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;
}
