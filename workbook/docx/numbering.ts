// word/numbering.xml → the numbers Word draws before numbered paragraphs ("1.", "II.", "a)"): they are not in the text,
// yet a TT column or a list-form appendix typed with Word's automatic numbering holds nothing else.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { DocxReadError, xmlProblem } from './errors.ts';
import { intToRoman } from '../../core/text/index.ts';

interface Level {
  fmt: string;
  text: string;
  start: number;
}

/** Counts numbered paragraphs in document order and says each one's label. */
export class Numbering {
  private readonly counters = new Map<string, number[]>();
  constructor(
    /** numId → abstractNumId */
    private readonly nums: Map<string, string>,
    /** abstractNumId → levels by ilvl */
    private readonly abstracts: Map<string, Map<number, Level>>,
  ) {}

  /**
   * The label of the next paragraph numbered (numId, ilvl): "1.", "II.", "-" for a bullet; undefined for none.
   * Lists of one abstract definition count on together, as Word does for paragraphs of one list.
   * @example numbering.next('1', 0) // '1.'
   */
  next(numId: string, ilvl: number): string | undefined {
    const abstract = this.nums.get(numId);
    const levels = abstract === undefined ? undefined : this.abstracts.get(abstract);
    const level = levels?.get(ilvl);
    if (!levels || !level || ilvl < 0 || ilvl > 8) return undefined;
    if (level.fmt === 'bullet') return /^[\w\-–•*+]$/u.test(level.text) ? level.text : '-';
    if (level.fmt === 'none') return undefined;
    const counts = this.counters.get(abstract!) ?? [];
    this.counters.set(abstract!, counts);
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
    // A higher level going on restarts the levels below it.
    counts.length = ilvl + 1;
    for (let i = 0; i < ilvl; i++) if (counts[i] === undefined) counts[i] = levels.get(i)?.start ?? 1;
    const label = level.text.replace(/%([1-9])/g, (_, n: string) => {
      const i = Number(n) - 1;
      return format(counts[i] ?? 1, levels.get(i)?.fmt ?? 'decimal');
    });
    return label.trim() === '' ? undefined : label;
  }
}

export const NO_NUMBERING = (): Numbering => new Numbering(new Map(), new Map());

/**
 * Parse numbering.xml (absent → nothing numbered). Throws DocxReadError('corrupt') on malformed XML.
 * @example parseNumbering(xml).next('1', 0) // '1.'
 */
export function parseNumbering(xml: string | undefined): Numbering {
  const nums = new Map<string, string>();
  const abstracts = new Map<string, Map<number, Level>>();
  if (!xml) return new Numbering(nums, abstracts);
  let abstract: Map<number, Level> | undefined;
  let level: Level | undefined;
  let num: string | undefined;
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('doctype', () => {
    throw new DocxReadError('corrupt', 'DOCTYPE');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const val = attr(tag, 'val');
    switch (tag.local) {
      case 'abstractNum': {
        abstract = new Map();
        abstracts.set(attr(tag, 'abstractNumId') ?? '', abstract);
        return;
      }
      case 'lvl':
        if (!abstract) return;
        level = { fmt: 'decimal', text: '', start: 1 };
        abstract.set(Number(attr(tag, 'ilvl') ?? 0), level);
        return;
      case 'numFmt':
        if (level && val) level.fmt = val;
        return;
      case 'lvlText':
        if (level) level.text = val ?? '';
        return;
      case 'start':
        if (level) level.start = Math.max(0, Math.min(Number.parseInt(val ?? '1', 10) || 0, 100_000));
        return;
      case 'num':
        num = attr(tag, 'numId');
        return;
      case 'abstractNumId':
        if (num !== undefined && val !== undefined) nums.set(num, val);
        return;
    }
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    if (tag.local === 'lvl') level = undefined;
    else if (tag.local === 'abstractNum') abstract = undefined;
    else if (tag.local === 'num') num = undefined;
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof DocxReadError) throw err;
    throw new DocxReadError('corrupt', xmlProblem('word/numbering.xml', err));
  }
  return new Numbering(nums, abstracts);
}

function letters(n: number): string {
  // Word's a…z, then aa, bb…
  const k = Math.max(1, n);
  return String.fromCharCode(97 + ((k - 1) % 26)).repeat(Math.floor((k - 1) / 26) + 1);
}

function format(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman':
      return intToRoman(n);
    case 'lowerRoman':
      return intToRoman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}

function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local) return a.value;
  return undefined;
}
