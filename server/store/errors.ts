// Database errors we act on: a unique violation tells which guard fired (revision number, idempotency key).

/** The constraint a unique violation hit, or null for any other error. */
export function uniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string } | null;
  return e && e.code === '23505' ? (e.constraint ?? 'unique') : null;
}
