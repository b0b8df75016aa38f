// Vietnam's administrative units after the July 2025 reform (34 provinces, 3,321 communes/wards), looked up by code or folded name.
import { DVHC_DATA } from './data/index.ts';
import { fold } from './text/fold.ts';

export interface Province {
  /** Two-digit GSO code, e.g. "31". */
  code: string;
  /** Official name with its type, e.g. "Thành phố Hải Phòng". */
  name: string;
}

export interface Commune {
  /** Five-digit GSO code, e.g. "10903". */
  code: string;
  /** Official name with its type, e.g. "Xã Cẩm Giàng". */
  name: string;
  provinceCode: string;
  provinceName: string;
}

const RAW = DVHC_DATA;

/** Where the dataset comes from (kept with the copy, as its licence asks). */
export const DVHC_SOURCE: string = RAW.source;

/** The 34 provinces, in code order as published. */
export const PROVINCES: readonly Province[] = Object.freeze(RAW.provinces.map((p) => Object.freeze({ code: p.code, name: p.name })));

/** Every commune, ward and special zone, each with its province. */
export const COMMUNES: readonly Commune[] = Object.freeze(
  RAW.provinces.flatMap((p) => p.communes.map(([code, name]) => Object.freeze({ code, name, provinceCode: p.code, provinceName: p.name }))),
);

// Unit-type words dropped before comparing names, so "xã Cẩm Giàng", "Cẩm Giàng" and "Xa Cam Giang" meet. They are
// recognised before folding, with their tone marks or typed without any: "Phương Liệt" and "Xà Phiên" begin with words
// that fold to "phuong" and "xa" but belong to the name (matching after folding turned them into "liet" and "phien").
const COMMUNE_TYPES = ['xã', 'phường', 'đặc khu', 'thị trấn'];
/** A unit type as written, with its tone marks: what bareName drops. */
const COMMUNE_TYPE_WRITTEN = new RegExp(`^(?:${COMMUNE_TYPES.join('|')})\\s+`);
/** A unit type written with its tone marks or typed without any: what placeKey drops. */
const COMMUNE_TYPE = new RegExp(`^(?:${[...COMMUNE_TYPES, ...COMMUNE_TYPES.map(fold)].join('|')})\\s+`);
const PROVINCE_TYPE = /^(?:tỉnh|thành phố|tinh|thanh pho|tp\.\s*|tp\s+)\s*/;

/**
 * A commune or province name without its unit type, folded: the key names are compared by.
 * @example placeKey('Xã Cẩm Giàng') // 'cam giang'
 * @example placeKey('Phương Liệt') // 'phuong liet'
 */
export function placeKey(name: string): string {
  return fold(name.normalize('NFC').trim().toLowerCase().replace(COMMUNE_TYPE, '').replace(PROVINCE_TYPE, ''));
}

const BY_CODE = new Map<string, Commune>(COMMUNES.map((c) => [c.code, c]));
const BY_NAME = new Map<string, Commune[]>();
for (const c of COMMUNES) {
  const key = placeKey(c.name);
  const list = BY_NAME.get(key);
  if (list) list.push(c);
  else BY_NAME.set(key, [c]);
}
const PROVINCE_BY_CODE = new Map<string, Province>(PROVINCES.map((p) => [p.code, p]));
const PROVINCE_BY_NAME = new Map<string, Province>(PROVINCES.map((p) => [placeKey(p.name), p]));

/** Codes arrive as numbers from Excel (10903, 2008) or as text with stray spaces; the dataset pads to a fixed width. */
function padCode(code: string | number, width: number): string | undefined {
  const s = String(code).trim();
  if (!/^\d+$/.test(s) || s.length > width) return undefined;
  return s.padStart(width, '0');
}

/**
 * The commune with this GSO code; numeric or unpadded input is zero-padded to 5 digits.
 * @example findCommune('10903')?.name // 'Xã Cẩm Giàng' (Thành phố Hải Phòng)
 * @example findCommune(2008)?.provinceName // 'Tỉnh Thái Nguyên'
 */
export function findCommune(code: string | number): Commune | undefined {
  const key = padCode(code, 5);
  return key === undefined ? undefined : BY_CODE.get(key);
}

