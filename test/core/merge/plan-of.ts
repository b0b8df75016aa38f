// Test helper: plans from compact row lists ([tt, content, lead, partners, result, deadline]) and back.
import type { Appendix, AppendixRow, Plan, RowKind } from '../../../core/model/appendix.ts';
import { itemRows } from '../../../core/merge/items.ts';
import { normalizeText } from '../../../core/text/normalize.ts';

export type RowSpec = [tt: string | number | null, content: string, lead?: string, partners?: string, result?: string, deadline?: string];
const ROLES = ['lead', 'partners', 'result', 'deadline'] as const;
const FIRST_ROW = 6;

/** Roman TT → group, "a)" → subgroup, numbers → task, no TT → note. */
function kindOf(tt: string | null): RowKind {
  if (tt === null) return 'note';
  if (/^[IVXLC]+\.?$/.test(tt)) return 'group';
  if (/^[a-zđ]\)$/.test(tt)) return 'subgroup';
  return 'task';
}

/**
 * One appendix of a plan from row specs; `ids[i]` becomes row i's id.
 * @example planOf([['I', 'Nhóm 1'], [1, 'Xây dựng kế hoạch', 'Công an xã', '', '', 'Quý III/2025']])
 */
export function planOf(specs: RowSpec[], opts: { sheet?: string; ids?: (string | undefined)[] } = {}): Plan {
  return { appendices: [appendixOf(specs, opts)] };
}

export function appendixOf(specs: RowSpec[], opts: { sheet?: string; ids?: (string | undefined)[] } = {}): Appendix {
  const sheet = opts.sheet ?? 'PL II';
  let group: string | undefined;
  let subgroup: string | undefined;
  const rows = specs.map(([ttIn, content, ...rest], i): AppendixRow => {
    const tt = ttIn === null ? null : String(ttIn);
    const kind = kindOf(tt);
    const row: AppendixRow = {
      kind,
      tt,
      fields: { content },
      source: { sheet, row: FIRST_ROW + i, cells: { content: `B${FIRST_ROW + i}` } },
    };
    ROLES.forEach((role, k) => {
      if (rest[k]) row.fields[role] = rest[k];
    });
    if (kind === 'group') [group, subgroup] = [tt!, undefined];
    if (kind === 'subgroup') subgroup = tt!;
    if (group !== undefined) row.group = group;
    if (subgroup !== undefined) row.subgroup = subgroup;
    const id = opts.ids?.[i];
    if (id !== undefined) row.id = id;
    return row;
  });
  return {
    kind: 'tasks',
    sheet,
    range: `A4:F${FIRST_ROW + specs.length - 1}`,
    title: { lines: [], reference: {} },
    header: { rows: [4], labels: {} },
    columns: { tt: 'A', content: 'B', lead: 'C', partners: 'D', result: 'E', deadline: 'F' },
    rows,
  };
}

/**
 * The item rows of a plan's first appendix (or of `rows`) as specs, normalized, trailing empty cells dropped.
 * @example flat(planOf([[1, 'A', 'B']])) // [['1', 'A', 'B']]
 */
export function flat(plan: Plan | AppendixRow[], appendix = 0): string[][] {
  const rows = Array.isArray(plan) ? plan : (plan.appendices[appendix]?.rows ?? []);
  return itemRows(rows).map((r) => {
    const out = [r.tt ?? '', r.fields.content ?? '', ...ROLES.map((role) => r.fields[role] ?? '')].map(normalizeText);
    while (out.length > 2 && out[out.length - 1] === '') out.pop();
    return out;
  });
}

/** Specs as flat() would return them. */
export function flatSpecs(specs: RowSpec[]): string[][] {
  return flat(planOf(specs));
}

/** Freeze a value and everything in it, so a test fails if code under test mutates it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
