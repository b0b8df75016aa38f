// CLI labels in Vietnamese (default) and English.
export type Lang = 'vi' | 'en';

const LABELS = {
  vi: {
    error: 'Lỗi',
    sheet: 'Trang tính',
    document: 'Tài liệu',
    noTable: 'không tìm thấy bảng phụ lục (không có dòng tiêu đề cột)',
    noAppendix: 'không có phụ lục nào (không có bảng có dòng tiêu đề cột TT, Nội dung…, cũng không có danh sách đánh số)',
    tasks: 'bảng nhiệm vụ',
    indicators: 'bảng chỉ tiêu',
    title: 'Tiêu đề',
    appendix: 'Phụ lục',
    reference: 'Kèm theo',
    docNumber: 'Kế hoạch số',
    headerRows: 'Dòng tiêu đề cột',
    columns: 'Cột',
    counts: 'Số dòng theo loại',
    mergedFrom: 'gộp dòng',
    continues: 'nối tiếp dòng',
  },
  en: {
    error: 'Error',
    sheet: 'Sheet',
    document: 'Document',
    noTable: 'no appendix table found (no column header row)',
    noAppendix: 'no appendix (no table with a header row TT, Nội dung…, nor a numbered list)',
    tasks: 'tasks table',
    indicators: 'indicators table',
    title: 'Title',
    appendix: 'Appendix',
    reference: 'Attached to',
    docNumber: 'Plan no.',
    headerRows: 'Header rows',
    columns: 'Columns',
    counts: 'Rows by kind',
    mergedFrom: 'merged rows',
    continues: 'continues row',
  },
} as const;

export type LabelKey = keyof (typeof LABELS)['vi'];

/** @example label('vi', 'tasks') // 'bảng nhiệm vụ' */
export function label(lang: Lang, key: LabelKey): string {
  return LABELS[lang][key];
}
