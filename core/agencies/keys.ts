// Comparison keys for agency names: fold(), a trailing "xã <Name>" or "tỉnh <Name>" qualifier set apart, abbreviations expanded.
import { isCommuneKey, placeKey, PROVINCES } from '../dvhc.ts';
import { fold } from '../text/fold.ts';

/**
 * Folded abbreviation → folded expansion. Only abbreviations officials actually write in agency cells;
 * ambiguous two-letter ones are limited to the first word (see FIRST_ONLY).
 */
const ABBREVIATIONS: Record<string, string> = {
  hdnd: 'hoi dong nhan dan',
  ubnd: 'uy ban nhan dan',
  mttq: 'mat tran to quoc',
  mttqvn: 'mat tran to quoc viet nam',
  ubmttq: 'uy ban mat tran to quoc',
  ub: 'uy ban',
  vh: 'van hoa',
  xh: 'xa hoi',
  vhxh: 'van hoa xa hoi',
  kt: 'kinh te',
  ht: 'ha tang',
  dt: 'do thi',
  kthtdt: 'kinh te ha tang do thi',
  pvhcc: 'phuc vu hanh chinh cong',
  ttpvhcc: 'trung tam phuc vu hanh chinh cong',
  hcc: 'hanh chinh cong',
  bchqs: 'ban chi huy quan su',
  chqs: 'chi huy quan su',
  bch: 'ban chi huy',
  qs: 'quan su',
  ubkt: 'uy ban kiem tra',
  vpdu: 'van phong dang uy',
  xdd: 'xay dung dang',
  btv: 'ban thuong vu',
  tncs: 'thanh nien cong san',
  hcm: 'ho chi minh',
  tn: 'thanh nien',
  ccb: 'cuu chien binh',
  lhpn: 'lien hiep phu nu',
  hlhpn: 'hoi lien hiep phu nu',
  hnd: 'hoi nong dan',
  nct: 'nguoi cao tuoi',
  ctd: 'chu thap do',
  tyt: 'tram y te',
  kdc: 'khu dan cu',
  tdp: 'to dan pho',
  thcs: 'trung hoc co so',
  mn: 'mam non',
  bhxh: 'bao hiem xa hoi',
  nhcsxh: 'ngan hang chinh sach xa hoi',
  htx: 'hop tac xa',
  ctxh: 'chinh tri xa hoi',
  vn: 'viet nam',
  bql: 'ban quan li',
  bcd: 'ban chi dao',
  nhnn: 'ngan hang nha nuoc',
  dbqh: 'dai bieu quoc hoi',
  ldld: 'lien doan lao dong',
  kcn: 'khu cong nghiep',
  kcnc: 'khu cong nghe cao',
  kkt: 'khu kinh te',
  khcn: 'khoa hoc cong nghe',
  khkt: 'khoa hoc ki thuat',
  dmst: 'doi moi sang tao',
  cds: 'chuyen doi so',
  tw: 'trung uong',
  vpcp: 'van phong chinh phu',
};

/**
 * What follows "Sở"/"Bộ" when the whole rest is an abbreviation, its letters run together:
 * "Sở KH&CN", "Sở KHCN" and "Sở KH-CN" all expand to "sở khoa học công nghệ". Only after these heads:
 * "TT" or "CT" alone mean other things elsewhere.
 */
const DEPARTMENT_TAILS: Record<string, string> = {
  khcn: 'khoa hoc cong nghe',
  nnmt: 'nong nghiep moi truong',
  gddt: 'giao duc dao tao',
  tttt: 'thong tin truyen thong',
  tnmt: 'tai nguyen moi truong',
  khdt: 'ke hoach dau tu',
  vhttdl: 'van hoa the thao du lich',
  vhtt: 'van hoa the thao',
  ldtbxh: 'lao dong thuong binh xa hoi',
  nnptnt: 'nong nghiep phat trien nong thon',
  gtvt: 'giao thong van tai',
  dttg: 'dan toc ton giao',
  nv: 'noi vu',
  tc: 'tai chinh',
  ct: 'cong thuong',
  xd: 'xay dung',
  yt: 'y te',
  ca: 'cong an',
  qp: 'quoc phong',
};

/** Abbreviations that mean an agency only as the first word ("CA xã", "VP HĐND", "TT PVHCC"). */
const FIRST_ONLY: Record<string, string> = {
  ca: 'cong an',
  vp: 'van phong',
  tt: 'trung tam',
  du: 'dang uy',
  nh: 'ngan hang',
};

