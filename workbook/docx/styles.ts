// word/styles.xml → the font a run gets when it names none itself: its character style, its paragraph style, the defaults.
// Only the font name matters (a legacy font such as .VnTime says the text is TCVN3-encoded); theme fonts are left out
// (themes never name a legacy font).
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { DocxReadError, xmlProblem } from './errors.ts';

export interface DocStyles {
  /** docDefaults' run font. */
  defaultFont?: string;
  /** Style id → its own font and the style it is based on. */
  styles: Map<string, { font?: string; basedOn?: string; numId?: string; ilvl?: number }>;
  /** The paragraph style used when a paragraph names none (w:default="1"). */
  defaultParagraph?: string;
}

export const NO_STYLES: DocStyles = { styles: new Map() };

/**
 * Parse styles.xml (absent → no styles). Throws DocxReadError('corrupt') on malformed XML.
 * @example parseStyles(xml).defaultFont // 'Times New Roman'
 */
export function parseStyles(xml: string | undefined): DocStyles {
  const out: DocStyles = { styles: new Map() };
  if (!xml) return out;
  let current: { id: string; font?: string; basedOn?: string; numId?: string; ilvl?: number } | undefined;
  let inDefaults = false;
  let inRPr = false;
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('doctype', () => {
    throw new DocxReadError('corrupt', 'DOCTYPE');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    switch (tag.local) {
      case 'rPrDefault':
        inDefaults = true;
        return;
      case 'style': {
        const id = attr(tag, 'styleId');
        if (id === undefined) return;
        current = { id };
        if (attr(tag, 'type') === 'paragraph' && /^(1|true|on)$/i.test(attr(tag, 'default') ?? '')) out.defaultParagraph = id;
        return;
      }
      case 'basedOn':
        if (current) current.basedOn = attr(tag, 'val');
        return;
      case 'rPr':
        inRPr = true;
        return;
      // A paragraph style can number its paragraphs itself ("List Number", numbered headings).
      case 'numId':
        if (current && !inRPr) current.numId = attr(tag, 'val');
        return;
      case 'ilvl':
        if (current && !inRPr) current.ilvl = Number(attr(tag, 'val') ?? 0);
        return;
      case 'rFonts': {
        if (!inRPr) return;
        const font = attr(tag, 'ascii') ?? attr(tag, 'hAnsi');
        if (font === undefined) return;
        if (current) current.font = font;
        else if (inDefaults) out.defaultFont = font;
        return;
      }
    }
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    switch (tag.local) {
      case 'rPrDefault':
        inDefaults = false;
        return;
      case 'rPr':
        inRPr = false;
        return;
      case 'style':
        if (current) out.styles.set(current.id, { font: current.font, basedOn: current.basedOn, numId: current.numId, ilvl: current.ilvl });
        current = undefined;
        return;
    }
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof DocxReadError) throw err;
    throw new DocxReadError('corrupt', xmlProblem('word/styles.xml', err));
  }
  return out;
}

/**
 * The font of a run that names none: its character style's, else its paragraph style's, else the defaults.
 * @example runFontOf(styles, undefined, 'Heading1')
 */
export function runFontOf(styles: DocStyles, rStyle: string | undefined, pStyle: string | undefined): string | undefined {
  return styleFont(styles, rStyle) ?? styleFont(styles, pStyle ?? styles.defaultParagraph) ?? styles.defaultFont;
}

/**
 * The numbering a paragraph style gives its paragraphs (its own, or the style it is based on), if any.
 * @example styleNumbering(styles, 'ListNumber') // { numId: '1', ilvl: 0 }
 */
export function styleNumbering(styles: DocStyles, pStyle: string | undefined): { numId: string; ilvl: number } | undefined {
  let id = pStyle ?? styles.defaultParagraph;
  for (let i = 0; id !== undefined && i < 20; i++) {
    const s = styles.styles.get(id);
    if (!s) return undefined;
    if (s.numId !== undefined) return { numId: s.numId, ilvl: s.ilvl ?? 0 };
    id = s.basedOn;
  }
  return undefined;
}

function styleFont(styles: DocStyles, id: string | undefined): string | undefined {
  // basedOn chains are short; the bound stops a loop a hand-made file could contain.
  for (let i = 0; id !== undefined && i < 20; i++) {
    const s = styles.styles.get(id);
    if (!s) return undefined;
    if (s.font !== undefined) return s.font;
    id = s.basedOn;
  }
  return undefined;
}

function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local) return a.value;
  return undefined;
}
