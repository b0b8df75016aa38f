// Split a cell naming several agencies: ";" always; ",", "và", line breaks only where each side is an agency;
// never inside "(…)"; a role phrase after the names ("… chủ trì hướng dẫn", "… với các tiêu chuẩn …") is left out.
import { fold } from '../text/fold.ts';
import { DEFAULT_CATALOG, type Catalog } from './catalog.ts';
import { collectiveByWording, matchAgency } from './match.ts';

/** Separators that may or may not divide two names: "," / line break / "và" / "cùng". */
const SOFT = /\s*,\s*|\s*\r?\n\s*|\s+(?:v(?:à|a\u0300)|V(?:à|a\u0300)|cùng)\s+/g;
/** Longest run of pieces one name may span: bounds the search on long lists. */
const MAX_SPAN = 8;

/**
 * Words that start a role or verb phrase after the agencies a cell names ("Sở KH&CN chủ trì hướng dẫn, tổng hợp",
 * "Bộ Khoa học và Công nghệ với các tiêu chuẩn…"), folded. A phrase is cut there only when what comes before
 * it reads as agencies the catalog knows, so "Trung tâm Dịch vụ tổng hợp" or "Sở Xây dựng" stay whole.
 */
const ROLE_STARTS: readonly string[][] = [
  'chu tri',
  'phoi hop',
  'thuc hien',
  'huong dan',
  'thuc day',
  'theo doi',
  'bao cao',
  'tong hop',
  'trien khai',
  'tham muu',
  'to chuc',
  'xay dung',
  'chiu trach nhiem',
  'phu trach',
  'dau moi',
  'lam dau moi',
  'cap nhat',
  'cung cap',
  'danh gia',
  'giam sat',
  'kiem tra',
  'ban hanh',
  'cong bo',
  'voi',
].map((p) => p.split(' '));

/** First words of an agency-like name outside the catalog ("Hội Người cao tuổi", "Sở Khoa học và Công nghệ"). */
const AGENCY_HEAD =
  /^(?:phong|ban|van phong|vp|trung tam|tt|tram|truong|hoi|doan|cong an|cong ty|cong doan|uy ban|ub|ubnd|hdnd|mttq|dang uy|chi bo|chi cuc|so|bo|cuc|buu dien|ngan hang|hop tac xa|htx|doanh nghiep|vien|benh vien|dai|to|nha|thon|xom|khu|bchqs|ca)\b/;

interface Piece {
  start: number;
  end: number;
}

/** Leading bullets and trailing punctuation are not part of a name. */
function trimName(s: string): string {
  return s
    .replace(/^[\s\-–—+•*·]+/, '')
    .replace(/[\s,;.:]+$/, '')
    .trim();
}

/**
 * Cost of reading pieces [i..j] as one name: a catalog name is cheapest, then a collective by wording,
 * then an agency-like name; every soft separator swallowed by a non-catalog name costs more, and a line break most.
 */
function groupCost(text: string, span: number, newlines: number, catalog: Catalog): number {
  if (matchAgency(text, { catalog }).kind === 'catalog') return 1;
  const extra = 20 * newlines;
  if (collectiveByWording(text)) return 2 + 3 * (span - 1) + extra;
  if (AGENCY_HEAD.test(fold(text))) return 3 + 4 * (span - 1) + extra;
  return 10 + 4 * (span - 1) + extra;
}

/** For each position of the text, whether it lies inside "(…)". */
function insideParens(text: string): boolean[] {
  const inside = new Array<boolean>(text.length).fill(false);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    inside[i] = depth > 0;
    if (c === ')' && depth > 0) depth--;
  }
  return inside;
}

/** Split on ";" outside "(…)". */
function splitHard(cell: string): string[] {
  if (!cell.includes('(')) return cell.split(';');
  const inside = insideParens(cell);
  const out: string[] = [];
  let last = 0;
  for (let i = 0; i < cell.length; i++) {
    if (cell[i] === ';' && !inside[i]) {
      out.push(cell.slice(last, i));
      last = i + 1;
    }
  }
  out.push(cell.slice(last));
  return out;
}

/** Whether every name a text splits into is known: in the catalog, or a collective phrase of two words or more. */
function allKnown(text: string, catalog: Catalog): boolean {
  const names = splitSegment(text, catalog);
  return (
    names.length > 0 && names.every((n) => matchAgency(n, { catalog }).kind === 'catalog' || (collectiveByWording(n) && TWO_WORDS.test(n)))
  );
}

const TWO_WORDS = /\S\s+\S/;
const TOKEN = /\S+/g;

/** Words after which a role word is a noun of the phrase ("các tổ chức", "công tác xây dựng"), not a verb. */
const NOT_BEFORE_ROLE = new Set(['cac', 'nhung', 'moi', 'cua', 'tac', 'va']);

