// Agency checks: one accountable lead, no collective lead, canonical spellings (fix), names outside the catalog.
import type { AppendixRow, ColumnRole } from '../../model/appendix.ts';
import { isCollective, matchAgency, splitAgencies } from '../../agencies.ts';
import { DEFAULT_CATALOG } from '../../agencies/catalog.ts';
import { agencyVariantsOf, fusedParts, lazyPlanIndex, matchInPlan, type NameUse, type PlanIndex } from '../../agencies/match.ts';
import type { Patch } from '../../model/patch.ts';
import { cellLoc, rawCell, tableItems, type Check, type CheckContext } from '../context.ts';
import type { RawIssue } from '../issue.ts';

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

/** A distinct agency cell text of the table, split once (splitAgencies hands out a copy per call). */
interface CellText {
  names: string[];
  /** How many cells hold it. */
  uses: number;
  /** Where its first cell's names start in the plan's list of names (every cell's names, in row and role order). */
  offset: number;
  /** Its names' facts, or null when none of them has anything to say (most cells); undefined until asked. */
  facts: NameFacts[] | null | undefined;
}

export const agencyNames: Check = (ctx) => {
  const rows = tableItems(ctx);
  const texts = new Map<string, CellText>();
  // Each row's cells of the agency roles in order (undefined when empty), for the second pass.
  const cellsInOrder: (CellText | undefined)[] = [];
  let listed = 0;
  const cellOf = (text: string | undefined): CellText | undefined => {
    if (!text) return undefined;
    let cell = texts.get(text);
    if (cell === undefined) texts.set(text, (cell = { names: splitAgencies(text), uses: 0, offset: listed, facts: undefined }));
    cell.uses++;
    listed += cell.names.length;
    return cell;
  };
  for (let i = 0; i < rows.length; i++) {
    // Each field read by name, in AGENCY_ROLES' order (one shape at each read, not a keyed read of three names).
    const f = rows[i]!.fields;
    cellsInOrder.push(cellOf(f.lead), cellOf(f.partners), cellOf(f.monitor));
  }
  const { variants, known, plan } = planAgencies(nameUses(texts));
  const factsOf = (names: string[]): NameFacts[] | null => {
    const list: NameFacts[] = [];
    let quiet = true;
    for (const name of names) {
      const v = variants.get(name);
      const variant = v && v.canonical !== name ? v : undefined;
      let isKnown = true;
      if (!variant) {
        let k = known.get(name);
        if (k === undefined) known.set(name, (k = isCollective(name) || matchInPlan(name, plan).kind !== 'unknown'));
        isKnown = k;
      }
      if (variant || !isKnown) quiet = false;
      list.push({ name, variant, known: isKnown });
    }
    return quiet ? null : list;
  };
  const unknownSeen = new Set<string>();
  let at = 0;
  for (const row of rows) {
    for (let k = 0; k < AGENCY_ROLES.length; k++) {
      const cell = cellsInOrder[at++];
      const role = AGENCY_ROLES[k]!;
      if (cell === undefined || row.shared?.includes(role)) continue;
      let facts = cell.facts;
      if (facts === undefined) facts = cell.facts = factsOf(cell.names);
      if (facts === null) continue;
      for (const { name, variant, known: isKnown } of facts) {
        if (variant) {
          const issue: RawIssue = { code: 'agency-variant', params: { name, canonical: variant.canonical }, loc: cellLoc(ctx, row, role) };
          const fix = variantPatch(ctx, row, role, name, variant.canonical, variant.id !== undefined);
          if (fix) issue.fix = fix;
          ctx.push(issue);
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

/**
 * The distinct names of the plan's list, counted, from the distinct cell texts: texts in order of first use hold
 * their names' first uses in order (a name's first index is its first text's offset plus its place there).
 */
function nameUses(texts: Map<string, CellText>): Map<string, NameUse> {
  const uses = new Map<string, NameUse>();
  for (const cell of texts.values()) {
    for (let i = 0; i < cell.names.length; i++) {
      const name = cell.names[i]!;
      const u = uses.get(name);
      if (u) u.count += cell.uses;
      else uses.set(name, { count: cell.uses, first: cell.offset + i });
    }
  }
  return uses;
}

/**
 * What a plan's agency names say about each of them: its variant spelling, and whether it is known (filled as asked);
 * the plan's index of its own spellings for those questions (built when first needed), or none for a plan without names.
 */
interface PlanAgencies {
  variants: Map<string, { canonical: string; id?: string }>;
  known: Map<string, boolean>;
  plan: (() => PlanIndex) | undefined;
}

// All three depend only on the plan's distinct names with each one's count and first index (all the plan index
// reads of the list), and the default catalog: a plan pushed again with other edits, or another table naming the
// same agencies, is answered from here. Only plans of modest size are kept.
const PLANS = new Map<string, PlanAgencies>();
const PLANS_LIMIT = 256;
const PLAN_KEY_CHARS = 65_536;

function planAgencies(uses: Map<string, NameUse>): PlanAgencies {
  let chars = 0;
  for (const n of uses.keys()) chars += n.length + 16;
  if (chars > PLAN_KEY_CHARS) return answersFor(uses);
  // Each name with its length in front, then its count and first index: no two plans that differ share a key.
  let key = '';
  for (const [n, u] of uses) key += `${n.length}:${n}${u.count},${u.first};`;
  let hit = PLANS.get(key);
  if (hit === undefined) {
    hit = answersFor(uses);
    if (PLANS.size >= PLANS_LIMIT) PLANS.clear();
    PLANS.set(key, hit);
  }
  return hit;
}

function answersFor(uses: Map<string, NameUse>): PlanAgencies {
  const plan = uses.size > 0 ? lazyPlanIndex(uses) : undefined;
  return { variants: agencyVariantsOf(uses, DEFAULT_CATALOG, plan), known: new Map(), plan };
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
