// How every adapter applies a set of patches: all cell edits first, then row deletions from the bottom up.
import type { CellEdit, Patch } from '../model/patch.ts';

export interface SheetEdit extends CellEdit {
  sheet: string;
}

export interface PlannedChanges {
  edits: SheetEdit[];
  /** Rows to delete, per sheet, in descending order (so earlier deletions never shift later ones). */
  deletions: { sheet: string; rows: number[] }[];
}

/**
 * Flatten patches into the one order adapters apply them in. Patches must not touch the same cell
 * (fixAll guarantees it; a later duplicate edit of a cell is dropped).
 * @example planChanges([patch]).deletions // [{ sheet: 'PL II', rows: [53, 41, 33] }]
 */
export function planChanges(patches: Patch[]): PlannedChanges {
  const edits: SheetEdit[] = [];
  const seen = new Set<string>();
  const del = new Map<string, Set<number>>();
  for (const p of patches) {
    for (const op of p.ops) {
      if (op.op === 'set-cells' || op.op === 'renumber' || op.op === 'merge-rows') {
        for (const e of op.edits) {
          const key = `${op.sheet}!${e.cell}`;
          if (seen.has(key)) continue;
          seen.add(key);
          edits.push({ ...e, sheet: op.sheet });
        }
      }
      if (op.op === 'merge-rows' || op.op === 'delete-rows') {
        let set = del.get(op.sheet);
        if (!set) del.set(op.sheet, (set = new Set()));
        for (const r of op.rows) set.add(r);
      }
    }
  }
  const deletions = [...del.entries()].map(([sheet, rows]) => ({ sheet, rows: [...rows].sort((a, b) => b - a) }));
  return { edits, deletions };
}

/** Cells and rows a patch touches, to keep one round's patches apart. */
export function footprint(p: Patch): { cells: string[]; rows: string[] } {
  const cells: string[] = [];
  const rows: string[] = [];
  for (const op of p.ops) {
    if (op.op !== 'delete-rows') for (const e of op.edits) cells.push(`${op.sheet}!${e.cell}`);
    if (op.op === 'merge-rows' || op.op === 'delete-rows') for (const r of op.rows) rows.push(`${op.sheet}:${r}`);
  }
  return { cells, rows };
}
