// One pass over a text's characters that tells the text checks when there is nothing to look at: most cells are
// clean, and the regular expressions and normalisation behind each check cost more than reading the characters once.

// Characters this scan knows: those NFC never changes and that never compose with a neighbour (isDecomposed's fast
// test) below U+1F00, plus general punctuation and "₫". Anything else sends the text to the checks themselves.
const TABLE_END = 0x1f00;
const KNOWN = 1;
/** A letter the tone-style scan looks for first: [oòóõỏọuùúũủụ], either case. */
const OU = 2;
/** A letter that may follow it: [aàáãảạeèéẽẻẹyỳýỹỷỵ], either case. */
const AEY = 4;
/** \p{L}. */
const LETTER = 8;
const CLASS = new Uint8Array(TABLE_END);
{
  const ou = /^[oòóõỏọuùúũủụ]$/iu;
  const aey = /^[aàáãảạeèéẽẻẹyỳýỹỷỵ]$/iu;
  const letter = /^\p{L}$/u;
  const stable = /^[\t\n\r\u0020-\u02ff\u1e00-\u1eff]$/;
  for (let code = 0; code < TABLE_END; code++) {
    const ch = String.fromCharCode(code);
    if (!stable.test(ch)) continue;
    CLASS[code] = KNOWN | (ou.test(ch) ? OU : 0) | (aey.test(ch) ? AEY : 0) | (letter.test(ch) ? LETTER : 0);
  }
}

/** Punctuation NFC leaves alone and no check of these looks for (U+2010–U+206F but its spaces, and "₫"). */
function isQuietPunctuation(code: number): boolean {
  return (code >= 0x2010 && code <= 0x206f && code !== 0x2028 && code !== 0x2029 && code !== 0x202f && code !== 0x205f) || code === 0x20ab;
}

/**
 * What sends a text to the checks, past its first and last characters: a character outside those the scan knows —
 * printable ASCII but "[" and "{", line feed, the letters and marks of KNOWN from U+00A1, quiet punctuation — or two
 * of space and line feed in a row ("  ", " \n", "\n ", "\n\n"). Irregexp runs it over the UTF-16 units (no u flag:
 * a lone surrogate is outside too) in about half the time of a loop of charCodeAt.
 */
const LOOK =
  /[^\n\u0020-\u005a\u005c-\u007a\u007c-\u007e\u00a1-\u02ff\u1e00-\u1eff\u2010-\u2027\u202a-\u202e\u2030-\u205e\u2060-\u206f\u20ab]|[ \n][ \n]/;

/**
 * Whether a cell's text certainly has no Word artifact ("[…]", "{PAGE}"), no decomposed Unicode, nothing
 * tidyWhitespace would change and no formula-like start, so the text checks can pass it by. False means "look":
 * the checks themselves decide.
 */
export function plainlyClean(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  // Edges: no whitespace (trimmed already), and no "=", "@", "-" or "+" a spreadsheet might run.
  const first = s.charCodeAt(0);
  if (first <= 0x20 || first === 0x3d || first === 0x40 || first === 0x2d || first === 0x2b) return false;
  if (s.charCodeAt(n - 1) <= 0x20) return false;
  return !LOOK.test(s);
}

/**
 * The matches of /[oòóõỏọuùúũủụ][aàáãảạeèéẽẻẹyỳýỹỷỵ](?!\p{L})/giu in a text, by their index, in `ends` (emptied
 * first), in one pass; false when the text holds a character this scan does not know (decomposed marks, other
 * scripts): then the caller runs the expression itself. Matches never overlap (the two classes share no letter).
 */
export function styledEnds(s: string, ends: number[]): boolean {
  ends.length = 0;
  const n = s.length;
  // Classes of the two characters before this one.
  let before2 = 0;
  let before1 = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let k: number;
    if (c < TABLE_END) {
      k = CLASS[c]!;
      if (k === 0) return false;
    } else if (isQuietPunctuation(c)) k = KNOWN;
    else return false;
    if ((before2 & OU) !== 0 && (before1 & AEY) !== 0 && (k & LETTER) === 0) ends.push(i - 2);
    before2 = before1;
    before1 = k;
  }
  if ((before2 & OU) !== 0 && (before1 & AEY) !== 0) ends.push(n - 2);
  return true;
}

/** Whether the character at a position is a letter (\p{L}), in a text styledEnds accepted. */
export function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < TABLE_END && (CLASS[c]! & LETTER) !== 0;
}
