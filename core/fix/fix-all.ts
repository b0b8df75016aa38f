// Fix all safe issues: validate, apply the non-overlapping safe patches, read again — until nothing safe is left.
import type { Grid } from '../model/grid.ts';
import type { ValidateOptions } from '../validate/context.ts';
import type { Issue } from '../validate/issue.ts';
import { allIssues } from '../validate/report.ts';
import { validateGrids } from '../validate/validate.ts';
import { applyToGrids } from './apply-grid.ts';
import { footprint } from './order.ts';
import type { Patch } from '../model/patch.ts';

export interface FixAllOptions extends ValidateOptions {
  /** Only fix these codes (suggestions of a code named here are applied too: the user asked for it by name). */
  only?: string[];
  /** Include suggested (not only safe) fixes. */
  includeSuggestions?: boolean;
}

export interface FixAllResult {
  grids: Grid[];
  /** Patches per round, each round valid against the sheet as the previous rounds left it. */
  rounds: Patch[][];
  /** Per round, the issues its patches fix (several issues may share one patch): what "fix all" resolves, by severity. */
  fixed: Issue[][];
}

const MAX_ROUNDS = 8;

/**
 * Compute and apply every safe fix. Adapters replay `rounds` in order (each with planChanges) to reach the same cells.
 * @example const { grids: fixed, rounds } = fixAll(grids)
 */
export function fixAll(grids: Grid[], opts: FixAllOptions = {}): FixAllResult {
  const only = opts.only ? new Set(opts.only) : null;
  const rounds: Patch[][] = [];
  const fixed: Issue[][] = [];
  let current = grids;
  for (let i = 0; i < MAX_ROUNDS; i++) {
    const { report } = validateGrids(current, opts);
    const issues = allIssues(report);
    const chosen = selectPatches(
      issues
        .map((issue) => issue.fix)
        // A suggestion (moving text between rows when the reader is not certain) is applied only when asked for:
        // all suggestions, or its code named in `only`.
        .filter(
          (p): p is Patch =>
            p !== undefined && (!only || only.has(p.code)) && (p.safe || opts.includeSuggestions === true || only !== null),
        ),
    );
    if (chosen.length === 0) break;
    const applied = applyToGrids(current, chosen);
    current = applied.grids;
    rounds.push(chosen);
    const ids = new Set(chosen.map((p) => p.id));
    fixed.push(issues.filter((issue) => issue.fix !== undefined && ids.has(issue.fix.id)));
  }
  return { grids: current, rounds, fixed };
}

/** Unique patches whose cells and rows do not overlap; the rest wait for the next round (re-validated on fresh cells). */
export function selectPatches(patches: Patch[]): Patch[] {
  const byId = new Map<string, Patch>();
  for (const p of patches) if (!byId.has(p.id)) byId.set(p.id, p);
  const cells = new Set<string>();
  const cellRows = new Set<string>();
  const rows = new Set<string>();
  const chosen: Patch[] = [];
  for (const p of byId.values()) {
    const fp = footprint(p);
    // Editing a cell of a row another patch deletes (or the reverse) waits for the next round too.
    const clash = fp.cells.some((c) => cells.has(c) || rows.has(rowOf(c))) || fp.rows.some((r) => rows.has(r) || cellRows.has(r));
    if (clash) continue;
    for (const c of fp.cells) {
      cells.add(c);
      cellRows.add(rowOf(c));
    }
    for (const r of fp.rows) rows.add(r);
    chosen.push(p);
  }
  return chosen;
}

/** "Sheet!C17" → "Sheet:17" (sheet names may contain "!", so split at the last one). */
function rowOf(key: string): string {
  const i = key.lastIndexOf('!');
  return `${key.slice(0, i)}:${/\d+$/.exec(key.slice(i + 1))![0]}`;
}
