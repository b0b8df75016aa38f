// Shapes of a provincial consolidation: its input (each commune's latest plan) and its rows, indicators and stats.
import type { Commune } from '../dvhc.ts';
import type { Plan, Source } from '../model/appendix.ts';
import type { GroupRef } from './groups.ts';
import type { TaskStatus } from './status.ts';

/** One commune's plan, as stored: the commune, the plan's key and revision, and the plan itself. */
export interface ConsolidateInput {
  commune: Commune;
  planKey: string;
  revision: number;
  plan: Plan;
}

export interface ConsolidateOptions {
  /** The day statuses are computed for (ISO yyyy-mm-dd). */
  asOf: string;
}

/** Where a consolidated row came from: the commune's plan, its revision, and the cell row in that plan. */
export interface RowOrigin {
  communeCode: string;
  communeName: string;
  planKey: string;
  revision: number;
  source: Source;
}

/** One task of one commune. Text fields are as written (empty string when the plan leaves them blank). */
export interface ConsolidatedRow extends RowOrigin {
  group: GroupRef;
  /** The commune's own heading for the group the task sits in ('' when the table has none). */
  groupHeading: string;
  tt: string;
  content: string;
  lead: string;
  /** Each lead name's catalog spelling, joined with "; " (names not in the catalog kept as written). */
  leadCanonical: string;
  partners: string;
  result: string;
  /** "Thời gian hoàn thành" as written. */
  deadline: string;
  /** The date the task falls due as of `asOf` (ISO), or null (standing, conditional, unreadable, missing). */
  dueDate: string | null;
  status: TaskStatus;
  /** The plan's status cell, when it has one. */
  statusText: string;
}

/** One indicator ("chỉ tiêu") of one commune. */
export interface ConsolidatedIndicator extends RowOrigin {
  groupHeading: string;
  tt: string;
  content: string;
  unit: string;
  target: string;
  monitor: string;
}

/** Counts that measure how complete a set of tasks is. */
export interface TaskCounts {
  tasks: number;
  /** Task count by group id ('nq57-1' … 'nq57-7', 'khac'); every id present. */
  byGroup: Record<string, number>;
  byStatus: Record<TaskStatus, number>;
  missingLead: number;
  missingDeadline: number;
  missingResult: number;
  overdue: number;
  indicators: number;
}

export interface CommuneStats extends TaskCounts {
  code: string;
  name: string;
}

export interface GroupStats extends GroupRef {
  tasks: number;
  /** Communes with at least one task in the group. */
  communes: number;
}

export interface ConsolidatedStats {
  /** One per commune, by code. */
  communes: CommuneStats[];
  /** The seven groups, then "Khác". */
  groups: GroupStats[];
  totals: TaskCounts & { communes: number };
  /** Tasks per lead agency, one line per agency however it is written (catalog name), most first (at most MAX_LEADS). */
  leads: { name: string; tasks: number }[];
}

/** A province's plans as one table. */
export interface Consolidated {
  asOf: string;
  /** The province, when every input shares one. */
  province?: { code: string; name: string };
  /** The communes consolidated, by code. */
  communes: Commune[];
  /** One per task, communes by code, then plan order. */
  rows: ConsolidatedRow[];
  indicators: ConsolidatedIndicator[];
  stats: ConsolidatedStats;
}
