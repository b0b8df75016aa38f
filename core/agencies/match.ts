// Agency name → catalog entry (or a spelling used elsewhere in the plan): exact keys first, then a bounded typo scan.
import { fold } from '../text/fold.ts';
import { DEFAULT_CATALOG, type Catalog, type Spelling } from './catalog.ts';
import { boundedDistance, nameKey, splitQualifier, typoBudget } from './keys.ts';

export interface AgencyMatch {
  /** The name as given. */
  input: string;
  kind: 'catalog' | 'plan' | 'unknown';
  /** Catalog id (kind 'catalog'). */
  id?: string;
  /** The spelling to use: catalog spelling (with the input's own "xã …" qualifier), or the plan's most frequent spelling. */
  canonical?: string;
  collective: boolean;
  /** True when the input already equals the canonical spelling. */
  exact: boolean;
  /** 1 for a key match, lower for a tolerated typo; 0 when unknown. */
  score: number;
}

export interface MatchOptions {
  catalog?: Catalog;
  /** Every agency name of the plan, repeats included (frequency picks the plan's canonical spelling). */
  planNames?: string[];
}

/** What a catalog lookup found, before the canonical spelling is put together. */
interface CatalogHit {
  spelling: Spelling;
  /** Canonical spelling of the entry to offer: the accepted spelling matched, else the name. */
  target: string;
  score: number;
  /** Matched by one of the entry's patterns (an open set of names): the name is accepted as written. */
  pattern?: boolean;
}

// Per-catalog cache of lookups by folded text: a 10,000-row table repeats a few dozen names.
const CACHE = new WeakMap<Catalog, Map<string, CatalogHit | null>>();
const CACHE_LIMIT = 20_000;

function lookupCatalog(name: string, catalog: Catalog): CatalogHit | null {
  let cache = CACHE.get(catalog);
  if (!cache) CACHE.set(catalog, (cache = new Map()));
  const cacheKey = fold(name);
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const hit = lookupUncached(name, catalog);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, hit);
  return hit;
}

function exactHit(raw: string, expanded: string, catalog: Catalog): CatalogHit | null {
  const r = catalog.byRaw.get(raw);
  if (r) return { spelling: r, target: r.accepted ? r.text : r.entry.name, score: 1 };
  const e = catalog.byExpanded.get(expanded);
  if (e) return { spelling: e, target: e.entry.name, score: 1 };
  return null;
}

/** The key without the province marker nameKey appends ("so tai chinh tinh" → "so tai chinh"). */
function dropMarker(key: string): string {
  return key.endsWith(' tinh') ? key.slice(0, -5) : key;
}

function lookupUncached(name: string, catalog: Catalog): CatalogHit | null {
  const key = nameKey(name);
  if (key.raw === '') return null;
  const exact = exactHit(key.raw, key.expanded, catalog);
  if (exact) return exact;
  // "Sở Tài chính tỉnh Bắc Ninh", "Trung tâm Chuyển đổi số Thành phố": a body the catalog names without its province.
  // Never the commune's own body: "Hội Nông dân tỉnh" is not "Hội Nông dân xã".
  if (key.province) {
    const body = exactHit(dropMarker(key.raw), dropMarker(key.expanded), catalog);
    if (body && !catalog.communeBound.has(body.spelling.entry.id)) return body;
  }
  // Open sets ("Ngân hàng Nhà nước khu vực XII", "Cục …"), unless the text is two catalog names run together.
  for (const { entry, re } of catalog.patterns) {
    if (!re.test(key.expanded)) continue;
    if (fusedParts(name, catalog)) break;
    const spelling: Spelling = { entry, text: entry.name, accepted: true, raw: key.raw, expanded: key.expanded };
    return { spelling, target: entry.name, score: 1, pattern: true };
  }
  // Typos: scan only keys whose length is within the budget (the list is sorted by length).
  const budget = typoBudget(key.expanded);
  if (budget === 0) return null;
  // A typo never changes the first word: "Sở Ngoại giao" is not a misspelt "Bộ Ngoại giao".
  const head = firstWord(key.expanded);
  let best: { sp: Spelling; d: number } | null = null;
  for (const sp of catalog.expandedKeys) {
    const diff = sp.expanded.length - key.expanded.length;
    if (diff < -budget) continue;
    if (diff > budget) break;
    if (firstWord(sp.expanded) !== head) continue;
    // Both keys must tolerate the edits: a long typo must not reach a short key.
    const max = Math.min(budget, typoBudget(sp.expanded));
    const d = boundedDistance(key.expanded, sp.expanded, max);
    if (d <= max && (!best || d < best.d)) best = { sp, d };
  }
  if (!best) return null;
  const len = Math.max(key.expanded.length, best.sp.expanded.length);
  return { spelling: best.sp, target: best.sp.entry.name, score: Math.round((1 - best.d / len) * 1000) / 1000 };
}

