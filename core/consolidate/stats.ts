// Counts of a consolidation: per commune, per NQ57 group, and for the whole province, in one pass over the rows.
import type { Commune } from '../dvhc.ts';
import { GROUP_COLUMNS } from './groups.ts';
import { leadCounter } from './lead.ts';
import { TASK_STATUSES, type TaskStatus } from './status.ts';
import type { CommuneStats, ConsolidatedIndicator, ConsolidatedRow, ConsolidatedStats, GroupStats, TaskCounts } from './types.ts';

function emptyCounts(): TaskCounts {
  const byGroup: Record<string, number> = {};
  for (const g of GROUP_COLUMNS) byGroup[g.id] = 0;
  const byStatus = {} as Record<TaskStatus, number>;
  for (const s of TASK_STATUSES) byStatus[s] = 0;
  return { tasks: 0, byGroup, byStatus, missingLead: 0, missingDeadline: 0, missingResult: 0, overdue: 0, indicators: 0 };
}

function countTask(c: TaskCounts, r: ConsolidatedRow): void {
  c.tasks++;
  c.byGroup[r.group.id] = (c.byGroup[r.group.id] ?? 0) + 1;
  c.byStatus[r.status]++;
  if (r.lead === '') c.missingLead++;
  if (r.deadline === '') c.missingDeadline++;
  if (r.result === '') c.missingResult++;
  if (r.status === 'overdue') c.overdue++;
}

function addInto(total: TaskCounts, c: TaskCounts): void {
  total.tasks += c.tasks;
  for (const [id, n] of Object.entries(c.byGroup)) total.byGroup[id] = (total.byGroup[id] ?? 0) + n;
  for (const s of TASK_STATUSES) total.byStatus[s] += c.byStatus[s];
  total.missingLead += c.missingLead;
  total.missingDeadline += c.missingDeadline;
  total.missingResult += c.missingResult;
  total.overdue += c.overdue;
  total.indicators += c.indicators;
}

/** Stats counted as rows arrive, so a caller may let each row go once counted. */
export interface StatsCounter {
  commune(c: Commune): void;
  task(r: ConsolidatedRow): void;
  indicator(i: ConsolidatedIndicator): void;
  result(): ConsolidatedStats;
}

/**
 * computeStats one row at a time (the same figures over the same rows).
 * @example const s = statsCounter(); s.commune(c); for (const r of rows) s.task(r); s.result().totals.tasks
 */
export function statsCounter(): StatsCounter {
  const byCode = new Map<string, CommuneStats>();
  const leads = leadCounter();
  const of = (code: string, name: string): CommuneStats => {
    let s = byCode.get(code);
    if (!s) byCode.set(code, (s = { code, name, ...emptyCounts() }));
    return s;
  };
  return {
    commune: (c) => void of(c.code, c.name),
    task: (r) => {
      countTask(of(r.communeCode, r.communeName), r);
      leads.add(r.leadCanonical);
    },
    indicator: (i) => void of(i.communeCode, i.communeName).indicators++,
    result() {
      const perCommune = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      const totals = { communes: perCommune.length, ...emptyCounts() };
      for (const c of perCommune) addInto(totals, c);
      const groups: GroupStats[] = GROUP_COLUMNS.map((g) => ({
        id: g.id,
        number: g.number,
        short: g.short,
        shortEn: g.shortEn,
        tasks: totals.byGroup[g.id] ?? 0,
        communes: perCommune.filter((c) => (c.byGroup[g.id] ?? 0) > 0).length,
      }));
      return { communes: perCommune, groups, totals, leads: leads.result() };
    },
  };
}

/**
 * Stats of a consolidation. `communes` lists every commune consolidated (by code), with or without tasks.
 * A task with no lead, deadline or result text counts as missing it; a group counts the communes with ≥ 1 task in it.
 * @example computeStats(communes, rows, indicators).totals.tasks === rows.length // true
 */
export function computeStats(
  communes: readonly Commune[],
  rows: readonly ConsolidatedRow[],
  indicators: readonly ConsolidatedIndicator[],
): ConsolidatedStats {
  const s = statsCounter();
  for (const c of communes) s.commune(c);
  for (const r of rows) s.task(r);
  for (const i of indicators) s.indicator(i);
  return s.result();
}
