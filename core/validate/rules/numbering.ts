// Numbering checks: group gaps and styles, task gaps, duplicates, invalid numbers, mixed schemes — one renumber fix.
import type { AppendixRow } from '../../model/appendix.ts';
import { columnNumber } from '../../model/a1.ts';
import type { CellEdit, Patch } from '../../model/patch.ts';
import { intToRoman } from '../../text/ordinal.ts';
import { cellLoc, rawCell, type Check, type CheckContext } from '../context.ts';

type Scheme = 'continuous' | 'per-group';
/** Where a run of tasks starts: the table's top, after a group heading, or after a subgroup heading only. */
type Level = 'start' | 'group' | 'subgroup';

interface TaskNo {
  row: AppendixRow;
  value: number | null;
}

interface Segment {
  key: string;
  level: Level;
  /** The heading the run starts under (the last heading row above its first task). */
  group: AppendixRow | null;
  tasks: TaskNo[];
}

/**
 * The plan's own scheme, per level: after a group heading numbering either restarts at 1 or continues, and after a
 * subgroup heading the same ("III.1", "III.1.1" inside group III often continue 1..32; "I.1", "I.2" often restart).
 * Each level's scheme is the majority of its boundaries; `perGroup` is what each run itself does.
 */
export function numberingScheme(rows: AppendixRow[]): { scheme: Scheme; subScheme: Scheme; perGroup: Map<string, Scheme> } {
  return schemeOf(segments(rows));
}

function schemeOf(segs: Segment[]): { scheme: Scheme; subScheme: Scheme; perGroup: Map<string, Scheme> } {
  const perGroup = new Map<string, Scheme>();
  const votes: Record<Level, number> = { start: 0, group: 0, subgroup: 0 };
  let prevLast: number | null = null;
  for (const seg of segs) {
    // Per segment of every table: indexed loops, not find/map/filter with closures.
    const tasks = seg.tasks;
    let first: number | null = null;
    let last: number | null = null;
    for (let i = 0; i < tasks.length; i++) {
      const v = tasks[i]!.value;
      if (v === null) continue;
      if (first === null) first = v;
      last = last === null ? v : Math.max(last, v);
    }
    if (first !== null && prevLast !== null && seg.level !== 'start') {
      const s: Scheme = first === prevLast + 1 && first !== 1 ? 'continuous' : 'per-group';
      perGroup.set(seg.key, s);
      votes[seg.level] += s === 'continuous' ? 1 : -1;
    }
    if (last !== null) prevLast = last;
  }
  const scheme: Scheme = votes.group > 0 ? 'continuous' : 'per-group';
  // Without a subgroup boundary to go by, subgroups follow the groups' scheme.
  const subScheme: Scheme = votes.subgroup === 0 ? scheme : votes.subgroup > 0 ? 'continuous' : 'per-group';
  return { scheme, subScheme, perGroup };
}

/** Runs of numbered tasks between headings. A row whose TT is shared through a merged cell is part of the task above. */
function segments(rows: AppendixRow[]): Segment[] {
  const out: Segment[] = [{ key: '', level: 'start', group: null, tasks: [] }];
  let pending: Level | null = null;
  let head: AppendixRow | null = null;
  for (const row of rows) {
    if (row.kind === 'group' || row.kind === 'subgroup') {
      pending = row.kind === 'group' || pending === 'group' ? 'group' : 'subgroup';
      head = row;
      if (row.kind === 'group') out.push({ key: `${row.source.row}`, level: 'group', group: row, tasks: [] });
      continue;
    }
    if ((row.kind !== 'task' && row.kind !== 'indicator') || row.shared?.includes('tt')) continue;
    if (pending !== null) {
      const last = out[out.length - 1]!;
      // A group heading already opened an empty run: the tasks below its first subgroup still start that run.
      if (!(last.tasks.length === 0 && last.level === 'group' && pending === 'group')) {
        out.push({ key: `${head!.source.row}`, level: pending, group: head, tasks: [] });
      }
      pending = null;
    }
    const o = row.ordinal;
    // Hierarchical numbers (1.2) are checked by their last part; dashes and letters are not counted.
    const value = o && (o.style === 'arabic' || o.style === 'hierarchical') ? (o.path ? o.path[o.path.length - 1]! : o.value) : null;
    out[out.length - 1]!.tasks.push({ row, value });
  }
  return out.filter((s) => s.group !== null || s.tasks.length > 0);
}

