// A lead cell's agencies in their catalog spelling, so a province can count tasks per agency across communes; and
// the count itself, one agency one line however it is written ("UBND xã", "Ủy ban nhân dân xã", "UBND Xã").
import { DEFAULT_CATALOG, matchAgency, splitAgencies, type Catalog } from '../agencies.ts';
import { fold } from '../text/index.ts';

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

/** Tasks led by one agency, under its catalog name (or its most used spelling when the catalog does not know it). */
export interface LeadCount {
  name: string;
  tasks: number;
}

/** Agencies a consolidation's stats list at most, most tasks first (a national table has thousands of odd spellings). */
export const MAX_LEADS = 200;

/** Counts tasks per lead agency as rows arrive. */
export interface LeadCounter {
  /** One task's lead names in catalog spelling, "; "-joined (ConsolidatedRow.leadCanonical). */
  add(leadCanonical: string): void;
  result(): LeadCount[];
}

/**
 * Tasks per lead agency: names the catalog knows are one agency whatever their spelling, abbreviation or commune
 * ("UBND xã Cẩm Giàng", "Ủy ban nhân dân xã", "UBND Xã" → "Ủy ban nhân dân xã"); other names are one agency when they
 * fold alike (case, accents' style, spaces, dashes), shown in their most used spelling. A task with two leads counts
 * for both, an agency named twice in one cell once.
 * @example const c = leadCounter(); c.add('UBND xã'); c.add('Ủy ban nhân dân xã'); c.result() // [{ name: 'Ủy ban nhân dân xã', tasks: 2 }]
 */
export function leadCounter(catalog: Catalog = DEFAULT_CATALOG): LeadCounter {
  const byKey = new Map<string, { tasks: number; name?: string; spellings: Map<string, number> }>();
  // A cell's agencies (key, catalog name or spelling), each once, worked out once per distinct cell: a province's
  // 180,000 tasks repeat a few thousand lead cells.
  const parsed = new Map<string, { key: string; catalogName?: string; name: string }[]>();
  const agenciesOf = (leadCanonical: string) => {
    let list = parsed.get(leadCanonical);
    if (list) return list;
    list = [];
    const seen = new Set<string>();
    for (const raw of leadCanonical.split(';')) {
      const name = raw.trim().replace(/\s+/g, ' ');
      if (name === '') continue;
      const m = matchAgency(name, { catalog });
      const entry = m.kind === 'catalog' && m.id !== undefined ? catalog.byId.get(m.id) : undefined;
      const key = entry ? `#${entry.id}` : fold(name).replace(/[\s\-–—]+/g, ' ');
      if (seen.has(key)) continue;
      seen.add(key);
      list.push({ key, ...(entry ? { catalogName: entry.name } : {}), name });
    }
    if (parsed.size >= LIMIT) parsed.clear();
    parsed.set(leadCanonical, list);
    return list;
  };
  return {
    add(leadCanonical) {
      for (const { key, catalogName, name } of agenciesOf(leadCanonical)) {
        let c = byKey.get(key);
        if (!c) byKey.set(key, (c = { tasks: 0, ...(catalogName !== undefined ? { name: catalogName } : {}), spellings: new Map() }));
        c.tasks++;
        if (catalogName === undefined) c.spellings.set(name, (c.spellings.get(name) ?? 0) + 1);
      }
    },
    result() {
      const byName = (a: string, b: string) => {
        const fa = fold(a);
        const fb = fold(b);
        return fa < fb ? -1 : fa > fb ? 1 : a < b ? -1 : a > b ? 1 : 0;
      };
      return [...byKey.values()]
        .map((c) => ({
          name: c.name ?? [...c.spellings.entries()].sort((a, b) => b[1] - a[1] || byName(a[0], b[0]))[0]![0],
          tasks: c.tasks,
        }))
        .sort((a, b) => b.tasks - a.tasks || byName(a.name, b.name))
        .slice(0, MAX_LEADS);
    },
  };
}
