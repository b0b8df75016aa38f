// Header synonyms: which column role a header label names (folded, tolerant of extra words and line breaks).
import type { AppendixKind, ColumnRole } from '../model/appendix.ts';
import { copyCodes, fold, foldCodes, foldedCodes } from '../text/fold.ts';

interface RoleRule {
  role: ColumnRole;
  /** Folded phrases; a label matches when it contains one as whole words. */
  phrases: string[];
}

// Order matters: the most specific phrase wins ("chủ trì theo dõi" is the monitor, not the lead;
// "đơn vị tính" is the unit, not an agency; "tiến độ thực hiện" is a status, "tiến độ" a deadline).
const RULES: RoleRule[] = [
  { role: 'tt', phrases: ['tt', 'stt', 'so tt', 'so thu tu', 'thu tu', 'so'] },
  // Progress columns (issue 17) come before the plan's: "Lý do (tạm dừng, chậm tiến độ)" is a reason, not a deadline;
  // "Kết quả nổi bật" and "Kết quả đạt được" are not the planned result; "Ngày hoàn thành" is the day it was done,
  // while "Thời gian hoàn thành" stays the deadline.
  { role: 'reason', phrases: ['li do', 'nguyen nhan'] },
  { role: 'evidence', phrases: ['tai lieu kiem chung', 'minh chung', 'tai lieu chung minh'] },
  { role: 'highlights', phrases: ['ket qua noi bat'] },
  { role: 'achieved', phrases: ['ket qua dat duoc', 'ket qua thuc hien dat duoc', 'gia tri thuc hien', 'ket qua da dat duoc'] },
  { role: 'obstacles', phrases: ['kho khan', 'vuong mac'] },
  { role: 'proposals', phrases: ['de xuat', 'kien nghi'] },
  { role: 'completedOn', phrases: ['ngay hoan thanh', 'thoi diem hoan thanh'] },
  { role: 'monitor', phrases: ['theo doi'] },
  {
    role: 'head',
    phrases: ['nguoi dung dau', 'lanh dao chiu trach nhiem', 'nguoi chiu trach nhiem', 'lanh dao phu trach', 'lanh dao chi dao'],
  },
  { role: 'unit', phrases: ['don vi tinh', 'dvt', 'don vi do'] },
  // "Kết quả thực hiện" in a plan is the planned result, not a status: only wording about progress is a status.
  { role: 'status', phrases: ['tinh trang', 'tien do thuc hien', 'trang thai'] },
  { role: 'funding', phrases: ['nguon kinh phi', 'kinh phi', 'nguon von', 'du toan kinh phi', 'nguon luc tai chinh'] },
  { role: 'start', phrases: ['bat dau', 'ngay bat dau', 'thoi gian bat dau'] },
  {
    role: 'lead',
    phrases: [
      'chu tri',
      'don vi thuc hien',
      'co quan thuc hien',
      'don vi tham muu',
      'co quan tham muu',
      'co quan soan thao',
      'don vi soan thao',
      'don vi phu trach',
      'co quan phu trach',
    ],
  },
  { role: 'partners', phrases: ['phoi hop'] },
  {
    role: 'deadline',
    phrases: [
      'thoi gian',
      'thoi han',
      'tien do',
      'han hoan thanh',
      'moc hoan thanh',
      'moc thoi gian',
      'lo trinh',
      'ket thuc',
      'han xu ly',
      'han',
    ],
  },
  { role: 'result', phrases: ['ket qua', 'san pham', 'muc tieu'] },
  {
    role: 'content',
    phrases: [
      'noi dung',
      'ten nhiem vu',
      'nhiem vu',
      'chi tieu',
      'hoat dong',
      'cong viec',
      'giai phap',
      'danh muc',
      'ten chi tieu',
      'ten de an',
      'ten van ban',
    ],
  },
  { role: 'note', phrases: ['ghi chu'] },
];

