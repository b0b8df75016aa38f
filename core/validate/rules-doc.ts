// docs/rules.md, generated from the catalog (a test keeps the file and the catalog in sync).
import { CATALOG, ISSUE_CODES } from './catalog.ts';

const SEVERITY_VI = { error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý' } as const;
const FIX_VI = { safe: 'sửa an toàn', suggest: 'gợi ý sửa', none: '—' } as const;

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
  out.push('');
  for (const code of ISSUE_CODES) {
    const e = CATALOG[code];
    out.push(`## ${code}`, '', `**${e.title.vi}** — *${e.title.en}*`, '', e.description.vi, '', `*${e.description.en}*`, '', `Mức độ: ${SEVERITY_VI[e.severity]} (${e.severity}) · Sửa: ${FIX_VI[e.fix]} · Nhãn: ${e.tags.join(' ')}`, '');
  }
  return out.join('\n');
}
