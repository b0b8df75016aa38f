// Test helper: seeded random plans and random edits of them, for property tests and large tables.
import type { RowSpec } from './plan-of.ts';

const VERBS = [
  'Triển khai',
  'Xây dựng',
  'Tuyên truyền',
  'Rà soát',
  'Nâng cấp',
  'Tổ chức',
  'Phối hợp thực hiện',
  'Đẩy mạnh',
  'Hoàn thiện',
  'Số hóa',
];
const OBJECTS = [
  'nền tảng số dùng chung',
  'cơ sở dữ liệu đất đai',
  'hồ sơ thủ tục hành chính',
  'chữ ký số cho cán bộ',
  'mô hình chợ 4.0',
  'hạ tầng mạng 5G',
  'kỹ năng số cho người dân',
  'dịch vụ công trực tuyến',
  'camera giám sát an ninh',
  'thanh toán không dùng tiền mặt',
];
const WORDS = [
  'thôn',
  'bản',
  'hộ',
  'gia',
  'đình',
  'doanh',
  'nghiệp',
  'hợp',
  'tác',
  'xã',
  'trường',
  'học',
  'trạm',
  'y',
  'tế',
  'chợ',
  'bưu',
  'điện',
  'nhà',
  'văn',
  'hóa',
  'đoàn',
  'viên',
  'hội',
  'phụ',
  'nữ',
  'cựu',
  'chiến',
  'binh',
  'nông',
  'dân',
  'thanh',
  'niên',
  'người',
  'cao',
  'tuổi',
];
export const LEADS = [
  'Văn phòng HĐND và UBND',
  'Phòng Kinh tế',
  'Phòng Văn hóa - Xã hội',
  'Công an xã',
  'Trạm Y tế xã',
  'Ban Chỉ huy Quân sự xã',
];
export const DEADLINES = ['Thường xuyên', 'Quý III/2025', 'Năm 2026', 'Tháng 12/2025', 'Hằng năm', 'Quý IV/2026'];
const GROUPS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** mulberry32: the same seed, the same plan. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pickWith =
  (rand: () => number) =>
  <T>(xs: readonly T[]): T =>
    xs[Math.floor(rand() * xs.length)]!;

/** A task's text: a verb, an object and five random words (distinct texts, in practice). */
export function taskText(seed: number): string {
  const pick = pickWith(rng(seed));
  return `${pick(VERBS)} ${pick(OBJECTS)} tại ${Array.from({ length: 5 }, () => pick(WORDS)).join(' ')}`;
}

/** A task row from a seed. */
export function task(tt: string | number, seed: number): RowSpec {
  const pick = pickWith(rng(seed ^ 0x5bd1e995));
  return [tt, taskText(seed), pick(LEADS), 'Các đơn vị liên quan', 'Báo cáo', pick(DEADLINES)];
}

/**
 * A plan of `tasks` tasks spread over `groups` groups (Roman TT, then 1, 2, … in each).
 * @example randomPlan(1, 20, 3).length // 23
 */
export function randomPlan(seed: number, tasks: number, groups: number): RowSpec[] {
  const out: RowSpec[] = [];
  const perGroup = Math.ceil(tasks / groups);
  for (let n = 0; n < tasks; n++) {
    if (n % perGroup === 0)
      out.push([GROUPS[(n / perGroup) % GROUPS.length]!, `Nhóm nhiệm vụ ${n / perGroup + 1}: ${taskText(seed * 7919 + n + 1e6)}`]);
    out.push(task((n % perGroup) + 1, seed * 7919 + n));
  }
  return out;
}

export type Op =
  { op: 'lead' | 'deadline' | 'tweak' | 'replace' | 'delete'; at: number; seed: number } | { op: 'insert'; at: number; seed: number };

/** Number tasks 1, 2, … within each group, as an official would after inserting or deleting. */
export function renumber(specs: RowSpec[]): RowSpec[] {
  let n = 0;
  return specs.map((s) => {
    if (typeof s[0] === 'string' && GROUPS.includes(s[0])) {
      n = 0;
      return s;
    }
    return [++n, ...s.slice(1)] as RowSpec;
  });
}

/**
 * Apply edits in order (positions taken modulo the current length), then renumber if asked.
 * Inserted tasks get texts from their own seeds, far from the base plan's.
 */
export function applyOps(specs: RowSpec[], ops: Op[], renumbered: boolean): RowSpec[] {
  let out = specs.map((s) => [...s] as RowSpec);
  for (const o of ops) {
    if (o.op === 'insert') {
      const at = o.at % (out.length + 1);
      out.splice(at, 0, task('0', 1e7 + o.seed));
      continue;
    }
    if (out.length === 0) continue;
    const at = o.at % out.length;
    const row = [...out[at]!] as RowSpec;
    if (o.op === 'delete') {
      out = out.filter((_, k) => k !== at);
      continue;
    }
    if (o.op === 'lead') row[2] = LEADS[o.seed % LEADS.length];
    if (o.op === 'deadline') row[5] = DEADLINES[o.seed % DEADLINES.length];
    if (o.op === 'replace') row[1] = taskText(2e7 + o.seed);
    if (o.op === 'tweak') {
      const words = row[1].split(' ');
      words[o.seed % words.length] = WORDS[o.seed % WORDS.length]!;
      row[1] = words.join(' ');
    }
    out[at] = row;
  }
  return renumbered ? renumber(out) : out;
}
