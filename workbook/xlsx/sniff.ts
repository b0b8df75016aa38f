// Tell what a file is from its first bytes and parts, so a wrong file gets a precise message instead of a parser crash.
import { WorkbookReadError } from './errors.ts';
import type { ZipEntry } from './zip.ts';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Throw a WorkbookReadError unless the bytes start like a zip. An OLE compound file is either a legacy .xls or an
 * .xlsx encrypted with a password (Excel wraps those in OLE with an "EncryptionInfo" stream).
 * @example sniffContainer(new Uint8Array(0)) // throws WorkbookReadError('empty')
 */
export function sniffContainer(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new WorkbookReadError('empty');
  if (OLE.every((b, i) => bytes[i] === b)) {
    throw new WorkbookReadError(hasUtf16(bytes, 'EncryptionInfo') ? 'encrypted' : 'legacy-xls');
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart().toLowerCase();
    const what = head.startsWith('<') ? ' (HTML/XML)' : head.startsWith('%pdf') ? ' (PDF)' : '';
    throw new WorkbookReadError('not-xlsx', what);
  }
}

/** Once the zip is listed: an OpenDocument or binary workbook, a Word file, or an .xlsx. */
export function sniffParts(entries: ZipEntry[]): void {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('content.xml') && names.has('mimetype')) throw new WorkbookReadError('ods');
  if (names.has('xl/workbook.bin')) throw new WorkbookReadError('xlsb');
  if (!names.has('xl/workbook.xml')) {
    const what = names.has('word/document.xml') ? ' (Word .docx)' : names.has('ppt/presentation.xml') ? ' (PowerPoint)' : '';
    throw new WorkbookReadError('not-xlsx', what);
  }
}

function hasUtf16(bytes: Uint8Array, word: string): boolean {
  const needle = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) needle[i * 2] = word.charCodeAt(i);
  // The stream directory sits in the first sectors of these small files.
  const hay = bytes.subarray(0, Math.min(bytes.length, 1 << 20));
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
