// Shared fixtures for merge tests: a small two-group plan and a way to edit one cell of a spec list.
import type { RowSpec } from './plan-of.ts';

export const BASE: RowSpec[] = [
  ['I', 'Nâng cao nhận thức, đột phá về đổi mới tư duy'],
  [
    1,
    'Tổ chức quán triệt Nghị quyết 57-NQ/TW đến toàn thể cán bộ, đảng viên',
    'Văn phòng HĐND và UBND',
    'Các phòng, ban, ngành liên quan',
    'Hội nghị',
    'Quý III/2025',
  ],
  [
    2,
    'Tuyên truyền về chuyển đổi số trên hệ thống loa truyền thanh của xã',
    'Phòng Văn hóa - Xã hội',
    'UBND các thôn',
    'Tin, bài',
    'Thường xuyên',
  ],
  ['II', 'Hoàn thiện thể chế'],
  [
    1,
    'Rà soát thủ tục hành chính để cung cấp dịch vụ công trực tuyến toàn trình',
    'Trung tâm Phục vụ hành chính công',
    'Các đơn vị liên quan',
    'Báo cáo kết quả',
    'Năm 2026',
  ],
  [
    2,
    'Xây dựng kế hoạch nâng cao kỹ năng số cho người dân trên địa bàn xã',
    'Công an xã',
    'Bưu điện xã, Viettel',
    'Kế hoạch',
    'Quý IV/2025',
  ],
  [3, 'Triển khai thanh toán không dùng tiền mặt cho các hộ kinh doanh', 'Phòng Kinh tế', 'Các đơn vị liên quan', 'Báo cáo', 'Năm 2026'],
];

const COLUMN = { tt: 0, content: 1, lead: 2, partners: 3, result: 4, deadline: 5 } as const;

/**
 * A copy of `specs` with one cell of row `i` replaced.
 * @example withCell(BASE, 5, 'lead', 'Phòng Kinh tế')
 */
export function withCell(specs: RowSpec[], i: number, column: keyof typeof COLUMN, value: string | number): RowSpec[] {
  return specs.map((s, k) => {
    if (k !== i) return s;
    const copy = [...s] as RowSpec;
    (copy as (string | number | null | undefined)[])[COLUMN[column]] = value;
    return copy;
  });
}

/** A copy of `specs` without row `i`. */
export function without(specs: RowSpec[], i: number): RowSpec[] {
  return specs.filter((_, k) => k !== i);
}

/** A copy of `specs` with `rows` inserted before index `i`. */
export function inserting(specs: RowSpec[], i: number, ...rows: RowSpec[]): RowSpec[] {
  return [...specs.slice(0, i), ...rows, ...specs.slice(i)];
}