function firstWord(key: string): string {
  const i = key.indexOf(' ');
  return i < 0 ? key : key.slice(0, i);
}

/** A trailing parenthesis names the unit inside the body: "Bộ Công an (Trung tâm Dữ liệu quốc gia)". */
const PAREN_TAIL = /^(.*?\S)\s*(\([^()]*\))$/s;

/** The catalog hit for a name, or for its body before a trailing "(…)" (then `suffix` is that parenthesis as written). */
function lookupName(name: string, catalog: Catalog): { hit: CatalogHit; body: string; suffix: string } | null {
  const hit = lookupCatalog(name, catalog);
  if (hit) return { hit, body: name, suffix: '' };
  const m = PAREN_TAIL.exec(name.trim());
  if (!m) return null;
  const inner = lookupCatalog(m[1]!, catalog);
  return inner ? { hit: inner, body: m[1]!, suffix: m[2]! } : null;
}

/** The name as compared for exactness: NFC, one kind of space, no trailing punctuation. */
function tidy(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\s,;.:]+$/, '')
    .replace(/^[\s\-–—+•*·]+/, '')
    .trim();
}

/**
 * The spelling to offer: the target's body with the input's own qualifier ("xã", "xã Cẩm Giàng", "phường"),
 * so a fix changes spelling, never adds or drops the commune. Without a qualifier in the input, the body alone,
 * unless the body ends in filler ("… thuộc") that only reads with its "xã".
 */
function spell(target: string, input: string): string {
  const t = splitQualifier(target);
  const i = splitQualifier(tidy(input));
  if (i.qualifier !== '') return `${t.body} ${i.qualifier}`;
  return nameKey(target).filler ? target : t.body;
}

/**
 * Match an agency name against the catalog, then against other spellings in the same plan.
 * Folded comparison, abbreviations expanded, trailing "xã …" ignored, small typos tolerated.
 * @example matchAgency('Phòng VH- XH xã').id // 'phong-van-hoa-xa-hoi'
 * @example matchAgency('Văn phòng HĐND & UBND xã').canonical // 'Văn phòng HĐND và UBND xã'
 */
export function matchAgency(name: string, opts: MatchOptions = {}): AgencyMatch {
  const catalog = opts.catalog ?? DEFAULT_CATALOG;
  const names = opts.planNames;
  return matchInPlan(name, names && names.length > 0 ? () => planIndex(names, catalog) : undefined, catalog);
}

/** matchAgency against a plan's index (asked for only when the catalog does not know the name), or none. */
export function matchInPlan(name: string, plan: (() => PlanIndex) | undefined, catalog: Catalog = DEFAULT_CATALOG): AgencyMatch {
  const own = catalogMatch(name, catalog);
  if (own.kind === 'unknown' && plan) {
    const canonical = plan().canonicalOf(name);
    if (canonical !== undefined) {
      return { input: name, kind: 'plan', canonical, collective: own.collective, exact: tidy(name) === canonical, score: 1 };
    }
  }
  return { ...own };
}