/** Words that follow "xã"/"phường" inside a name rather than a place name (xã hội, phương tiện…). */
const NOT_AFTER_XA = new Set(['hoi', 'vien', 'doan']);
const NOT_AFTER_PHUONG = new Set(['tien', 'an', 'thuc', 'phap', 'huong', 'cham', 'dong', 'tay', 'nam', 'bac']);
/** Words never part of a place name in a qualifier: "xã và các thôn" is not "xã <Name>". */
const NOT_IN_PLACE = new Set([
  'cac',
  'va',
  'tren',
  'dia',
  'ban',
  'thuoc',
  'cua',
  'lien',
  'quan',
  'don',
  'vi',
  'co',
  'thon',
  'xom',
  'khu',
  'to',
  'phong',
  'nganh',
  'the',
  'cap',
  'dan',
  'cu',
  'truong',
  'tram',
  'trung',
  'tam',
  'kdc',
  'tdp',
  'xa',
  'phuong',
  // Agency head words: "UBND xã, phường, đặc khu\nSở Tài chính" ends in a second name, not a place.
  'so',
  'bo',
  'cuc',
  'ubnd',
  'hdnd',
  'mttq',
  'ubmttq',
  'vien',
  'cong',
  'hoi',
  'tinh',
  'pho',
]);
/** Words never part of a province name after "tỉnh"/"thành phố": "thành phố thông minh", "thành phố trực thuộc". */
const NOT_IN_PROVINCE = new Set([...NOT_IN_PLACE, 'thong', 'minh', 'so', 'xanh', 'moi', 'truc', 'uy', 'hoi', 've', 'va']);
/** The 34 provinces' names without "Tỉnh"/"Thành phố", folded ("ha noi", "ho chi minh"), and the common short forms. */
const PROVINCE_KEYS = new Set([...PROVINCES.map((p) => placeKey(p.name)), 'hcm', 'hn']);
/** Filler ending a phrase once its qualifier is gone: "… thuộc xã", "… trên địa bàn xã". */
const TRAILING_FILLER = [['tren', 'dia', 'ban'], ['thuoc'], ['cua'], ['cap'], ['o']];

export interface NameKey {
  /**
   * Folded words of the body, qualifier and filler removed, "và" dropped, abbreviations as written; a province
   * qualifier ("tỉnh", "thành phố Hà Nội", "TP. HCM") leaves one marker word "tinh" at the end, so "Công an tỉnh"
   * and "Công an Thành phố" meet while "Công an xã" stays apart.
   */
  raw: string;
  /** The same with abbreviations expanded: what variants are compared by. */
  expanded: string;
  /** How many words at the end of the folded input were the qualifier ("xã", "xã Cẩm Giàng", "tỉnh Đồng Tháp"); 0 if none. */
  qualifierWords: number;
  /** Whether the qualifier was a province's ("tỉnh …", "thành phố …"): raw and expanded then end in the marker "tinh". */
  province: boolean;
  /** Whether the body ended in filler ("thuộc", "trên địa bàn") before the qualifier. */
  filler: boolean;
}

/** Where a trailing "xã"/"phường"/"đặc khu" qualifier starts in folded words, or -1. */
function qualifierStart(words: string[]): number {
  for (let i = words.length - 1; i > 0; i--) {
    const w = words[i]!;
    const isXa = w === 'xa';
    const isPhuong = w === 'phuong';
    const isDacKhu = w === 'khu' && words[i - 1] === 'dac' && i > 1;
    if (!isXa && !isPhuong && !isDacKhu) continue;
    const next = words[i + 1];
    if (isXa && ((next !== undefined && NOT_AFTER_XA.has(next)) || words[i - 1] === 'tac')) return -1; // xã hội, hợp tác xã
    if (isPhuong && ((next !== undefined && NOT_AFTER_PHUONG.has(next)) || words[i - 1] === 'dia')) return -1; // phương tiện, địa phương
    const place = words.slice(i + 1);
    const start = isDacKhu ? i - 1 : i;
    if (place.length === 0) return start;
    // A known commune name, or (older names) two or three place-like words: one stray word is more likely a typo ("xã hộii").
    if (place.length <= 4 && isCommuneKey(place.join(' '))) return start;
    if (place.length >= 2 && place.length <= 3 && place.every((p) => !NOT_IN_PLACE.has(p))) return start;
    return -1;
  }
  return -1;
}

/** Whether folded words after "tỉnh"/"thành phố" name a province: nothing, a known province, or two or three place-like words. */
function isProvincePlace(place: string[]): boolean {
  if (place.length === 0) return true;
  if (place.length <= 4 && PROVINCE_KEYS.has(place.join(' '))) return true;
  return place.length >= 2 && place.length <= 3 && place.every((p) => !NOT_IN_PROVINCE.has(p));
}

