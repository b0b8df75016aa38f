// Corrupted and hostile .xlsx files through the upload path: always a Plan or a clear WorkbookReadError, bounded in time and memory.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixture, REPO_ROOT } from '../support/paths.ts';
import { fuzz } from './support/fuzz.ts';
import { runChild } from './support/child-lines.ts';
import { problemOf, readAll } from './support/pipeline.ts';
import { HOSTILE } from './support/xlsx-hostile.ts';
import { byteOpArb, mutateBytes, mutatePart, xmlOpArb } from './support/xlsx-mutate.ts';

const FIXTURES = ['cam-giang-phu-luc.xlsx', 'quang-son-phu-luc.xlsx'];
const PARTS = [
  'xl/worksheets/sheet1.xml',
  'xl/worksheets/sheet2.xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
  '[Content_Types].xml',
];
const originals = await Promise.all(FIXTURES.map(async (f) => new Uint8Array(await readFile(fixture(f)))));
// Stored (level 0) copies too: there a flipped byte lands in the XML itself, not in a deflate stream that then fails.
const files = [
  ...originals,
  ...originals.map((b) => zipSync(Object.fromEntries(Object.entries(unzipSync(b)).map(([k, v]) => [k, [v, { level: 0 }]])) as Zippable)),
];

describe('mutated real workbooks', () => {
  it('bytes flipped, cut, repeated or zeroed: a plan or a clear refusal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(files.length - 1), fc.array(byteOpArb, { minLength: 1, maxLength: 4 }), async (f, ops) => {
        expect(problemOf(await readAll(mutateBytes(files[f]!, ops)))).toBe('');
      }),
      fuzz(0x57, 250),
    );
  });

  it('XML inside the zip cut, deleted, repeated, salted with odd elements and numbers: a plan or a clear refusal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(files.length - 1),
        fc.constantFrom(...PARTS),
        fc.array(xmlOpArb, { minLength: 1, maxLength: 5 }),
        async (f, part, ops) => {
          expect(problemOf(await readAll(mutatePart(files[f]!, part, ops)))).toBe('');
        },
      ),
      fuzz(0x58, 250),
    );
  });
});

describe('hostile workbooks, in child processes with a 512 MB heap (reading, and opening for editing)', () => {
  it('each is read or refused as expected, none goes 30 s without an answer, and the children survive under 1 GB', async () => {
    const entry = path.join(REPO_ROOT, 'test/hardening/support/xlsx-hostile-runner.ts');
    const indexes = HOSTILE.map((_, i) => i);
    // The light cases share a child; each heavy one gets its own, so the peaks measured are one case's, not a sum.
    const groups = [indexes.filter((i) => !HOSTILE[i]!.heavy), ...indexes.filter((i) => HOSTILE[i]!.heavy).map((i) => [i])];
    const done: Record<string, unknown>[] = [];
    for (const group of groups) {
      const run = await runChild(entry, group.map(String), { heapMb: 512, quietMs: 30_000 });
      expect(run.stalledAfter, 'stalled on a case').toBeUndefined();
      expect(run.exit, run.stderr).toBe(0);
      const peak = run.lines.find((l) => 'maxRssBytes' in l)?.maxRssBytes as number;
      expect(peak, `peak RSS of the child for ${group.map((i) => HOSTILE[i]!.name).join(', ')}`).toBeLessThan(1024 * 1024 * 1024);
      done.push(...run.lines.filter((l) => 'done' in l));
    }
    expect(done.map((l) => l.done)).toEqual(groups.flat().map((i) => HOSTILE[i]!.name));
    for (const line of done) {
      const c = HOSTILE.find((h) => h.name === line.done)!;
      expect(line.crash, c.name).toBeUndefined();
      const outcome = line.outcome as Parameters<typeof problemOf>[0];
      expect(problemOf(outcome), c.name).toBe('');
      expect(outcome.kind === 'plan' ? 'plan' : outcome.code, c.name).toBe(c.expect);
      expect(line.edit, `${c.name} (exceljs, for editing)`).toBe(c.edit);
      // Each case is small on disk: what it costs in memory is the reader's doing, bounded by the child's heap.
      expect(line.bytes as number, c.name).toBeLessThan(4 * 1024 * 1024);
    }
  }, 240_000);
});
