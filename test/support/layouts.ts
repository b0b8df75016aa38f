// Generated appendix layouts for reader and fix tests: heading styles, subgroups, numbering schemes, merged cells,
// header wordings, positions and planted problems, each with the table it must read as (the truth).
import fc from 'fast-check';
import type { Cell, CellValue, Grid, Merge } from '../../core/model/index.ts';
import { intToRoman } from '../../core/text/index.ts';

export type HeadingStyle = 'tt-and-merged-name' | 'one-cell-merged' | 'in-content' | 'tt-plain';
export type HeaderStyle = 'standard' | 'upper' | 'province' | 'tracking' | 'two-row' | 'side-table';
export type Numbering = 'continuous' | 'per-group' | 'per-subgroup';

export interface LayoutOptions {
  /** First column of the table (1 = A). */
  col0: number;
  titleBlock: boolean;
  header: HeaderStyle;
  funding: boolean;
  heading: HeadingStyle;
  subgroups: 'none' | 'roman' | 'letter';
  numbering: Numbering;
  trailingDot: boolean;
  groups: number;
  tasksPer: number;
  /** One deadline merged down over each group's tasks. */
  mergedDeadline: boolean;
  /** A sub-header in other words above the second group. */
  subHeader: boolean;
  plant: {
    /** Index of the task whose text is split over two rows by a page break (-1: none). */
    split: number;
    /** The split's second part starts with a capital letter, so the reader cannot be certain it is a fragment. */
    splitUpper: boolean;
    repeatHeader: boolean;
    blank: boolean;
    whitespace: boolean;
    gap: boolean;
    duplicate: boolean;
    deadlineFormat: boolean;
    decomposed: boolean;
  };
}

export interface Layout {
  grid: Grid;
  opts: LayoutOptions;
  truth: { groups: string[]; subgroups: number; tasks: { content: string; group: number }[] };
}

const TASKS = [
  'Xây dựng kế hoạch chuyển đổi số của xã giai đoạn 2026-2030',
  'Triển khai hệ thống quản lý văn bản và điều hành trên môi trường mạng',
  'Tổ chức tập huấn kỹ năng số cho cán bộ, công chức xã',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực',
  'Phát triển tổ công nghệ số cộng đồng tại các thôn',
  'Tuyên truyền nâng cao nhận thức về Nghị quyết số 57-NQ/TW',
  'Rà soát hạ tầng mạng viễn thông và điểm phát sóng di động',
  'Vận hành Trung tâm phục vụ hành chính công xã',
  'Hướng dẫn hộ kinh doanh thanh toán không dùng tiền mặt',
  'Cập nhật cơ sở dữ liệu dân cư phục vụ giải quyết thủ tục',
  'Ứng dụng trí tuệ nhân tạo trong trả lời phản ánh, kiến nghị',
  'Bảo đảm an toàn thông tin cho hệ thống máy tính của xã',
  'Đánh giá mức độ hài lòng của người dân với dịch vụ công trực tuyến',
  'Xây dựng mô hình chợ không dùng tiền mặt',
  'Triển khai camera an ninh tại các tuyến đường chính',
  'Thống kê, báo cáo kết quả thực hiện chỉ tiêu kinh tế số',
];
const GROUPS = [
  'Nâng cao nhận thức, phát triển nhân lực',
  'Hoàn thiện thể chế, chính sách',
  'Phát triển hạ tầng số',
  'Phát triển dữ liệu số, nền tảng số',
  'Bảo đảm an ninh, an toàn',
];
const LEADS = [
  'Văn phòng HĐND và UBND xã',
  'Phòng Kinh tế',
  'Phòng Văn hóa - Xã hội',
  'Công an xã',
  'Trung tâm Phục vụ hành chính công xã',
];
const RESULTS = ['Kế hoạch được ban hành', 'Báo cáo kết quả', 'Hệ thống được vận hành', 'Lớp tập huấn được tổ chức'];
const DEADLINES = ['Quý IV/2026', 'Năm 2026', 'Thường xuyên', 'Tháng 6/2026', 'Giai đoạn 2026-2030'];

type Role =
  'tt' | 'content' | 'lead' | 'partners' | 'result' | 'deadline' | 'funding' | 'handler' | 'received' | 'reply' | 'replied' | 'contact';

