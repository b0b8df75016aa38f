// Deadline lexer: splits a cell's text into folded words, numbers and separators, so the grammar never sees accents or case.
import { fold } from '../text/fold.ts';

/** A word (folded: "Quý" → "qui"), a run of ASCII digits, or one separator character. */
export type Token = { kind: 'word'; value: string } | { kind: 'num'; value: number; digits: number } | { kind: 'sep'; value: string };

// One pass, no nested quantifiers: letters (with any combining marks), digit runs, or one other non-space character.
const TOKEN_RE = /[\p{L}\p{M}]+|[0-9]+|\S/gu;

// Separators the grammar distinguishes; every dash-like character is "-", ";" and "+" list items like ",".
const SEPARATORS: Record<string, string> = {
  '/': '/',
  '\\': '/',
  '-': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '~': '-',
  '\u00f7': '-',
  ',': ',',
  ';': ',',
  '+': ',',
  '.': '.',
  ':': ':',
};

// Brackets and quotes add nothing to a deadline: "Quý IV (năm trước)" reads as "Quý IV năm trước".
const IGNORED = new Set(['(', ')', '[', ']', '"', '\u201c', '\u201d', "'", '\u2018', '\u2019', '*', '\u2026']);

/**
 * Tokenize deadline text. Words go through fold() one by one; a letter run that folds to
 * nothing (a non-Latin script) becomes an unknown separator so the grammar rejects it.
 * @example lex('Quý III/2025') // [{ kind: 'word', value: 'qui' }, { kind: 'word', value: 'iii' }, { kind: 'sep', value: '/' }, { kind: 'num', value: 2025, digits: 4 }]
 */
export function lex(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.normalize('NFC').matchAll(TOKEN_RE)) {
    const raw = m[0];
    const c0 = raw.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) {
      // Long digit runs are never dates; keep the length so the grammar can refuse them.
      out.push({ kind: 'num', value: raw.length > 9 ? Number.NaN : Number(raw), digits: raw.length });
    } else if (raw.length > 1 || /[\p{L}\p{M}]/u.test(raw)) {
      const words = fold(raw)
        .split(' ')
        .filter((w) => w !== '');
      if (words.length === 0) out.push({ kind: 'sep', value: raw });
      for (const w of words) out.push({ kind: 'word', value: w });
    } else if (raw === '&') {
      out.push({ kind: 'word', value: 'va' });
    } else if (!IGNORED.has(raw)) {
      out.push({ kind: 'sep', value: SEPARATORS[raw] ?? raw });
    }
  }
  return out;
}
