// Timing helpers for benchmarks: several runs, median and min–max, never asserted by a test.

export interface BenchResult {
  name: string;
  ms: number[];
  throughput?: { unit: string; values: number[] };
  note?: string;
}

/** Run `fn` once to warm up, then `runs` times, timing each. */
export async function measure(name: string, runs: number, fn: () => unknown | Promise<unknown>): Promise<BenchResult> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { name, ms };
}

/** @example median([3, 1, 2]) // 2 */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One Markdown table row: name, median (min–max) time and throughput. */
export function formatRow(r: BenchResult): string {
  const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
  const time = `${fmt(median(r.ms))} ms (${fmt(Math.min(...r.ms))}–${fmt(Math.max(...r.ms))})`;
  const tp = r.throughput ? `${fmt(median(r.throughput.values))} ${r.throughput.unit} (${fmt(Math.min(...r.throughput.values))}–${fmt(Math.max(...r.throughput.values))})` : '';
  return `| ${r.name} | ${time} | ${tp} | ${r.note ?? ''} |`;
}
