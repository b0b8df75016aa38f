// styles.xml → per cell-format index: the font name and the number format code (to tell dates and percentages).
import { attr, closedThrough, el } from './xml.ts';

const BUILTIN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export interface Styles {
  font: (string | undefined)[];
  fmt: string[];
  date: boolean[];
}

/**
 * Parse the style sheet (absent: every cell is General in the default font).
 * @example parseStyles(xml).font[3] // 'Times New Roman'
 */
export function parseStyles(xml: string | undefined): Styles {
  if (!xml) return { font: [], fmt: [], date: [] };
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(new RegExp(`<${el('numFmt')}\\s[^<>]*>`, 'g'))) {
    const id = Number(attr(m[0], 'numFmtId'));
    const code = attr(m[0], 'formatCode');
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
  }
  const fonts: (string | undefined)[] = [];
  const fontsBlock = new RegExp(`<${el('fonts')}[\\s>][\\s\\S]*?</${el('fonts')}>`).exec(closedThrough(xml, 'fonts'))?.[0] ?? '';
  for (const m of closedThrough(fontsBlock, 'font').matchAll(
    new RegExp(`<${el('font')}(?:\\s[^<>]*)?(?:/>|>([\\s\\S]*?)</${el('font')}>)`, 'g'),
  )) {
    const name = m[1] ? new RegExp(`<${el('name')}\\s[^<>]*>`).exec(m[1])?.[0] : undefined;
    fonts.push(name ? attr(name, 'val') : undefined);
  }
  const out: Styles = { font: [], fmt: [], date: [] };
  const xfs = new RegExp(`<${el('cellXfs')}[\\s>][\\s\\S]*?</${el('cellXfs')}>`).exec(closedThrough(xml, 'cellXfs'))?.[0] ?? '';
  for (const m of xfs.matchAll(new RegExp(`<${el('xf')}\\s[^<>]*>`, 'g'))) {
    const fontId = Number(attr(m[0], 'fontId') ?? 0);
    const numFmtId = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(numFmtId) ?? BUILTIN[numFmtId] ?? 'General';
    out.font.push(fonts[fontId]);
    out.fmt.push(code);
    out.date.push(isDateFormat(code, numFmtId));
  }
  return out;
}

/** Date formats: built-in 14–22 and 45–47, or a code with d/m/y/h/s outside quotes and [brackets] (exceljs's rule). */
export function isDateFormat(code: string, id = -1): boolean {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return true;
  if (code === 'General' || code === '@') return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
