// bench/RESULTS.md from one run: machine and load, one table per section with its method, then targets met or missed.
import { formatRow, TABLE_HEAD, type BenchResult, type TargetCheck } from './measure.ts';

/** How each section measures, printed above its table: what a reader needs to judge the figures. */
const METHOD: Record<string, string> = {
  Validation:
    'In-process, one generated 10,000-task appendix (with repeated headers and continuation rows). phuluc reads the grid and runs every rule; tableschema-js gets the same body as plain string rows and an equivalent schema (required fields, TT and deadline patterns) — less work than ours, the easiest input it can have.',
  'Excel layer (strict fake host)':
    "The task pane's Excel layer (addin/src/excel) against the strict fake Excel (test/support/fake-excel), which counts every `context.sync()` and its request + response bytes. One pass per operation; times are the fake's, not Excel's: the sync count is the figure that matters (each is a round trip, slow on Excel on the web).",
  'Consolidation from files':
    'Each command is a separate process, timed from spawn to exit; peak RSS from `/usr/bin/time` (`%M`). All three read the same generated national folder (one workbook per commune of the 2025 list, 40–70 tasks each, 5/6/7 columns, title blocks of 2–5 lines, continuation rows, repeated headers, an indicators sheet in ~30%). The pandas script is the plain version of the job (find the header, keep rows with content, tag the commune, concatenate, write one sheet); SheetJS only reads.',
  'Server: pushes':
    "A real server process on loopback (`bin/phuluc serve`, request log on), autocannon in the bench process, all on the same machine. Each connection owns one commune (64 communes spread over the provinces, each with its own editor token) and pushes its own 55-task plan with one cell edited, If-Match = the head it last saw and a fresh Idempotency-Key: the add-in's fast-forward path, every push a new stored revision (201), never a replay or a conflict. The peer is a bare Hono `GET /` → `c.json()` on @hono/node-server, loaded by the same autocannon at the same concurrency. CPU per push is the server's (and PostgreSQL's backends') CPU time from /proc divided by pushes.",
  'Start-up':
    "Each command is a separate process, timed from spawn to exit (10 runs after one untimed start, the two commands taking turns so both see the same load); peak RSS from `/usr/bin/time`. `phuluc --help` is `bin/phuluc` over a current dist/node, in a snapshot of the sources built for the run (an edit made meanwhile in the checkout would send it to the tsx fallback): commander and the help text only, every command's module is loaded when that command runs.",
  'Page weight':
    "The pane and the web pages built by Vite into a temporary folder; a page's first load is what it fetches before any user action: the HTML, its scripts, modulepreload links and stylesheets, and every chunk those import statically (bench/page-weight-load.ts); a dynamic import() is fetched on demand and not counted. gzip at zlib's default level, kB = 1,000 bytes. office.js comes from Microsoft's CDN and is not counted. Peers built the same way: a bare React + Fluent UI page (FluentProvider and one Button) and exceljs's browser build alone.",
  'Server: national export':
    "Every generated workbook is uploaded to its commune through `POST …/upload` (the real path: read, validate, store), the server is restarted, then `GET /api/national/plans/{key}/consolidated?format=xlsx` is read to the last byte. Peak RSS is the fresh server process's VmHWM after the export.",
};

export interface ReportInput {
  machine: string;
  when: string;
  commit: string;
  load: { before: string; after: string };
  minutes: number;
  generated: string;
  runs: number;
  seconds: number;
  results: BenchResult[];
  checks: TargetCheck[];
  /** Markdown appended at the end: bench/NOTES.md, the analysis kept by hand. */
  notes?: string[];
}

const TARGETS_HEADING = '## Targets (issues 8, 19 and 20)';

/**
 * @example await writeFile('bench/RESULTS.md', renderResults({ machine, when, … }))
 */
export function renderResults(r: ReportInput): string {
  const sections = [...new Set(r.results.map((x) => x.section))];
  const out = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` at ${r.when} (commit ${r.commit} plus the working tree), in ${r.minutes.toFixed(1)} min.`,
    '',
    `- Machine: ${r.machine}.`,
    `- Load average (1, 5, 15 min) before: ${r.load.before}; after: ${r.load.after}. The machine is shared: figures are noisy while others work.`,
    `- Figures are medians with (min–max) over ${r.runs} runs unless a single value is shown${r.seconds ? `; server loads run ${r.seconds} s each after a warm-up` : ''}.`,
    ...(r.generated ? [`- Data: ${r.generated} (temporary folder, removed afterwards).`] : []),
    '',
  ];
  for (const s of sections) {
    out.push(`## ${s}`, '');
    if (METHOD[s]) out.push(METHOD[s], '');
    out.push(...TABLE_HEAD, ...r.results.filter((x) => x.section === s).map(formatRow), '');
  }
  out.push(TARGETS_HEADING, '', '| target | measured | met |', '| --- | --- | --- |');
  for (const c of r.checks) out.push(`| ${c.target} | ${c.measured} | ${c.met ? 'yes' : `**no**${c.why ? ` — ${c.why}` : ''}`} |`);
  out.push('');
  if (r.notes?.length) out.push(...r.notes, '');
  return out.join('\n');
}

/** A RESULTS.md cut at its '## ' headings: what comes before the first, then each section (heading included). */
function sections(md: string): { head: string; parts: { title: string; text: string }[] } {
  const [head = '', ...rest] = md.split(/^(?=## )/m);
  return { head, parts: rest.map((text) => ({ title: text.slice(0, text.indexOf('\n')), text })) };
}

/** The rows of a targets table by their first cell. */
function targetRows(text: string): Map<string, string> {
  const rows = text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| target |') && !l.startsWith('| ---'));
  return new Map(rows.map((l) => [l.split(' | ')[0]!, l]));
}

/**
 * RESULTS.md after a run of some benchmarks only (PHULUC_BENCH_ONLY): the sections that ran replace theirs, the others
 * and their targets stay from the earlier run, and the head says which sections are newer.
 * @example await writeFile(file, mergeResults(await readFile(file, 'utf8'), renderResults(partial), 'Start-up at 2026-…'))
 */
export function mergeResults(previous: string, partial: string, updated: string): string {
  const old = sections(previous);
  const now = sections(partial);
  const isTargets = (t: string) => t.startsWith('## Targets');
  const fresh = new Map(now.parts.filter((p) => !isTargets(p.title)).map((p) => [p.title, p.text]));
  const targets = targetRows(old.parts.find((p) => isTargets(p.title))?.text ?? '');
  for (const [k, row] of targetRows(now.parts.find((p) => isTargets(p.title))?.text ?? '')) targets.set(k, row);
  const targetsText = [TARGETS_HEADING, '', '| target | measured | met |', '| --- | --- | --- |', ...targets.values(), '', ''].join('\n');
  const out: string[] = [];
  for (const p of old.parts) {
    if (isTargets(p.title)) {
      // Sections first run now go where the old run's last measured section ended.
      out.push(...[...fresh.values()].filter((t) => !old.parts.some((o) => t.startsWith(`${o.title}\n`))), targetsText);
    } else out.push(fresh.get(p.title) ?? p.text);
  }
  if (!old.parts.some((p) => isTargets(p.title))) out.push(...fresh.values(), targetsText);
  const head = old.head.replace(/^- Partly updated: .*\n/m, '').replace(/\n+$/, '\n');
  return `${head}- Partly updated: ${updated}; every other section is from the run above.\n\n${out.join('')}`;
}
