// Agency checks: one accountable lead, no collective lead, canonical spellings (fix), names outside the catalog.
import type { AppendixRow, ColumnRole } from '../../model/appendix.ts';
import { agencyVariants, isCollective, matchAgency, splitAgencies } from '../../agencies.ts';
import { fusedParts } from '../../agencies/match.ts';
import type { Patch } from '../../model/patch.ts';
import { cellLoc, rawCell, tableItems, type Check, type CheckContext } from '../context.ts';

const AGENCY_ROLES: ColumnRole[] = ['lead', 'partners', 'monitor'];

/** What a lead cell's text says about its leads, whatever the row: nothing, a collective lead, or several leads. */
type LeadVerdict = { code: 'lead-generic'; name: string } | { code: 'lead-multiple'; count: number; names: string } | null;

// A lead column repeats a few dozen texts; each is judged once (the default catalog's answer never changes).
const LEADS = new Map<string, LeadVerdict>();
const LEADS_LIMIT = 20_000;

function leadVerdict(lead: string): LeadVerdict {
  let v = LEADS.get(lead);
  if (v === undefined) {
    v = judgeLead(lead);
    if (LEADS.size >= LEADS_LIMIT) LEADS.clear();
    LEADS.set(lead, v);
  }
  return v;
}

function judgeLead(lead: string): LeadVerdict {
  const names = splitAgencies(lead);
  if (names.length === 0) return null;
  // Only collective phrases ("Các sở, ngành; UBND các xã, phường"): nobody in particular leads.
  if (names.every((n) => isCollective(n))) return { code: 'lead-generic', name: names.length === 1 ? names[0]! : lead };
  // Two catalog names run together without a separator still name two leads.
  const bodies = names.flatMap((n) => (matchAgency(n).kind === 'unknown' ? (fusedParts(n) ?? [n]) : [n]));
  return bodies.length > 1 ? { code: 'lead-multiple', count: bodies.length, names: bodies.join('; ') } : null;
}

export const leadAgencies: Check = (ctx) => {
  for (const row of tableItems(ctx)) {
    const lead = (row.fields.lead ?? '').trim();
    // A lead merged down over several tasks is reported once, on the row that holds the cell.
    if (lead === '' || row.shared?.includes('lead')) continue;
    const v = leadVerdict(lead);
    if (v === null) continue;
    if (v.code === 'lead-generic') ctx.push({ code: 'lead-generic', params: { name: v.name }, loc: cellLoc(ctx, row, 'lead') });
    else ctx.push({ code: 'lead-multiple', params: { count: v.count, names: v.names }, loc: cellLoc(ctx, row, 'lead') });
  }
};

/** One agency name of a cell as this table's check sees it. */
interface NameFacts {
  name: string;
  variant: { canonical: string; id?: string } | undefined;
  /** In the catalog, collective, or spelt like other names of the plan (asked only when it is no variant). */
  known: boolean;
}