function headerLabels(o: LayoutOptions): [Role, string][] {
  const base: [Role, string][] = (() => {
    switch (o.header) {
      case 'upper':
        return [
          ['tt', 'STT'],
          ['content', 'NHIỆM VỤ VÀ GIẢI PHÁP'],
          ['lead', 'CHỦ TRÌ'],
          ['partners', 'PHỐI HỢP'],
          ['result', 'KẾT QUẢ'],
          ['deadline', 'THỜI GIAN'],
        ];
      case 'province':
        return [
          ['tt', 'TT'],
          ['content', 'Nội dung/nhiệm vụ'],
          ['lead', 'Đơn vị thực hiện'],
          ['partners', 'Cơ quan phối hợp'],
          ['result', 'Kết quả thực hiện'],
          ['deadline', 'Thời hạn hoàn thành'],
        ];
      case 'tracking':
        return [
          ['tt', 'STT'],
          ['content', 'Tên nhiệm vụ'],
          ['lead', 'Đơn vị chủ trì'],
          ['partners', 'Đơn vị phối hợp'],
          ['result', 'Sản phẩm'],
          ['deadline', 'Hạn hoàn thành'],
          ['handler', 'Người xử lý'],
          ['received', 'Ngày nhận văn bản'],
          ['reply', 'Số văn bản trả lời'],
          ['replied', 'Ngày trả lời'],
          ['contact', 'Email liên hệ'],
        ];
      default:
        return [
          ['tt', 'TT'],
          ['content', 'Nội dung'],
          ['lead', 'Cơ quan chủ trì'],
          ['partners', 'Cơ quan phối hợp'],
          ['result', 'Kết quả'],
          ['deadline', 'Thời gian hoàn thành'],
        ];
    }
  })();
  return o.funding ? [...base, ['funding', 'Nguồn kinh phí']] : base;
}

/**
 * Build one layout. Rows are written top to bottom; merges are recorded in Excel coordinates.
 * @example buildLayout(DEFAULT_LAYOUT).truth.tasks.length
 */
export function buildLayout(o: LayoutOptions): Layout {
  const rows: (CellValue | undefined)[][] = [];
  const merges: Merge[] = [];
  const labels = headerLabels(o);
  const width = labels.length;
  const colOf = (role: Role): number => o.col0 + labels.findIndex(([r]) => r === role);
  const last = o.col0 + width - 1;
  const put = (r: number, c: number, v: CellValue) => {
    const row = (rows[r - 1] ??= []);
    row[c - 1] = v;
  };
  let r = 0;
  const next = () => ++r;

  if (o.titleBlock) {
    for (const t of [
      'ỦY BAN NHÂN DÂN XÃ CẨM GIÀNG',
      'PHỤ LỤC I',
      'DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT 57-NQ/TW',
      '(Kèm theo Kế hoạch số 15/KH-UBND ngày 10/3/2026 của UBND xã Cẩm Giàng)',
    ]) {
      put(next(), o.col0, t);
      merges.push({ top: r, left: o.col0, bottom: r, right: last });
    }
    next();
  }
  const writeHeader = (words: [Role, string][]) => {
    if (o.header === 'two-row') {
      const top = next();
      const sub = next();
      for (const [role, label] of words) {
        if (role === 'lead' || role === 'partners') continue;
        put(top, colOf(role), label);
        merges.push({ top, left: colOf(role), bottom: sub, right: colOf(role) });
      }
      put(top, colOf('lead'), 'Cơ quan thực hiện');
      merges.push({ top, left: colOf('lead'), bottom: top, right: colOf('partners') });
      put(sub, colOf('lead'), 'Chủ trì');
      put(sub, colOf('partners'), 'Phối hợp');
      return;
    }
    const h = next();
    for (const [role, label] of words) put(h, colOf(role), label);
    if (o.header === 'side-table') {
      put(h, last + 2, 'Tổng hợp');
      put(h, last + 3, 'Số lượng');
      put(h + 1, last + 2, 'Nhiệm vụ');
      put(h + 1, last + 3, 0);
    }
  };
  writeHeader(labels);

  const truth: Layout['truth'] = { groups: [], subgroups: 0, tasks: [] };
  let n = 0;
  let taskIndex = 0;
  const tt = (k: number) => `${k}${o.trailingDot ? '.' : ''}`;
  const heading = (num: string, name: string, level: 'group' | 'subgroup') => {
    const h = next();
    switch (o.heading) {
      case 'one-cell-merged':
        put(h, colOf('tt'), `${num}${/[).]$/.test(num) ? '' : '.'} ${name}`);
        merges.push({ top: h, left: colOf('tt'), bottom: h, right: last });
        break;
      case 'in-content':
        put(h, colOf('content'), `${num}${level === 'group' ? '.' : ''} ${name}`);
        break;
      case 'tt-and-merged-name':
        put(h, colOf('tt'), num);
        put(h, colOf('content'), name);
        merges.push({ top: h, left: colOf('content'), bottom: h, right: last });
        break;
      default:
        put(h, colOf('tt'), num);
        put(h, colOf('content'), name);
    }
  };

  for (let g = 0; g < o.groups; g++) {
    if (g === 1 && o.subHeader) {
      writeHeaderReworded();
    }
    const gname = GROUPS[g % GROUPS.length]!;
    heading(intToRoman(g + 1), o.header === 'upper' ? gname.toUpperCase() : gname, 'group');
    truth.groups.push(gname);
    if (o.numbering !== 'continuous') n = 0;
    const subs = o.subgroups === 'none' ? 1 : 2;
    for (let s = 0; s < subs; s++) {
      if (o.subgroups !== 'none') {
        const num = o.subgroups === 'roman' ? `${intToRoman(g + 1)}.${s + 1}` : `${'abcd'[s]})`;
        heading(num, `Nhóm nhiệm vụ ${s + 1} của nhóm ${g + 1}`, 'subgroup');
        truth.subgroups++;
        if (o.numbering === 'per-subgroup') n = 0;
      }
      const firstTaskRow = r + 1;
      for (let t = 0; t < o.tasksPer; t++) {
        const content = TASKS[taskIndex % TASKS.length]!;
        const idx = taskIndex++;
        n++;
        let number = n;
        if (o.plant.gap && idx === 1) number = n + 1;
        if (o.plant.duplicate && idx === 2) number = n - 1;
        const row = next();
        put(row, colOf('tt'), o.trailingDot ? tt(number) : number);
        const split = o.plant.split === idx;
        const cut = content.indexOf(' ', Math.floor(content.length / 2));
        let written = split ? content.slice(0, cut) : content;
        if (o.plant.whitespace && idx === 0) written = `  ${written}  `;
        if (o.plant.decomposed && idx === 3) written = written.normalize('NFD');
        put(row, colOf('content'), written);
        put(row, colOf('lead'), LEADS[idx % LEADS.length]!);
        put(row, colOf('partners'), LEADS[(idx + 2) % LEADS.length]!);
        put(row, colOf('result'), RESULTS[idx % RESULTS.length]!);
        if (!o.mergedDeadline || t === 0)
          put(row, colOf('deadline'), o.plant.deadlineFormat && idx === 0 ? 'Quý 4/2026' : DEADLINES[(g + s) % DEADLINES.length]!);
        if (o.funding && t === 0) put(row, colOf('funding'), 'Ngân sách xã');
        if (o.header === 'tracking') {
          put(row, colOf('handler'), 'Nguyễn Văn An');
          put(row, colOf('received'), '12/3/2026');
          put(row, colOf('reply'), `${100 + idx}/UBND-VP`);
        }
        truth.tasks.push({ content, group: g });
        if (split) {
          const rest = content.slice(cut + 1);
          put(next(), colOf('content'), o.plant.splitUpper ? rest[0]!.toUpperCase() + rest.slice(1) : rest);
        }
        if (o.plant.repeatHeader && idx === 1) writeHeader(labels);
        if (o.plant.blank && idx === 2) next();
      }
      if (o.mergedDeadline && r > firstTaskRow)
        merges.push({ top: firstTaskRow, left: colOf('deadline'), bottom: r, right: colOf('deadline') });
      if (o.funding && r > firstTaskRow) merges.push({ top: firstTaskRow, left: colOf('funding'), bottom: r, right: colOf('funding') });
    }
  }

  function writeHeaderReworded(): void {
    const h = next();
    put(h, colOf('content'), 'Nội dung công việc');
    put(h, colOf('lead'), 'Đơn vị thực hiện');
    put(h, colOf('deadline'), 'Thời gian');
  }

  const grid: Grid = {
    sheet: 'Phụ lục',
    origin: { row: 1, col: 1 },
    rows: Array.from({ length: rows.length }, (_, i) => {
      const row = rows[i] ?? [];
      return Array.from({ length: row.length }, (_, c): Cell | null => {
        const v = row[c];
        return v === undefined || v === null || v === '' ? null : { v };
      });
    }),
    merges,
  };
  return { grid, opts: o, truth };
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  col0: 1,
  titleBlock: true,
  header: 'standard',
  funding: false,
  heading: 'tt-and-merged-name',
  subgroups: 'none',
  numbering: 'per-group',
  trailingDot: false,
  groups: 2,
  tasksPer: 3,
  mergedDeadline: false,
  subHeader: false,
  plant: {
    split: -1,
    splitUpper: false,
    repeatHeader: false,
    blank: false,
    whitespace: false,
    gap: false,
    duplicate: false,
    deadlineFormat: false,
    decomposed: false,
  },
};

