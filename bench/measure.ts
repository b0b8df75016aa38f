// Timing helpers for benchmarks: several runs, median and min–max, never asserted by a test.

export interface BenchResult {
  /** The RESULTS.md section the row belongs to. */
  section: string;
  name: string;
  ms: number[];
  throughput?: { unit: string; values: number[] };
  /** Peak resident set size of the measured process, in MiB, one per run. */
  peakMiB?: number[];
  /** Latency percentiles per run, in ms (server benchmarks). */
  latency?: { p50: number[]; p99: number[] };
  /** How this row compares with its peer ("5.2× faster than pandas"). */
  vs?: string;
  note?: string;
}

/** A target of issue 8, with what was measured and whether it was met. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
  why?: string;
}

/** Run `fn` once to warm up, then `runs` times, timing each. */
export async function measure(section: string, name: string, runs: number, fn: () => unknown | Promise<unknown>): Promise<BenchResult> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { section, name, ms };
}

/** @example median([3, 1, 2]) // 2 */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** @example fmt(1234.5) // '1,235'; fmt(3.14159) // '3.1' */
export function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** "median (min–max)" of a series, or just the value for a single run. @example spread([1, 2, 3]) // '2.00 (1.00–3.00)' */
export function spread(xs: number[], unit = ''): string {
  if (xs.length === 0) return '';
  const u = unit ? ` ${unit}` : '';
  return xs.length === 1 ? `${fmt(xs[0]!)}${u}` : `${fmt(median(xs))}${u} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;
}

/** The table header matching formatRow. */
export const TABLE_HEAD = [
  '| benchmark | time | throughput | latency | peak RSS | vs peer | note |',
  '| --- | --- | --- | --- | --- | --- | --- |',
];

/** One Markdown table row: name, median (min–max) time, throughput, latency, peak memory, comparison, note. */
export function formatRow(r: BenchResult): string {
  const tp = r.throughput ? spread(r.throughput.values, r.throughput.unit) : '';
  const lat = r.latency ? `p50 ${spread(r.latency.p50, 'ms')}; p99 ${spread(r.latency.p99, 'ms')}` : '';
  const peak = r.peakMiB ? spread(r.peakMiB, 'MiB') : '';
  return `| ${r.name} | ${r.ms.length ? spread(r.ms, 'ms') : ''} | ${tp} | ${lat} | ${peak} | ${r.vs ?? ''} | ${r.note ?? ''} |`;
}

/** "3.2× faster" / "0.8× (slower)" from two medians where smaller is better. @example speedup([100], [520]) // '5.2× faster' */
export function speedup(ours: number[], peer: number[]): string {
  const x = median(peer) / median(ours);
  return x >= 1 ? `${x.toFixed(1)}× faster` : `${(1 / x).toFixed(1)}× slower`;
}
