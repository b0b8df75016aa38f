// What the server stores beside each revision: a content hash and the validation counts.
import { createHash } from 'node:crypto';
import type { Plan } from '../../core/model/index.ts';
import { validate } from '../../core/validate/index.ts';
import type { RevisionSummary } from '../db/schema.ts';

/** SHA-256 of the plan's JSON: equal plans, equal hashes (the ETag and the "nothing changed" test). */
export function contentHash(plan: Plan): string {
  return hashJson(JSON.stringify(plan));
}

/** contentHash of a plan already serialized (the push path stores the same string it hashes). */
export function hashJson(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/** Counts from the core rules run on the model alone (cell-level checks need the sheet and are the add-in's job). */
export function summarize(plan: Plan): RevisionSummary {
  const { stats } = validate({ plan });
  return { tasks: stats.tasks, indicators: stats.indicators, errors: stats.errors, warnings: stats.warnings, infos: stats.infos };
}
