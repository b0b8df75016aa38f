// Messages built once per distinct code and parameters give what the catalog builds each time; a reported issue keeps
// its keys in one order however it is built.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IssueCode, RawIssue } from '../../../core/validate/issue.ts';
import { issueMessages, messageMemo } from '../../../core/validate/messages.ts';
import { toIssue } from '../../../core/validate/validate.ts';

// Codes whose messages take any value of their parameters (not a role or status looked up in a table).
const NAMES: Partial<Record<IssueCode, string[]>> = {
  'lead-missing': [],
  'continuation-row': ['into'],
  'agency-variant': ['name', 'canonical'],
  'agency-unknown': ['name', 'parts'],
  'duplicate-task': ['otherRow', 'similarity'],
  'deadline-outside-period': ['text', 'due', 'from', 'to'],
  'tone-style-mixed': ['old', 'new', 'example'],
};
const CODES = Object.keys(NAMES) as IssueCode[];
// Few values, so that parameters repeat, and values that Map keys or separators could confuse.
const VALUE = fc.constantFrom<unknown>('A', 'B', '', 'A\u0000B', '“A”', 0, -0, 1, 0.5, Number.NaN, true, undefined, { a: 1 });

const issueArb = fc
  .constantFrom(...CODES)
  .chain((code) =>
    fc
      .shuffledSubarray(NAMES[code]!)
      .chain((names) => fc.tuple(fc.constant(code), fc.tuple(...names.map((n) => fc.tuple(fc.constant(n), VALUE))))),
  );

describe('messageMemo', () => {
  it('answers what the catalog builds, for any run of codes and parameters', () => {
    fc.assert(
      fc.property(fc.array(issueArb, { maxLength: 300 }), (list) => {
        const messages = messageMemo();
        for (const [code, pairs] of list) {
          const params = Object.fromEntries(pairs);
          expect(messages(code, params)).toEqual(issueMessages(code, params));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('builds a repeated message once, and stops remembering a code whose parameters are new each time', () => {
    const messages = messageMemo();
    expect(messages('lead-missing', {})).toBe(messages('lead-missing', {}));
    const a = messages('agency-variant', { name: 'UBND', canonical: 'Ủy ban nhân dân' });
    expect(messages('agency-variant', { name: 'UBND', canonical: 'Ủy ban nhân dân' })).toBe(a);
    expect(messages('agency-variant', { canonical: 'UBND', name: 'Ủy ban nhân dân' })).not.toEqual(a);
    for (let row = 1; row <= 1000; row++) {
      expect(messages('continuation-row', { into: row })).toEqual(issueMessages('continuation-row', { into: row }));
    }
    // Row 1 was remembered before the code was given up: asked again, it is built anew.
    expect(messages('continuation-row', { into: 1 })).not.toBe(messages('continuation-row', { into: 1 }));
  });
});

describe('toIssue', () => {
  it('lists an issue’s keys in the same order with or without a cell, with or without a fix', () => {
    const fix = { id: 'x', code: 'deadline-format' as const, safe: true, ops: [] };
    const base = { code: 'deadline-format', params: { text: 'a', canonical: 'b' } } as const;
    const order = ['code', 'severity', 'sheet', 'message', 'messageEn', 'tags', 'params', 'table', 'row', 'cell', 'column', 'fix'];
    const raws: RawIssue[] = [
      { ...base, loc: { sheet: 'S', table: 'A1:F9', row: 3, cell: 'F3', column: 'deadline' } },
      { ...base, loc: { sheet: 'S', table: 'A1:F9', row: 3, cell: 'F3', column: 'deadline' }, fix },
      { ...base, loc: { sheet: 'S', table: 'A1:F9', row: 3, column: 'deadline' }, fix },
      { ...base, loc: { sheet: 'S', table: 'A1:F9', row: 3, cell: undefined } },
      { ...base, loc: { sheet: 'S' } },
    ];
    for (const raw of raws) {
      const keys = Object.keys(toIssue(raw));
      expect(keys).toEqual(order.filter((k) => keys.includes(k)));
      expect(keys).not.toContain(undefined);
      expect(Object.values(toIssue(raw))).not.toContain(undefined);
    }
    expect(toIssue(raws[1]!, messageMemo())).toEqual(toIssue(raws[1]!));
  });
});
