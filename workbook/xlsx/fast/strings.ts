// sharedStrings.xml → the text of each shared string (rich text runs joined) and the font of its first styled run.
import { attr, closedThrough, el, textOf } from './xml.ts';

export interface SharedStrings {
  text: string[];
  /** The first run's font (legacy-encoded text keeps its .VnTime font on the run, not on the cell). */
  font: (string | undefined)[];
}

/** @example parseSharedStrings('<sst><si><t>TT</t></si></sst>').text // ['TT'] */
export function parseSharedStrings(xml: string | undefined): SharedStrings {
  const out: SharedStrings = { text: [], font: [] };
  if (!xml) return out;
  const re = new RegExp(`<${el('si')}(?:\\s[^<>]*)?>([\\s\\S]*?)</${el('si')}>|<${el('si')}(?:\\s[^<>]*)?/>`, 'g');
  const closed = closedThrough(xml, 'si');
  for (let m = re.exec(closed); m; m = re.exec(closed)) {
    const body = m[1] ?? '';
    // Drop phonetic hints before taking the text.
    const clean = body.indexOf('rPh') >= 0 ? withoutPhonetics(body) : body;
    out.text.push(textOf(clean));
    const rFont = new RegExp(`<${el('rFont')}\\s[^<>]*>`).exec(clean)?.[0];
    out.font.push(rFont ? attr(rFont, 'val') : undefined);
  }
  return out;
}

function withoutPhonetics(body: string): string {
  const closed = closedThrough(body, 'rPh');
  return closed.replace(new RegExp(`<${el('rPh')}[\\s\\S]*?</${el('rPh')}>`, 'g'), '') + body.slice(closed.length);
}