export const groupNumbers: Check = (ctx) => {
  const groups = ctx.appendix.rows.filter((r) => r.kind === 'group' && r.ordinal?.style === 'roman');
  if (groups.length === 0) return;
  let prev = 0;
  for (const g of groups) {
    const v = g.ordinal!.value ?? 0;
    if (v !== prev + 1 && v > prev) {
      const expected = `${intToRoman(prev + 1)}${g.ordinal!.trailing}`;
      const fix = groupRenumberPatch(ctx, groups);
      ctx.push({ code: 'group-number-gap', params: { expected, found: g.tt ?? '' }, loc: cellLoc(ctx, g, 'tt'), ...(fix ? { fix } : {}) });
    }
    prev = Math.max(prev, v);
  }
  const withDot = groups.filter((g) => g.ordinal!.trailing !== '');
  const without = groups.filter((g) => g.ordinal!.trailing === '');
  if (withDot.length > 0 && without.length > 0) {
    const dotMajority = withDot.length > without.length;
    const minority = dotMajority ? without : withDot;
    const trailing = dotMajority ? mostCommon(withDot.map((g) => g.ordinal!.trailing)) : '';
    const fix = stylePatch(ctx, minority, trailing);
    for (const g of minority) {
      ctx.push({
        code: 'group-number-style',
        params: {
          styles: `${withDot.map((x) => x.tt).join(', ')} / ${without.map((x) => x.tt).join(', ')}`,
          majority: dotMajority ? `I${trailing}` : 'I',
        },
        loc: cellLoc(ctx, g, 'tt'),
        ...(fix ? { fix } : {}),
      });
    }
  }
};

export const taskNumbers: Check = (ctx) => {
  const segs = segments(ctx.appendix.rows);
  const { scheme, subScheme, perGroup } = schemeOf(segs);
  const levelScheme = (seg: Segment): Scheme => (seg.level === 'subgroup' ? subScheme : scheme);
  const renumber = taskRenumberPatch(ctx, segs, levelScheme);
  const withFix = renumber ? { fix: renumber } : {};

  for (const seg of segs) {
    const s = perGroup.get(seg.key);
    if (s && s !== levelScheme(seg) && seg.group) {
      ctx.push({
        code: 'numbering-scheme-mixed',
        params: { group: seg.group.tt ?? '', scheme: s, majority: levelScheme(seg) },
        loc: cellLoc(ctx, seg.tasks[0]?.row ?? seg.group, 'tt'),
        ...withFix,
      });
    }
  }

  let expected = 1;
  const seen = new SeenNumbers();
  for (const seg of segs) {
    if (seg.level !== 'start' && (perGroup.get(seg.key) ?? levelScheme(seg)) === 'per-group') {
      expected = 1;
      seen.clear();
    }
    for (const t of seg.tasks) {
      const o = t.row.ordinal;
      const tt = t.row.tt ?? '';
      if (o && (o.style === 'dash' || o.style === 'plus' || o.style === 'bullet' || o.style === 'letter')) continue;
      if (!o || t.value === null || t.value <= 0) {
        ctx.push({ code: 'task-number-invalid', params: { tt }, loc: cellLoc(ctx, t.row, 'tt') });
        continue;
      }
      const first = seen.get(o.path, t.value);
      if (first !== undefined) {
        ctx.push({ code: 'task-number-duplicate', params: { tt, firstRow: first }, loc: cellLoc(ctx, t.row, 'tt'), ...withFix });
      } else if (t.value > expected && !o.path) {
        ctx.push({
          code: 'task-number-gap',
          params: { expected: String(expected), found: tt },
          loc: cellLoc(ctx, t.row, 'tt'),
          ...withFix,
        });
      }
      if (first === undefined) seen.set(o.path, t.value, t.row.source.row);
      if (!o.path) expected = Math.max(expected, t.value + 1);
    }
  }
};

/**
 * The Excel row where each task number was first seen, by the number as written: its path with the last part
 * replaced by the value ("1.3"), or the value alone. A whole number without a dot is kept by number, not by a
 * string made for every task; "3" and the path [3] are the same key either way.
 */
class SeenNumbers {
  /** Small whole numbers (1…65,535, what tables hold), by index. */
  private readonly small: (number | undefined)[] = [];
  private readonly byValue = new Map<number, number>();
  private readonly byText = new Map<string, number>();