/** Layout options across every class, with planted problems. */
export const layoutArb: fc.Arbitrary<LayoutOptions> = fc.record({
  col0: fc.integer({ min: 1, max: 3 }),
  titleBlock: fc.boolean(),
  header: fc.constantFrom<HeaderStyle>('standard', 'upper', 'province', 'tracking', 'two-row', 'side-table'),
  funding: fc.boolean(),
  heading: fc.constantFrom<HeadingStyle>('tt-and-merged-name', 'one-cell-merged', 'in-content', 'tt-plain'),
  subgroups: fc.constantFrom<LayoutOptions['subgroups']>('none', 'roman', 'letter'),
  numbering: fc.constantFrom<Numbering>('continuous', 'per-group', 'per-subgroup'),
  trailingDot: fc.boolean(),
  groups: fc.integer({ min: 1, max: 4 }),
  tasksPer: fc.integer({ min: 1, max: 4 }),
  mergedDeadline: fc.boolean(),
  subHeader: fc.boolean(),
  plant: fc.record({
    split: fc.integer({ min: -1, max: 6 }),
    splitUpper: fc.boolean(),
    repeatHeader: fc.boolean(),
    blank: fc.boolean(),
    whitespace: fc.boolean(),
    gap: fc.boolean(),
    duplicate: fc.boolean(),
    deadlineFormat: fc.boolean(),
    decomposed: fc.boolean(),
  }),
});
