// Deadline strings from real appendices, mutated the way typing and copying do: parsing never throws, normalizing is
// a fixed point, and fixing a sheet's deadlines leaves none to fix.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDate, formatDeadline, parseDeadline } from '../../core/deadline.ts';
import { fixAll } from '../../core/fix/index.ts';
import { DeadlineSchema, type Deadline } from '../../core/model/index.ts';
import { columnNumber } from '../../core/model/index.ts';
import { readPlan } from '../../core/read/index.ts';
import { allIssues } from '../../core/validate/index.ts';
import { validateGrids } from '../../core/validate/index.ts';
import { encodeLegacy } from '../../core/text/index.ts';
import { SEEDS } from '../support/paths.ts';
import { fuzz } from './support/fuzz.ts';
import { fixtureGrids } from './support/grids.ts';

const grids = fixtureGrids();
const fromFixtures = readPlan(grids)
  .plan.appendices.flatMap((a) => a.rows.map((r) => r.fields.deadline ?? ''))
  .filter((s) => s.trim() !== '');
// Seed documents hold tables as tab-separated lines whose last field is "Thời gian hoàn thành".
const fromSeeds = readdirSync(SEEDS)
  .flatMap((f) => readFileSync(path.join(SEEDS, f), 'utf8').split('\n'))
  .filter((l) => l.split('\t').length >= 4)
  .map((l) => l.split('\t').at(-1)!.trim())
  .filter((s) => s !== '' && !/thời gian/i.test(s));
const REAL = [...new Set([...fromFixtures, ...fromSeeds])];

const stripAccents = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
type Mutation = (s: string) => string;
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant((s: string) => s.toUpperCase()),
  fc.constant((s: string) => s.toLowerCase()),
  fc.constant(stripAccents),
  fc.constant((s: string) => s.normalize('NFD')),
  fc.constant((s: string) => s.replace(/\s/g, '')),
  fc.constant((s: string) => s.replace(/ /g, '\u00a0\n ')),
  fc.constant((s: string) => encodeLegacy(s, { encoding: 'tcvn3' })),
  fc.constant((s: string) => s.replace(/\//g, ' / ').replace(/-/g, ' – ')),
  fc.constant((s: string) => s.repeat(40)),
  fc.constant((s: string) => s.replace(/\d{4}/g, (y) => (y === '2025' ? '0' : `${y}${y}`))),
  fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat(4) }).map(({ at, len }) => (s: string) => {
    const i = Math.floor(at * s.length);
    return s.slice(0, i) + s.slice(i + len);
  }),
  fc
    .record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      ins: fc.constantFrom('/', '-', '.', ',', ' ', '0', '9', 'I', 'V', 'Quý ', 'tháng ', '(', ')', '\t', '\uFFFD', '\uD800'),
    })
    .map(({ at, ins }) => (s: string) => {
      const i = Math.floor(at * s.length);
      return s.slice(0, i) + ins + s.slice(i);
    }),
);
const mutatedArb = fc
  .tuple(fc.constantFrom(...REAL), fc.array(mutationArb, { maxLength: 3 }))
  .map(([s, ms]) => ms.reduce((acc, m) => m(acc), s));
const body = (d: Deadline) => ({ ...d, text: undefined });

describe('deadline strings from real appendices, mutated', () => {
  it('has a real corpus', () => {
    expect(REAL.length).toBeGreaterThan(20);
  });

  it('parse never throws, the canonical text is a fixed point, and due dates are real dates', () => {
    fc.assert(
      fc.property(mutatedArb, fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: undefined }), (s, planYear) => {
        const d = parseDeadline(s, { planYear });
        expect(DeadlineSchema.safeParse(d).success).toBe(true);
        const canonical = formatDeadline(d);
        const again = parseDeadline(canonical, { planYear });
        expect(formatDeadline(again), s).toBe(canonical);
        if (d.kind === 'period' || d.kind === 'recurring') expect(body(again), s).toEqual(body(d));
        const due = dueDate(d, '2026-06-30');
        if (due !== null) expect(due, s).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      fuzz(0x5704, 1500),
    );
  });

  it('a sheet whose deadline column holds mutated strings has no deadline left to fix after fixAll', () => {
    const sheet = grids[0]!;
    const a = readPlan([sheet]).plan.appendices[0]!;
    const col = columnNumber(a.columns.deadline!) - 1;
    const rows = a.rows.filter((r) => r.kind === 'task').map((r) => r.source.row - 1);
    fc.assert(
      fc.property(fc.array(mutatedArb, { minLength: rows.length, maxLength: rows.length }), (texts) => {
        const g = { ...sheet, rows: sheet.rows.map((r) => [...r]) };
        rows.forEach((r, i) => (g.rows[r]![col] = { v: texts[i]! }));
        const { grids: fixed } = fixAll([g]);
        const left = allIssues(validateGrids(fixed).report).filter((i) => i.code === 'deadline-format' && i.fix?.safe);
        expect(left.map((i) => `${i.cell}: ${String(i.params.text)}`)).toEqual([]);
      }),
      fuzz(0x5705, 40),
    );
  });
});
