// The charts' figures, computed from the consolidated table (pure: tested without a browser).
import { GROUP_COLUMNS, type GroupRef } from '../../../core/consolidate/index.ts';
import type { CommuneStats, ConsolidatedRow } from '../../../core/consolidate/index.ts';
import { fold } from '../../../core/text/index.ts';

export interface GroupStack {
  /** Commune names, in the stats' order (by code). */
  communes: string[];
  series: { group: GroupRef; data: number[] }[];
}

/**
 * Tasks per NQ57 group for each commune: one series per group ("Khác" last), skipping groups no commune has.
 * @example groupStacks(consolidated.stats.communes).series[0]?.group.number // 1
 */
export function groupStacks(communes: readonly CommuneStats[]): GroupStack {
  const series = GROUP_COLUMNS.map((group) => ({ group, data: communes.map((c) => c.byGroup[group.id] ?? 0) })).filter((s) =>
    s.data.some((n) => n > 0),
  );
  return { communes: communes.map((c) => c.name), series };
}

export interface QuarterCounts {
  /** [year, quarter] in time order, every quarter between the first and the last due date. */
  quarters: [number, number][];
  overdue: number[];
  other: number[];
  /** Tasks without a definite due date (standing, conditional, unreadable, missing). */
  undated: number;
}

/**
 * Due dates by calendar quarter, overdue tasks apart.
 * @example dueByQuarter(rows).quarters[0] // [2025, 3]
 */
export function dueByQuarter(rows: readonly ConsolidatedRow[]): QuarterCounts {
  const counts = new Map<number, { overdue: number; other: number }>();
  let undated = 0;
  for (const r of rows) {
    const m = r.dueDate ? /^(\d{4})-(\d{2})/.exec(r.dueDate) : null;
    if (!m) {
      undated++;
      continue;
    }
    const k = Number(m[1]) * 4 + Math.floor((Number(m[2]) - 1) / 3);
    const c = counts.get(k) ?? { overdue: 0, other: 0 };
    if (r.status === 'overdue') c.overdue++;
    else c.other++;
    counts.set(k, c);
  }
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const out: QuarterCounts = { quarters: [], overdue: [], other: [], undated };
  if (keys.length === 0) return out;
  // Quarters with nothing due stay on the axis so time reads evenly — unless a typo (2205) would draw hundreds of bars.
  const first = keys[0]!;
  const last = keys[keys.length - 1]!;
  const axis = last - first < 60 ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : keys;
  for (const k of axis) {
    const c = counts.get(k);
    out.quarters.push([Math.floor(k / 4), (k % 4) + 1]);
    out.overdue.push(c?.overdue ?? 0);
    out.other.push(c?.other ?? 0);
  }
  return out;
}

/**
 * Lead agencies by number of tasks they lead (catalog spelling; a task with two leads counts for both), top `n`. Names
 * the catalog does not know are counted together when they differ only in accents' style, case, spaces or dashes
 * ("Phòng Văn hoá - Xã hội", "Phòng văn hóa – xã hội", "Phòng Văn hóa - Xã hội xã"), under their most used spelling: one
 * agency, one bar.
 * @example leadLoad(rows, 15)[0] // { name: 'Phòng Văn hóa - Xã hội', count: 31 }
 */
export function leadLoad(rows: readonly ConsolidatedRow[], n = 15): { name: string; count: number }[] {
  const counts = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const r of rows) {
    const names = new Set(
      r.leadCanonical
        .split(';')
        .map((s) => s.trim().replace(/\s+/g, ' '))
        .filter((s) => s !== ''),
    );
    const keys = new Set<string>();
    for (const name of names) {
      // "Phòng Kinh tế xã" in a commune's plan is that commune's "Phòng Kinh tế".
      const key = fold(name)
        .replace(/[\s\-–—]+/g, ' ')
        .replace(/ (?:xa|phuong)$/, '');
      // Two spellings of one agency in one task's cell still count once.
      if (keys.has(key)) continue;
      keys.add(key);
      const entry = counts.get(key) ?? { count: 0, spellings: new Map<string, number>() };
      entry.count++;
      entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
      counts.set(key, entry);
    }
  }
  return [...counts.values()]
    .map(({ count, spellings }) => ({
      name: [...spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'))[0]![0],
      count,
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'vi'))
    .slice(0, n);
}
