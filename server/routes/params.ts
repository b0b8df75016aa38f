// Path, query and header schemas shared by the routes, and the commune/province look-ups they imply.
import { z } from '@hono/zod-openapi';
import { COMMUNE_CODE, PLAN_KEY, PROVINCE_CODE } from '../../core/api/index.ts';
import { findCommune, findProvince, type Commune } from '../../core/dvhc.ts';
import { badRequest, notFound } from '../http/errors.ts';

export const CommuneParam = z
  .string()
  .regex(COMMUNE_CODE)
  .openapi({ param: { name: 'commune', in: 'path' }, example: '10903', description: 'Mã xã/phường (5 chữ số)' });
export const ProvinceParam = z
  .string()
  .regex(PROVINCE_CODE)
  .openapi({ param: { name: 'province', in: 'path' }, example: '31', description: 'Mã tỉnh/thành phố (2 chữ số)' });
export const PlanKeyParam = z
  .string()
  .regex(PLAN_KEY)
  .openapi({ param: { name: 'planKey', in: 'path' }, example: 'NQ57-2026', description: 'Khóa kế hoạch' });
/** The largest revision number the server accepts anywhere (PostgreSQL integer columns end at 2,147,483,647). */
export const MAX_SEQ = 2_000_000_000;
export const SeqParam = z.coerce
  .number()
  .int()
  .positive()
  .max(MAX_SEQ)
  .openapi({ param: { name: 'seq', in: 'path' }, example: 3 });

/**
 * A revision number in a query string, bounded so a huge value is a 400, never a database error.
 * @example z.object({ from: SeqNumber(0), to: SeqNumber(1) })
 */
export const SeqNumber = (min: number) => z.coerce.number().int().min(min).max(MAX_SEQ);

/** Free text stored in a text column (core/api/wire.ts): U+0000 refused with a 400. */
export { StoredText } from '../../core/api/index.ts';

/**
 * A client-supplied file name made storable: NUL and other control characters removed, at most `max` characters.
 * @example storedName('a\u0000.xlsx') // 'a.xlsx'
 */
export function storedName(name: string, max = 200): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, max);
}

export const PlanPath = z.object({ commune: CommuneParam, planKey: PlanKeyParam });
export const RevisionPath = PlanPath.extend({ seq: SeqParam });
export const ProvincePath = z.object({ province: ProvinceParam, planKey: PlanKeyParam });

/** The commune a path names; 404 when the code is not in the 2025 dataset. */
export function communeOf(code: string): Commune {
  const c = findCommune(code);
  if (!c) throw notFound(`xã/phường mã ${code}`, `commune ${code}`);
  return c;
}

/** The province a path names; 404 when unknown. */
export function provinceOf(code: string): { code: string; name: string } {
  const p = findProvince(code);
  if (!p) throw notFound(`tỉnh/thành phố mã ${code}`, `province ${code}`);
  return p;
}

/** If-Match as a revision number: `"3"`, `W/"3"` or `3`; null when absent. */
export function baseFromIfMatch(header: string | undefined): number | null {
  if (header === undefined || header.trim() === '') return null;
  const m = /^\s*(?:W\/)?"?(\d{1,10})"?\s*$/.exec(header);
  if (!m || Number(m[1]) > MAX_SEQ)
    throw badRequest('bad-if-match', 'If-Match phải là số phiên bản, ví dụ "3".', 'If-Match must be a revision number, e.g. "3".');
  return Number(m[1]);
}

/** Idempotency-Key: printable ASCII, at most 200 characters; null when absent. */
export function idempotencyKey(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(header))
    throw badRequest(
      'bad-idempotency-key',
      'Idempotency-Key không hợp lệ (1–200 ký tự ASCII in được).',
      'Invalid Idempotency-Key (1–200 printable ASCII characters).',
    );
  return header;
}

/** The ETag of a revision. */
export function etag(seq: number): string {
  return `"${seq}"`;
}
