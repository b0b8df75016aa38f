// Push a revision: store on the head, three-way merge onto a newer head, or report conflicts — with retries when
// another process stores first (the unique (plan, seq) pair decides), and idempotency keys replayed, never duplicated.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { assignIds, mergePlans, type FieldConflict } from '../../core/merge/index.ts';
import type { Plan } from '../../core/model/appendix.ts';
import type { DB, RevisionKind } from '../db/schema.ts';
import { audit } from '../store/audit.ts';
import { uniqueViolation } from '../store/errors.ts';
import { ensurePlan } from '../store/plans.ts';
import { getRevision, headRevision, insertRevision, revisionByIdempotencyKey, type Revision } from '../store/revisions.ts';
import { contentHash, summarize } from './summary.ts';

export interface PushInput {
  communeCode: string;
  planKey: string;
  plan: Plan;
  /** The revision the client edited (0 for a new plan); null means "on whatever the head is" (uploads). */
  baseSeq: number | null;
  idempotencyKey: string | null;
  author: string;
  authorName: string | null;
  kind: RevisionKind;
  message?: string | null;
}

export type PushOutcome =
  | { status: 'created' | 'merged' | 'replayed'; revision: Revision }
  | { status: 'conflict'; headSeq: number; conflicts: FieldConflict[] }
  | { status: 'bad-base'; headSeq: number }
  | { status: 'busy' };

const EMPTY: Plan = { appendices: [] };
const ATTEMPTS = 20;

/**
 * Store a push. Never updates a row: a lost race on seq n+1 re-reads the head and merges again.
 * @example await pushRevision(db, { communeCode: '10903', planKey: 'NQ57-2026', plan, baseSeq: 3, idempotencyKey: 'k1', … })
 */
export async function pushRevision(db: Kysely<DB>, input: PushInput): Promise<PushOutcome> {
  const plan = await ensurePlan(db, input.communeCode, input.planKey, input.author);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (input.idempotencyKey) {
      const seen = await revisionByIdempotencyKey(db, plan.id, input.idempotencyKey);
      if (seen) return { status: 'replayed', revision: seen };
    }
    const head = await headRevision(db, plan.id);
    const headSeq = head?.seq ?? 0;
    const base = input.baseSeq ?? headSeq;
    if (base > headSeq || base < 0) return { status: 'bad-base', headSeq };

    let candidate = input.plan;
    let merged = false;
    if (base < headSeq) {
      const baseRev = base === 0 ? undefined : await getRevision(db, plan.id, base);
      if (base !== 0 && !baseRev) return { status: 'bad-base', headSeq };
      const result = mergePlans(baseRev?.plan ?? EMPTY, head!.plan!, input.plan);
      if (!result.ok) return { status: 'conflict', headSeq, conflicts: result.conflicts };
      candidate = result.plan;
      merged = true;
    }
    // Rows pushed without ids (a workbook from elsewhere) inherit the ids of the head's matching rows.
    candidate = assignIds(candidate, head?.plan ?? null, () => `t-${randomUUID().slice(0, 13)}`);
    try {
      const revision = await insertRevision(db, {
        planId: plan.id, seq: headSeq + 1, baseSeq: base, kind: merged ? 'merge' : input.kind, author: input.author, authorName: input.authorName,
        idempotencyKey: input.idempotencyKey, contentHash: contentHash(candidate), plan: candidate, summary: summarize(candidate), message: input.message ?? null,
      });
      await audit(db, input.author, merged ? 'merge' : input.kind, `${input.communeCode}/${input.planKey}#${revision.seq}`, { base, head: headSeq });
      return { status: merged ? 'merged' : 'created', revision };
    } catch (err) {
      const constraint = uniqueViolation(err);
      if (constraint === null) throw err;
      // Someone stored seq n+1 (or this very key) first: loop, re-read, merge onto the new head or replay.
      await sleep(Math.min(50, 2 ** attempt) * Math.random());
    }
  }
  return { status: 'busy' };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
