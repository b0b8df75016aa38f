// Agency checks: one accountable lead, no collective lead, canonical spellings (fix), names outside the catalog.
import type { AppendixRow, ColumnRole } from '../../model/appendix.ts';
import { agencyVariants, isCollective, matchAgency, splitAgencies } from '../../agencies.ts';
import { fusedParts } from '../../agencies/match.ts';
import type { Patch } from '../../model/patch.ts';
import { cellLoc, items, rawCell, type Check, type CheckContext } from '../context.ts';

const AGENCY_ROLES: ColumnRole[] = ['lead', 'partners', 'monitor'];

export const leadAgencies: Check = (ctx) => {
  for (const row of items(ctx.appendix)) {
    const lead = (row.fields.lead ?? '').trim();
    // A lead merged down over several tasks is reported once, on the row that holds the cell.
    if (lead === '' || row.shared?.includes('lead')) continue;
    const names = splitAgencies(lead);
    if (names.length === 0) continue;
    // Only collective phrases ("Các sở, ngành; UBND các xã, phường"): nobody in particular leads.
    if (names.every((n) => isCollective(n))) {
      ctx.push({ code: 'lead-generic', params: { name: names.length === 1 ? names[0]! : lead }, loc: cellLoc(ctx, row, 'lead') });
      continue;
    }
    // Two catalog names run together without a separator still name two leads.
    const bodies = names.flatMap((n) => (matchAgency(n).kind === 'unknown' ? (fusedParts(n) ?? [n]) : [n]));
    if (bodies.length > 1) {
      ctx.push({ code: 'lead-multiple', params: { count: bodies.length, names: bodies.join('; ') }, loc: cellLoc(ctx, row, 'lead') });
    }
  }
};

export const agencyNames: Check = (ctx) => {
  const rows = items(ctx.appendix);
  const planNames = collectNames(ctx, rows);
  const variants = agencyVariants(planNames);
  const unknownSeen = new Set<string>();
  const known = new Map<string, boolean>();
  for (const row of rows) {
    for (const role of AGENCY_ROLES) {
      const text = row.fields[role];
      if (!text || row.shared?.includes(role)) continue;
      for (const name of splitAgencies(text)) {
        const v = variants.get(name);
        if (v && v.canonical !== name) {
          const fix = variantPatch(ctx, row, role, name, v.canonical, v.id !== undefined);
          ctx.push({
            code: 'agency-variant',
            params: { name, canonical: v.canonical },
            loc: cellLoc(ctx, row, role),
            ...(fix ? { fix } : {}),
          });
          continue;
        }
        let isKnown = known.get(name);
        if (isKnown === undefined) known.set(name, (isKnown = isCollective(name) || matchAgency(name, { planNames }).kind !== 'unknown'));
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

function collectNames(ctx: CheckContext, rows: AppendixRow[]): string[] {
  const names: string[] = [];
  for (const row of rows) for (const role of AGENCY_ROLES) if (row.fields[role]) names.push(...splitAgencies(row.fields[role]!));
  return names;
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
