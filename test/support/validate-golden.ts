// Golden validation reports: every fixture, real table and generated layout with the report (and plan) it must give,
// so a faster validator can be held to the exact answers of the one it replaces (issue 20).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { generateAppendix } from '../../bench/gen/appendix.ts';
import type { Grid, Plan } from '../../core/model/index.ts';
import { readPlan, textToGrid } from '../../core/read/index.ts';
import { validate, validateGrids, type Report, type ValidateOptions } from '../../core/validate/index.ts';
import { readDocx } from '../../workbook/docx/index.ts';
import { readWorkbook } from '../../workbook/xlsx/index.ts';
import { buildLayout, layoutArb } from './layouts.ts';
import { TEST_FIXTURES } from './paths.ts';

export const GOLDEN_DIR = path.join(TEST_FIXTURES, 'validate-golden');

/** One input: its grids and the format they were read from. */
export interface GoldenCase {
  name: string;
  grids: () => Promise<Grid[]>;
  format?: 'xlsx' | 'text' | 'docx';
}

/** What is compared: the reports of a workbook check (with and without a date), of the plan alone, and the plan. */
export interface GoldenAnswer {
  report: unknown;
  reportAsOf: unknown;
  reportPlanOnly: unknown;
  /** The plan read. */
  plan: unknown;
}

const AS_OF: ValidateOptions = { asOf: '2026-06-30', today: '2026-06-30' };
/** Values larger than this (JSON characters) are kept as a digest with a summary. */
const INLINE_MAX = 150_000;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir)
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Every case, in a stable order. */
export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  const rel = (f: string) => path.relative(TEST_FIXTURES, f);
  const xlsx = ['workbooks', 'real', 'docx', 'docx/fidelity'].flatMap((d) => files(path.join(TEST_FIXTURES, d), /\.xlsx$/));
  for (const f of xlsx) cases.push({ name: rel(f), grids: async () => (await readWorkbook(readFileSync(f))).sheets, format: 'xlsx' });
  const docx = ['docx', 'docx/fidelity'].flatMap((d) => files(path.join(TEST_FIXTURES, d), /\.docx$/));
  for (const f of docx) {
    cases.push({ name: rel(f), grids: async () => readDocx(readFileSync(f), { name: path.basename(f) }).grids, format: 'docx' });
  }
  const text = [...files(path.join(TEST_FIXTURES, 'seeds'), /\.txt$/), ...files(path.join(TEST_FIXTURES, 'docx'), /\.txt$/)];
  text.push(...files(path.join(TEST_FIXTURES, 'real/source'), /\.md$/));
  for (const f of text) {
    cases.push({ name: rel(f), grids: async () => [textToGrid(path.basename(f), readFileSync(f, 'utf8'))], format: 'text' });
  }
  // The bench's generator: its 10,000-task table, and smaller ones across widths, page breaks and repeated headers.
  cases.push({ name: 'gen/bench-10000', grids: async () => [generateAppendix({ tasks: 10_000, seed: 7, repeatHeaderEvery: 60 })] });
  const variants: { columns: 5 | 6 | 7; continuationRate: number; repeatHeaderEvery: number }[] = [
    { columns: 5, continuationRate: 0.03, repeatHeaderEvery: 0 },
    { columns: 6, continuationRate: 0.2, repeatHeaderEvery: 25 },
    { columns: 7, continuationRate: 0.1, repeatHeaderEvery: 40 },
    { columns: 6, continuationRate: 0, repeatHeaderEvery: 0 },
  ];
  variants.forEach((v, i) => {
    cases.push({ name: `gen/appendix-${i + 1}`, grids: async () => [generateAppendix({ tasks: 120 + 60 * i, seed: 100 + i, ...v })] });
  });
  // Reader and fix layouts (headings, subgroups, numbering, merges, planted problems), drawn with a fixed seed.
  const layouts = fc.sample(layoutArb, { seed: 20, numRuns: 60 });
  layouts.forEach((o, i) => cases.push({ name: `layout/${String(i + 1).padStart(2, '0')}`, grids: async () => [buildLayout(o).grid] }));
  return cases;
}

/** The answer today's code gives for a case (JSON-shaped, as stored). */
export async function goldenAnswer(c: GoldenCase): Promise<GoldenAnswer> {
  const grids = await c.grids();
  const { report, plan } = validateGrids(grids, {}, c.format);
  const reportAsOf = validateGrids(grids, AS_OF, c.format).report;
  // The server's path: a plan pushed as JSON, validated without its sheets.
  const planOnly = JSON.parse(JSON.stringify(readPlan(grids, c.format ? { format: c.format } : {}).plan)) as Plan;
  const reportPlanOnly = validate({ plan: planOnly }, AS_OF);
  return {
    report: stored(report, summarizeReport),
    reportAsOf: stored(reportAsOf, summarizeReport),
    reportPlanOnly: stored(reportPlanOnly, summarizeReport),
    plan: stored(plan, (p) => p.appendices.map((a) => ({ sheet: a.sheet, range: a.range, rows: a.rows.length }))),
  };
}

/**
 * A value as stored: whole (JSON round trip) when small; when large, a SHA-256 of its JSON with a summary that makes a
 * difference readable (the 10,000-task table's report is 15 MB of JSON).
 */
function stored<T>(value: T, summary: (v: T) => unknown): unknown {
  const text = JSON.stringify(value);
  if (text.length <= INLINE_MAX) return JSON.parse(text) as unknown;
  return { summary: JSON.parse(JSON.stringify(summary(value))) as unknown, sha256: createHash('sha256').update(text).digest('hex') };
}

function summarizeReport(r: Report): unknown {
  const codes: Record<string, number> = {};
  for (const t of r.tables) for (const i of t.issues) codes[i.code] = (codes[i.code] ?? 0) + 1;
  return { valid: r.valid, stats: r.stats, codes: Object.fromEntries(Object.entries(codes).sort()) };
}

/** The stored file of a case. */
export function goldenFile(c: GoldenCase): string {
  return path.join(GOLDEN_DIR, `${c.name.replace(/[/\\]/g, '__')}.json`);
}