/**
 * The segment without a role phrase after its agencies: cut at the first role word ("chủ trì", "thực hiện",
 * "với"…) whose text before reads as known agencies, unless the whole segment is itself a catalog name.
 */
function cutRole(seg: string, catalog: Catalog): string {
  const tokens = [...seg.matchAll(TOKEN)];
  if (tokens.length < 2) return seg;
  const words = tokens.map((t) => fold(t[0]));
  let checkedWhole = false;
  for (let k = 1; k < tokens.length; k++) {
    const role = ROLE_STARTS.some((p) => p.every((w, i) => words[k + i] === w));
    if (!role || NOT_BEFORE_ROLE.has(words[k - 1]!.split(' ').pop()!)) continue;
    if (!checkedWhole) {
      if (matchAgency(trimName(seg), { catalog }).kind === 'catalog') return seg;
      checkedWhole = true;
    }
    const prefix = trimName(seg.slice(0, tokens[k]!.index));
    if (prefix !== '' && allKnown(prefix, catalog)) return prefix;
  }
  return seg;
}

function splitSegment(seg: string, catalog: Catalog): string[] {
  const pieces: Piece[] = [];
  const newlineAfter: boolean[] = [];
  const inside = seg.includes('(') ? insideParens(seg) : null;
  let last = 0;
  for (const m of seg.matchAll(SOFT)) {
    if (inside?.[m.index]) continue;
    pieces.push({ start: last, end: m.index });
    newlineAfter.push(m[0].includes('\n'));
    last = m.index + m[0].length;
  }
  pieces.push({ start: last, end: seg.length });
  const n = pieces.length;
  // best[j] = cheapest reading of pieces [0..j); from[j] = where its last name starts.
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(0);
  best[0] = 0;
  for (let j = 1; j <= n; j++) {
    let newlines = 0;
    for (let i = j - 1; i >= 0 && j - i <= MAX_SPAN; i--) {
      if (i < j - 1 && newlineAfter[i]) newlines++;
      const text = trimName(seg.slice(pieces[i]!.start, pieces[j - 1]!.end));
      if (text === '') continue;
      const cost = best[i]! + groupCost(text, j - i, newlines, catalog);
      // "<=" prefers the longer name on a tie: a split must earn its keep.
      if (cost <= best[j]!) {
        best[j] = cost;
        from[j] = i;
      }
    }
    if (best[j] === Infinity) {
      // Empty piece (",," or a trailing comma): carry the reading over it.
      best[j] = best[j - 1]!;
      from[j] = j - 1;
    }
  }
  const names: string[] = [];
  for (let j = n; j > 0; j = from[j]!) {
    const text = trimName(seg.slice(pieces[from[j]!]!.start, pieces[j - 1]!.end));
    if (text !== '') names.unshift(text);
  }
  return names;
}

/**
 * The agency names in a cell. ";" always separates; ",", line breaks and "và" separate only where each side
 * is itself an agency, so "Phòng Kinh tế, Hạ tầng và Đô thị", "Văn phòng HĐND và UBND", "Sở Văn hóa, Thể thao
 * và Du lịch" and "Các phòng, ban, ngành, đơn vị thuộc xã" stay whole; nothing inside "(…)" separates.
 * A role phrase after the names is left out ("Sở KH&CN chủ trì hướng dẫn, tổng hợp" → "Sở KH&CN").
 * Leading bullets and trailing ",;." are dropped; names are otherwise returned exactly as written
 * (a fix replaces them inside the cell). Two names run together without a separator stay one name
 * (see fusedParts).
 * @example splitAgencies('Phòng Kinh tế, Phòng Văn hóa - Xã hội') // ['Phòng Kinh tế', 'Phòng Văn hóa - Xã hội']
 * @example splitAgencies('Văn phòng HĐND và UBND') // ['Văn phòng HĐND và UBND']
 */
export function splitAgencies(cell: string, catalog: Catalog = DEFAULT_CATALOG): string[] {
  // Sheets repeat the same few agency cells thousands of times, and three checks split each one.
  let cache = SPLITS.get(catalog);
  if (!cache) SPLITS.set(catalog, (cache = new Map()));
  const hit = cache.get(cell);
  if (hit) return [...hit];
  const names = splitUncached(cell, catalog);
  if (cache.size >= SPLIT_CACHE_LIMIT) cache.clear();
  cache.set(cell, names);
  return [...names];
}

const SPLITS = new WeakMap<Catalog, Map<string, readonly string[]>>();
const SPLIT_CACHE_LIMIT = 20_000;

function splitUncached(cell: string, catalog: Catalog): string[] {
  return splitHard(cell)
    .map((s) => s.trim())
    .filter((s) => trimName(s) !== '')
    .flatMap((s) => splitSegment(cutRole(s, catalog), catalog));
}
