// Three-way merge, diff and stable ids of plans by task identity (used by the sync server).
export type { FieldConflict, MergeStats } from './conflict.ts';
export { diffPlans, type TaskChange } from './diff.ts';
export { appendixKey, appendixKeys, matchAppendices } from './identity.ts';
export { assignIds } from './ids.ts';
export { isItemRow, itemRows } from './items.ts';
export { CONTENT_THRESHOLD, matchRows, SAME_TT_THRESHOLD } from './match-rows.ts';
export { mergePlans, type MergeResult } from './merge.ts';
export { sameText } from './fields.ts';
export {
  INDICATOR_ACTUAL_FIELDS,
  mergeProgress,
  TASK_PROGRESS_FIELDS,
  type ProgressConflict,
  type ProgressMergeResult,
} from './progress-merge.ts';
