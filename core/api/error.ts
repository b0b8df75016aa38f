// The one error of the sync API as its callers see it: the HTTP status (0: no answer), the server's stable code, its
// Vietnamese message and English one, and the details the error body carries (wire.ts, ErrorBody). The server's own
// exception (server/http/errors.ts) extends it and writes exactly that body.
import type { CommuneMismatchDetails, ConflictDetails, PlanEntry } from './wire.ts';

/** Status of a call that got no answer (network down, server unreachable). */
export const NO_ANSWER = 0;

export class ApiError extends Error {
  constructor(
    /** The HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    /** Vietnamese. */
    message: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /**
   * Any thrown value as an ApiError (an unexpected one keeps its text, code 'unknown').
   * @example state.error = ApiError.of(err)
   */
  static of(err: unknown): ApiError {
    if (err instanceof ApiError) return err;
    return new ApiError(NO_ANSWER, 'unknown', String(err), String(err));
  }

  /** The message in a language. */
  in(lang: 'vi' | 'en'): string {
    return lang === 'en' ? this.messageEn : this.message;
  }

  /** Worth retrying later as it is (network, server restarting, busy, over a rate); anything else needs a person. */
  get transient(): boolean {
    return this.status === NO_ANSWER || this.status === 408 || this.status === 429 || this.status >= 500;
  }

  /** A 409 merge-conflict's details: the head met and the conflicting cells. */
  get conflict(): ConflictDetails | null {
    if (this.status !== 409 || this.code !== 'merge-conflict') return null;
    const d = this.details as Partial<ConflictDetails> | undefined;
    return d && typeof d.headSeq === 'number' && Array.isArray(d.conflicts) ? (d as ConflictDetails) : null;
  }

  /** A 409 commune-mismatch's details: the commune the file names and the one it was sent for (confirm to store). */
  get communeMismatch(): CommuneMismatchDetails | null {
    if (this.status !== 409 || this.code !== 'commune-mismatch') return null;
    const d = this.details as Partial<CommuneMismatchDetails> | undefined;
    return d && typeof d.fileCommune === 'string' && d.targetCommune ? (d as CommuneMismatchDetails) : null;
  }

  /** A 404 plan-unknown's list of the registered plans (to offer a picker); null for any other error. */
  get knownPlans(): PlanEntry[] | null {
    if (this.status !== 404 || this.code !== 'plan-unknown') return null;
    const d = this.details as { plans?: unknown } | undefined;
    return d && Array.isArray(d.plans) ? (d.plans as PlanEntry[]) : null;
  }
}
