// Push a revision: store on the head, three-way merge onto a newer head, or report conflicts — with retries when
// another process stores first (the unique (plan, seq) pair decides), and idempotency keys replayed, never duplicated.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { assignIds, mergePlans, type FieldConflict } from '../../core/merge/index.ts';
import type { Plan } from '../../core/model/appendix.ts';
import type { DB, RevisionKind } from '../db/schema.ts';
import { isItemRow } from '../../core/merge/items.ts';
import { uniqueViolation } from '../store/errors.ts';
import { ensurePlan } from '../store/plans.ts';
import { pushState, replayOf, type PushState } from '../store/push-state.ts';
import { getRevision, insertRevision, type Revision } from '../store/revisions.ts';
import { serialized } from './per-key.ts';
import { hashJson, summarize } from './summary.ts';

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

/** Whether every item row already has an id, none twice: then assignIds has nothing to do and needs no head. */
function idsComplete(plan: Plan): boolean {
  const seen = new Set<string>();
  for (const a of plan.appendices) {
    for (const r of a.rows) {
      if (!isItemRow(r)) continue;
      if (r.id === undefined || seen.has(r.id)) return false;
      seen.add(r.id);
    }
  }
  return true;
}

/**
 * Store a push. Never updates a row: a lost race on seq n+1 re-reads the head and merges again.
 * The common case, a fast-forward of a plan whose tasks carry ids, costs two round trips: one read (pushState) and
 * one statement writing the revision and its audit entry; plan bodies are read only to merge or to assign ids.
 * `known` is a pushState the caller already read for this very push (the route does, to answer 428 and replays).
 * @example await pushRevision(db, { communeCode: '10903', planKey: 'NQ57-2026', plan, baseSeq: 3, idempotencyKey: 'k1', … })
 */
export async function pushRevision(db: Kysely<DB>, input: PushInput, known?: PushState): Promise<PushOutcome> {
  // One attempt at a time per plan in this process: twelve pushes racing on one plan would otherwise lose to each
  // other until their retries run out; queued, they only race other processes. A queued push re-reads its state.
  return serialized(`${input.communeCode}/${input.planKey}`, (waited) => pushOnce(db, input, waited ? undefined : known));
}

async function pushOnce(db: Kysely<DB>, input: PushInput, known: PushState | undefined): Promise<PushOutcome> {
  let state = known;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (!state) state = await pushState(db, input.communeCode, input.planKey, input.idempotencyKey, { withHeadPlan: attempt > 0 });
    if (state.planId === null) {
      await ensurePlan(db, input.communeCode, input.planKey, input.author);
      state = await pushState(db, input.communeCode, input.planKey, input.idempotencyKey);
    }
    const planId = state.planId!;
    const seen = await replayOf(db, state);
    if (seen) return { status: 'replayed', revision: seen };
    const head = state.head;
    const headSeq = head?.seq ?? 0;
    const base = input.baseSeq ?? headSeq;
    if (base > headSeq || base < 0) return { status: 'bad-base', headSeq };

    let headPlan: Plan | null | undefined;
    const loadHead = async () => (headPlan ??= head ? (head.plan ?? (await getRevision(db, planId, head.seq))?.plan ?? null) : null);
    let candidate = input.plan;
    let merged = false;
    if (base < headSeq) {
      // Base and head in parallel: the shorter the time between reading the head and inserting, the fewer lost races.
      const [baseRev] = await Promise.all([base === 0 ? undefined : getRevision(db, planId, base), loadHead()]);
      if (base !== 0 && !baseRev) return { status: 'bad-base', headSeq };
      const result = mergePlans(baseRev?.plan ?? EMPTY, (await loadHead())!, input.plan);
      if (!result.ok) return { status: 'conflict', headSeq, conflicts: result.conflicts };
      candidate = result.plan;
      merged = true;
    }
    // Rows pushed without ids (a workbook from elsewhere) inherit the ids of the head's matching rows.
    if (!idsComplete(candidate)) candidate = assignIds(candidate, await loadHead(), () => `t-${randomUUID().slice(0, 13)}`);
    const json = JSON.stringify(candidate);
    try {
      const kind = merged ? 'merge' : input.kind;
      const revision = await insertRevision(db, {
        planId, seq: headSeq + 1, baseSeq: base, kind, author: input.author, authorName: input.authorName,
        idempotencyKey: input.idempotencyKey, contentHash: hashJson(json), plan: candidate, planJson: json, summary: summarize(candidate), message: input.message ?? null,
        audit: { actor: input.author, action: kind, target: `${input.communeCode}/${input.planKey}#${headSeq + 1}`, detail: { base, head: headSeq } },
      });
      return { status: merged ? 'merged' : 'created', revision };
    } catch (err) {
      const constraint = uniqueViolation(err);
      if (constraint === null) throw err;
      // Someone stored seq n+1 (or this very key) first: loop, re-read, merge onto the new head or replay.
      state = undefined;
      await sleep(Math.min(50, 2 ** attempt) * Math.random());
    }
  }
  return { status: 'busy' };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
