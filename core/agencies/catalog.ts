// The agency catalog (commune bodies, and the provincial and central bodies that also write these plans):
// zod schema, the bundled default, and its precomputed lookup keys.
import { z } from 'zod';
import { AGENCIES_JSON } from '../data/index.ts';
import { nameKey } from './keys.ts';

export const AgencyKindSchema = z.enum([
  /** HĐND, UBND (of the commune or the province), the Government. */
  'authority',
  /** Specialised bodies of a UBND or of the Government: phòng, văn phòng, sở, bộ and ministry-level bodies. */
  'office',
  /** Party committee and its bodies. */
  'party',
  /** Ủy ban MTTQ. */
  'front',
  /** Mass organisations under the Front (Hội Nông dân, Đoàn Thanh niên…). */
  'mass-org',
  /** Public service units (centres, health station, schools). */
  'unit',
  /** Police and military command. */
  'force',
  /** Bodies on the commune's territory that the commune does not run (post office, banks, telecoms). */
  'external',
  /** Phrases naming many bodies at once ("Các phòng, ban, ngành…"): not one accountable agency. */
  'collective',
]);
export type AgencyKind = z.infer<typeof AgencyKindSchema>;

export const AgencyEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().min(1),
  kind: AgencyKindSchema,
  /**
   * 'commune' / 'ward': bodies that differ between communes and wards (Phòng Kinh tế / Phòng Kinh tế, Hạ tầng và Đô thị).
   * 'province' / 'central': bodies above the commune (Sở…, Công an tỉnh / Bộ…, Văn phòng Chính phủ): matched,
   * never offered in a commune's drop-down lists. Unset: a commune body, or one found at every level.
   */
  level: z.enum(['commune', 'ward', 'province', 'central']).optional(),
  /** Other accepted official spellings: not reported as variants. */
  abbreviations: z.array(z.string().min(1)).default([]),
  /** Variant spellings: matched, and offered a fix to `name`. */
  aliases: z.array(z.string().min(1)).default([]),
  /**
   * Open sets of names accepted as written ("Ngân hàng Nhà nước khu vực XII", "Cục …"): regular expressions over
   * the expanded key (folded, "và" dropped, abbreviations expanded; a province qualifier ends it in "tinh").
   */
  patterns: z.array(z.string().min(1).refine(isRegExp, 'not a regular expression')).default([]),
});

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
export type AgencyEntry = z.infer<typeof AgencyEntrySchema>;

export const CatalogFileSchema = z.object({
  note: z.string(),
  source: z.string(),
  agencies: z.array(AgencyEntrySchema).min(1),
});
export type CatalogFile = z.infer<typeof CatalogFileSchema>;

/** One spelling of an entry as its key sees it. */
export interface Spelling {
  entry: AgencyEntry;
  /** The spelling as written in the catalog. */
  text: string;
  /** Whether the spelling is accepted as is (the name or an abbreviation) rather than a variant alias. */
  accepted: boolean;
  raw: string;
  expanded: string;
}

/** A validated catalog with its keys precomputed, so matching a cell costs a few map lookups. */
export interface Catalog {
  note: string;
  source: string;
  entries: readonly AgencyEntry[];
  byId: ReadonlyMap<string, AgencyEntry>;
  /** Raw key → accepted spelling (name or abbreviation), then alias. */
  byRaw: ReadonlyMap<string, Spelling>;
  /** Expanded key → spelling (first wins: names before abbreviations before aliases). */
  byExpanded: ReadonlyMap<string, Spelling>;
  /** Every distinct expanded key, sorted by length: the bounded typo scan walks a length window of it. */
  expandedKeys: readonly Spelling[];
  /** The entries' patterns, compiled once. */
  patterns: readonly { entry: AgencyEntry; re: RegExp }[];
  /**
   * Ids of the commune's own bodies ("Công an xã", level commune/ward): a name with a province qualifier
   * ("Hội Nông dân tỉnh") must not fall back to them.
   */
  communeBound: ReadonlySet<string>;
}

