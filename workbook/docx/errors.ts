// Why a Word document cannot be read: the workbook reader's codes where the cause is the same, messages about .docx.
import { WorkbookReadError } from '../xlsx/errors.ts';

export type DocxErrorCode =
  'empty' | 'too-large' | 'legacy-doc' | 'encrypted' | 'not-docx' | 'corrupt' | 'zip-bomb' | 'too-many-tables' | 'cell-too-long';

const MESSAGES: Record<DocxErrorCode, { vi: string; en: string }> = {
  empty: { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' },
  'too-large': {
    vi: 'Tệp Word quá lớn để đọc an toàn ({detail}). Hãy tách phụ lục ra tệp riêng hoặc xóa hình ảnh thừa.',
    en: 'The Word file is too large to read safely ({detail}). Move the appendix to a file of its own or remove unused images.',
  },
  'legacy-doc': {
    vi: 'Đây là tệp Word 97–2003 (.doc). Hãy mở trong Word hoặc LibreOffice, chọn Lưu thành… (Save As) → Tài liệu Word (.docx) rồi thử lại.',
    en: 'This is a Word 97–2003 (.doc) file. Open it in Word or LibreOffice, choose Save As… → Word Document (.docx), and try again.',
  },
  encrypted: {
    vi: 'Tệp Word có đặt mật khẩu mở. Hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu) rồi thử lại.',
    en: 'The Word file is password-protected. Remove the password (File › Info › Protect Document) and try again.',
  },
  'not-docx': { vi: 'Tệp không phải tài liệu Word (.docx){detail}.', en: 'The file is not a Word document (.docx){detail}.' },
  corrupt: {
    vi: 'Tệp .docx bị hỏng, không đọc được ({detail}). Hãy mở và lưu lại bằng Word.',
    en: 'The .docx file is damaged and cannot be read ({detail}). Open and re-save it in Word.',
  },
  'zip-bomb': {
    vi: 'Tệp nén bất thường: giải nén ra quá lớn ({detail}); đã dừng đọc để bảo vệ máy chủ.',
    en: 'Abnormal compression: the file expands too much ({detail}); reading stopped to protect the server.',
  },
  'too-many-tables': {
    vi: 'Tài liệu có quá nhiều bảng hoặc ô ({detail}). Hãy tách phụ lục ra tệp riêng.',
    en: 'The document has too many tables or cells ({detail}). Move the appendix to a file of its own.',
  },
  'cell-too-long': {
    vi: 'Một ô của bảng có {detail} ký tự, vượt giới hạn 32.767 ký tự của một ô Excel. Hãy rút ngắn nội dung ô đó.',
    en: "A table cell has {detail} characters, past Excel's limit of 32,767 per cell. Shorten that cell.",
  },
};

/** A Word document that cannot be read; `message` is Vietnamese, `messageEn` English, `code` stable for programs. */
export class DocxReadError extends Error {
  readonly messageEn: string;
  constructor(
    readonly code: DocxErrorCode,
    readonly detail = '',
  ) {
    const m = MESSAGES[code];
    super(m.vi.replace('{detail}', () => detail));
    this.messageEn = m.en.replace('{detail}', () => detail);
    this.name = 'DocxReadError';
  }
}

/**
 * The zip guards are shared with the workbook reader and throw its error: the same code, said about a .docx.
 * @example docxError(new WorkbookReadError('zip-bomb', '1 MB')).code // 'zip-bomb'
 */
export function docxError(err: unknown): unknown {
  if (!(err instanceof WorkbookReadError)) return err;
  const detail = err.detail;
  switch (err.code) {
    case 'empty':
    case 'too-large':
    case 'corrupt':
    case 'zip-bomb':
    case 'encrypted':
      return new DocxReadError(err.code, detail);
    case 'cell-too-long':
      return new DocxReadError('cell-too-long', detail);
    case 'not-xlsx':
      // "(HTML/XML)", "(PDF)": what the file is, said the same way.
      return new DocxReadError('not-docx', detail);
    default:
      return new DocxReadError('not-docx', '');
  }
}

/**
 * Where a part's XML breaks, in words an official can pass on ("word/document.xml, dòng 1, cột 87"): the parser's own
 * message is English and says nothing they can act on.
 * @example xmlProblem('word/document.xml', new Error('1:87: undefined entity.')) // 'word/document.xml, dòng 1, cột 87'
 */
export function xmlProblem(part: string, err: unknown): string {
  const at = /^(\d+):(\d+):/.exec(err instanceof Error ? err.message : '');
  return at ? `${part}, dòng ${at[1]}, cột ${at[2]}` : part;
}
