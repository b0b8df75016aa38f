// Appendix and Plan: the model every part of phuluc shares (read → validate → fix → merge → consolidate).
import { z } from 'zod';
import { DeadlineSchema } from './deadline.ts';

/** What a table column holds. */
export const ColumnRoleSchema = z.enum([
  'tt',
  'content',
  'head',
  'lead',
  'partners',
  'result',
  'deadline',
  'unit',
  'target',
  'monitor',
  'note',
  'status',
  'funding',
  'start',
  // Progress through the year (issue 17): what a commune reports on each task and indicator.
  'completedOn',
  'achieved',
  'reason',
  'evidence',
  'highlights',
  'obstacles',
  'proposals',
]);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;
export const COLUMN_ROLES: readonly ColumnRole[] = ColumnRoleSchema.options;

/** What a table row is. */
export const RowKindSchema = z.enum(['group', 'subgroup', 'task', 'indicator', 'continuation', 'repeated-header', 'blank', 'note']);
export type RowKind = z.infer<typeof RowKindSchema>;

const RoleRecord = <T extends z.ZodType>(t: T) => z.partialRecord(ColumnRoleSchema, t);

/** Where a row came from: sheet, Excel row, and the A1 cell of each role's column. */
export const SourceSchema = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  cells: RoleRecord(z.string()),
});
export type Source = z.infer<typeof SourceSchema>;

/** A parsed ordinal ("III", "1.2", "b)", "-"), keeping how it was written. */
export const OrdinalSchema = z.object({
  text: z.string(),
  style: z.enum(['roman', 'arabic', 'hierarchical', 'letter', 'dash', 'plus', 'bullet']),
  value: z.number().nullable(),
  path: z.array(z.number()).optional(),
  /** A hierarchical number whose first part is Roman ("III.1.2"): a subgroup heading under group III. */
  romanHead: z.boolean().optional(),
  trailing: z.string(),
});
export type Ordinal = z.infer<typeof OrdinalSchema>;

export const LegacyEncodingSchema = z.enum(['tcvn3', 'vni']);
export type LegacyEncoding = z.infer<typeof LegacyEncodingSchema>;

export const AppendixRowSchema = z.object({
  kind: RowKindSchema,
  /** Stable task identity (from the add-in's id column, or assigned by the server). */
  id: z.string().optional(),
  /** TT as written ("III", "1", "VI.", "-"), null when empty. */
  tt: z.string().nullable(),
  ordinal: OrdinalSchema.nullable().optional(),
  /** Cell text by role (Unicode; legacy-encoded cells decoded; continuation fragments joined). */
  fields: RoleRecord(z.string()),
  source: SourceSchema,
  /** Excel rows of continuation fragments merged into this row. */
  mergedFrom: z.array(z.number().int()).optional(),
  /** For a continuation row: the Excel row it continues. */
  continues: z.number().int().optional(),
  /**
   * Roles whose value this row shares with the rows above through a cell merged down (one deadline or result for
   * several tasks): the value is in `fields`, `source.cells` points at the merged cell's top-left.
   */
  shared: z.array(ColumnRoleSchema).optional(),
  /** For a repeated-header row: its wording differs from the table's header (a reworded sub-header inside the table). */
  reworded: z.boolean().optional(),
  /** Columns whose text was decoded from a legacy font encoding. */
  encoding: RoleRecord(LegacyEncodingSchema).optional(),
  deadline: DeadlineSchema.optional(),
  /** TT of the group (and subgroup) this row sits in. */
  group: z.string().optional(),
  subgroup: z.string().optional(),
});
export type AppendixRow = z.infer<typeof AppendixRowSchema>;

/** "(Kèm theo Kế hoạch số 03/KH-UBND ngày 07 tháng 7 năm 2025 của UBND xã Cẩm Giàng)". */
export const PlanReferenceSchema = z.object({
  appendix: z.string().optional(),
  documentNumber: z.string().optional(),
  date: z.string().optional(),
  dateText: z.string().optional(),
  year: z.number().int().optional(),
  issuer: z.string().optional(),
  commune: z.string().optional(),
  period: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
});
export type PlanReference = z.infer<typeof PlanReferenceSchema>;

export const TitleBlockSchema = z.object({
  lines: z.array(z.object({ row: z.number().int(), text: z.string() })),
  appendix: z.string().optional(),
  name: z.string().optional(),
  reference: PlanReferenceSchema,
});
export type TitleBlock = z.infer<typeof TitleBlockSchema>;

export const AppendixKindSchema = z.enum(['tasks', 'indicators']);
export type AppendixKind = z.infer<typeof AppendixKindSchema>;

export const AppendixSchema = z.object({
  kind: AppendixKindSchema,
  sheet: z.string(),
  /** A1 range of the table, header included. */
  range: z.string(),
  title: TitleBlockSchema,
  header: z.object({
    rows: z.array(z.number().int()),
    /** Header text by role, as written. */
    labels: RoleRecord(z.string()),
  }),
  /** Role → column letter. */
  columns: RoleRecord(z.string()),
  /** Column letter of the add-in's hidden task-id column ("phuluc-id"), when the sheet has one. */
  idColumn: z.string().optional(),
  /** Labelled columns inside the table that no plan role reads (working columns of a tracking sheet), left aside. */
  aside: z.array(z.object({ column: z.string(), label: z.string() })).optional(),
  rows: z.array(AppendixRowSchema),
});
export type Appendix = z.infer<typeof AppendixSchema>;

export const PlanSchema = z.object({
  source: z.object({ file: z.string().optional(), format: z.enum(['xlsx', 'text', 'json', 'docx']).optional() }).optional(),
  reference: PlanReferenceSchema.optional(),
  appendices: z.array(AppendixSchema),
});
export type Plan = z.infer<typeof PlanSchema>;