// Per-catalog answers by name, before the plan's own spellings are consulted: a table repeats a few dozen names, and
// every check (and the splitter) asks about each of them. Copies are handed out; a match holds only plain values.
const MATCHES = new WeakMap<Catalog, Map<string, AgencyMatch>>();
const MATCHES_LIMIT = 20_000;

/** matchAgency without plan names: the catalog's answer ('catalog'), else 'unknown' with the wording's collectiveness. */
function catalogMatch(name: string, catalog: Catalog): AgencyMatch {
  let cache = MATCHES.get(catalog);
  if (!cache) MATCHES.set(catalog, (cache = new Map()));
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const m = catalogMatchUncached(name, catalog);
  if (cache.size >= MATCHES_LIMIT) cache.clear();
  cache.set(name, m);
  return m;
}

function catalogMatchUncached(name: string, catalog: Catalog): AgencyMatch {
  const input = name;
  const found = lookupName(name, catalog);
  if (found) {
    const { hit, body, suffix } = found;
    // A pattern accepts the name as written; otherwise the catalog's spelling, with the input's qualifier and "(…)".
    const base = hit.pattern ? tidy(body) : spell(hit.target, body);
    const canonical = suffix === '' ? base : `${base} ${suffix}`;
    const collective = hit.spelling.entry.kind === 'collective' || levelWide(name);
    return { input, kind: 'catalog', id: hit.spelling.entry.id, canonical, collective, exact: tidy(name) === canonical, score: hit.score };
  }
  return { input, kind: 'unknown', collective: collectiveByWording(name), exact: false, score: 0 };
}

// Words that make a phrase name many bodies at once. "mọi" only before a plural noun ("Môi trường" folds alike);
// "các …" inside the name of one body ("Liên hiệp các Hội…", "Ban Quản lý các khu…") does not count.
const COLLECTIVE_START = /^(?:cac|nhung|toan the|tat ca|moi (?:nguoi|to chuc|co quan|don vi|thanh phan))\b/;
const COLLECTIVE_ANYWHERE = new RegExp(
  '\\b(?:lien quan|doan the)\\b|(?<!\\b(?:lien hiep|lien minh|ban quan li|hiep hoi|hoi dong) )' +
    '\\bcac (?:phong|ban|nganh|co quan|don vi|to chuc|thon|xom|hoi|truong|doanh nghiep|so|bo|xa|phuong|dia phuong|vien)\\b',
);

/** Collective by its wording alone (for names outside the catalog). */
export function collectiveByWording(name: string): boolean {
  const f = fold(name).replace(/^[-+* ]+/, '');
  return COLLECTIVE_START.test(f) || COLLECTIVE_ANYWHERE.test(f) || LEVEL_WIDE.test(f);
}

/**
 * Whether a name stands for several bodies ("Các phòng, ban, ngành…", "các thôn, khu dân cư") rather than one
 * accountable agency. A catalog entry decides by its kind; other names by their wording ("các …", "… liên quan").
 * @example isCollective('Các phòng, ban, ngành, đơn vị thuộc xã') // true
 * @example isCollective('Công an xã') // false
 */
export function isCollective(name: string, catalog: Catalog = DEFAULT_CATALOG): boolean {
  // The catalog's kind (or the level-wide wording) when the catalog knows the name, else its wording: what
  // matchAgency's `collective` says without plan names.
  return catalogMatch(name, catalog).collective;
}

/** "… cấp xã", "… cấp cơ sở": every body of that level at once ("UBND cấp xã" in a provincial plan). */
const LEVEL_WIDE = /\bcap (?:xa|co so|huyen)\b/;

function levelWide(name: string): boolean {
  return LEVEL_WIDE.test(fold(name));
}

/**
 * First folded words that start an agency name, for spotting a second name run into the first without a
 * separator; a word mapped to a list must be followed by one of those words ("công an", not "công nghệ").
 */