/** Where a trailing province qualifier starts in folded words ("tỉnh", "tỉnh Đồng Tháp", "thành phố", "TP HCM"), or -1. */
function provinceStart(words: string[]): number {
  for (let i = words.length - 1; i > 0; i--) {
    const w = words[i]!;
    if (w === 'tphcm' && i === words.length - 1) return i;
    const isTinh = w === 'tinh' || w === 'tp';
    const isThanhPho = w === 'pho' && words[i - 1] === 'thanh' && i > 1;
    if (!isTinh && !isThanhPho) continue;
    return isProvincePlace(words.slice(i + 1)) ? (isThanhPho ? i - 1 : i) : -1;
  }
  return -1;
}

function expandWords(words: string[]): string[] {
  if (words.length >= 2 && (words[0] === 'so' || words[0] === 'bo')) {
    const tail = DEPARTMENT_TAILS[words.slice(1).join('')];
    if (tail) return [words[0], ...tail.split(' ')];
  }
  const out: string[] = [];
  words.forEach((w, i) => {
    const e = ABBREVIATIONS[w] ?? (i === 0 ? FIRST_ONLY[w] : undefined);
    out.push(...(e ? e.split(' ') : [w]));
  });
  return out;
}

/**
 * The comparison key of an agency name. "Văn phòng HĐND – UBND xã", "Văn phòng HĐND & UBND" and
 * "Văn phòng HĐND và UBND" share one key; "Phòng VH- XH xã" expands to the key of "Phòng Văn hóa - Xã hội".
 * @example nameKey('Phòng VH- XH xã').expanded // 'phong van hoa xa hoi'
 */
export function nameKey(name: string): NameKey {
  // A plan names a dozen bodies thousands of times: compute each spelling's key once.
  const hit = KEYS.get(name);
  if (hit) return hit;
  const key = nameKeyUncached(name);
  if (KEYS.size >= 20_000) KEYS.clear();
  KEYS.set(name, key);
  return key;
}

const KEYS = new Map<string, NameKey>();

function nameKeyUncached(name: string): NameKey {
  let words = fold(name)
    .split(' ')
    .filter((w) => w !== '');
  let q = qualifierStart(words);
  let province = false;
  if (q < 0) {
    q = provinceStart(words);
    province = q >= 0;
  }
  const qualifierWords = q < 0 ? 0 : words.length - q;
  if (q >= 0) words = words.slice(0, q);
  let filler = false;
  for (const f of TRAILING_FILLER) {
    if (words.length > f.length && f.every((w, k) => words[words.length - f.length + k] === w)) {
      words = words.slice(0, words.length - f.length);
      filler = true;
      break;
    }
  }
  // "và" / "&" join parts of one name as often as they join names; the key ignores them.
  words = words.filter((w) => w !== 'va');
  const marker = province && words.length > 0 ? ' tinh' : '';
  return {
    raw: words.join(' ') + marker,
    expanded: expandWords(words).join(' ') + marker,
    qualifierWords,
    filler,
    province: marker !== '',
  };
}

/**
 * Split a name into its body and its trailing qualifier as written ("Công an xã Cẩm Giàng" → "Công an", "xã Cẩm Giàng").
 * @example splitQualifier('Phòng Kinh tế xã') // { body: 'Phòng Kinh tế', qualifier: 'xã' }
 */
export function splitQualifier(name: string): { body: string; qualifier: string } {
  const text = name.trim();
  const n = nameKey(text).qualifierWords;
  if (n === 0) return { body: text, qualifier: '' };
  // Walk back over written words until their fold covers the qualifier's folded words.
  const parts = text.split(/\s+/);
  for (let k = 1; k <= parts.length; k++) {
    const tail = parts.slice(parts.length - k).join(' ');
    const folded = fold(tail)
      .split(' ')
      .filter((w) => w !== '');
    if (folded.length >= n) {
      return {
        body: parts
          .slice(0, parts.length - k)
          .join(' ')
          .replace(/[\s,;:.\-–—]+$/, ''),
        qualifier: tail,
      };
    }
  }
  return { body: text, qualifier: '' };
}

/**
 * Levenshtein distance, giving up (returning max + 1) once it must exceed `max`: typo tolerance stays cheap.
 * @example boundedDistance('phong kinh te', 'phong kinh the', 2) // 1
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const v = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * How many edits a key of this length tolerates: none for short keys (where one letter changes the body), up to 3.
 * @example typoBudget('trung tam phuc vu hanh chinh cong') // 2
 */
export function typoBudget(key: string): number {
  if (key.length < 10) return 0;
  if (key.length < 24) return 1;
  if (key.length < 40) return 2;
  return 3;
}
