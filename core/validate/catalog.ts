// The rule catalog: every issue code with its title, description, severity, tags, fix kind and messages (vi, en).
import type { IssueCode, IssueParams, Severity } from './issue.ts';
import { formatDay } from '../i18n/format.ts';
import { PROGRESS_STATUS_LABEL, PROGRESS_STATUSES } from '../model/progress-status.ts';
import { ROLE_NAMES } from './role-names.ts';

export type Tag =
  | '#structure'
  | '#header'
  | '#row'
  | '#cell'
  | '#numbering'
  | '#required'
  | '#agency'
  | '#deadline'
  | '#text'
  | '#content'
  | '#indicator'
  | '#progress';

export interface CatalogEntry<K extends IssueCode> {
  title: { vi: string; en: string };
  description: { vi: string; en: string };
  severity: Severity;
  tags: Tag[];
  /** 'safe': applied by "fix all" (never loses text); 'suggest': a fix the user confirms; 'none'. */
  fix: 'safe' | 'suggest' | 'none';
  message: { vi: (p: IssueParams[K]) => string; en: (p: IssueParams[K]) => string };
}

type Catalog = { [K in IssueCode]: CatalogEntry<K> };

const q = (s: string) => `“${s}”`;
/** The five status words, quoted: what a progress message asks the official to pick from. */
const statusWords = (lang: 'vi' | 'en') =>
  PROGRESS_STATUSES.map((s) => (lang === 'vi' ? q(PROGRESS_STATUS_LABEL[s].vi) : `"${PROGRESS_STATUS_LABEL[s].en}"`)).join(', ');
