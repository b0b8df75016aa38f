// Why a workbook cannot be read: one error type with a stable code and a message in Vietnamese and English.

export type WorkbookErrorCode =
  | 'empty'
  | 'too-large'
  | 'legacy-xls'
  | 'encrypted'
  | 'ods'
  | 'xlsb'
  | 'not-xlsx'
  | 'corrupt'
  | 'zip-bomb'
  | 'no-sheets'
  | 'too-many-sheets'
  | 'shared-sheet-part'
  | 'cell-too-long'
  | 'timeout'
  | 'out-of-memory';

const MESSAGES: Record<WorkbookErrorCode, { vi: string; en: string }> = {
  empty: { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' },
  'too-large': {
    vi: 'Tệp quá lớn để đọc an toàn ({detail}). Hãy tách bớt trang tính hoặc xóa dữ liệu thừa.',
    en: 'The file is too large to read safely ({detail}). Split it or remove unused data.',
  },
  'legacy-xls': {
    vi: 'Đây là tệp Excel 97–2003 (.xls). Hãy mở trong Excel và “Lưu thành” Excel Workbook (.xlsx).',
    en: 'This is an Excel 97–2003 (.xls) file. Open it in Excel and "Save As" Excel Workbook (.xlsx).',
  },
  encrypted: {
    vi: 'Tệp có đặt mật khẩu mở. Hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi thử lại.',
    en: 'The file is password-protected. Remove the password (File › Info › Protect Workbook) and try again.',
  },
  ods: {
    vi: 'Đây là bảng tính OpenDocument (.ods). Hãy lưu thành .xlsx.',
    en: 'This is an OpenDocument spreadsheet (.ods). Save it as .xlsx.',
  },
  xlsb: { vi: 'Đây là sổ làm việc nhị phân (.xlsb). Hãy lưu thành .xlsx.', en: 'This is a binary workbook (.xlsb). Save it as .xlsx.' },
  'not-xlsx': { vi: 'Tệp không phải bảng tính Excel (.xlsx){detail}.', en: 'The file is not an Excel workbook (.xlsx){detail}.' },
  corrupt: {
    vi: 'Tệp .xlsx bị hỏng, không đọc được ({detail}). Hãy mở và lưu lại bằng Excel.',
    en: 'The .xlsx file is damaged and cannot be read ({detail}). Open and re-save it in Excel.',
  },
  'zip-bomb': {
    vi: 'Tệp nén bất thường: giải nén ra quá lớn ({detail}); đã dừng đọc để bảo vệ máy chủ.',
    en: 'Abnormal compression: the file expands too much ({detail}); reading stopped to protect the server.',
  },
  'no-sheets': { vi: 'Sổ làm việc không có trang tính nào.', en: 'The workbook has no worksheets.' },
  'too-many-sheets': {
    vi: 'Sổ làm việc có quá nhiều trang tính ({detail}). Hãy tách thành nhiều tệp.',
    en: 'The workbook has too many worksheets ({detail}). Split it into several files.',
  },
  'shared-sheet-part': {
    vi: 'Tệp .xlsx bất thường: nhiều trang tính cùng trỏ tới một phần dữ liệu ({detail}); Excel không ghi ra tệp như vậy. Hãy mở và lưu lại bằng Excel.',
    en: 'Abnormal .xlsx: several worksheets point at the same part ({detail}); Excel never writes such a file. Open and re-save it in Excel.',
  },
  'cell-too-long': {
    vi: 'Ô {detail} ký tự, vượt giới hạn 32.767 ký tự của một ô Excel. Hãy rút ngắn nội dung ô đó.',
    en: "Cell {detail} characters, past Excel's limit of 32,767 per cell. Shorten that cell.",
  },
  timeout: {
    vi: 'Đọc tệp mất quá {detail} giây nên đã dừng để bảo vệ máy chủ. Tệp quá lớn hoặc bất thường: hãy mở và lưu lại bằng Excel, hoặc tách nhỏ.',
    en: 'Reading the file took more than {detail} s and was stopped to protect the server. The file is too large or abnormal: re-save it in Excel, or split it.',
  },
  'out-of-memory': {
    vi: 'Đọc tệp cần quá nhiều bộ nhớ (hơn {detail} MB) nên đã dừng để bảo vệ máy chủ. Hãy xóa dữ liệu thừa hoặc tách nhỏ tệp.',
    en: 'Reading the file needs too much memory (more than {detail} MB) and was stopped to protect the server. Remove unused data or split the file.',
  },
};

/** A workbook that cannot be read; `message` is Vietnamese, `messageEn` English, `code` stable for programs. */
export class WorkbookReadError extends Error {
  readonly messageEn: string;
  constructor(
    readonly code: WorkbookErrorCode,
    /** What the message's {detail} became (a size, a part's name): kept so the .docx reader can say it of a document. */
    readonly detail = '',
  ) {
    const m = MESSAGES[code];
    super(m.vi.replace('{detail}', () => detail));
    this.messageEn = m.en.replace('{detail}', () => detail);
    this.name = 'WorkbookReadError';
  }
}
