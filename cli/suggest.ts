// The nearest of a few names to what was typed ("chek" → "check"), for the messages of unknown commands and options.

/** Edit distance with transpositions (optimal string alignment): "chekc" is one step from "check". */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The name closest to `typed`, when it is close enough to be a slip (a third of its letters at most, or a prefix of
 * three letters or more); undefined otherwise.
 * @example nearest('chek', ['inspect', 'check', 'fix']) // 'check'
 * @example nearest('bogus', ['inspect', 'check', 'fix']) // undefined
 */
export function nearest(typed: string, names: readonly string[]): string | undefined {
  const t = typed.toLowerCase();
  if (t.length >= 3) {
    const prefixed = names.filter((n) => n.startsWith(t));
    if (prefixed.length === 1) return prefixed[0];
  }
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = distance(t, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(1, Math.floor(Math.max(t.length, best.name.length) / 3)) ? best.name : undefined;
}
