// A lead cell's agencies in their catalog spelling, so a province can count tasks per agency across communes.
import { DEFAULT_CATALOG, matchAgency, splitAgencies, type Catalog } from '../agencies.ts';

/** Lead cell → its names in catalog spelling, joined with "; ". */
export type LeadCanonicalizer = (lead: string) => string;

const LIMIT = 100_000;

/**
 * Make a canonicalizer: each name of the cell (splitAgencies) in its catalog spelling (matchAgency), joined with "; ".
 * Memoized by the cell as written, not folded: names outside the catalog are kept as written, and two spellings
 * that fold alike must each keep their own. matchAgency already caches catalog lookups by folded name.
 * @example makeLeadCanonicalizer()('Phòng VH- XH xã, Công an xã') // 'Phòng Văn hóa - Xã hội xã; Công an xã'
 */
export function makeLeadCanonicalizer(catalog: Catalog = DEFAULT_CATALOG): LeadCanonicalizer {
  const memo = new Map<string, string>();
  return function leadCanonical(lead: string): string {
    const hit = memo.get(lead);
    if (hit !== undefined) return hit;
    const names = lead.trim() === '' ? [] : splitAgencies(lead, catalog);
    const out = names
      .map((name) => {
        const m = matchAgency(name, { catalog });
        return m.kind === 'catalog' && m.canonical !== undefined ? m.canonical : name;
      })
      .join('; ');
    if (memo.size >= LIMIT) memo.clear();
    memo.set(lead, out);
    return out;
  };
}