/**
 * The role a header label names, or null.
 * In an indicator table "Kết quả" (and "Kết quả/Chỉ tiêu", "Mục tiêu") is the target value.
 * @example roleOfLabel('Cơ quan chủ trì tham mưu/ thực hiện') // 'lead'
 */
export function roleOfLabel(label: string, kind: AppendixKind = 'tasks'): ColumnRole | null {
  // Every row is tried as a header: its numbers and dates ("12", "31/12/2026") name no role, without a look-up.
  if (!hasLetter(label)) return null;
  const cache = ROLE_CACHE[kind];
  const hit = cache.get(label);
  if (hit !== undefined) return hit;
  const role = roleOfLabelUncached(label, kind);
  if (cache.size >= 20_000) cache.clear();
  cache.set(label, role);
  return role;
}

const ROLE_CACHE: Record<AppendixKind, Map<string, ColumnRole | null>> = { tasks: new Map(), indicators: new Map() };

/**
 * Whether a label may fold to a letter: any character from 'A' (0x41) up, or '&' (folded to "va"). Below 'A' are only
 * digits, spaces and punctuation, which fold to digits, '%', '/' and spaces: no phrase's word.
 */
function hasLetter(label: string): boolean {
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c >= 0x41 || c === 0x26) return true;
  }
  return false;
}

function roleOfLabelUncached(label: string, kind: AppendixKind): ColumnRole | null {
  // Every body row is tried as a header, so this is asked of nearly every cell of a sheet: the label is folded into a
  // reused buffer and walked once through a trie of the rules' phrases, with no string made and no map looked up
  // (a cache of labels cost more than this: each new cell text had to be hashed, and the map was large).
  let len = foldCodes(label);
  if (len < 0) len = copyCodes(fold(label));
  const f = foldedCodes();
  if (len === 0) return null;
  // A code column ("Mã ĐV chủ trì", "Mã nhiệm vụ") holds codes, not names: a working column, never a plan role.
  if (f[0] === 0x6d && f[1] === 0x61 && (len === 2 || !isWordCode(f[2]!))) return null;
  // A bare "Đơn vị": the unit of an indicator table, the responsible unit of a task table.
  if (equalsCodes(f, len, 'don vi')) return kind === 'indicators' ? 'unit' : 'lead';
  // The rules whose phrases the label holds as whole words ("/" separates words too), one bit per rule.
  // A bare "Số" is only TT, and a bare "Hạn" a deadline, when it is the whole label.
  let matched = 0;
  if (equalsCodes(f, len, 'so')) matched |= 1 << EXACT_RULE.get('so')!;
  if (equalsCodes(f, len, 'han')) matched |= 1 << EXACT_RULE.get('han')!;
  let spaces = 0;
  for (let i = 0; i < len; i++) {
    const c = f[i]!;
    if (c === 0x20) spaces++;
    if (isSeparatorCode(c) || (i > 0 && !isSeparatorCode(f[i - 1]!))) continue;
    // A word starts at i: follow the trie as far as the label goes.
    let node = 0;
    let j = i;
    for (;;) {
      const mask = TRIE_END[node]!;
      if (mask !== 0 && (j === len || isSeparatorCode(f[j]!))) matched |= mask;
      if (j === len) break;
      const c2 = f[j]!;
      let edge: number;
      if (isSeparatorCode(c2)) {
        edge = 26;
        while (j < len && isSeparatorCode(f[j]!)) j++;
      } else if (c2 >= 0x61 && c2 <= 0x7a) {
        edge = c2 - 0x61;
        j++;
      } else break;
      node = TRIE_NEXT[node * 27 + edge]!;
      if (node < 0) break;
    }
  }
  if (matched === 0) return null;
  for (let index = 0; index < RULES.length; index++) {
    if (!(matched & (1 << index))) continue;
    const rule = RULES[index]!;
    // Order matters: the first rule wins.
    if (rule.role === 'result' && kind === 'indicators') return 'target';
    if (rule.role === 'tt' && spaces + 1 > 3) continue; // "Số lượng cán bộ …" is not a TT column.
    return rule.role;
  }
  return null;
}

