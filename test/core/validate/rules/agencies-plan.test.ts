// core/validate/rules/agencies.ts: agency-variant and agency-unknown, answered from the plan's distinct names with
// their counts and first uses (remembered per plan), are what the plan's whole list of names gives by definition.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyVariants, isCollective, matchAgency, splitAgencies } from '../../../../core/agencies.ts';
import { fusedParts } from '../../../../core/agencies/match.ts';
import { gridFromValues, type CellValue } from '../../../../core/model/grid.ts';
import { check, H } from './sheet.ts';

/** Agency cells: catalog names and their variants, a spelling only the plan knows (two ways), unknowns, lists. */
const POOL = [
  'Công an xã',
  'Phòng Kinh tế',
  'Phòng VH- XH xã',
  'Phòng VH-XH',
  'Văn phòng HĐND & UBND xã',
  'Hội Chăn nuôi',
  'Hội chăn nuôi',
  'Hội Chăn nuôi; Phòng Kinh tế',
  'Hội chăn nuôi, Công an xã, Hội Chăn nuôi',
  'Tổ công nghệ số cộng đồng',
  'Tổ Công nghệ số cộng đồng; Phòng VH-XH',
  'Sở Khoa học và Công nghệ Sở Công Thương',
  'Các đơn vị liên quan',
  '',
];

type Found = { cell: string | undefined; code: string; params: unknown };

/** The definition: every name of the plan in row and role order, repeats included, matched against that list. */
function byDefinition(rows: [string, string][]): Found[] {
  const planNames = rows.flatMap(([lead, partners]) => [...splitAgencies(lead), ...splitAgencies(partners)]);
  const variants = agencyVariants(planNames);
  const out: Found[] = [];
  const seen = new Set<string>();
  rows.forEach(([lead, partners], i) => {
    for (const [role, col, text] of [
      ['lead', 'C', lead],
      ['partners', 'D', partners],
    ] as const) {
      for (const name of splitAgencies(text)) {
        const v = variants.get(name);
        const cell = `${col}${i + 2}`;
        if (v && v.canonical !== name) out.push({ cell, code: 'agency-variant', params: { name, canonical: v.canonical } });
        else if (!isCollective(name) && matchAgency(name, { planNames }).kind === 'unknown' && !seen.has(`${role}:${name}`)) {
          seen.add(`${role}:${name}`);
          const parts = fusedParts(name);
          out.push({ cell, code: 'agency-unknown', params: parts ? { name, parts: parts.join('; ') } : { name } });
        }
      }
    }
  });
  return out;
}

function byCheck(rows: [string, string][]): Found[] {
  const values: CellValue[][] = [
    H,
    ...rows.map(([lead, partners], i) => [i + 1, `Việc số ${i + 1}`, lead, partners, 'Báo cáo', 'Quý III/2026']),
  ];
  return check([gridFromValues('S', values)])
    .issues.filter((i) => i.code === 'agency-variant' || i.code === 'agency-unknown')
    .map((i) => ({ cell: i.cell, code: i.code, params: i.params }));
}

describe('agency names of a plan', () => {
  it('each variant and unknown name is what the whole list of names says, checked once and again', () => {
    const row = fc.tuple(fc.constantFrom(...POOL), fc.constantFrom(...POOL));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const expected = byDefinition(rows);
        expect(byCheck(rows)).toEqual(expected);
        expect(byCheck(rows)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