const HEADS: Record<string, readonly string[] | true> = {
  so: true,
  bo: true,
  ban: true,
  ubnd: true,
  hdnd: true,
  ubmttq: true,
  mttq: true,
  cuc: true,
  vien: true,
  truong: true,
  hoi: true,
  phong: true,
  bql: true,
  bchqs: true,
  nhnn: true,
  viettel: true,
  vnpt: true,
  ca: true,
  doan: true,
  uy: ['ban'],
  ub: ['nhan', 'mttq', 'mat'],
  cong: ['an'],
  trung: ['tam', 'uong'],
  van: ['phong'],
  ngan: ['hang'],
  dai: ['hoc', 'phat', 'truyen'],
  lien: ['hiep', 'doan'],
  thanh: ['tra', 'doan', 'uy'],
  hoc: ['vien'],
  benh: ['vien'],
  hiep: ['hoi'],
  buu: ['dien'],
  kho: ['bac'],
  tinh: ['doan', 'uy'],
  tram: ['y'],
  dang: ['uy'],
  tong: ['lien', 'cong'],
};
/** Words after which a head continues a phrase rather than starting a new name ("… và HĐND", "… của Bộ"). */
const JOINERS = new Set(['va', 'voi', 'cua', 'thuoc', 've', 'cung', 'tai', 'cho', 'truc', 'cac', 'nhung']);

const TOKEN = /\S+/g;
const LEAD_PUNCT = /^[\s\-–—+•*·,]+/;
const TRAIL_PUNCT = /[\s,;.:\-–—]+$/;

const FUSED = new WeakMap<Catalog, Map<string, readonly string[] | null>>();
const FUSED_CACHE_LIMIT = 5_000;

/**
 * The catalog names run together in a name that is not itself in the catalog, as written
 * ("Sở Khoa học và Công nghệ Sở Công Thương" → ["Sở Khoa học và Công nghệ", "Sở Công Thương"]), or null.
 * A second name must start with an agency head word ("Sở", "Bộ", "UBND", "Ủy ban", "Công an"…), and every part
 * must be a catalog name (typos not tolerated): a unit named after its parent is not taken apart.
 * @example fusedParts('Sở Khoa học và Công nghệ Sở Công Thương') // ['Sở Khoa học và Công nghệ', 'Sở Công Thương']
 */
export function fusedParts(name: string, catalog: Catalog = DEFAULT_CATALOG): string[] | null {
  let cache = FUSED.get(catalog);
  if (!cache) FUSED.set(catalog, (cache = new Map()));
  const hit = cache.get(name);
  if (hit !== undefined) return hit && [...hit];
  if (cache.size >= FUSED_CACHE_LIMIT) cache.clear();
  cache.set(name, null); // a part's own pattern check asks again: answer "not fused" while this one runs
  const parts = fusedUncached(name, catalog);
  cache.set(name, parts);
  return parts && [...parts];
}

function fusedUncached(name: string, catalog: Catalog): string[] | null {
  const tokens = [...name.matchAll(TOKEN)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    words: fold(m[0])
      .split(' ')
      .filter((w) => w !== ''),
  }));
  const starts = [0];
  for (let k = 1; k < tokens.length; k++) {
    const first = tokens[k]!.words[0];
    if (first === undefined || name[tokens[k]!.start] === '(') continue;
    const head = HEADS[first];
    if (!head) continue;
    const next = tokens[k]!.words[1] ?? tokens[k + 1]?.words[0];
    if (head !== true && (next === undefined || !head.includes(next))) continue;
    const before = tokens[k - 1]!.words;
    if (before.length === 0 || JOINERS.has(before[before.length - 1]!)) continue;
    starts.push(k);
  }
  if (starts.length < 2) return null;
  const part = (a: number, b: number) =>
    name
      .slice(tokens[starts[a]!]!.start, b < starts.length ? tokens[starts[b]! - 1]!.end : tokens[tokens.length - 1]!.end)
      .replace(LEAD_PUNCT, '')
      .replace(TRAIL_PUNCT, '');
  const known = (text: string) => text !== '' && lookupCatalog(text, catalog)?.score === 1;
  // from[b] = where the last part of a reading of starts [0..b) begins, or -1 when no reading exists.
  const n = starts.length;
  const from = new Array<number>(n + 1).fill(-1);
  from[0] = 0;
  for (let b = 1; b <= n; b++) {
    for (let a = b - 1; a >= 0; a--) {
      if (from[a] === -1 || (a === 0 && b === n)) continue;
      if (known(part(a, b))) {
        from[b] = a;
        break;
      }
    }
  }
  if (from[n] === -1) return null;
  const parts: string[] = [];
  for (let b = n; b > 0; b = from[b]!) parts.unshift(part(from[b]!, b));
  return parts.length >= 2 ? parts : null;
}

