// Header synonyms: which column role a header label names (folded, tolerant of extra words and line breaks).
import type { AppendixKind, ColumnRole } from '../model/appendix.ts';
import { fold } from '../text/fold.ts';

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
  // Every body row is tried as a repeated header, so the same cell texts come back again and again.
  // One map per kind: building a combined key string per call cost more than the lookup.
  // A bare number (a body row's TT) names no role: every phrase has a letter. Kept out of the cache, so a large
  // table's numbers do not push its labels out.
  if (DIGITS.test(label) && NO_DIGIT_PHRASE) return null;
  const cache = ROLE_CACHE[kind];
  const hit = cache.get(label);
  if (hit !== undefined) return hit;
  const role = roleOfLabelUncached(label, kind);
  if (cache.size >= 20_000) cache.clear();
  cache.set(label, role);
  return role;
}

const ROLE_CACHE: Record<AppendixKind, Map<string, ColumnRole | null>> = { tasks: new Map(), indicators: new Map() };
const DIGITS = /^\s*\d+\s*$/;
const NO_DIGIT_PHRASE = RULES.every((rule) => rule.phrases.every((p) => /[a-z]/.test(p)));

// Each phrase as words, filed under its first word, with its rule's index: a label is matched by looking its words up
// once each, instead of searching the label for every phrase (a body row's long cells are tried too, and they are
// the most). A bare "Số" is only TT, and a bare "Hạn" a deadline, when it is the whole label: not filed.
const EXACT_ONLY = new Set(['so', 'han']);
const BY_FIRST_WORD = new Map<string, { rest: string[]; rule: number }[]>();
const EXACT_RULE = new Map<string, number>();
// One bit per rule in a 32-bit mask.
if (RULES.length > 31) throw new Error('header-roles: more rules than bits');
RULES.forEach((rule, index) => {
  for (const phrase of rule.phrases) {
    if (EXACT_ONLY.has(phrase)) {
      if (!EXACT_RULE.has(phrase)) EXACT_RULE.set(phrase, index);
      continue;
    }
    const [first, ...rest] = phrase.split(' ');
    let list = BY_FIRST_WORD.get(first!);
    if (!list) BY_FIRST_WORD.set(first!, (list = []));
    list.push({ rest, rule: index });
  }
});

function roleOfLabelUncached(label: string, kind: AppendixKind): ColumnRole | null {
  const f = fold(label);
  if (f === '') return null;
  // A code column ("Mã ĐV chủ trì", "Mã nhiệm vụ") holds codes, not names: a working column, never a plan role.
  if (/^ma\b/.test(f)) return null;
  // A bare "Đơn vị": the unit of an indicator table, the responsible unit of a task table.
  if (f === 'don vi') return kind === 'indicators' ? 'unit' : 'lead';
  // The rules whose phrases the label holds as whole words ("/" separates words too), one bit per rule.
  let matched = 0;
  const exact = EXACT_RULE.get(f);
  if (exact !== undefined) matched |= 1 << exact;
  const words = f.split(WORD_SEPARATOR);
  for (let i = 0; i < words.length; i++) {
    const list = BY_FIRST_WORD.get(words[i]!);
    if (list === undefined) continue;
    for (const { rest, rule } of list) {
      if (matched & (1 << rule)) continue;
      let k = 0;
      while (k < rest.length && words[i + 1 + k] === rest[k]) k++;
      if (k === rest.length) matched |= 1 << rule;
    }
  }
  if (matched === 0) return null;
  for (let index = 0; index < RULES.length; index++) {
    if (!(matched & (1 << index))) continue;
    const rule = RULES[index]!;
    // Order matters: the first rule wins.
    if (rule.role === 'result' && kind === 'indicators') return 'target';
    if (rule.role === 'tt' && f.split(' ').length > 3) continue; // "Số lượng cán bộ …" is not a TT column.
    return rule.role;
  }
  return null;
}

/** fold() leaves single spaces; "/" also splits words here ("Chủ trì/Phối hợp"). */
const WORD_SEPARATOR = /[ /]+/;

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
