// The progress API's contract (issue 17): reporting periods, a commune's periodic reports, review, the province's view, the calendar feed.
import { z } from 'zod';
import {
  IndicatorActualSchema,
  PeriodIdSchema,
  PROGRESS_CATEGORIES,
  ProgressReportSchema,
  ProgressStatusSchema,
} from '../progress/index.ts';

// Paths. A {period} is a canonical period id ("2026-H1", "2026-Q2", "2026-M03", "2026-9M", "2026", "2026-06-15").
export const PROGRESS_PATHS = {
  /** GET (anyone of the province) / PUT (its consolidator, an admin): the periods a province collects, with cut-offs. */
  progressPeriods: '/api/provinces/{province}/plans/{planKey}/progress-periods',
  /** GET: one commune's state in every period of its province (what the pane lists). */
  communeProgress: '/api/communes/{commune}/plans/{planKey}/progress',
  /** GET: the head report of a period; POST: send a report (Idempotency-Key, baseSeq; merged per task and field). */
  progressReport: '/api/communes/{commune}/plans/{planKey}/progress/{period}',
  /** GET: every stored version of the period's report and every review decision, newest first. */
  progressHistory: '/api/communes/{commune}/plans/{planKey}/progress/{period}/history',
  /** POST (consolidator, admin): accept the report, or return it with a mandatory reason. */
  progressReview: '/api/communes/{commune}/plans/{planKey}/progress/{period}/review',
  /** POST (consolidator, admin): let a commune send again after the cut-off, until a day. */
  progressReopen: '/api/communes/{commune}/plans/{planKey}/progress/{period}/reopen',
  /** GET (consolidator of the province, admin): counts per category per commune and overall, overdue by lead, not reported, follow-ups; ?format=xlsx: the summary workbook. */
  provinceProgress: '/api/provinces/{province}/plans/{planKey}/progress/{period}',
  /** POST (editor of the commune, consolidator, admin): make (or replace) the commune's secret calendar address. */
  calendarLink: '/api/communes/{commune}/plans/{planKey}/calendar',
  /** GET (public; the secret is the authorization): the iCalendar feed of deadlines and report cut-offs. */
  calendarFeed: '/api/calendar/{secret}',
} as const;

export const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

// ---------------------------------------------------------------------------------------------------------------
// Periods a province collects

