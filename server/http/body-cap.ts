// Size limits on request bodies: Content-Length checked first, then a streaming cap for bodies that lie or omit it.
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';

export interface BodyCapOptions {
  /** Bytes allowed by default. */
  maxBytes: number;
  /** Larger limits for some paths (uploads), by suffix. */
  overrides?: { suffix: string; maxBytes: number }[];
}

const tooLarge = (limit: number) =>
  new ApiError(413, 'payload-too-large', `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(limit / 1024)} KB).`, `Request body too large (at most ${Math.round(limit / 1024)} KB).`);

/**
 * Buffer the body under a cap and hand handlers a request with the bytes, so nothing downstream can read past it.
 * Requests without a body pass untouched.
 * @example app.use('/api/*', bodyCap({ maxBytes: 2 << 20 }))
 */
export function bodyCap(opts: BodyCapOptions): MiddlewareHandler {
  return async function bodyCapMiddleware(c, next) {
    const req = c.req.raw;
    if (!req.body || req.method === 'GET' || req.method === 'HEAD') return next();
    const limit = opts.overrides?.find((o) => c.req.path.endsWith(o.suffix))?.maxBytes ?? opts.maxBytes;
    const declared = Number(req.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
    const bytes = Buffer.concat(chunks, size);
    c.req.raw = new Request(req.url, { method: req.method, headers: req.headers, body: bytes });
    return next();
  };
}
