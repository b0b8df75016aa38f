// docs/rules.md, generated from the catalog (a test keeps the file and the catalog in sync).
import { CATALOG, ISSUE_CODES } from './catalog.ts';

const SEVERITY_VI = { error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý' } as const;
const FIX_VI = { safe: 'sửa an toàn', suggest: 'gợi ý sửa', none: '—' } as const;

/** How tables are read and what a safe fix may do: the frame every rule below works in. */
const READING = [
  '## Cách phuluc đọc bảng — how tables are read',
  '',
  '- **Dòng tiêu đề cột** nhận theo nghĩa, không theo chữ: “Nội dung/nhiệm vụ”, “Tên nhiệm vụ”, “NHIỆM VỤ VÀ GIẢI PHÁP”; “Chủ trì”, “Đơn vị thực hiện”, “Đơn vị chủ trì”, “Cơ quan soạn thảo”; “Thời gian thực hiện”, “Thời hạn hoàn thành”, “Hạn hoàn thành”, “Ngày kết thúc” (“Ngày bắt đầu” là cột bắt đầu); “Kết quả thực hiện” là kết quả dự kiến; “Nguồn kinh phí” là cột kinh phí; “Đơn vị” trong bảng chỉ tiêu là đơn vị tính. Dòng tiêu đề hai tầng (“Cơ quan thực hiện” › “Chủ trì | Phối hợp”, “Đạt | Không đạt”) thuộc về tiêu đề.',
  '- **Cột làm việc** (người xử lý, ngày nhận, số văn bản trả lời …) và **bảng nhỏ khác chung dòng tiêu đề** (cách một cột trống) được để riêng: bảng được đọc theo các cột kế hoạch có mặt; các cột để riêng được nêu (`columns-left-aside`).',
  '- **Dòng nhóm**: số La Mã ở cột TT và tên ở cột nội dung (gộp ngang hay không); số và tên chung một ô gộp ngang cả bảng (“I. NÂNG CAO NHẬN THỨC …”); tên nhóm có số viết ngay trong cột nội dung khi cột TT trống (“II. Xã hội số”). **Nhóm con**: “III.1”, “III.1.1”, “a)”, hoặc một số có các số con bên dưới (“1” rồi “1.1”).',
  '- **Đánh số** theo cách của chính bảng, ở từng cấp: liên tục, đánh lại sau mỗi nhóm, hoặc sau mỗi nhóm con; không báo lỗi khi bảng nhất quán với cách của nó.',
  '- **Ô gộp dọc** (một thời hạn, kết quả, nguồn kinh phí hay số thứ tự cho nhiều dòng): giá trị thuộc về mọi dòng ô đó phủ; ô được kiểm tra một lần, ở dòng đầu. Một nhiệm vụ hai phần dùng chung số thứ tự gộp là hai dòng nhiệm vụ, không phải số trùng.',
  '- **Dòng tiêu đề phụ viết khác** giữa bảng (“Nội dung | Đơn vị thực hiện | Thời gian” đầu mỗi phần) không tách bảng: bảng vẫn là một, dòng đó là tiêu đề lặp lại.',
  '- **Cột tiến độ** (“Tình trạng thực hiện”, “Ngày hoàn thành”, “Kết quả đạt được”, “Lý do”, “Tài liệu kiểm chứng”/“Minh chứng”, “Kết quả nổi bật”, “Khó khăn, vướng mắc”, “Đề xuất, kiến nghị”) được nhận trước các cột kế hoạch: “Ngày hoàn thành” là ngày đã xong, còn “Thời gian hoàn thành” vẫn là thời hạn; trong bảng chỉ tiêu, cột “Thực hiện” sau cột chỉ tiêu là giá trị đạt được (xem [tien-do.md](tien-do.md)).',
  '- **Khối chữ ký, ghi chú** dưới bảng (“TM. ỦY BAN NHÂN DÂN”, “CHỦ TỊCH”, “Ghi chú: …”) ở bất kỳ cột nào không bao giờ bị nối vào nhiệm vụ cuối.',
  '',
  '*Headers are recognised by meaning (province, ministry and tracking-system wording, two-row headers); working columns and side tables sharing the header row are left aside and named; group headings are read whether the number and name share one merged cell or the heading sits in the content column; subgroups “III.1”, “III.1.1”, “a)”; numbering is judged in the table’s own scheme per level; a cell merged down belongs to every row it covers and is checked once; a reworded sub-header does not split the table; signature blocks never join the last task; progress columns (status, completion date, achieved, reason, evidence, highlights, obstacles, proposals) are recognised before the plan’s, and a “Thực hiện” column after an indicator’s target is its achieved value.*',
  '',
  '## Sửa an toàn và gợi ý — safe fixes and suggestions',
  '',
  'Một sửa an toàn **không bao giờ đổi điều bảng nói**: sau khi áp dụng mọi sửa an toàn, đọc lại bản sửa cho đúng các bảng, cùng số nhiệm vụ và số nhóm, cùng chữ của nhiệm vụ và nhóm (so không kể hoa thường, kiểu đặt dấu, khoảng trắng và bảng mã đã chuyển); số thứ tự chỉ đổi trong bảng có lỗi đánh số. Sửa nào chuyển chữ giữa các dòng hay xóa một dòng có chữ (nối dòng bị tách trang, xóa tiêu đề viết khác) chỉ là sửa an toàn khi phuluc chắc chắn về loại dòng; còn lại là **gợi ý**: người dùng xác nhận trong phần xem trước của add-in, hoặc gọi đích danh mã đó trong dòng lệnh (`phuluc fix --only continuation-row`). Bộ kiểm thử giữ quy tắc này trên hơn 200 bảng sinh tự động có lỗi cài sẵn, trên các tệp mẫu và năm bảng thật đã công bố.',
  '',
  '*A safe fix never changes what the table says: the fixed copy reads back with the same tables, task and group counts and texts (ignoring case, tone-mark placement, spacing and the repaired encoding), and numbers change only in a table with a reported numbering problem. Moving text between rows or deleting a row with text is safe only when the reader is certain of the row’s kind; otherwise it is a suggestion the user confirms (the add-in’s preview, or `phuluc fix --only CODE`). Tests hold this on 200+ generated layouts with planted problems, the fixtures and the five published tables.*',
];

/**
 * The rules reference as Markdown.
 * @example rulesMarkdown().startsWith('# Danh mục quy tắc kiểm tra') // true
 */
export function rulesMarkdown(): string {
  const out: string[] = [
    '# Danh mục quy tắc kiểm tra — rule catalog',
    '',
    '<!-- Tệp này được sinh từ core/validate/catalog.ts bằng `npm run docs`; đừng sửa tay. Generated: do not edit. -->',
    '',
    'Mỗi vấn đề có một **mã** cố định (không bao giờ đổi tên), một mức độ (lỗi / cảnh báo / lưu ý), vị trí (trang tính, ô, dòng, cột)',
    'và thông báo tiếng Việt (kèm tiếng Anh). Bảng chỉ “hợp lệ” khi không còn **lỗi**. “Sửa an toàn” được áp dụng bởi `phuluc fix`',
    'và nút “Sửa tất cả lỗi an toàn” trong add-in; “gợi ý sửa” cần người dùng xác nhận.',
    '',
    '*Every issue has a stable code, a severity, a location and a message in Vietnamese and English. A table is valid when it has no errors.*',
    '',
    '| Mã (code) | Mức độ | Sửa | Nhãn | Tên |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const code of ISSUE_CODES) {
    const e = CATALOG[code];
    out.push(`| [\`${code}\`](#${code}) | ${SEVERITY_VI[e.severity]} | ${FIX_VI[e.fix]} | ${e.tags.join(' ')} | ${e.title.vi} |`);
  }
  out.push('', ...READING, '');
  for (const code of ISSUE_CODES) {
    const e = CATALOG[code];
    out.push(
      `## ${code}`,
      '',
      `**${e.title.vi}** — *${e.title.en}*`,
      '',
      e.description.vi,
      '',
      `*${e.description.en}*`,
      '',
      `Mức độ: ${SEVERITY_VI[e.severity]} (${e.severity}) · Sửa: ${FIX_VI[e.fix]} · Nhãn: ${e.tags.join(' ')}`,
      '',
    );
  }
  return out.join('\n');
}
