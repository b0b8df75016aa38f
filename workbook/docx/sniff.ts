// Tell a Word document from its bytes, whatever its name: a .docx package, an old .doc, or a password-protected file.
import { listEntries } from '../xlsx/zip.ts';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type DocumentKind = 'docx' | 'doc' | 'encrypted' | 'other';

/**
 * 'docx' for a zip holding word/document.xml; 'doc' for an OLE file with a WordDocument stream (Word 97–2003);
 * 'encrypted' for an OLE file with an EncryptionInfo stream (Word and Excel both wrap a protected file so: the
 * caller tells which by the name); 'other' for anything else (a workbook, a text file).
 * @example documentKind(await readFile('ke-hoach.docx')) // 'docx'
 */
export function documentKind(bytes: Uint8Array): DocumentKind {
  if (bytes.length >= 8 && OLE.every((b, i) => bytes[i] === b)) {
    if (hasUtf16(bytes, 'EncryptionInfo')) return 'encrypted';
    return hasUtf16(bytes, 'WordDocument') ? 'doc' : 'other';
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return 'other';
  try {
    return listEntries(bytes).some((e) => e.name.replace(/^\//, '').toLowerCase() === 'word/document.xml') ? 'docx' : 'other';
  } catch {
    // A damaged zip: the workbook reader says how it is damaged.
    return 'other';
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
