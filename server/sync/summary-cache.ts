// A push validates only the appendices that changed: each appendix's counts are kept, keyed by the SHA-256 of its
// canonical JSON and of the plan around it, so an edit in one table reuses the base's counts for the others.
import type { Plan } from '../../core/model/index.ts';
import type { RevisionSummary } from '../db/schema.ts';
import type { PlanTexts } from './canonical.ts';
import { hashJson, summarize } from './summary.ts';

/** Appendices remembered (an entry is a 64-character key and five counts: well under 1 MiB in all). */
export const SUMMARY_CACHE_SIZE = 4096;

const cache = new Map<string, RevisionSummary>();
/** Look-ups answered from the cache and validations run, since the start or the last clear. */
const counts = { hits: 0, validated: 0 };

function remembered(key: string, compute: () => RevisionSummary): RevisionSummary {
  const hit = cache.get(key);
  if (hit) {
    // Least recently used goes first: a hit moves to the end.
    cache.delete(key);
    cache.set(key, hit);
    counts.hits++;
    return hit;
  }
  const s = compute();
  counts.validated++;
  cache.set(key, s);
  if (cache.size > SUMMARY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return s;
}

/**
 * The summary `summarize(plan)` gives, validating only appendices not seen before. Validation is per appendix (each
 * check sees one table and the plan's own fields), and the counts add up, so the plan's counts are the sum of each
 * appendix's counts in a plan of its own. A plan of one appendix is validated whole: nothing to reuse when it changed.
 * @example const s = incrementalSummary(plan, planTexts(plan))
 */
export function incrementalSummary(plan: Plan, texts: PlanTexts): RevisionSummary {
  if (plan.appendices.length < 2) return summarize(plan);
  const total: RevisionSummary = { tasks: 0, indicators: 0, errors: 0, warnings: 0, infos: 0 };
  plan.appendices.forEach((a, i) => {
    // Everything but the other appendices is part of the key: a check may read the plan's reference, source or title.
    const s = remembered(hashJson(`${texts.rest}\n${texts.appendices[i]}`), () => summarize({ ...plan, appendices: [a] }));
    total.tasks += s.tasks;
    total.indicators += s.indicators;
    total.errors += s.errors;
    total.warnings += s.warnings;
    total.infos += s.infos;
  });
  return total;
}

/** Forget every remembered appendix (tests: a cold start). */
export function clearSummaryCache(): void {
  cache.clear();
  counts.hits = 0;
  counts.validated = 0;
}

/** Appendices answered from the cache and validated, since the start or the last clear. */
export function summaryCacheCounts(): { hits: number; validated: number } {
  return { ...counts };
}