/**
 * Every commune whose name, without "xã"/"phường"/"đặc khu", folds to the same key. Names repeat across
 * provinces (two "Xã Cẩm Giàng"), so this returns them all, each with its province. Folding drops tone
 * marks, so "Cẩm Giang" (10888) also answers "Cẩm Giàng"; communes spelled exactly as asked come first.
 * @example findCommunesByName('Xa Cam Giang').map((c) => c.code) // ['02008', '10888', '10903']
 */
export function findCommunesByName(name: string): Commune[] {
  // Typed without tone marks, "Xa Dung" may be the commune "Xã Xa Dung" named without its type: the whole name is a key too.
  const whole = fold(name);
  const found = [...new Set([...(BY_NAME.get(placeKey(name)) ?? []), ...(BY_NAME.get(whole) ?? [])])];
  const asked = bareName(name);
  // Stable sort: exact spellings first, dataset order otherwise.
  return found.sort((a, b) => Number(bareName(b.name) === asked) - Number(bareName(a.name) === asked));
}

/**
 * The name as written, without its unit type and case: tells "Cẩm Giàng" from "Cẩm Giang".
 * @example bareName('Xã Cẩm Giàng') // 'cẩm giàng'
 */
export function bareName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase().replace(COMMUNE_TYPE_WRITTEN, '');
}

/**
 * Whether a folded text (no unit type) is the name of some commune: used to recognise "xã <Name>" qualifiers.
 * @example isCommuneKey('cam giang') // true
 */
export function isCommuneKey(foldedName: string): boolean {
  return BY_NAME.has(foldedName);
}

/**
 * A province by two-digit code (numeric accepted) or by name, with or without "Tỉnh"/"Thành phố".
 * @example findProvince('31')?.name // 'Thành phố Hải Phòng'
 * @example findProvince('thai nguyen')?.code // '19'
 */
export function findProvince(codeOrName: string | number): Province | undefined {
  const code = padCode(codeOrName, 2);
  if (code !== undefined) return PROVINCE_BY_CODE.get(code);
  return PROVINCE_BY_NAME.get(placeKey(String(codeOrName)));
}

const SEARCH_KEYS = COMMUNES.map((c) => ({ c, key: placeKey(c.name), province: placeKey(c.provinceName) }));

/**
 * Communes for a search box: by code (or its start), by name (folded, without "xã"/"phường"; whole-name matches first,
 * then names that start with the words, then names that contain them), optionally narrowed to a province; words after
 * a comma narrow by province name ("cam giang, hai phong"). Each answer carries its province, so look-alikes are told apart.
 * @example searchCommunes('cam giang').map((c) => c.code) // ['02008', '10888', '10903']
 * @example searchCommunes('cẩm giàng, hải phòng')[0]?.code // '10903'
 */
export function searchCommunes(query: string, opts: { provinceCode?: string; limit?: number } = {}): Commune[] {
  const limit = opts.limit ?? 20;
  const [namePart = '', provincePart = ''] = query.split(/[,;]/, 2);
  const q = placeKey(namePart);
  const p = placeKey(provincePart);
  if (!q) return [];
  const inProvince = (e: (typeof SEARCH_KEYS)[number]) =>
    (!opts.provinceCode || e.c.provinceCode === opts.provinceCode) && (!p || e.province.includes(p));
  if (/^\d+$/.test(q))
    return SEARCH_KEYS.filter((e) => inProvince(e) && e.c.code.startsWith(q.padStart(Math.min(q.length, 5), '0')))
      .slice(0, limit)
      .map((e) => e.c);
  const asked = bareName(namePart);
  // "phuong liet" typed without tone marks is "Phương Liệt" as much as "phường Liệt": the whole words are asked too.
  const whole = fold(namePart);
  const closeness = (key: string, w: string) =>
    key === w ? 0 : key.startsWith(w) ? 2 : key.includes(` ${w}`) ? 4 : key.includes(w) ? 6 : -1;
  const rank = (e: (typeof SEARCH_KEYS)[number]) => {
    const a = closeness(e.key, q);
    const b = whole === q ? -1 : closeness(e.key, whole);
    const base = a < 0 ? b : b < 0 ? a : Math.min(a, b);
    return base < 0 ? -1 : base + Number(bareName(e.c.name) !== asked);
  };
  return SEARCH_KEYS.map((e) => ({ e, r: rank(e) }))
    .filter((x) => x.r >= 0 && inProvince(x.e))
    .sort((a, b) => a.r - b.r)
    .slice(0, limit)
    .map((x) => x.e.c);
}