export const agencyNames: Check = (ctx) => {
  const rows = tableItems(ctx);
  // Each distinct cell text is split once per table (splitAgencies hands out a copy per call).
  const splits = new Map<string, string[]>();
  const split = (text: string): string[] => {
    let names = splits.get(text);
    if (names === undefined) splits.set(text, (names = splitAgencies(text)));
    return names;
  };
  const planNames: string[] = [];
  for (const row of rows) {
    for (const role of AGENCY_ROLES) {
      const text = row.fields[role];
      if (text) for (const n of split(text)) planNames.push(n);
    }
  }
  const { variants, known } = planAgencies(planNames);
  const unknownSeen = new Set<string>();
  // Per distinct cell text: its names' facts, or null when none of them has anything to say (most cells).
  const cells = new Map<string, NameFacts[] | null>();
  const factsOf = (text: string): NameFacts[] | null => {
    let facts = cells.get(text);
    if (facts !== undefined) return facts;
    const list: NameFacts[] = [];
    let quiet = true;
    for (const name of split(text)) {
      const v = variants.get(name);
      const variant = v && v.canonical !== name ? v : undefined;
      let isKnown = true;
      if (!variant) {
        let k = known.get(name);
        if (k === undefined) known.set(name, (k = isCollective(name) || matchAgency(name, { planNames }).kind !== 'unknown'));
        isKnown = k;
      }
      if (variant || !isKnown) quiet = false;
      list.push({ name, variant, known: isKnown });
    }
    facts = quiet ? null : list;
    cells.set(text, facts);
    return facts;
  };
  for (const row of rows) {
    for (const role of AGENCY_ROLES) {
      const text = row.fields[role];
      if (!text || row.shared?.includes(role)) continue;
      const facts = factsOf(text);
      if (facts === null) continue;
      for (const { name, variant, known: isKnown } of facts) {
        if (variant) {
          const fix = variantPatch(ctx, row, role, name, variant.canonical, variant.id !== undefined);
          ctx.push({
            code: 'agency-variant',
            params: { name, canonical: variant.canonical },
            loc: cellLoc(ctx, row, role),
            ...(fix ? { fix } : {}),
          });
          continue;
        }
        if (!isKnown && !unknownSeen.has(`${role}:${name}`)) {
          // Report each unknown name once per column, at its first use: a list of 50 identical infos helps nobody.
          unknownSeen.add(`${role}:${name}`);
          const parts = fusedParts(name);
          ctx.push({ code: 'agency-unknown', params: parts ? { name, parts: parts.join('; ') } : { name }, loc: cellLoc(ctx, row, role) });
        }
      }
    }
  }
};

/** What a plan's agency names say about each of them: its variant spelling, and whether it is known (filled as asked). */
interface PlanAgencies {
  variants: Map<string, { canonical: string; id?: string }>;
  known: Map<string, boolean>;
}

// Both answers depend only on the plan's names in order (and the default catalog): a plan pushed again with other
// edits, or another table naming the same agencies, is answered from here. Only lists of modest size are kept.
const PLANS = new Map<string, PlanAgencies>();
const PLANS_LIMIT = 256;
const PLAN_KEY_CHARS = 65_536;

function planAgencies(planNames: string[]): PlanAgencies {
  let chars = 0;
  for (const n of planNames) chars += n.length + 1;
  if (chars > PLAN_KEY_CHARS) return { variants: agencyVariants(planNames), known: new Map() };
  // Each name with its length in front: no two lists share a key.
  let key = '';
  for (const n of planNames) key += `${n.length}:${n}`;
  let hit = PLANS.get(key);
  if (hit === undefined) {
    hit = { variants: agencyVariants(planNames), known: new Map() };
    if (PLANS.size >= PLANS_LIMIT) PLANS.clear();
    PLANS.set(key, hit);
  }
  return hit;
}

/**
 * Replace one name inside the cell's text. Safe when the canonical name comes from the catalog;
 * a spelling matched only against other names in the plan is a suggestion.
 */
function variantPatch(
  ctx: CheckContext,
  row: AppendixRow,
  role: ColumnRole,
  name: string,
  canonical: string,
  fromCatalog: boolean,
): Patch | undefined {
  if (!ctx.sheet || row.mergedFrom || row.encoding?.[role]) return undefined; // merge or convert first; the next round fixes the name
  const cell = row.source.cells[role];
  const raw = rawCell(ctx, row.source.row, role);
  if (!cell || typeof raw?.v !== 'string' || !raw.v.includes(name)) return undefined;
  return {
    id: `agency-variant@${ctx.appendix.sheet}!${cell}:${name}`,
    code: 'agency-variant',
    safe: fromCatalog,
    ops: [{ op: 'set-cells', sheet: ctx.appendix.sheet, edits: [{ cell, from: raw.v, to: raw.v.replace(name, canonical) }] }],
  };
}
