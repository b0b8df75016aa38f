// Realistic appendix grids at any size: title block, header, Roman groups, tasks with agencies and deadlines,
// and the mess real sheets have (continuation rows, repeated headers) — deterministic for a seed.

import type { CellValue, Grid } from '../../core/model/index.ts';
import { gridFromValues } from '../../core/model/index.ts';
import { intToRoman } from '../../core/text/index.ts';

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
  'dịch vụ công trực tuyến toàn trình',
  'camera giám sát an ninh',
  'thanh toán không dùng tiền mặt',
  'hệ thống thông tin báo cáo',
  'bản đồ số du lịch',
  'sổ sức khỏe điện tử',
  'học bạ số',
  'kho dữ liệu dùng chung',
];
const PLACES = ['trên địa bàn xã', 'tại các thôn, khu dân cư', 'tại bộ phận một cửa', 'cho các hộ kinh doanh', 'trong cơ quan, đơn vị'];
const LEADS = [
  'Văn phòng HĐND và UBND',
  'Phòng Kinh tế',
  'Phòng Văn hóa - Xã hội',
  'Trung tâm Phục vụ hành chính công',
  'Công an xã',
  'Ban Chỉ huy Quân sự xã',
  'Trạm Y tế xã',
  'Phòng VH- XH xã',
  'Văn phòng HĐND – UBND xã',
];
const PARTNERS = [
  'Các phòng, ban, ngành liên quan',
  'Các đơn vị liên quan',
  'UBND các thôn',
  'Phòng Kinh tế; Công an xã',
  'Bưu điện xã, Viettel',
];
const RESULTS = ['Kế hoạch', 'Báo cáo kết quả', 'Hệ thống vận hành', 'Quyết định', 'Cơ sở dữ liệu'];
const DEADLINES = [
  'Thường xuyên',
  'Quý III/2025',
  'Năm 2026',
  'Tháng 12/2025',
  'Hằng năm',
  'Quý IV/2026',
  '2025 - 2026',
  'Tháng 7/2025, duy trì hàng năm',
  'Khi có văn bản của cấp trên',
  '31/12/2026',
  'Giai đoạn 2026-2030',
];
/** Detail words spread through each task, as real tasks name their own places, programmes and people. */
const DETAILS = [
  'thôn Đông',
  'thôn Tây',
  'khu Bắc',
  'xóm Mới',
  'chợ trung tâm',
  'trường tiểu học',
  'trạm y tế',
  'nhà văn hóa',
  'hợp tác xã',
  'làng nghề',
  'đoàn viên',
  'hội viên',
  'phụ nữ',
  'người cao tuổi',
  'học sinh',
  'giáo viên',
  'hộ nghèo',
  'doanh nghiệp nhỏ',
  'nông dân',
  'công chức',
  'tổ tự quản',
  'điểm bưu điện',
  'trụ sở',
  'bến xe',
  'khu công nghiệp',
  'di tích',
  'lễ hội',
  'sản phẩm OCOP',
  'cây ăn quả',
  'chăn nuôi',
  'thủy sản',
  'rừng phòng hộ',
  'đê điều',
  'nước sạch',
  'rác thải',
  'điện chiếu sáng',
  'camera',
  'loa truyền thanh',
  'Zalo',
  'cổng thông tin',
  'thư viện',
  'sân thể thao',
  'bảo hiểm y tế',
  'căn cước',
  'VNeID',
  'ví điện tử',
  'mã QR',
  'hóa đơn điện tử',
  'kho bạc',
];

const GROUPS = [
  'Nâng cao nhận thức, đột phá về đổi mới tư duy',
  'Hoàn thiện thể chế',
  'Tăng cường đầu tư, hoàn thiện hạ tầng',
  'Phát triển nguồn nhân lực',
  'Đẩy mạnh chuyển đổi số trong hệ thống chính trị',
  'Thúc đẩy mạnh mẽ hoạt động khoa học, công nghệ',
  'Tăng cường hợp tác',
];

export interface GenOptions {
  tasks: number;
  seed?: number;
  /** Columns: 5 (no result), 6 (standard) or 7 (with accountable head). */
  columns?: 5 | 6 | 7;
  /** Share of tasks split across two rows, as when pasted from a PDF. */
  continuationRate?: number;
  /** A repeated header every this many rows (0 = none). */
  repeatHeaderEvery?: number;
  sheet?: string;
  commune?: string;
}

/** A small deterministic PRNG (mulberry32): the same seed, the same workbook. */
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

/**
 * A tasks appendix as a Grid.
 * @example generateAppendix({ tasks: 10_000 }).rows.length // ≈ 10,0xx
 */
export function generateAppendix(opts: GenOptions): Grid {
  const rand = rng(opts.seed ?? 1);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const cols = opts.columns ?? 6;
  const header: string[] = [
    'TT',
    'Nội dung',
    ...(cols === 7 ? ['Người đứng đầu chịu trách nhiệm'] : []),
    'Cơ quan chủ trì',
    'Cơ quan phối hợp',
    ...(cols >= 6 ? ['Kết quả/sản phẩm'] : []),
    'Thời gian hoàn thành',
  ];
  const rows: CellValue[][] = [
    ['PHỤ LỤC I'],
    ['DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW'],
    [`(Kèm theo Kế hoạch số 12/KH-UBND ngày 15/7/2025 của UBND ${opts.commune ?? 'xã Cẩm Giàng'})`],
    [],
    header,
  ];
  const perGroup = Math.max(1, Math.ceil(opts.tasks / GROUPS.length));
  let n = 0;
  for (let g = 0; n < opts.tasks; g++) {
    rows.push([intToRoman(g + 1), GROUPS[g % GROUPS.length]!]);
    for (let k = 0; k < perGroup && n < opts.tasks; k++) {
      n++;
      const content = `${pick(VERBS)} ${pick(OBJECTS)} cho ${pick(DETAILS)} và ${pick(DETAILS)} ${pick(PLACES)}, ưu tiên ${pick(DETAILS)} (nhiệm vụ ${n})`;
      const row: CellValue[] = [
        n,
        content,
        ...(cols === 7 ? ['Chủ tịch UBND xã'] : []),
        pick(LEADS),
        pick(PARTNERS),
        ...(cols >= 6 ? [pick(RESULTS)] : []),
        pick(DEADLINES),
      ];
      if (rand() < (opts.continuationRate ?? 0.03)) {
        // A page break in the middle: the second half of the task text on its own row, lower case.
        const cut = content.indexOf(' ', Math.floor(content.length / 2));
        rows.push([row[0]!, content.slice(0, cut), ...row.slice(2)]);
        rows.push([null, content.slice(cut + 1)]);
      } else rows.push(row);
      const every = opts.repeatHeaderEvery ?? 0;
      if (every > 0 && rows.length % every === 0) rows.push(header.map((_, i) => String(i + 1)));
    }
  }
  return gridFromValues(opts.sheet ?? 'Phụ lục', rows);
}