function isSeparatorCode(c: number): boolean {
  return c === 0x20 || c === 0x2f;
}

function isWordCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

function equalsCodes(codes: Uint16Array, len: number, s: string): boolean {
  if (len !== s.length) return false;
  for (let i = 0; i < len; i++) if (codes[i] !== s.charCodeAt(i)) return false;
  return true;
}

// The rules' phrases in a trie over a–z and the space (27 edges per node), each end marked with its rules' bits.
// A bare "so" and "han" are matched only as the whole label: kept out of the trie.
const EXACT_ONLY = new Set(['so', 'han']);
const EXACT_RULE = new Map<string, number>();
// One bit per rule in a 32-bit mask.
if (RULES.length > 31) throw new Error('header-roles: more rules than bits');
const TRIE_NEXT: number[] = [];
const TRIE_END: number[] = [];
function trieNode(): number {
  for (let e = 0; e < 27; e++) TRIE_NEXT.push(-1);
  TRIE_END.push(0);
  return TRIE_END.length - 1;
}
trieNode();
RULES.forEach((rule, index) => {
  for (const phrase of rule.phrases) {
    if (EXACT_ONLY.has(phrase)) {
      if (!EXACT_RULE.has(phrase)) EXACT_RULE.set(phrase, index);
      continue;
    }
    if (!/^[a-z]+(?: [a-z]+)*$/.test(phrase)) throw new Error(`header-roles: phrase '${phrase}' is not folded words`);
    let node = 0;
    for (const ch of phrase) {
      const edge = ch === ' ' ? 26 : ch.charCodeAt(0) - 0x61;
      let next = TRIE_NEXT[node * 27 + edge]!;
      if (next < 0) TRIE_NEXT[node * 27 + edge] = next = trieNode();
      node = next;
    }
    TRIE_END[node]! |= 1 << index;
  }
});

/**
 * The definition roleOfLabel's word look-up stands for: each rule's phrases searched for in the label as whole words,
 * rules in order. Kept for the equivalence test (test/core/read/header-roles.test.ts).
 */
export function roleBySearch(label: string, kind: AppendixKind = 'tasks'): ColumnRole | null {
  const f = fold(label);
  if (f === '') return null;
  if (/^ma\b/.test(f)) return null;
  if (f === 'don vi') return kind === 'indicators' ? 'unit' : 'lead';
  const padded = ` ${f.replace(/[/()]/g, ' ').replace(/\s+/g, ' ')} `;
  for (const rule of RULES) {
    const hit = rule.phrases.some((p) => (EXACT_ONLY.has(p) ? f === p : padded.includes(` ${p} `)));
    if (!hit) continue;
    if (rule.role === 'result' && kind === 'indicators') return 'target';
    if (rule.role === 'tt' && f.split(' ').length > 3) continue;
    return rule.role;
  }
  return null;
}

/** Every phrase the rules know, for the equivalence test to build labels from. */
export const ROLE_PHRASES: readonly string[] = RULES.flatMap((rule) => rule.phrases);

/**
 * In an indicator table that has a target column, a later "Thực hiện" / "Kết quả thực hiện (năm 2026)" column holds
 * the achieved value; in a task table "Kết quả thực hiện" stays the planned result.
 * @example isActualLabel('Thực hiện 6 tháng') // true
 */
export function isActualLabel(label: string): boolean {
  return /^(ket qua )?thuc hien\b/.test(fold(label));
}

/** Whether a label looks like an indicator table's header ("Chỉ tiêu", "Đơn vị tính", "theo dõi, đánh giá"). */
export function isIndicatorLabel(label: string): boolean {
  const f = ` ${fold(label)} `;
  return f.includes(' chi tieu ') || f.includes(' don vi tinh ') || f.includes(' theo doi ');
}
