// Fixes are data: a patch is a list of cell edits, row merges, row deletions and renumberings that adapters apply.
import { z } from 'zod';

export const PatchValueSchema = z.union([z.string(), z.number(), z.null()]);
export type PatchValue = z.infer<typeof PatchValueSchema>;

/** One cell edit; `from` is what the cell held when the patch was made (adapters refuse to apply over a changed cell). */
export const CellEditSchema = z.object({
  cell: z.string(),
  from: PatchValueSchema,
  to: PatchValueSchema,
  /** New font name, when the text changes encoding (TCVN3/VNI → Unicode needs a Unicode font). */
  font: z.string().optional(),
});
export type CellEdit = z.infer<typeof CellEditSchema>;

export const PatchOpSchema = z.discriminatedUnion('op', [
  /** Replace cell values (text fixes, agency names, deadline format, renumbering). */
  z.object({ op: z.literal('set-cells'), sheet: z.string(), edits: z.array(CellEditSchema) }),
  /** Join continuation rows into the row they continue: set the joined cells, then delete the fragments' rows. */
  z.object({
    op: z.literal('merge-rows'),
    sheet: z.string(),
    into: z.number().int(),
    rows: z.array(z.number().int()),
    edits: z.array(CellEditSchema),
  }),
  /** Rewrite TT cells so numbering follows the plan's own scheme (continuous or per group) and Roman style. */
  z.object({ op: z.literal('renumber'), sheet: z.string(), edits: z.array(CellEditSchema) }),
  /** Delete whole rows (repeated headers, blank rows); rows below move up. */
  z.object({ op: z.literal('delete-rows'), sheet: z.string(), rows: z.array(z.number().int()) }),
]);
export type PatchOp = z.infer<typeof PatchOpSchema>;

export const PatchSchema = z.object({
  /** Stable within a report: `${code}@${sheet}!${cell or row}`. */
  id: z.string(),
  code: z.string(),
  /** Safe patches can be applied without asking (they never lose text); others are suggestions to confirm. */
  safe: z.boolean(),
  ops: z.array(PatchOpSchema),
});
export type Patch = z.infer<typeof PatchSchema>;