export interface PlanIndex {
  /** The plan's most frequent spelling of the name's group, when the group has another spelling; else undefined. */
  canonicalOf(name: string): string | undefined;
}

const PLAN_CACHE = new WeakMap<string[], WeakMap<Catalog, PlanIndex>>();
/** Bound on typo comparisons per plan name: keeps a plan with thousands of distinct names linear. */
const PLAN_SCAN_LIMIT = 64;

/** Keys compared for typos must share their numbers and first word. */
function blockOf(key: string): string {
  return `${key.replace(/[^0-9]+/g, ' ').trim()}|${key.split(' ')[0]}`;
}

/** planIndexOf(uses, catalog), built on the first call only. */
export function lazyPlanIndex(uses: ReadonlyMap<string, NameUse>, catalog: Catalog = DEFAULT_CATALOG): () => PlanIndex {
  let index: PlanIndex | undefined;
  return () => (index ??= planIndexOf(uses, catalog));
}

/** A distinct name of a plan's list: how often the list holds it, and the index of its first use. */
export interface NameUse {
  count: number;
  first: number;
}

/** Each distinct name of a list with its count and first index, in the order of first use. */
function nameUsesOf(names: readonly string[]): Map<string, NameUse> {
  const distinct = new Map<string, NameUse>();
  for (let order = 0; order < names.length; order++) {
    const name = names[order]!;
    const seen = distinct.get(name);
    if (seen) seen.count++;
    else distinct.set(name, { count: 1, first: order });
  }
  return distinct;
}

/** planIndexOf the list's distinct names, remembered for the list. */
function planIndex(names: string[], catalog: Catalog): PlanIndex {
  let perCatalog = PLAN_CACHE.get(names);
  if (!perCatalog) PLAN_CACHE.set(names, (perCatalog = new WeakMap()));
  const cached = perCatalog.get(catalog);
  if (cached) return cached;
  const index = planIndexOf(nameUsesOf(names), catalog);
  perCatalog.set(catalog, index);
  return index;
}

/**
 * Group the plan's names outside the catalog by expanded key (typos tolerated), counting each body spelling: from
 * each distinct name with its count and first index, all a plan's list says here (a table repeats a few dozen names).
 */
