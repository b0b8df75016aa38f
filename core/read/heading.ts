// Headings written with their number in one cell: "II. Xã hội số", "III.1 Nhóm ứng dụng …", "a) Hạ tầng số".
import type { RowKind } from '../model/appendix.ts';
import { parseOrdinal } from '../text/ordinal.ts';

const PREFIX = /^\s*(\(?(?:[IVXLC]+(?:\.\d{1,3})*|\d{1,3}(?:\.\d{1,3})*|[a-zđ])\s*[.):]?)\s+(\S.*)$/su;

/**
 * Split "II. Xã hội số" into its number and its text; null unless the prefix is an ordinal and text follows.
 * @example splitHeading('II. Xã hội số') // { tt: 'II.', rest: 'Xã hội số' }
 */
export function splitHeading(text: string): { tt: string; rest: string } | null {
  // Asked of every content cell: most start with a capital that cannot open a number ("Triển khai …"), which no
  // normalization changes (NFC composes a letter with the marks after it, never into '(', a digit, I V X L C or a–z, đ).
  if (!mayOpenNumber(text)) return null;
  const m = PREFIX.exec(text.normalize('NFC'));
  if (!m) return null;
  const tt = m[1]!.replace(/\s+/g, '');
  const o = parseOrdinal(tt);
  if (!o) return null;
  // "I ngày …" or "a sentence": a number must be followed by punctuation unless it is Roman or hierarchical.
  if (o.style === 'letter' && o.trailing === '') return null;
  if (o.style === 'arabic' && o.trailing === '') return null;
  return { tt, rest: m[2]!.trim() };
}

/** Whether the first character after white space may start PREFIX's number: '(', a digit, I V X L C, a–z or đ. */
function mayOpenNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x111) return true;
    if (c === 0x49 || c === 0x56 || c === 0x58 || c === 0x4c || c === 0x43) return true;
    // White space goes on to the next character; anything else cannot open a number.
    if (!WHITE.test(text[i]!)) return false;
  }
  return false;
}

const WHITE = /\s/;

/**
 * The heading kind of a content cell that carries its own number, for a row without TT and without details:
 * a Roman number is a group, "III.1" and "a)" a subgroup. Arabic numbers are not headings by themselves here.
 * @example headingOf('II. Xã hội số') // 'group'
 * @example headingOf('a) Rà soát', 'gồm các việc sau:') // null
 */
export function headingOf(content: string, above = ''): RowKind | null {
  const split = splitHeading(content);
  if (!split) return null;
  const o = parseOrdinal(split.tt)!;
  if (o.style === 'roman') return 'group';
  if (o.style === 'hierarchical' && o.romanHead) return 'subgroup';
  // "a) …" after a task that announces a list ("… gồm:") is that task's item, not a heading.
  if (o.style === 'letter' && !/[:;,]\s*$/.test(above)) return 'subgroup';
  return null;
}
