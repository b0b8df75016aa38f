// What the server stores beside each revision: a content hash and the validation counts.
import { createHash } from 'node:crypto';
import type { Plan } from '../../core/model/index.ts';
import { validate } from '../../core/validate/index.ts';
import type { RevisionSummary } from '../db/schema.ts';
import { canonicalJson } from './canonical.ts';

/**
 * SHA-256 of the plan's canonical JSON (object keys sorted): equal plans, equal hashes, however their keys were
 * ordered — a plan read from a workbook and the same plan sent back through the push body's schema (issue 16's
 * "nothing changed" test). `source` (the file name) is left out. Revisions stored before 0004 hashed the JSON as sent.
 */
export function contentHash(plan: Plan): string {
  // The file the plan was read from is not its content: the same tables uploaded as "ban-cuoi.xlsx" or converted from
  // an .xls are no change.
  return hashJson(canonicalJson({ ...plan, source: undefined }));
}

/** SHA-256 (hex) of a string: request fingerprints, content hashes. */
export function hashJson(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/**
 * SHA-256 (hex) of strings one after the other: `hashJson(parts.join(''))` without writing the whole text out.
 * @example hashParts(planTexts(plan).content) === contentHash(plan)
 */
export function hashParts(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

/** Counts from the core rules run on the model alone (cell-level checks need the sheet and are the add-in's job). */
export function summarize(plan: Plan): RevisionSummary {
  const { stats } = validate({ plan });
  return { tasks: stats.tasks, indicators: stats.indicators, errors: stats.errors, warnings: stats.warnings, infos: stats.infos };
}