const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const CATALOG: Catalog = {
  'header-not-found': {
    title: { vi: 'Không tìm thấy dòng tiêu đề bảng', en: 'Header not found' },
    description: {
      vi: 'Trang tính không có dòng tiêu đề cột nhận ra được (TT, Nội dung, Cơ quan chủ trì, …), nên không kiểm tra được.',
      en: 'The sheet has no recognizable column header row (TT, Nội dung, Cơ quan chủ trì, …), so it cannot be checked.',
    },
    severity: 'error',
    tags: ['#structure', '#header'],
    fix: 'none',
    message: {
      vi: (p) => `Trang tính ${q(p.sheet)} không có dòng tiêu đề cột (TT, Nội dung, Cơ quan chủ trì, Thời gian hoàn thành…).`,
      en: (p) => `Sheet "${p.sheet}" has no column header row (TT, Nội dung, Cơ quan chủ trì, Thời gian hoàn thành…).`,
    },
  },
  'no-table': {
    title: { vi: 'Không có bảng phụ lục', en: 'No appendix table' },
    description: {
      vi: 'Tệp không có bảng nhiệm vụ hay bảng chỉ tiêu nào (tệp trống, hoặc chỉ có trang tính ẩn): không có gì để kiểm tra, nên chưa hợp lệ.',
      en: 'The file holds no task or indicator table (it is empty, or has only hidden sheets): there is nothing to check, so it is not valid.',
    },
    severity: 'error',
    tags: ['#structure'],
    fix: 'none',
    message: {
      vi: () => 'Không tìm thấy bảng nhiệm vụ hay bảng chỉ tiêu nào trong tệp: không có gì để kiểm tra.',
      en: () => 'No task or indicator table was found in the file: there is nothing to check.',
    },
  },
  'table-empty': {
    title: { vi: 'Bảng chưa có nhiệm vụ', en: 'Table has no tasks' },
    description: {
      vi: 'Bảng có dòng tiêu đề (và có thể có các nhóm) nhưng chưa có nhiệm vụ hay chỉ tiêu nào, như phụ lục mẫu chưa điền: chưa có gì để nộp, nên chưa hợp lệ.',
      en: 'The table has a header (and maybe groups) but no task or indicator yet, like a blank template: nothing to submit yet, so it is not valid.',
    },
    severity: 'error',
    tags: ['#structure', '#required'],
    fix: 'none',
    message: {
      vi: (p) =>
        p.kind === 'indicators'
          ? 'Bảng chưa có chỉ tiêu nào: hãy điền các chỉ tiêu vào dưới dòng tiêu đề.'
          : 'Bảng chưa có nhiệm vụ nào: hãy điền các nhiệm vụ vào dưới dòng tiêu đề.',
      en: (p) =>
        p.kind === 'indicators'
          ? 'The table has no indicators yet: fill them in below the header row.'
          : 'The table has no tasks yet: fill them in below the header row.',
    },
  },
  'missing-column': {
    title: { vi: 'Thiếu cột', en: 'Missing column' },
    description: {
      vi: 'Bảng nhiệm vụ phải có cột Nội dung, Cơ quan chủ trì, Thời gian hoàn thành; nên có Cơ quan phối hợp và Kết quả. Bảng chỉ tiêu cần Chỉ tiêu, Đơn vị tính, Kết quả; bảng phân công chỉ tiêu (TT | Chỉ tiêu | Chủ trì, giá trị viết ngay trong chỉ tiêu) chỉ nên có hai cột đó.',
      en: 'A task table needs Content, Lead agency and Deadline columns; Partners and Result are recommended. An indicator table needs Indicator, Unit and Target; an assignment of indicators (TT | Indicator | Lead, the target written in the indicator) only should have them.',
    },
    severity: 'error',
    tags: ['#structure', '#header'],
    fix: 'none',
    message: {
      vi: (p) => `Bảng thiếu cột ${q(ROLE_NAMES[p.role].vi)}${p.required ? ' (bắt buộc)' : ' (nên có)'}.`,
      en: (p) => `The table has no "${ROLE_NAMES[p.role].en}" column${p.required ? ' (required)' : ' (recommended)'}.`,
    },
  },
  'columns-left-aside': {
    title: { vi: 'Cột không thuộc kế hoạch', en: 'Columns left aside' },
    description: {
      vi: 'Bảng có những cột làm việc không phải cột của phụ lục (người xử lý, ngày nhận, số văn bản trả lời …); phuluc đọc bảng theo các cột kế hoạch và để riêng các cột này, không kiểm tra, không tổng hợp.',
      en: 'The table has working columns that are not appendix columns (handler, date received, reply number …); phuluc reads the plan columns and leaves these aside: not checked, not consolidated.',
    },
    severity: 'info',
    tags: ['#structure', '#header'],
    fix: 'none',
    message: {
      vi: (p) => `Các cột ${p.columns} không phải cột của phụ lục; phuluc để riêng, không kiểm tra.`,
      en: (p) => `Columns ${p.columns} are not appendix columns; phuluc leaves them aside and does not check them.`,
    },
  },
  'repeated-header-row': {
    title: { vi: 'Dòng tiêu đề lặp lại', en: 'Repeated header row' },
    description: {
      vi: 'Dòng tiêu đề cột lặp lại giữa bảng (thường do dán từ PDF qua nhiều trang), hoặc một dòng tiêu đề phụ viết khác đi ở đầu mỗi phần (“Nội dung | Đơn vị thực hiện | Thời gian”): vẫn là một bảng. Sửa: xóa dòng — tự động khi dòng lặp đúng từng chữ, còn dòng tiêu đề viết khác là gợi ý để người dùng xác nhận.',
      en: 'The column header repeats inside the table (usually pasted from a multi-page PDF), or a reworded sub-header opens each part ("Nội dung | Đơn vị thực hiện | Thời gian"): it is still one table. Fix: delete the row — automatic when it repeats the header word for word; a reworded sub-header is a suggestion the user confirms.',
    },
    severity: 'warning',
    tags: ['#structure', '#row'],
    fix: 'safe',
    message: {
      vi: () => 'Dòng tiêu đề cột bị lặp lại giữa bảng; nên xóa.',
      en: () => 'The column header is repeated inside the table; delete it.',
    },
  },
  'continuation-row': {
    title: { vi: 'Dòng bị tách trang', en: 'Continuation row' },
    description: {
      vi: 'Dòng không có số thứ tự, chứa phần tiếp theo của nhiệm vụ phía trên (bị tách khi dán từ PDF). Sửa: nối vào dòng trên và xóa dòng này — tự động khi chắc chắn (phần tiếp theo bắt đầu giữa câu hoặc dòng trên dừng giữa câu), còn lại là gợi ý để người dùng xác nhận.',
      en: 'A row without a number holding the rest of the task above (split by a page break when pasted from PDF). Fix: join it into the row above and delete it — applied automatically only when certain (the fragment starts mid-sentence or the row above stops mid-sentence), otherwise a suggestion the user confirms.',
    },
    severity: 'warning',
    tags: ['#structure', '#row'],
    fix: 'safe',
    message: {
      vi: (p) => `Dòng này là phần tiếp theo của dòng ${p.into} (bị tách trang); nên nối vào dòng ${p.into}.`,
      en: (p) => `This row continues row ${p.into} (split across pages); join it into row ${p.into}.`,
    },
  },
  'blank-row': {
    title: { vi: 'Dòng trống', en: 'Blank row' },
    description: {
      vi: 'Dòng trống giữa bảng. Sửa: xóa dòng. Dòng nằm trong một ô gộp dọc không phải dòng trống.',
      en: 'An empty row inside the table. Fix: delete it. A row covered by a cell merged down is not blank.',
    },
    severity: 'info',
    tags: ['#structure', '#row'],
    fix: 'safe',
    message: { vi: () => 'Dòng trống giữa bảng.', en: () => 'Empty row inside the table.' },
  },
  'merged-cells-in-body': {
    title: { vi: 'Ô gộp trong thân bảng', en: 'Merged cells in the table body' },
    description: {
      vi: 'Ô gộp trong phần nội dung bảng làm sai lệch việc sắp xếp, lọc và tổng hợp. Dòng tên nhóm gộp ngang cả bảng là bình thường, không báo. Ô gộp dọc (một thời hạn, kết quả, nguồn kinh phí hay số thứ tự dùng chung cho nhiều dòng) được đọc cho mọi dòng nó phủ, nên chỉ là lưu ý.',
      en: 'Merged cells in the body break sorting, filtering and consolidation. A group heading merged across the table is normal and not reported. A cell merged down (one deadline, result, funding source or number shared by several rows) is read for every row it covers, so it is only a note.',
    },
    severity: 'warning',
    tags: ['#structure', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Các ô ${p.range} đang được gộp; nên bỏ gộp ô trong thân bảng.`,
      en: (p) => `Cells ${p.range} are merged; unmerge cells in the table body.`,
    },
  },
  'group-number-gap': {
    title: { vi: 'Số thứ tự nhóm bị nhảy', en: 'Group number gap' },
    description: {
      vi: 'Số La Mã của các nhóm nhiệm vụ không liên tục (ví dụ III rồi đến VI).',
      en: 'Roman group numbers skip (e.g. III followed by VI).',
    },
    severity: 'warning',
    tags: ['#numbering', '#cell'],
    fix: 'safe',
    message: {
      vi: (p) => `Số thứ tự nhóm ${q(p.found)} không liên tục: mong đợi ${q(p.expected)}.`,
      en: (p) => `Group number "${p.found}" skips: expected "${p.expected}".`,
    },
  },
  'group-number-style': {
    title: { vi: 'Số thứ tự nhóm viết không thống nhất', en: 'Inconsistent group number style' },
    description: {
      vi: 'Số La Mã của nhóm lúc có dấu chấm ("I."), lúc không ("II").',
      en: 'Roman group numbers are written with and without a trailing dot ("I." and "II").',
    },
    severity: 'info',
    tags: ['#numbering', '#cell'],
    fix: 'safe',
    message: {
      vi: (p) => `Số thứ tự nhóm viết không thống nhất (${p.styles}); nên viết theo kiểu ${q(p.majority)}.`,
      en: (p) => `Group numbers are written inconsistently (${p.styles}); use "${p.majority}".`,
    },
  },
  'task-number-gap': {
    title: { vi: 'Số thứ tự nhiệm vụ bị nhảy', en: 'Task number gap' },
    description: {
      vi: 'Số thứ tự nhiệm vụ không liên tục trong cách đánh số của chính bảng: liên tục cả bảng, đánh lại từ 1 sau mỗi nhóm, hoặc sau mỗi nhóm con (“III.1”, “III.1.1”, “a)”). Cách đánh số nhất quán theo cách của nó không bao giờ bị đánh lại.',
      en: 'Task numbers skip within the table\'s own scheme: continuous, restarting at 1 after each group, or after each subgroup ("III.1", "III.1.1", "a)"). Numbering consistent in its own scheme is never renumbered.',
    },
    severity: 'warning',
    tags: ['#numbering', '#cell'],
    fix: 'safe',
    message: {
      vi: (p) => `Số thứ tự ${q(p.found)} không liên tục: mong đợi ${q(p.expected)}.`,
      en: (p) => `Number "${p.found}" skips: expected "${p.expected}".`,
    },
  },
  'task-number-duplicate': {
    title: { vi: 'Trùng số thứ tự nhiệm vụ', en: 'Duplicate task number' },
    description: {
      vi: 'Hai nhiệm vụ cùng số thứ tự trong một nhóm (hoặc trong cả bảng khi đánh số liên tục).',
      en: 'Two tasks share a number within a group (or within the table when numbering is continuous).',
    },
    severity: 'warning',
    tags: ['#numbering', '#cell'],
    fix: 'safe',
    message: {
      vi: (p) => `Số thứ tự ${q(p.tt)} trùng với dòng ${p.firstRow}.`,
      en: (p) => `Number "${p.tt}" duplicates row ${p.firstRow}.`,
    },
  },
  'task-number-invalid': {
    title: { vi: 'Số thứ tự không hợp lệ', en: 'Invalid task number' },
    description: {
      vi: 'Ô TT không phải số thứ tự đọc được (số, số La Mã, 1.1, a), -, +) hoặc nhiệm vụ thiếu số thứ tự.',
      en: 'The TT cell is not a readable ordinal (number, Roman, 1.1, a), -, +) or the task has none.',
    },
    severity: 'warning',
    tags: ['#numbering', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => (p.tt === '' ? 'Nhiệm vụ chưa có số thứ tự.' : `Số thứ tự ${q(p.tt)} không hợp lệ.`),
      en: (p) => (p.tt === '' ? 'The task has no number.' : `Number "${p.tt}" is not valid.`),
    },
  },
  'numbering-scheme-mixed': {
    title: { vi: 'Cách đánh số không thống nhất', en: 'Mixed numbering scheme' },
    description: {
      vi: 'Một phần bảng đánh số lại từ 1 trong mỗi nhóm, phần khác đánh số liên tục.',
      en: 'Part of the table restarts numbering in each group, another part numbers continuously.',
    },
    severity: 'warning',
    tags: ['#numbering'],
    fix: 'safe',
    message: {
      vi: (p) =>
        `Nhóm ${q(p.group)} ${p.scheme === 'continuous' ? 'đánh số tiếp nối nhóm trước' : 'đánh số lại từ 1'}, trong khi phần lớn bảng ${p.majority === 'continuous' ? 'đánh số liên tục' : 'đánh số lại theo từng nhóm'}.`,
      en: (p) =>
        `Group "${p.group}" ${p.scheme === 'continuous' ? 'continues the previous numbering' : 'restarts at 1'}, while most of the table ${p.majority === 'continuous' ? 'numbers continuously' : 'restarts per group'}.`,
    },
  },
  'content-missing': {
    title: { vi: 'Thiếu nội dung', en: 'Content missing' },
    description: { vi: 'Dòng có số thứ tự nhưng không có nội dung nhiệm vụ.', en: 'A numbered row has no task text.' },
    severity: 'error',
    tags: ['#required', '#cell'],
    fix: 'none',
    message: { vi: () => 'Nhiệm vụ chưa có nội dung.', en: () => 'The task has no content.' },
  },
  'lead-missing': {
    title: { vi: 'Thiếu cơ quan chủ trì', en: 'Lead agency missing' },
    description: { vi: 'Mỗi nhiệm vụ phải có một cơ quan chủ trì ("rõ người, rõ việc").', en: 'Every task needs a lead agency.' },
    severity: 'error',
    tags: ['#required', '#agency', '#cell'],
    fix: 'none',
    message: { vi: () => 'Nhiệm vụ chưa có cơ quan chủ trì.', en: () => 'The task has no lead agency.' },
  },
  'deadline-missing': {
    title: { vi: 'Thiếu thời gian hoàn thành', en: 'Deadline missing' },
    description: { vi: 'Mỗi nhiệm vụ phải có thời gian hoàn thành ("rõ thời gian").', en: 'Every task needs a deadline.' },
    severity: 'error',
    tags: ['#required', '#deadline', '#cell'],
    fix: 'none',
    message: { vi: () => 'Nhiệm vụ chưa có thời gian hoàn thành.', en: () => 'The task has no deadline.' },
  },
  'result-missing': {
    title: { vi: 'Thiếu kết quả/sản phẩm', en: 'Result missing' },
    description: {
      vi: 'Nên ghi rõ kết quả hoặc sản phẩm của nhiệm vụ ("rõ sản phẩm").',
      en: 'The task should state its result or product.',
    },
    severity: 'warning',
    tags: ['#required', '#cell'],
    fix: 'none',
    message: { vi: () => 'Nhiệm vụ chưa ghi kết quả/sản phẩm.', en: () => 'The task states no result.' },
  },
  'partners-missing': {
    title: { vi: 'Thiếu cơ quan phối hợp', en: 'Partners missing' },
    description: { vi: 'Nên ghi cơ quan phối hợp thực hiện.', en: 'The partner agencies should be stated.' },
    severity: 'warning',
    tags: ['#required', '#agency', '#cell'],
    fix: 'none',
    message: { vi: () => 'Nhiệm vụ chưa ghi cơ quan phối hợp.', en: () => 'The task names no partner agencies.' },
  },
  'head-missing': {
    title: { vi: 'Thiếu người đứng đầu chịu trách nhiệm', en: 'Accountable head missing' },
    description: {
      vi: 'Bảng có cột người đứng đầu chịu trách nhiệm nhưng dòng này để trống.',
      en: 'The table has an accountable-head column but this row leaves it empty.',
    },
    severity: 'warning',
    tags: ['#required', '#cell'],
    fix: 'none',
    message: { vi: () => 'Chưa ghi người đứng đầu chịu trách nhiệm.', en: () => 'No accountable head is named.' },
  },
  'lead-multiple': {
    title: { vi: 'Nhiều cơ quan chủ trì', en: 'Several lead agencies' },
    description: {
      vi: 'Một nhiệm vụ chỉ nên có một cơ quan chủ trì chịu trách nhiệm chính ("rõ người, rõ việc"); các cơ quan khác là phối hợp.',
      en: 'A task should have one accountable lead; the others are partners.',
    },
    severity: 'warning',
    tags: ['#agency', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Có ${p.count} cơ quan chủ trì (${p.names}); nên chỉ giao một cơ quan chủ trì, các cơ quan khác là phối hợp.`,
      en: (p) => `${p.count} lead agencies (${p.names}); name one lead and move the others to partners.`,
    },
  },
  'lead-generic': {
    title: { vi: 'Cơ quan chủ trì chung chung', en: 'Generic lead agency' },
    description: {
      vi: 'Cơ quan chủ trì là một tập hợp ("Các phòng, ban, ngành…") thì không ai chịu trách nhiệm chính.',
      en: 'A collective lead ("all departments…") makes nobody accountable.',
    },
    severity: 'warning',
    tags: ['#agency', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Cơ quan chủ trì ${q(p.name)} là chung chung; nên giao cho một cơ quan cụ thể.`,
      en: (p) => `Lead "${p.name}" is a collective; assign one specific agency.`,
    },
  },
  'agency-variant': {
    title: { vi: 'Tên cơ quan viết khác', en: 'Agency spelling variant' },
    description: {
      vi: 'Tên cơ quan là cách viết khác của một tên trong danh mục hoặc đã dùng ở chỗ khác trong kế hoạch. Sửa: dùng tên chuẩn.',
      en: 'The agency name is a variant spelling of a catalog name or of a name used elsewhere in the plan. Fix: use the canonical name.',
    },
    severity: 'info',
    tags: ['#agency', '#cell'],
    fix: 'safe',
    message: {
      vi: (p) => `${q(p.name)} nên viết thống nhất là ${q(p.canonical)}.`,
      en: (p) => `"${p.name}" should be written "${p.canonical}".`,
    },
  },
  'agency-unknown': {
    title: { vi: 'Cơ quan không có trong danh mục', en: 'Unknown agency' },
    description: {
      vi: 'Tên cơ quan không có trong danh mục cơ quan; kiểm tra lại chính tả, hoặc tách hai tên cơ quan viết liền nhau.',
      en: 'The agency is not in the agency catalog; check the spelling, or separate two agency names written together.',
    },
    severity: 'info',
    tags: ['#agency', '#cell'],
    fix: 'none',
    message: {
      vi: (p) =>
        p.parts
          ? `${q(p.name)} là các cơ quan viết liền nhau (${p.parts}); nên tách bằng dấu “;”.`
          : `${q(p.name)} không có trong danh mục cơ quan.`,
      en: (p) =>
        p.parts
          ? `"${p.name}" runs several agencies together (${p.parts}); separate them with ";".`
          : `"${p.name}" is not in the agency catalog.`,
    },
  },
  'deadline-unparsed': {
    title: { vi: 'Không hiểu thời hạn', en: 'Unreadable deadline' },
    description: {
      vi: 'Không đọc được thời gian hoàn thành; nên viết như "Quý III/2025", "Tháng 7/2025", "31/12/2025", "Thường xuyên".',
      en: 'The deadline cannot be read; write e.g. "Quý III/2025", "Tháng 7/2025", "31/12/2025", "Thường xuyên".',
    },
    severity: 'warning',
    tags: ['#deadline', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Không hiểu thời hạn ${q(short(p.text))}; nên viết như "Quý III/2025" hoặc "31/12/2025".`,
      en: (p) => `Cannot read deadline "${short(p.text)}"; write e.g. "Quý III/2025" or "31/12/2025".`,
    },
  },
  'deadline-before-plan': {
    title: { vi: 'Thời hạn trước ngày ban hành kế hoạch', en: 'Deadline before the plan date' },
    description: { vi: 'Thời hạn kết thúc trước ngày ban hành kế hoạch.', en: 'The deadline ends before the plan was issued.' },
    severity: 'warning',
    tags: ['#deadline', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Thời hạn ${q(p.text)} (${p.due}) trước ngày ban hành kế hoạch (${p.planDate}).`,
      en: (p) => `Deadline "${p.text}" (${p.due}) is before the plan date (${p.planDate}).`,
    },
  },
  'deadline-outside-period': {
    title: { vi: 'Thời hạn ngoài kỳ kế hoạch', en: 'Deadline outside the plan period' },
    description: {
      vi: 'Thời hạn nằm ngoài kỳ kế hoạch đã nêu (ví dụ kế hoạch năm 2026 có thời hạn năm 2029).',
      en: 'The deadline falls outside the plan period the title states (e.g. a 2026 plan with a 2029 deadline).',
    },
    severity: 'warning',
    tags: ['#deadline', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Thời hạn ${q(p.text)} (${p.due}) nằm ngoài kỳ kế hoạch ${p.from === p.to ? `năm ${p.from}` : `${p.from}-${p.to}`}.`,
      en: (p) => `Deadline "${p.text}" (${p.due}) is outside the plan period ${p.from === p.to ? p.from : `${p.from}-${p.to}`}.`,
    },
  },
  'deadline-conditional': {
    title: { vi: 'Thời hạn phụ thuộc điều kiện', en: 'Conditional deadline' },
    description: {
      vi: 'Thời hạn không có mốc ngày (ví dụ "Khi có văn bản của cấp trên"), không theo dõi được tiến độ.',
      en: 'The deadline has no date (e.g. "when the higher level issues guidance"), so progress cannot be tracked.',
    },
    severity: 'info',
    tags: ['#deadline', '#cell'],
    fix: 'none',
    message: { vi: (p) => `Thời hạn ${q(p.text)} không có mốc thời gian cụ thể.`, en: (p) => `Deadline "${p.text}" has no date.` },
  },
  'deadline-format': {
    title: { vi: 'Thời hạn chưa viết theo mẫu', en: 'Deadline not in canonical form' },
    description: {
      vi: 'Thời hạn đọc được nhưng viết khác mẫu chung; sửa để tổng hợp thống nhất.',
      en: 'The deadline is readable but not in the canonical form; fix it for consistent consolidation.',
    },
    severity: 'info',
    tags: ['#deadline', '#cell'],
    fix: 'safe',
    message: { vi: (p) => `Nên viết ${q(p.text)} thành ${q(p.canonical)}.`, en: (p) => `Write "${p.text}" as "${p.canonical}".` },
  },
  'deadline-overdue': {
    title: { vi: 'Đã quá hạn', en: 'Overdue' },
    description: { vi: 'Thời hạn đã qua so với ngày kiểm tra (--as-of).', en: 'The deadline has passed as of the check date (--as-of).' },
    severity: 'info',
    tags: ['#deadline', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Thời hạn ${q(p.text)} (${p.due}) đã qua tính đến ngày ${p.asOf}.`,
      en: (p) => `Deadline "${p.text}" (${p.due}) has passed as of ${p.asOf}.`,
    },
  },
  'legacy-encoding': {
    title: { vi: 'Chữ mã cũ (TCVN3/VNI)', en: 'Legacy encoding (TCVN3/VNI)' },
    description: {
      vi: 'Ô dùng bảng mã cũ TCVN3 (ABC) hoặc VNI; hiển thị sai trên máy không có phông cũ. Sửa: chuyển sang Unicode.',
      en: 'The cell uses the legacy TCVN3 (ABC) or VNI encoding and shows garbled without the old fonts. Fix: convert to Unicode.',
    },
    severity: 'warning',
    tags: ['#text', '#cell'],
    fix: 'safe',
    message: {
      vi: (p) => `Ô dùng bảng mã ${p.encoding === 'vni' ? 'VNI' : 'TCVN3'}; chuyển sang Unicode: ${q(short(p.preview, 40))}.`,
      en: (p) => `The cell is ${p.encoding === 'vni' ? 'VNI' : 'TCVN3'}-encoded; convert to Unicode: "${short(p.preview, 40)}".`,
    },
  },
  'decomposed-unicode': {
    title: { vi: 'Unicode tổ hợp', en: 'Decomposed Unicode' },
    description: {
      vi: 'Chữ có dấu được gõ ở dạng tổ hợp (dấu tách rời); tìm kiếm và sắp xếp có thể sai. Sửa: chuẩn hóa NFC.',
      en: 'Accented letters are decomposed; search and sorting may fail. Fix: normalize to NFC.',
    },
    severity: 'info',
    tags: ['#text', '#cell'],
    fix: 'safe',
    message: { vi: () => 'Chữ có dấu ở dạng Unicode tổ hợp; nên chuẩn hóa (NFC).', en: () => 'Decomposed Unicode; normalize to NFC.' },
  },
  'stray-whitespace': {
    title: { vi: 'Khoảng trắng thừa', en: 'Stray whitespace' },
    description: {
      vi: 'Khoảng trắng ở đầu/cuối ô, khoảng trắng kép hoặc xuống dòng thừa.',
      en: 'Leading/trailing, doubled or stray line-break whitespace.',
    },
    severity: 'info',
    tags: ['#text', '#cell'],
    fix: 'safe',
    message: { vi: () => 'Ô có khoảng trắng thừa.', en: () => 'The cell has stray whitespace.' },
  },
  'word-artifact': {
    title: { vi: 'Ký hiệu thừa từ Word', en: 'Word artifact' },
    description: {
      vi: 'Ô chứa ký hiệu do Word sinh ra (ví dụ "[bookmark: _GoBack]"), không phải nội dung.',
      en: 'The cell holds text Word generated (e.g. "[bookmark: _GoBack]"), not content.',
    },
    severity: 'warning',
    tags: ['#text', '#cell'],
    fix: 'safe',
    message: {
      vi: (p) => `Ô chứa ký hiệu thừa từ Word ${q(p.artifact)}.`,
      en: (p) => `The cell contains the Word artifact "${p.artifact}".`,
    },
  },
  'tone-style-mixed': {
    title: { vi: 'Lẫn kiểu đặt dấu', en: 'Mixed tone-mark style' },
    description: {
      vi: 'Bảng dùng lẫn kiểu đặt dấu cũ ("hóa", "thủy") và mới ("hoá", "thuỷ").',
      en: 'The table mixes old ("hóa") and new ("hoá") tone-mark placement.',
    },
    severity: 'info',
    tags: ['#text'],
    fix: 'none',
    message: {
      vi: (p) => `Bảng dùng lẫn kiểu đặt dấu cũ (${p.old} từ) và mới (${p.new} từ), ví dụ ${q(p.example)}.`,
      en: (p) => `The table mixes old (${p.old} words) and new (${p.new} words) tone placement, e.g. "${p.example}".`,
    },
  },
  'formula-like-text': {
    title: { vi: 'Văn bản giống công thức', en: 'Formula-like text' },
    description: {
      vi: 'Ô bắt đầu bằng = + - @: Excel hoặc phần mềm khác có thể chạy nó như công thức khi nhập lại.',
      en: 'The cell starts with = + - @: Excel or another program may run it as a formula when re-imported.',
    },
    severity: 'warning',
    tags: ['#text', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Ô bắt đầu bằng ${q(p.start)}, có thể bị hiểu là công thức.`,
      en: (p) => `The cell starts with "${p.start}" and may be taken for a formula.`,
    },
  },
  'duplicate-task': {
    title: { vi: 'Nhiệm vụ trùng lặp', en: 'Duplicate task' },
    description: {
      vi: 'Cùng một nhiệm vụ được ghi hai lần trong một phụ lục: giống hệt, hoặc chỉ khác lỗi gõ, dấu thanh, khoảng trắng, số, hư từ hay một từ thêm. Các nhiệm vụ cùng một khuôn nhưng khác lĩnh vực, đối tượng, địa bàn (“… lĩnh vực giáo dục” / “… lĩnh vực y tế”), hay một nhiệm vụ ngắn nằm trong một nhiệm vụ dài hơn, không bị coi là trùng.',
      en: 'The same task written twice in one appendix: identical, or differing only by typos, tone marks, spacing, numbers, small words or one added word. Tasks built from one template for different sectors, objects or places ("… in education" / "… in health"), or a short task contained in a longer one, are not duplicates.',
    },
    severity: 'warning',
    tags: ['#content', '#row'],
    fix: 'none',
    message: {
      vi: (p) => `Nhiệm vụ giống ${Math.round(p.similarity * 100)}% với nhiệm vụ ở dòng ${p.otherRow}.`,
      en: (p) => `The task is ${Math.round(p.similarity * 100)}% similar to the task at row ${p.otherRow}.`,
    },
  },
  'indicator-unit-missing': {
    title: { vi: 'Thiếu đơn vị tính', en: 'Indicator unit missing' },
    description: { vi: 'Chỉ tiêu chưa có đơn vị tính.', en: 'The indicator has no unit.' },
    severity: 'warning',
    tags: ['#indicator', '#cell'],
    fix: 'none',
    message: { vi: () => 'Chỉ tiêu chưa có đơn vị tính.', en: () => 'The indicator has no unit.' },
  },
  'indicator-target-missing': {
    title: { vi: 'Thiếu giá trị chỉ tiêu', en: 'Indicator target missing' },
    description: { vi: 'Chỉ tiêu chưa có giá trị cần đạt.', en: 'The indicator states no target.' },
    severity: 'warning',
    tags: ['#indicator', '#cell'],
    fix: 'none',
    message: { vi: () => 'Chỉ tiêu chưa có giá trị cần đạt.', en: () => 'The indicator has no target value.' },
  },
  'indicator-target-invalid': {
    title: { vi: 'Giá trị chỉ tiêu không hợp lệ', en: 'Invalid indicator target' },
    description: {
      vi: 'Giá trị chỉ tiêu âm, tỷ lệ vượt 100%, chỉ có chữ khi đơn vị là phần trăm, hoặc không có chữ lẫn số. Hợp lệ: "≥ 70", "≤ 3", khoảng "40 - 50", "Từ 70 đến 80%", kèm chữ "Trên 90% dân số", chữ với đơn vị không phải số đo ("Đạt chuẩn").',
      en: 'The target is negative, a percentage above 100, words alone where the unit is a percentage, or neither words nor a number. Valid: "≥ 70", "≤ 3", a range "40 - 50", "Từ 70 đến 80%", with words "Trên 90% dân số", words where the unit is not a measure ("Đạt chuẩn").',
    },
    severity: 'error',
    tags: ['#indicator', '#cell'],
    fix: 'none',
    message: {
      vi: (p) =>
        p.reason === 'percent-range'
          ? `Chỉ tiêu ${q(p.target)} ${p.unit} vượt quá 100%.`
          : p.reason === 'negative'
            ? `Chỉ tiêu ${q(p.target)} là số âm.`
            : `Chỉ tiêu ${q(p.target)} không phải là số (đơn vị ${q(p.unit)}).`,
      en: (p) =>
        p.reason === 'percent-range'
          ? `Target "${p.target}" ${p.unit} exceeds 100%.`
          : p.reason === 'negative'
            ? `Target "${p.target}" is negative.`
            : `Target "${p.target}" is not a number (unit "${p.unit}").`,
    },
  },
  'indicator-target-regression': {
    title: { vi: 'Chỉ tiêu giai đoạn sau thấp hơn', en: 'Indicator target regresses' },
    description: {
      vi: 'Mốc sau đặt chỉ tiêu thấp hơn mốc trước cho cùng một chỉ tiêu.',
      en: 'A later milestone asks less than an earlier one for the same indicator.',
    },
    severity: 'warning',
    tags: ['#indicator', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Chỉ tiêu ${q(p.target)} thấp hơn mốc trước (${q(p.earlier)} ở dòng ${p.earlierRow}).`,
      en: (p) => `Target "${p.target}" is lower than the earlier milestone ("${p.earlier}" at row ${p.earlierRow}).`,
    },
  },
  'progress-status-unreadable': {
    title: { vi: 'Tình trạng thực hiện không đọc được', en: 'Unreadable status' },
    description: {
      vi: 'Ô Tình trạng thực hiện phải là một trong năm cụm từ của danh sách chọn (Chưa thực hiện, Đang thực hiện, Đã hoàn thành, Tạm dừng, Không thực hiện) hoặc cách viết quen thuộc của chúng; chữ khác không được đoán.',
      en: 'The status cell must hold one of the five words of the dropdown (Not started, In progress, Done, Paused, Dropped) or a common way of writing them; other words are not guessed at.',
    },
    severity: 'error',
    tags: ['#progress', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Tình trạng ${q(short(p.text, 40))} không đọc được; chọn một trong: ${statusWords('vi')}.`,
      en: (p) => `The status "${short(p.text, 40)}" cannot be read; pick one of: ${statusWords('en')}.`,
    },
  },
  'progress-date-unreadable': {
    title: { vi: 'Ngày hoàn thành không đọc được', en: 'Unreadable completion date' },
    description: {
      vi: 'Ngày hoàn thành phải là một ngày cụ thể, ghi ngày/tháng/năm (15/06/2026); một tháng, một quý hay lời văn không phải là ngày.',
      en: 'The completion date must be one day, written day/month/year (15/06/2026); a month, a quarter or words are not a day.',
    },
    severity: 'error',
    tags: ['#progress', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Ngày hoàn thành ${q(short(p.text, 40))} không đọc được; ghi ngày/tháng/năm (15/06/2026).`,
      en: (p) => `The completion date "${short(p.text, 40)}" cannot be read; write day/month/year (15/06/2026).`,
    },
  },
  'progress-date-missing': {
    title: { vi: 'Đã hoàn thành nhưng chưa ghi ngày', en: 'Done without a completion date' },
    description: {
      vi: 'Nhiệm vụ đã hoàn thành nên ghi ngày hoàn thành để tỉnh biết hoàn thành đúng hạn hay chậm.',
      en: 'A done task should give its completion date, so the province can tell whether it was on time.',
    },
    severity: 'warning',
    tags: ['#progress', '#cell'],
    fix: 'none',
    message: {
      vi: () => 'Nhiệm vụ đã hoàn thành chưa ghi ngày hoàn thành.',
      en: () => 'A done task has no completion date.',
    },
  },
  'progress-date-future': {
    title: { vi: 'Ngày hoàn thành ở tương lai', en: 'Completion date in the future' },
    description: {
      vi: 'Ngày hoàn thành sau ngày hôm nay: chưa thể hoàn thành vào ngày đó. Sửa ngày, hoặc đổi tình trạng.',
      en: 'The completion date is after today: the task cannot have been completed then. Fix the date, or the status.',
    },
    severity: 'error',
    tags: ['#progress', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Ngày hoàn thành ${formatDay(p.day)} ở sau ngày hôm nay (${formatDay(p.today)}).`,
      en: (p) => `The completion date ${formatDay(p.day)} is after today (${formatDay(p.today)}).`,
    },
  },
  'progress-date-not-done': {
    title: { vi: 'Có ngày hoàn thành nhưng chưa hoàn thành', en: 'Completion date on a task not done' },
    description: {
      vi: 'Ô Ngày hoàn thành có ngày nhưng tình trạng không phải "Đã hoàn thành": một trong hai ô ghi nhầm.',
      en: 'A completion date is given but the status is not "Done": one of the two cells is wrong.',
    },
    severity: 'warning',
    tags: ['#progress', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Có ngày hoàn thành ${formatDay(p.day)} nhưng tình trạng là ${q(PROGRESS_STATUS_LABEL[p.status].vi)}.`,
      en: (p) => `A completion date ${formatDay(p.day)} is given but the status is "${PROGRESS_STATUS_LABEL[p.status].en}".`,
    },
  },
  'progress-achieved-missing': {
    title: { vi: 'Đã hoàn thành nhưng chưa ghi kết quả', en: 'Done with nothing achieved' },
    description: {
      vi: 'Nhiệm vụ đã hoàn thành nên ghi kết quả đạt được (văn bản ban hành, số liệu, sản phẩm).',
      en: 'A done task should say what was achieved (a document issued, figures, a product).',
    },
    severity: 'warning',
    tags: ['#progress', '#cell'],
    fix: 'none',
    message: {
      vi: () => 'Nhiệm vụ đã hoàn thành chưa ghi kết quả đạt được.',
      en: () => 'A done task says nothing about what was achieved.',
    },
  },
  'progress-reason-missing': {
    title: { vi: 'Tạm dừng hoặc không thực hiện nhưng chưa ghi lý do', en: 'Paused or dropped without a reason' },
    description: {
      vi: 'Nhiệm vụ tạm dừng hoặc không thực hiện phải ghi lý do ở cột Lý do: tỉnh đọc lý do trước tiên.',
      en: 'A paused or dropped task must give its reason in the Reason column: the province reads it first.',
    },
    severity: 'error',
    tags: ['#progress', '#cell'],
    fix: 'none',
    message: {
      vi: (p) => `Nhiệm vụ ${q(PROGRESS_STATUS_LABEL[p.status].vi)} chưa ghi lý do.`,
      en: (p) => `A task marked "${PROGRESS_STATUS_LABEL[p.status].en}" gives no reason.`,
    },
  },
};

/** Every code, in catalog order. */
export const ISSUE_CODES = Object.keys(CATALOG) as IssueCode[];