function planIndexOf(distinct: ReadonlyMap<string, NameUse>, catalog: Catalog = DEFAULT_CATALOG): PlanIndex {
  const groups = new Map<string, Map<string, { count: number; first: number }>>();
  for (const [name, { count, first }] of distinct) {
    if (lookupCatalog(name, catalog)) continue;
    const key = nameKey(name).expanded;
    if (key === '') continue;
    const body = splitQualifier(tidy(name)).body;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Map()));
    const c = g.get(body);
    if (c) c.count += count;
    else g.set(body, { count, first });
  }
  // Join keys within typo distance (union-find over distinct keys). Only keys with the same numbers and first
  // word are compared ("Tổ 3" is not a typo of "Tổ 4"), in a length window, at most PLAN_SCAN_LIMIT per key.
  const keys = [...groups.keys()];
  const parent = new Map<string, string>(keys.map((k) => [k, k]));
  const root = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const blocks = new Map<string, string[]>();
  for (const k of keys) {
    const b = blockOf(k);
    const list = blocks.get(b);
    if (list) list.push(k);
    else blocks.set(b, [k]);
  }
  for (const list of blocks.values()) {
    list.sort((a, b) => a.length - b.length);
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      const budget = typoBudget(a);
      if (budget === 0) continue;
      for (let j = i + 1; j < list.length && j - i <= PLAN_SCAN_LIMIT && list[j]!.length - a.length <= budget; j++) {
        const b = list[j]!;
        const max = Math.min(budget, typoBudget(b));
        if (boundedDistance(a, b, max) <= max) parent.set(root(b), root(a));
      }
    }
  }
  const bodies = new Map<string, Map<string, { count: number; first: number }>>();
  for (const [key, g] of groups) {
    const r = root(key);
    let merged = bodies.get(r);
    if (!merged) bodies.set(r, (merged = new Map()));
    for (const [body, c] of g) {
      const m = merged.get(body);
      if (m) {
        m.count += c.count;
        m.first = Math.min(m.first, c.first);
      } else merged.set(body, { ...c });
    }
  }
  const index: PlanIndex = {
    canonicalOf(name: string): string | undefined {
      const key = nameKey(name).expanded;
      let r: string | undefined = parent.has(key) ? root(key) : undefined;
      if (r === undefined) {
        const budget = typoBudget(key);
        const block = blocks.get(blockOf(key)) ?? [];
        for (let i = 0; i < block.length && i < PLAN_SCAN_LIMIT * 4; i++) {
          const k = block[i]!;
          const max = Math.min(budget, typoBudget(k));
          if (max > 0 && boundedDistance(key, k, max) <= max) {
            r = root(k);
            break;
          }
        }
      }
      const group = r === undefined ? undefined : bodies.get(r);
      if (!group) return undefined;
      const own = splitQualifier(tidy(name)).body;
      if (![...group.keys()].some((b) => b !== own)) return undefined; // only its own spelling: nothing to compare with
      let best: [string, { count: number; first: number }] | undefined;
      for (const e of group)
        if (!best || e[1].count > best[1].count || (e[1].count === best[1].count && e[1].first < best[1].first)) best = e;
      return spell(best![0], name);
    },
  };
  return index;
}

/**
 * For a plan's agency names: which spellings are variants of which canonical spelling. Names already
 * canonical (or an accepted abbreviation such as "UBND xã"), unknown names and collective phrases are left out —
 * collective wording varies freely and "lead-generic" deals with it.
 * @example agencyVariants(['Phòng VH- XH xã']).get('Phòng VH- XH xã') // { canonical: 'Phòng Văn hóa - Xã hội xã', id: 'phong-van-hoa-xa-hoi' }
 */
export function agencyVariants(names: string[], catalog: Catalog = DEFAULT_CATALOG): Map<string, { canonical: string; id?: string }> {
  return agencyVariantsOf(nameUsesOf(names), catalog);
}

/**
 * agencyVariants of a plan's list, from its distinct names with their counts and first indices (nameUsesOf); `plan`
 * hands out planIndexOf(uses, catalog) when the caller keeps one, else it is built here if a name needs it.
 */
export function agencyVariantsOf(
  uses: ReadonlyMap<string, NameUse>,
  catalog: Catalog = DEFAULT_CATALOG,
  plan: (() => PlanIndex) | undefined = uses.size > 0 ? lazyPlanIndex(uses, catalog) : undefined,
): Map<string, { canonical: string; id?: string }> {
  const out = new Map<string, { canonical: string; id?: string }>();
  for (const name of uses.keys()) {
    const m = matchInPlan(name, plan, catalog);
    if (m.kind === 'unknown' || m.exact || m.collective || m.canonical === undefined || m.canonical === name) continue;
    out.set(name, m.id !== undefined ? { canonical: m.canonical, id: m.id } : { canonical: m.canonical });
  }
  return out;
}
