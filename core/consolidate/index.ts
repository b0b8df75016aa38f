// Provincial consolidation of communes' plans: NQ57 group mapping, task statuses, rows and stats (re-exports only).
export { consolidate, createConsolidator, planRowsOf, type Consolidator, type ConsolidatorMode } from './consolidate.ts';
export { communeOfFile, fileCode } from './commune-of-file.ts';
export { NO_SOURCE, rowsFromWire, rowsToWire, type RowsWire } from './wire.ts';
export { mapGroup, matchGroup, type GroupMatch } from './map-group.ts';
export { GROUP_COLUMNS, groupByNumber, NQ57_GROUPS, OTHER_GROUP, type GroupRef, type Nq57Group } from './groups.ts';
export { isDoneText, quarterEnd, STATUS_LABEL, TASK_STATUSES, taskStatus, type TaskStatus } from './status.ts';
export { leadCounter, makeLeadCanonicalizer, MAX_LEADS, type LeadCanonicalizer, type LeadCount, type LeadCounter } from './lead.ts';
export { computeStats, statsCounter, type StatsCounter } from './stats.ts';
export {
  groupLabel,
  INDICATOR_COLUMNS,
  plainCell,
  STATS_COLUMNS,
  TASK_COLUMNS,
  type CellKind,
  type CellOut,
  type ColumnSpec,
  type Lang,
} from './columns.ts';
export type {
  CommuneStats,
  Consolidated,
  ConsolidatedIndicator,
  ConsolidatedRow,
  ConsolidatedStats,
  ConsolidateInput,
  ConsolidateOptions,
  GroupStats,
  RowOrigin,
  TaskCounts,
} from './types.ts';
