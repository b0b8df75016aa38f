// An old Word 97–2003 .doc converted to .docx by LibreOffice Writer when installed (Node only), as .xls is for workbooks.
import { DEFAULT_CONVERT_TIMEOUT_MS, findSoffice, sofficeConvert, type ConvertOptions } from '../xlsx/convert.ts';
import { DEFAULT_LIMITS, formatBytes } from '../xlsx/limits.ts';

export type DocConvertErrorCode = 'legacy-doc' | 'too-large' | 'timeout';

const SAVE_AS = {
  vi: 'mở tệp trong Word hoặc LibreOffice, chọn Lưu thành… (Save As) → Tài liệu Word (.docx).',
  en: 'open it in Word or LibreOffice, choose Save As… → Word Document (.docx).',
};

/** Why a .doc could not be converted; 'legacy-doc' (no LibreOffice, or it failed) says how to save as .docx by hand. */
export class DocConvertError extends Error {
  readonly messageEn: string;
  constructor(
    readonly code: DocConvertErrorCode,
    detail = '',
  ) {
    const m =
      code === 'too-large'
        ? {
            vi: `Tệp .doc (Word 97–2003) quá lớn để chuyển sang .docx an toàn (${detail}). Hãy ${SAVE_AS.vi}`,
            en: `The .doc file (Word 97–2003) is too large to convert to .docx safely (${detail}). Please ${SAVE_AS.en}`,
          }
        : code === 'timeout'
          ? {
              vi: `Chuyển tệp .doc sang .docx mất quá ${detail} giây nên đã dừng. Hãy ${SAVE_AS.vi}`,
              en: `Converting the .doc file to .docx took more than ${detail} s and was stopped. Please ${SAVE_AS.en}`,
            }
          : {
              vi: `Đây là tệp Word 97–2003 (.doc), cần chuyển sang .docx: ${SAVE_AS.vi}`,
              en: `This is a Word 97–2003 (.doc) file and needs converting to .docx: ${SAVE_AS.en}`,
            };
    super(m.vi);
    this.messageEn = m.en;
    this.name = 'DocConvertError';
  }
}

/**
 * The .docx LibreOffice Writer makes of a .doc, with a profile and a temporary folder of its own, killed after the
 * timeout. Read the result with readDocx, behind the same guards as any .docx.
 * @example const docx = await convertDocToDocx(await readFile('ke-hoach.doc'))
 */
export async function convertDocToDocx(bytes: Uint8Array, opts: ConvertOptions = {}): Promise<Uint8Array> {
  const maxBytes = opts.maxBytes ?? DEFAULT_LIMITS.maxFileBytes;
  if (bytes.length > maxBytes) throw new DocConvertError('too-large', `${formatBytes(bytes.length)} > ${formatBytes(maxBytes)}`);
  const soffice = opts.soffice ?? findSoffice();
  if (!soffice) throw new DocConvertError('legacy-doc');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_CONVERT_TIMEOUT_MS;
  const out = await sofficeConvert(soffice, bytes, {
    input: 'ke-hoach.doc',
    filter: 'docx:MS Word 2007 XML',
    output: 'ke-hoach.docx',
    timeoutMs,
    maxBytes,
  });
  if (out.kind === 'missing' || out.kind === 'no-output') throw new DocConvertError('legacy-doc');
  if (out.kind === 'timeout') throw new DocConvertError('timeout', String(Math.max(1, Math.ceil(timeoutMs / 1000))));
  if (out.kind === 'too-large') throw new DocConvertError('too-large', `.docx ${formatBytes(out.size)} > ${formatBytes(maxBytes)}`);
  return out.bytes;
}
