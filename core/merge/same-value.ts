// Structural equality of plain JSON-like values (plan metadata), independent of key order.

/**
 * Whether two JSON-like values are equal; `undefined` properties count as absent.
 * @example sameValue({ a: 1, b: undefined }, { a: 1 }) // true
 */
export function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => sameValue(v, y[i]));
  const keys = (o: object) =>
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k)
      .sort();
  const kx = keys(x);
  const ky = keys(y);
  const ox = x as Record<string, unknown>;
  const oy = y as Record<string, unknown>;
  return kx.length === ky.length && kx.every((k, i) => k === ky[i] && sameValue(ox[k], oy[k]));
}

/**
 * Three-way choice for a value without finer structure: mine when mine changed it, else theirs
 * (so mine wins when both changed).
 * @example pickChanged(base.reference, theirs.reference, mine.reference)
 */
export function pickChanged<T>(base: T, theirs: T, mine: T): T {
  return sameValue(mine, base) ? theirs : mine;
}
