// Push a revision: store on the head, three-way merge onto a newer head, or report conflicts — with retries when
// another process stores first (the unique (plan, seq) pair decides), and idempotency keys replayed, never duplicated:
// a key belongs to its principal (the author) and plan, and a retry must carry the same request fingerprint — a key
// reused for another request is refused and nothing is stored. A plan identical to the head (same content hash) stores
// nothing and answers 'unchanged'. Plan size and the commune's quotas are checked here,
// on every path that stores a revision (push, upload, restore).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { assignIds, mergePlans, type FieldConflict } from '../../core/merge/index.ts';
import type { Plan } from '../../core/model/index.ts';
import type { DB, RevisionKind } from '../db/schema.ts';
import { isItemRow } from '../../core/merge/index.ts';
import { uniqueViolation } from '../store/errors.ts';
import { ensurePlan } from '../store/plans.ts';
import { storeLimits, vietnamDayStart, type StoreLimits } from '../limits.ts';
import { pushState, replayOf, sameRequest, type PushState } from '../store/push-state.ts';
import { getRevision, insertRevision, type Revision } from '../store/revisions.ts';
import { serialized } from './per-key.ts';
import { planTexts } from './canonical.ts';
import { incrementalSummary } from './summary-cache.ts';
import { hashJson, hashParts } from './summary.ts';

export interface PushInput {
  communeCode: string;
  planKey: string;
  plan: Plan;
  /** The revision the client edited (0 for a new plan); null means "on whatever the head is" (uploads). */
  baseSeq: number | null;
  idempotencyKey: string | null;
  /**
   * SHA-256 (hex) of the request the key came with: the push route hashes the raw body, restore the revision it
   * restores. Default: a hash of the kind and the plan (uploads: the same workbook reads to the same plan).
   */
  fingerprint?: string;
  author: string;
  authorName: string | null;
  kind: RevisionKind;
  message?: string | null;
}

export type PushOutcome =
  /**
   * `planJson`: the revision's plan as stored (canonical JSON), for the answer to send without writing it again;
   * `planBytes` its UTF-8 size.
   */
  | { status: 'created' | 'merged'; revision: Revision; fingerprint: string; planJson?: string; planBytes?: number }
  /** The plan (merged or as sent) is the head's exactly: nothing stored, the head answered. */
  | { status: 'unchanged'; revision: Revision; fingerprint: string; planJson?: string; planBytes?: number }
  /** The key's first answer again: `first` is what that answer said. */
  | { status: 'replayed'; revision: Revision; first: 'created' | 'merged'; fingerprint: string }
  | { status: 'key-reused' }
  | { status: 'conflict'; headSeq: number; conflicts: FieldConflict[] }
  | { status: 'bad-base'; headSeq: number }
  | { status: 'too-large'; limit: 'planRows' | 'planBytes'; max: number; actual: number }
  | { status: 'quota'; limit: 'revisionsPerDay' | 'communeBytes'; max: number; used: number; retryAfterSec?: number }
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
  const fingerprint = input.fingerprint ?? hashJson(`${input.kind}\n${JSON.stringify(input.plan)}`);
  const limits = storeLimits(db);
  const rows = planRows(input.plan);
  if (limits?.planRows && rows > limits.planRows) return { status: 'too-large', limit: 'planRows', max: limits.planRows, actual: rows };
  // One attempt at a time per plan in this process: twelve pushes racing on one plan would otherwise lose to each
  // other until their retries run out; queued, they only race other processes. A queued push re-reads its state.
  return serialized(`${input.communeCode}/${input.planKey}`, (waited) =>
    pushOnce(db, { ...input, fingerprint }, limits, waited ? undefined : known),
  );
}

/** The state options of a push: its principal, and the usage when a quota is on. */
function stateOptions(input: PushInput, limits: StoreLimits | undefined, withHeadPlan: boolean) {
  const quota = limits && (limits.revisionsPerDay > 0 || limits.communeBytes > 0);
  return { withHeadPlan, principal: input.author, ...(quota ? { usageSince: vietnamDayStart(new Date()) } : {}) };
}

/**
 * The state a push needs, read with this push's principal (and usage when quotas are on).
 * @example const state = await pushStateFor(db, input)
 */