  get(path: number[] | undefined, value: number): number | undefined {
    if (!this.plain(path, value)) return this.byText.get(keyOf(path, value));
    return value > 0 && value < SMALL ? this.small[value] : this.byValue.get(value);
  }

  set(path: number[] | undefined, value: number, row: number): void {
    if (!this.plain(path, value)) this.byText.set(keyOf(path, value), row);
    else if (value > 0 && value < SMALL) this.small[value] = row;
    else this.byValue.set(value, row);
  }

  clear(): void {
    this.small.length = 0;
    this.byValue.clear();
    this.byText.clear();
  }

  /** A key that is the value's own digits: no path (or a path of at most one part) and a whole number. */
  private plain(path: number[] | undefined, value: number): boolean {
    return (!path || path.length <= 1) && Number.isInteger(value);
  }
}

const SMALL = 65_536;

function keyOf(path: number[] | undefined, value: number): string {
  return path ? path.slice(0, -1).concat(value).join('.') : String(value);
}

/** The whole table renumbered in its own scheme; undefined when nothing would change or no sheet to edit. */
function taskRenumberPatch(ctx: CheckContext, segs: Segment[], schemeOf: (seg: Segment) => Scheme): Patch | undefined {
  if (!ctx.sheet || ctx.appendix.columns.tt === undefined) return undefined;
  const edits: CellEdit[] = [];
  let n = 0;
  for (const seg of segs) {
    if (seg.level !== 'start' && schemeOf(seg) === 'per-group') n = 0;
    for (const t of seg.tasks) {
      const o = t.row.ordinal;
      if (!o || o.style !== 'arabic' || t.value === null) continue;
      n++;
      if (t.value === n) continue;
      const raw = rawCell(ctx, t.row.source.row, 'tt');
      const to = typeof raw?.v === 'number' ? n : `${n}${o.trailing}`;
      edits.push({ cell: t.row.source.cells.tt!, from: typeof raw?.v === 'number' || typeof raw?.v === 'string' ? raw.v : null, to });
    }
  }
  if (edits.length === 0) return undefined;
  return {
    id: `renumber-tasks@${ctx.appendix.sheet}!${ctx.appendix.range}`,
    code: 'task-number-gap',
    safe: true,
    ops: [{ op: 'renumber', sheet: ctx.appendix.sheet, edits }],
  };
}

/**
 * Groups renumbered I, II, III… A suggestion, not a safe fix: a plan may skip numbers on purpose
 * to keep the seven NQ57 group numbers (VI stays VI when IV and V have no task).
 */
function groupRenumberPatch(ctx: CheckContext, groups: AppendixRow[]): Patch | undefined {
  if (!ctx.sheet) return undefined;
  const edits: CellEdit[] = [];
  groups.forEach((g, i) => {
    const to = `${intToRoman(i + 1)}${g.ordinal!.trailing}`;
    if (to !== g.tt) edits.push({ cell: g.source.cells.tt!, from: rawText(ctx, g), to });
  });
  if (edits.length === 0) return undefined;
  return {
    id: `renumber-groups@${ctx.appendix.sheet}!${ctx.appendix.range}`,
    code: 'group-number-gap',
    safe: false,
    ops: [{ op: 'renumber', sheet: ctx.appendix.sheet, edits }],
  };
}

function stylePatch(ctx: CheckContext, minority: AppendixRow[], trailing: string): Patch | undefined {
  if (!ctx.sheet) return undefined;
  const edits = minority.map((g) => ({
    cell: g.source.cells.tt!,
    from: rawText(ctx, g),
    to: `${intToRoman(g.ordinal!.value ?? 1)}${trailing}`,
  }));
  return {
    id: `group-style@${ctx.appendix.sheet}!${ctx.appendix.range}`,
    code: 'group-number-style',
    safe: true,
    ops: [{ op: 'renumber', sheet: ctx.appendix.sheet, edits }],
  };
}

function rawText(ctx: CheckContext, row: AppendixRow): string | number | null {
  const col = ctx.appendix.columns.tt;
  const v = col && ctx.sheet ? ctx.sheet.cell(row.source.row, columnNumber(col))?.v : null;
  return typeof v === 'string' || typeof v === 'number' ? v : null;
}

function mostCommon(xs: string[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}
