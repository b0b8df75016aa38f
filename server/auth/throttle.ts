// Failed authentication throttled per client address: after N failures within a window, every request with a
// credential from that address is answered 429 with Retry-After until the oldest failure leaves the window — before the
// credential is even looked at, so a guess that happens to be right cannot show itself.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../http/errors.ts';
import { LIMIT_ENV } from '../limits.ts';

export interface ThrottleOptions {
  /** Failures allowed per address within the window; 0 turns throttling off. */
  failures: number;
  windowSeconds: number;
  /** The caller's address; null when unknown (then nothing is throttled). */
  address: (c: Context) => string | null;
  now?: () => number;
  /** Which requests are watched; default: those carrying a credential (Authorization). */
  watch?: (c: Context) => boolean;
  /** Which answers count as a failure; default: 401. The calendar feed, whose address is its secret, counts its 404s. */
  failed?: (status: number) => boolean;
}

/** Addresses remembered at most (the oldest are forgotten first): a flood of addresses cannot grow memory. */
const MAX_ADDRESSES = 50_000;

/**
 * The socket's remote address, or with `trustProxy` the address the reverse proxy appended last to X-Forwarded-For.
 * @example clientAddress(false)(c) // '203.0.113.7'
 */
export function clientAddress(trustProxy: boolean): (c: Context) => string | null {
  return (c) => {
    if (trustProxy) {
      const hops = (c.req.header('x-forwarded-for') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (hops.length > 0) return hops[hops.length - 1]!;
    }
    try {
      return getConnInfo(c).remote.address ?? null;
    } catch {
      // app.request() in tests: no socket.
      return null;
    }
  };
}

/**
 * @example app.use('/api/communes/*', authThrottle({ failures: 20, windowSeconds: 60, address: clientAddress(false) }))
 */
export function authThrottle(opts: ThrottleOptions): MiddlewareHandler {
  const failures = new Map<string, number[]>();
  const now = opts.now ?? Date.now;
  const windowMs = opts.windowSeconds * 1000;
  const watch = opts.watch ?? ((c: Context) => Boolean(c.req.header('authorization')));
  const failed = opts.failed ?? ((status: number) => status === 401);
  const recent = (addr: string, t: number): number[] => {
    const list = (failures.get(addr) ?? []).filter((x) => x > t - windowMs);
    if (list.length === 0) failures.delete(addr);
    else failures.set(addr, list);
    return list;
  };
  return async function authThrottleMiddleware(c, next) {
    if (opts.failures <= 0 || !watch(c)) return next();
    const addr = opts.address(c);
    if (addr === null) return next();
    const t = now();
    const list = recent(addr, t);
    if (list.length >= opts.failures) {
      const retryAfter = Math.max(1, Math.ceil((list[list.length - opts.failures]! + windowMs - t) / 1000));
      throw new ApiError(
        429,
        'too-many-failed-sign-ins',
        `Quá nhiều lần đăng nhập sai từ địa chỉ này (${opts.failures} lần trong ${opts.windowSeconds} giây, giới hạn ${LIMIT_ENV.authFailures}); hãy thử lại sau ${retryAfter} giây.`,
        `Too many failed sign-ins from this address (${opts.failures} within ${opts.windowSeconds} s, limit ${LIMIT_ENV.authFailures}); retry in ${retryAfter} s.`,
        { limit: LIMIT_ENV.authFailures, max: opts.failures, windowSeconds: opts.windowSeconds, retryAfterSeconds: retryAfter },
        { 'Retry-After': String(retryAfter) },
      );
    }
    await next();
    // Errors thrown further in have already become the answer (Hono's onError): look at its status.
    if (failed(c.res.status)) {
      list.push(t);
      failures.delete(addr);
      failures.set(addr, list);
      if (failures.size > MAX_ADDRESSES) failures.delete(failures.keys().next().value!);
    }
  };
}