export const ProgressPeriodSettingSchema = z
  .object({
    period: PeriodIdSchema,
    /** The last day (Vietnam time) a commune can send the period's report without the province reopening it. */
    cutoff: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .meta({ id: 'ProgressPeriodSetting' });
export type ProgressPeriodSetting = z.infer<typeof ProgressPeriodSettingSchema>;

/** PUT …/progress-periods: the whole list (it replaces the previous one; the change is audited). */
export const ProgressPeriodsBody = z.object({ periods: z.array(ProgressPeriodSettingSchema).max(60) }).meta({ id: 'ProgressPeriodsBody' });
export type ProgressPeriodsBody = z.infer<typeof ProgressPeriodsBody>;

export const ProgressPeriodSchema = ProgressPeriodSettingSchema.extend({
  /** "6 tháng đầu năm 2026". */
  label: z.string(),
  labelEn: z.string(),
  start: z.string(),
  end: z.string(),
  /** The period communes report for now: the one with the earliest cut-off not yet past, else the last one. */
  current: z.boolean(),
}).meta({ id: 'ProgressPeriod' });
export type ProgressPeriod = z.infer<typeof ProgressPeriodSchema>;

/** GET …/progress-periods: by end day, then cut-off. */
export const ProgressPeriodList = z.object({ periods: z.array(ProgressPeriodSchema) }).meta({ id: 'ProgressPeriodList' });
export type ProgressPeriodList = z.infer<typeof ProgressPeriodList>;

// ---------------------------------------------------------------------------------------------------------------
// A commune's report for a period

/**
 * Where a commune's report of a period stands: nothing sent yet, sent, accepted by the province, returned with a
 * reason (the commune sends again). A "không phát sinh" report is 'submitted' (or accepted, returned) like any other.
 */
export const ReportStateSchema = z.enum(['not-reported', 'submitted', 'accepted', 'returned']);
export type ReportState = z.infer<typeof ReportStateSchema>;

/** A stored version of a period's report (no body). */
export const ProgressVersionSchema = z
  .object({
    seq: z.number().int(),
    baseSeq: z.number().int().nullable(),
    kind: z.enum(['submit', 'merge']),
    author: z.string(),
    authorName: z.string().nullable(),
    idempotencyKey: z.string().nullable(),
    contentHash: z.string(),
    message: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ProgressVersion' });
export type ProgressVersion = z.infer<typeof ProgressVersionSchema>;

/** A province's decision on a report (kept in history; the latest one after the latest version sets the state). */
export const ProgressReviewSchema = z
  .object({
    decision: z.enum(['accept', 'return', 'reopen']),
    /** The version the decision is about. */
    seq: z.number().int().nullable(),
    /** Mandatory for 'return'. */
    reason: z.string().nullable(),
    /** 'reopen': the last day the commune may send. */
    until: z.string().nullable(),
    author: z.string(),
    authorName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ProgressReview' });
export type ProgressReview = z.infer<typeof ProgressReviewSchema>;

/** Where a commune's report of one period stands, without its body. */
export const ReportStatusSchema = z
  .object({
    period: PeriodIdSchema,
    state: ReportStateSchema,
    /** The head version, null when nothing was sent. */
    seq: z.number().int().nullable(),
    nothingToReport: z.boolean(),
    /** Past the cut-off and not reopened, or accepted: sending is refused (409 progress-locked). */
    locked: z.boolean(),
    cutoff: z.string().nullable(),
    /** Until when a reopened period accepts reports. */
    reopenedUntil: z.string().nullable(),
    /** The reason of the latest return, while the state is 'returned'. */
    returnReason: z.string().nullable(),
    lastSent: z.string().nullable(),
  })
  .meta({ id: 'ReportStatus' });
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/** GET …/communes/{commune}/plans/{planKey}/progress: every period of the province, as ProgressPeriodList orders them. */
export const CommuneProgress = z
  .object({ periods: z.array(ReportStatusSchema.extend({ label: z.string(), labelEn: z.string(), current: z.boolean() })) })
  .meta({ id: 'CommuneProgress' });
export type CommuneProgress = z.infer<typeof CommuneProgress>;

/** GET …/progress/{period}: the head report with its status (404 progress-none when nothing was sent). */
export const ProgressHead = z.object({ status: ReportStatusSchema, version: ProgressVersionSchema, report: ProgressReportSchema }).meta({
  id: 'ProgressHead',
});
export type ProgressHead = z.infer<typeof ProgressHead>;

/**
 * POST …/progress/{period}: the report and the version it was edited from (null for a first report). The server
 * merges it per task (per indicator) and per field onto a newer head; entries it does not hold stay as the head has
 * them. Idempotency-Key as for plan pushes. `reportedBy`/`reportedAt` of new or changed entries are set by the server.
 */
export const ProgressPushBody = z
  .object({
    report: ProgressReportSchema,
    baseSeq: z.number().int().nullable(),
    message: z.string().max(500).optional(),
  })
  .meta({ id: 'ProgressPushBody' });
export type ProgressPushBody = z.infer<typeof ProgressPushBody>;

/** 201 created/merged, 200 unchanged (the report is the head's exactly; nothing stored). */
export const ProgressPushAnswer = z
  .object({
    status: z.enum(['created', 'merged', 'unchanged']),
    version: ProgressVersionSchema,
    report: ProgressReportSchema,
    state: ReportStatusSchema,
    /** SHA-256 (hex) of the raw request body. */
    fingerprint: z.string(),
  })
  .meta({ id: 'ProgressPushAnswer' });
export type ProgressPushAnswer = z.infer<typeof ProgressPushAnswer>;

/** The fields merged one by one: declared with the merge (core/merge), which core/api may import and not the reverse. */
export { INDICATOR_ACTUAL_FIELDS, TASK_PROGRESS_FIELDS } from '../merge/index.ts';

/** One field both sides changed differently since the base. Values as text (null: empty). */
export const ProgressConflictSchema = z
  .object({
    kind: z.enum(['task', 'indicator', 'report']),
    /** The task's or indicator's id; '' for the report itself (nothingToReport). */
    id: z.string(),
    field: z.string(),
    base: z.string().nullable(),
    theirs: z.string().nullable(),
    mine: z.string().nullable(),
  })
  .meta({ id: 'ProgressConflict' });
export type ProgressConflict = z.infer<typeof ProgressConflictSchema>;

/** 409 progress-conflict: nothing stored; resolve and send again with baseSeq = headSeq. */
export const ProgressConflictDetails = z.object({ headSeq: z.number().int(), conflicts: z.array(ProgressConflictSchema) });
export type ProgressConflictDetails = z.infer<typeof ProgressConflictDetails>;

/** 409 progress-locked: why sending is refused now. */
export const ProgressLockedDetails = z.object({
  reason: z.enum(['cutoff-passed', 'accepted']),
  cutoff: z.string().nullable(),
});

/** 404 period-unknown: the periods the province collects. */
export const PeriodListDetails = z.object({ periods: z.array(ProgressPeriodSettingSchema) });

/** GET …/progress/{period}/history: newest first. */
export const ProgressHistory = z
  .object({ versions: z.array(ProgressVersionSchema), reviews: z.array(ProgressReviewSchema) })
  .meta({ id: 'ProgressHistory' });
export type ProgressHistory = z.infer<typeof ProgressHistory>;

/** POST …/review. `seq`: the version decided on (412 when it is no longer the head). */
export const ProgressReviewBody = z
  .object({
    decision: z.enum(['accept', 'return']),
    seq: z.number().int(),
    reason: z.string().trim().max(1000).optional(),
  })
  .meta({ id: 'ProgressReviewBody' });
export type ProgressReviewBody = z.infer<typeof ProgressReviewBody>;

/** POST …/reopen. */
export const ProgressReopenBody = z
  .object({ until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), reason: z.string().trim().max(1000).optional() })
  .meta({ id: 'ProgressReopenBody' });
export type ProgressReopenBody = z.infer<typeof ProgressReopenBody>;

// ---------------------------------------------------------------------------------------------------------------
// The province's view of a period

const CategoryCounts = z.object(
  Object.fromEntries(PROGRESS_CATEGORIES.map((c) => [c, z.number().int()])) as Record<(typeof PROGRESS_CATEGORIES)[number], z.ZodNumber>,
);

export const ProgressCountsSchema = z
  .object({
    tasks: z.number().int(),
    reported: z.number().int(),
    unreported: z.number().int(),
    byCategory: CategoryCounts,
    overdueByLead: z.array(z.object({ lead: z.string(), overdue: z.number().int() })),
    unmatchedTasks: z.number().int(),
  })
  .meta({ id: 'ProgressCounts' });

const GroupRef = z.object({ id: z.string(), number: z.number().int(), short: z.string(), shortEn: z.string() });

export const FollowUpSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  taskId: z.string().optional(),
  tt: z.string(),
  content: z.string(),
  group: GroupRef,
  text: z.string(),
});

/** GET …/provinces/{province}/plans/{planKey}/progress/{period}?asOf=: what the province reads first. */
export const ProvinceProgress = z
  .object({
    province: z.object({ code: z.string(), name: z.string() }),
    planKey: z.string(),
    period: PeriodIdSchema,
    periodLabel: z.string(),
    /** The day categories are judged at: the period's end, or today when the period has not ended (or ?asOf). */
    asOf: z.string(),
    total: ProgressCountsSchema,
    communes: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        /** Whether the commune has a plan on the server. */
        submittedPlan: z.boolean(),
        report: ReportStatusSchema,
        /** Null when the commune has no plan on the server. */
        counts: ProgressCountsSchema.nullable(),
      }),
    ),
    /** Communes with a plan and no report for the period (a "không phát sinh" report counts as reported). */
    notReported: z.array(z.object({ code: z.string(), name: z.string() })),
    followUps: z.object({ highlights: z.array(FollowUpSchema), obstacles: z.array(FollowUpSchema), proposals: z.array(FollowUpSchema) }),
  })
  .meta({ id: 'ProvinceProgress' });
export type ProvinceProgress = z.infer<typeof ProvinceProgress>;

export const ProvinceProgressQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  format: z.enum(['json', 'xlsx']).optional(),
  lang: z.enum(['vi', 'en']).optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Calendar

/** 201 of POST …/calendar: the secret address (shown each time it is made; a new one replaces the old). */
export const CalendarLink = z.object({ url: z.string(), createdAt: z.string() }).meta({ id: 'CalendarLink' });
export type CalendarLink = z.infer<typeof CalendarLink>;

// Re-exported for the clients: the pieces of a report as the wire carries them.
export { IndicatorActualSchema, ProgressReportSchema, ProgressStatusSchema };
