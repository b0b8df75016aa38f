// Progress through the year (issue 17): reported task status per period, derived categories, indicator actuals, counts.
export { IsoDaySchema, isIsoDay, MomentSchema, vietnamDay, type IsoDay } from './day.ts';
export {
  parsePeriodId,
  PeriodIdSchema,
  periodId,
  PeriodKindSchema,
  periodSpan,
  spanOfId,
  type DaySpan,
  type PeriodId,
  type PeriodKind,
  type ReportingPeriod,
} from './period.ts';
export { parsePeriod, periodLabel } from './period-text.ts';
export { NEEDS_REASON, PROGRESS_STATUS_LABEL, PROGRESS_STATUSES, ProgressStatusSchema, type ProgressStatus } from './status.ts';
export { PROGRESS_COLUMNS, PROGRESS_ROLES, type ProgressColumn, type ProgressRole } from './columns.ts';
export {
  INDICATOR_ACHIEVED_LABEL,
  INDICATOR_TEMPLATE_HEADERS,
  TASK_TEMPLATE_HEADERS,
  TEMPLATE_PROGRESS_ROLES,
  TEMPLATE_ROLES,
  TEMPLATE_WIDTHS,
} from './template-headers.ts';
export { COMPLETED_ON_RULE, LIST_ERROR, LIST_PROMPTS, RULE_TITLE, STATUS_RULE, STATUS_WORDS } from './template-rules.ts';
export { progressFromPlan, type FromPlanOptions } from './from-plan.ts';
export { actualCellValues, progressCellValues, type ProgressCellValue } from './cell-values.ts';
export { parseActualValue } from './actual-value.ts';
export { parseDay, parseStatus, statusWordList } from '../read/progress-cells.ts';
export { TaskProgressSchema, type TaskProgress, type TaskProgressInput } from './entry.ts';
export {
  checkTaskProgress,
  validateTaskProgress,
  type EntryCheckOptions,
  type ProgressIssue,
  type ProgressIssueCode,
} from './entry-issues.ts';
export { ProgressReportSchema, type ProgressReport } from './report.ts';
export { validateProgressReport } from './report-issues.ts';
export { occurrenceIn, type Occurrence } from './occurrence.ts';
export {
  categorize,
  PROGRESS_CATEGORIES,
  PROGRESS_CATEGORY_LABEL,
  type CategoryInput,
  type Judgement,
  type ProgressCategory,
} from './category.ts';
export { latestActuals, latestBy, latestEntries } from './latest.ts';
export { countIndicators, judgeIndicators, type IndicatorCounts, type JudgedIndicator } from './judge-indicators.ts';
export { judgePlan, taskRows, type JudgedTask, type JudgeOptions } from './judge-plan.ts';
export { followUps, type FollowUp, type FollowUps } from './follow-ups.ts';
export { countJudged, overallProgressCounts, progressCounts, type LeadOverdue, type PlanProgress, type ProgressCounts } from './counts.ts';
export {
  ActualModeSchema,
  IndicatorActualSchema,
  prefillActual,
  type ActualMode,
  type IndicatorActual,
  type IndicatorActualDraft,
} from './indicator.ts';
export { actualNumber, evaluateActual, passRuleOf, type Evaluation, type PassRule, type Verdict } from './pass-rule.ts';