/**
 * Validate a catalog document (the shape of templates/agencies.vi.json) and precompute its keys.
 * Throws a ZodError on a malformed document and an Error when two entries claim the same spelling.
 * @example loadCatalog().byId.get('cong-an')?.name // 'Công an xã'
 */
export function loadCatalog(doc: unknown = AGENCIES_JSON): Catalog {
  const file = CatalogFileSchema.parse(doc);
  const byId = new Map<string, AgencyEntry>();
  const byRaw = new Map<string, Spelling>();
  const byExpanded = new Map<string, Spelling>();
  for (const entry of file.agencies) {
    if (byId.has(entry.id)) throw new Error(`Agency catalog: duplicate id ${entry.id}`);
    byId.set(entry.id, entry);
  }
  // Three passes so accepted spellings win a shared key over aliases, whatever the entry order.
  const passes: [string[], boolean][][] = [
    file.agencies.map((e) => [[e.name], true]),
    file.agencies.map((e) => [e.abbreviations, true]),
    file.agencies.map((e) => [e.aliases, false]),
  ];
  for (const pass of passes) {
    pass.forEach(([texts, accepted], i) => {
      const entry = file.agencies[i]!;
      for (const text of texts) {
        const k = nameKey(text);
        const sp: Spelling = { entry, text, accepted, raw: k.raw, expanded: k.expanded };
        claim(byRaw, k.raw, sp);
        claim(byExpanded, k.expanded, sp);
      }
    });
  }
  const expandedKeys = [...byExpanded.values()].sort((a, b) => a.expanded.length - b.expanded.length);
  const patterns = file.agencies.flatMap((entry) => entry.patterns.map((p) => ({ entry, re: new RegExp(p) })));
  const communeBound = new Set(
    file.agencies
      .filter((e) => e.level === 'commune' || e.level === 'ward' || (e.level === undefined && hasCommuneQualifier(e.name)))
      .map((e) => e.id),
  );
  return { note: file.note, source: file.source, entries: file.agencies, byId, byRaw, byExpanded, expandedKeys, patterns, communeBound };
}

function hasCommuneQualifier(name: string): boolean {
  const k = nameKey(name);
  return k.qualifierWords > 0 && !k.province;
}

function claim(map: Map<string, Spelling>, key: string, sp: Spelling): void {
  const had = map.get(key);
  if (!had) {
    map.set(key, sp);
    return;
  }
  if (had.entry.id !== sp.entry.id) {
    throw new Error(`Agency catalog: "${sp.text}" (${sp.entry.id}) and "${had.text}" (${had.entry.id}) share the key "${key}"`);
  }
}

/** The bundled catalog (core/data/agencies.vi.json, a copy of templates/agencies.vi.json). */
export const DEFAULT_CATALOG: Catalog = loadCatalog();

/**
 * The canonical names of a catalog, for a commune's drop-down lists: single bodies first, collective phrases last;
 * with a level, the body meant for the other level (Phòng Kinh tế vs Phòng Kinh tế, Hạ tầng và Đô thị) is left out.
 * Provincial and central bodies (level 'province'/'central') are left out unless `above` is set.
 * @example canonicalAgencyNames().includes('Phòng Văn hóa - Xã hội') // true
 * @example canonicalAgencyNames().includes('Sở Tài chính') // false
 */
export function canonicalAgencyNames(
  catalog: Catalog = DEFAULT_CATALOG,
  opts: { level?: 'commune' | 'ward'; above?: boolean } = {},
): string[] {
  const fits = (e: AgencyEntry) => {
    if (e.level === 'province' || e.level === 'central') return opts.above === true;
    return !opts.level || !e.level || e.level === opts.level;
  };
  const entries = catalog.entries.filter(fits);
  return [...entries.filter((e) => e.kind !== 'collective'), ...entries.filter((e) => e.kind === 'collective')].map((e) => e.name);
}