export function pushStateFor(
  db: Kysely<DB>,
  input: Pick<PushInput, 'communeCode' | 'planKey' | 'idempotencyKey' | 'author'>,
): Promise<PushState> {
  return pushState(db, input.communeCode, input.planKey, input.idempotencyKey, stateOptions(input as PushInput, storeLimits(db), false));
}

/** Rows of every appendix together. */
export function planRows(plan: Plan): number {
  let n = 0;
  for (const a of plan.appendices) n += a.rows.length;
  return n;
}

async function pushOnce(
  db: Kysely<DB>,
  input: PushInput & { fingerprint: string },
  limits: StoreLimits | undefined,
  known: PushState | undefined,
): Promise<PushOutcome> {
  let state = known;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (!state)
      state = await pushState(db, input.communeCode, input.planKey, input.idempotencyKey, stateOptions(input, limits, attempt > 0));
    if (state.planId === null) {
      // Nothing stored yet and nothing will be: a quota refusal must not leave an empty plan behind either.
      const refused = quotaRefusal(state, limits, 0);
      if (refused) return refused;
      await ensurePlan(db, input.communeCode, input.planKey, input.author);
      state = await pushState(db, input.communeCode, input.planKey, input.idempotencyKey, stateOptions(input, limits, false));
    }
    const planId = state.planId!;
    if (state.replaySeq !== null) {
      // The same key from the same principal on this plan: a retry only if it is the same request.
      if (!sameRequest(state, input.fingerprint)) return { status: 'key-reused' };
      const seen = await replayOf(db, state);
      if (seen)
        return { status: 'replayed', revision: seen, first: seen.kind === 'merge' ? 'merged' : 'created', fingerprint: input.fingerprint };
    }
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
    // One walk writes the text stored and answered (canonical: keys sorted) and the text hashed (without the source).
    const texts = planTexts(candidate);
    const json = texts.json;
    const contentHash = hashParts(texts.content);
    // The same content again (a file uploaded twice, a push with nothing new): a revision would only say "no change".
    const bytes = Buffer.byteLength(json);
    if (head && contentHash === head.contentHash)
      return {
        status: 'unchanged',
        revision: { ...head, plan: candidate },
        fingerprint: input.fingerprint,
        planJson: json,
        planBytes: bytes,
      };
    if (limits?.planRows && merged && planRows(candidate) > limits.planRows)
      return { status: 'too-large', limit: 'planRows', max: limits.planRows, actual: planRows(candidate) };
    if (limits?.planBytes && bytes > limits.planBytes)
      return { status: 'too-large', limit: 'planBytes', max: limits.planBytes, actual: bytes };
    const refused = quotaRefusal(state, limits, bytes);
    if (refused) return refused;
    try {
      const kind = merged ? 'merge' : input.kind;
      const revision = await insertRevision(db, {
        planId,
        seq: headSeq + 1,
        baseSeq: base,
        kind,
        author: input.author,
        authorName: input.authorName,
        idempotencyKey: input.idempotencyKey,
        requestHash: input.idempotencyKey === null ? null : input.fingerprint,
        contentHash,
        plan: candidate,
        planJson: json,
        planBytes: bytes,
        summary: incrementalSummary(candidate, texts),
        message: input.message ?? null,
        audit: {
          actor: input.author,
          action: kind,
          target: `${input.communeCode}/${input.planKey}#${headSeq + 1}`,
          detail: { base, head: headSeq },
        },
      });
      return { status: merged ? 'merged' : 'created', revision, fingerprint: input.fingerprint, planJson: json, planBytes: bytes };
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

/** A quota the next revision (of `bytes`) would break, or null. */
function quotaRefusal(state: PushState, limits: StoreLimits | undefined, bytes: number): PushOutcome | null {
  const u = state.usage;
  if (!limits || !u) return null;
  if (limits.revisionsPerDay > 0 && u.revisionsToday >= limits.revisionsPerDay) {
    const now = Date.now();
    const retryAfterSec = Math.max(1, Math.ceil((vietnamDayStart(new Date(now)).getTime() + 86_400_000 - now) / 1000));
    return { status: 'quota', limit: 'revisionsPerDay', max: limits.revisionsPerDay, used: u.revisionsToday, retryAfterSec };
  }
  if (limits.communeBytes > 0 && u.bytes + bytes > limits.communeBytes)
    return { status: 'quota', limit: 'communeBytes', max: limits.communeBytes, used: u.bytes };
  return null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
