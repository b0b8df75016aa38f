// The heading and signature block of a printed table, as Vietnamese administrative documents have them (Decree
// 30/2020/NĐ-CP): the issuing authority on the left with a rule under it, the national name and motto on the right,
// the place and date, the title, a "(Kèm theo … số … ngày …)" line to fill; at the end, who signs. Words only: each
// writer lays the lines out over its own columns (heading-rows.ts).
import type { Lang } from '../../core/i18n/index.ts';

/** How a heading line looks (Times New Roman, in points). */
export type HeadLook = 'authority' | 'motto' | 'rule' | 'date' | 'title' | 'subtitle' | 'note' | 'signTitle' | 'signNote';

export const HEAD_LOOKS: Record<HeadLook, { size: number; bold?: boolean; italic?: boolean }> = {
  authority: { size: 12, bold: true },
  motto: { size: 12, bold: true },
  rule: { size: 8 },
  date: { size: 12, italic: true },
  title: { size: 14, bold: true },
  subtitle: { size: 12, bold: true },
  note: { size: 12, italic: true },
  signTitle: { size: 12, bold: true },
  signNote: { size: 12, italic: true },
};

export interface HeadText {
  text: string;
  look: HeadLook;
}

/** One line: a left and a right part (the two columns of a heading), or one part across the page. */
export type HeadLine = { left?: HeadText; right?: HeadText } | { across: HeadText } | { space: number };

export interface DocumentHeading {
  lang: Lang;
  /** The body the table is issued for: a province or commune name as the list spells it ("Thành phố Hải Phòng"). */
  unit?: string;
  /** The title, in capitals as documents write it; blank: no title line. */
  title: string;
  /** Lines under the title (what the table holds, as of when). */
  subtitles?: string[];
  year?: number;
}

const FILL = '……';
// A short rule drawn with em dashes: a line under the authority and the motto, as the decree draws it.
const RULE = '—————';

/**
 * "UBND TỈNH BẮC NINH" from "Tỉnh Bắc Ninh"; a line to fill when the unit is not known.
 * @example authorityLine('Thành phố Hải Phòng', 'vi') // 'UBND THÀNH PHỐ HẢI PHÒNG'
 */
export function authorityLine(unit: string | undefined, lang: Lang): string {
  if (lang === 'en') return unit ? `PEOPLE'S COMMITTEE OF ${unit.toUpperCase()}` : `PEOPLE'S COMMITTEE OF ${FILL}${FILL}`;
  return unit ? `UBND ${unit.toLocaleUpperCase('vi')}` : `UBND TỈNH/THÀNH PHỐ ${FILL}${FILL}`;
}

/** The place of the date line: the unit's name without its kind ("Tỉnh Bắc Ninh" → "Bắc Ninh"). */
export function placeName(unit: string | undefined): string {
  if (!unit) return `${FILL}${FILL}`;
  return unit.replace(/^(tỉnh|thành phố|xã|phường|đặc khu)\s+/i, '');
}

/**
 * The heading lines, top to bottom; a blank title line is left out, never printed as an empty first line.
 * @example headingLines({ lang: 'vi', unit: 'Tỉnh Bắc Ninh', title: 'TỔNG HỢP …', year: 2026 })
 */
export function headingLines(h: DocumentHeading): HeadLine[] {
  const vi = h.lang === 'vi';
  const year = h.year ?? FILL;
  const lines: HeadLine[] = [
    {
      left: { text: authorityLine(h.unit, h.lang), look: 'authority' },
      right: { text: vi ? 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' : 'SOCIALIST REPUBLIC OF VIET NAM', look: 'motto' },
    },
    {
      left: { text: RULE, look: 'rule' },
      right: { text: vi ? 'Độc lập - Tự do - Hạnh phúc' : 'Independence - Freedom - Happiness', look: 'motto' },
    },
    { right: { text: `${RULE}${RULE}${RULE}`, look: 'rule' } },
    {
      right: {
        text: vi ? `${placeName(h.unit)}, ngày ${FILL} tháng ${FILL} năm ${year}` : `${placeName(h.unit)}, ${FILL} ${FILL} ${year}`,
        look: 'date',
      },
    },
    {},
  ];
  const title = h.title.trim();
  if (title) lines.push({ across: { text: title, look: 'title' } });
  for (const s of h.subtitles ?? []) if (s.trim()) lines.push({ across: { text: s.trim(), look: 'subtitle' } });
  lines.push({
    across: {
      text: vi
        ? `(Kèm theo ${FILL}${FILL} số ${FILL}/${FILL} ngày ${FILL} tháng ${FILL} năm ${FILL})`
        : `(Attached to ${FILL} No. ${FILL}/${FILL} of ${FILL})`,
      look: 'note',
    },
  });
  lines.push({});
  return lines;
}

/** The signature block under a table: who drew it up on the left, the head of the body on the right. */
export function signatureLines(lang: Lang): HeadLine[] {
  const vi = lang === 'vi';
  return [
    {},
    {
      left: { text: vi ? 'NGƯỜI LẬP BIỂU' : 'PREPARED BY', look: 'signTitle' },
      right: { text: vi ? 'THỦ TRƯỞNG ĐƠN VỊ' : 'HEAD OF THE BODY', look: 'signTitle' },
    },
    {
      left: { text: vi ? '(Ký, ghi rõ họ tên)' : '(Signature, full name)', look: 'signNote' },
      right: { text: vi ? '(Ký tên, đóng dấu)' : '(Signature and seal)', look: 'signNote' },
    },
    { space: 60 },
  ];
}

/**
 * How many of the printed columns the left half of a heading spans: about two fifths of the printed width, never
 * all of it (the right half needs a column).
 */
export function leftSpan(widths: readonly number[]): number {
  const total = widths.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (let i = 0; i < widths.length - 1; i++) {
    sum += widths[i]!;
    if (sum >= total * 0.38) return i + 1;
  }
  return Math.max(1, widths.length - 1);
}
