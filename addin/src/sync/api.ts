// The sync server's API as the pane uses it: the one client (core/api), with the pane's rules on top — a plan with no
// revision yet is "nothing to pull", and a push or restore answer is accepted only if it is for the request sent.
import { ApiError, createApiClient, type PlanRevision, type PushAnswer, type PushBody } from '../../../core/api/index.ts';
import { sha256Hex } from './fingerprint.ts';

export type { RevisionMeta } from '../../../core/api/index.ts';

/** A push or restore answer as the pane lands it: the server's answer, and whether it was the key's first one again. */
export type Delivered = PushAnswer & {
  /** The server sent the key's first answer again (Idempotent-Replayed). */
  replayed: boolean;
};

/** Error codes after which the pane makes a new Idempotency-Key and sends again, rather than writing anything back. */
export const NEW_KEY_CODES = new Set(['idempotency-key-reused', 'fingerprint-mismatch']);

export interface ApiOptions {
  /** e.g. https://phuluc.tinh.gov.vn (no trailing slash needed). */
  server: string;
  /** The bearer credential, asked for each call (an MSAL token may have been refreshed). */
  token(): Promise<string>;
  fetch?: typeof fetch;
}

export type SyncApi = ReturnType<typeof createApi>;

/** What a call that got no answer says in the pane. */
const OFFLINE = { message: 'Không kết nối được máy chủ đồng bộ.', messageEn: 'The sync server cannot be reached.' };

/**
 * @example const api = createApi({ server: location.origin, token: async () => 'phl_…' }); await api.head('10903', 'NQ57-2026')
 */
export function createApi(opts: ApiOptions) {
  const f = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const client = createApiClient({ server: opts.server, fetch: (url, init) => f(url, init), bearer: () => opts.token(), offline: OFFLINE });

  /**
   * A push or restore answer, accepted only if it is for the request sent: its fingerprint must be the one computed
   * here, and a replay without one (an older server) cannot be trusted. Otherwise a 'fingerprint-mismatch' error.
   */
  function checked(r: { body: PushAnswer; replayed: boolean }, fingerprint: string): Delivered {
    // An older server marked a replay with status 'replayed' instead of the header.
    const answer: Delivered = { ...r.body, replayed: r.replayed || (r.body.status as string) === 'replayed' };
    const ok = (answer.fingerprint as string | undefined) === undefined ? !answer.replayed : answer.fingerprint === fingerprint;
    if (!ok) {
      throw new ApiError(
        422,
        'fingerprint-mismatch',
        'Câu trả lời của máy chủ không phải cho nội dung vừa gửi; không ghi gì vào bảng, sẽ gửi lại với khóa mới.',
        "The server's answer is not for the content just sent; nothing written to the sheet, sending again with a new key.",
        { expected: fingerprint, got: answer.fingerprint ?? null },
      );
    }
    return answer;
  }

  return {
    /** The head revision; null when `knownSeq` is already the head (304) or the plan has no revision yet (404). */
    async head(commune: string, planKey: string, knownSeq?: number): Promise<PlanRevision | null> {
      try {
        return (await client.head(commune, planKey, knownSeq)).body;
      } catch (err) {
        // No revision yet is nothing to pull; an unknown plan is not (its error lists the plans there are).
        if (err instanceof ApiError && err.status === 404 && err.knownPlans === null) return null;
        throw err;
      }
    },
    async push(commune: string, planKey: string, body: PushBody, baseSeq: number, key: string): Promise<Delivered> {
      // Always a base, "0" included: a workbook never synced, pushed onto an existing plan, merges against nothing.
      // The exact bytes sent are the ones fingerprinted: the server hashes the raw body.
      const text = JSON.stringify(body);
      const fingerprint = await sha256Hex(text);
      return checked(await client.push(commune, planKey, text, { baseSeq, key }), fingerprint);
    },
    revisions: async (commune: string, planKey: string) => (await client.revisions(commune, planKey)).revisions,
    revision: (commune: string, planKey: string, seq: number) => client.revision(commune, planKey, seq),
    diff: async (commune: string, planKey: string, from: number, to: number) => (await client.diff(commune, planKey, from, to)).changes,
    async restore(commune: string, planKey: string, seq: number, key: string): Promise<Delivered> {
      // A restore has no body: its request, and fingerprint, is the revision it restores.
      const fingerprint = await sha256Hex(`restore ${seq}`);
      return checked(await client.restore(commune, planKey, seq, key), fingerprint);
    },
    consolidated: (province: string, planKey: string) => client.provinceConsolidated(province, planKey),
    me: () => client.me(),
    listPlans: () => client.listPlans(),
  };
}
