// Title block: "PHỤ LỤC I", the table's name and "(Kèm theo Kế hoạch số …/KH-UBND ngày … của UBND xã …)" → a plan reference.
import type { PlanReference, TitleBlock } from '../model/appendix.ts';
import { fold } from '../text/fold.ts';
import { collapseSpaces } from '../text/normalize.ts';

const APPENDIX_RE = /^\s*ph[uụ]\s*l[uụ]c\s*(?:s[oố]\s*)?([IVXLC]+|\d+)?\b\.?\s*:?\s*(.*)$/iu;

/**
 * Parse title lines (top to bottom) into a title block.
 * @example parseTitleBlock([{ row: 1, text: 'PHỤ LỤC I' }]).appendix // 'I'
 */
export function parseTitleBlock(lines: { row: number; text: string }[]): TitleBlock {
  const block: TitleBlock = { lines, reference: {} };
  const nameParts: string[] = [];
  for (const { text } of lines) {
    const t = collapseSpaces(text);
    const app = APPENDIX_RE.exec(t.normalize('NFC'));
    if (app && block.appendix === undefined && /^ph/i.test(fold(t).slice(0, 2))) {
      block.appendix = app[1]?.toUpperCase() ?? '';
      if (app[2]) nameParts.push(app[2]);
      continue;
    }
    if (isReferenceLine(t)) {
      Object.assign(block.reference, parseReference(t));
      continue;
    }
    nameParts.push(t);
  }
  if (nameParts.length > 0) block.name = nameParts.join(' ');
  if (block.appendix) block.reference.appendix = block.appendix;
  const period = periodOf(block.name ?? '');
  if (period) block.reference.period = period;
  return block;
}

function isReferenceLine(t: string): boolean {
  const f = fold(t);
  return /\bkem theo\b/.test(f) || /^\(?\s*(ban hanh )?kem/.test(f);
}

/** A symbol in a document number: capitals, then any letters ("QĐ", "UBND", "TTg" — Thủ tướng — "HĐND"). */
const SYMBOL = String.raw`\p{Lu}\p{L}*`;
/**
 * "số" and the document number after it, as published: "03/KH-UBND", "2597/QĐ-TTg", "57-NQ/TW", "13/2025/TT-BKHCN",
 * "QĐ-BKHCN", or a blank number "   /KH-UBND". Symbols are joined by "-" or "/", never by a space.
 */
const DOCUMENT_NUMBER_RE = new RegExp(
  String.raw`(?<!\p{L})[sS][ốo]\s*:?\s*((?:\d*(?:\s*\/\s*\d{4})?\s*[\/-]\s*${SYMBOL}|${SYMBOL}(?=\s*[\/-]\s*\p{Lu}))(?:\s*[\/-]\s*${SYMBOL})*)`,
  'u',
);

/**
 * "(Kèm theo Kế hoạch số 03/KH-UBND ngày 07 tháng 7 năm 2025 của UBND xã Cẩm Giàng)".
 * Blank placeholders ("số /KH-UBND ngày /8/2025") keep what is known.
 * @example parseReference('(Kèm theo Kế hoạch số 03/KH-UBND ngày 07/7/2025 của UBND xã Cẩm Giàng)').documentNumber // '03/KH-UBND'
 */
export function parseReference(line: string): PlanReference {
  const ref: PlanReference = {};
  const t = line
    .normalize('NFC')
    .replace(/^\(|\)$/g, '')
    .trim();
  const num = DOCUMENT_NUMBER_RE.exec(t);
  if (num) ref.documentNumber = num[1]!.replace(/\s+/g, '');
  const date = dateOf(t);
  if (date) {
    ref.dateText = date.text;
    if (date.iso) ref.date = date.iso;
    if (date.year) ref.year = date.year;
  }
  const issuer =
    /của\s+((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Đảng ủy|Đảng uỷ|Ban Thường vụ Đảng ủy|BTV Đảng ủy|HĐND|Hội đồng nhân dân)\s+(?:xã|phường|thị trấn|đặc khu)\s+(.+?))\s*$/iu.exec(
      t,
    );
  if (issuer) {
    ref.issuer = issuer[1]!.trim();
    ref.commune = issuer[2]!.replace(/[).;,]+$/, '').trim();
  }
  return ref;
}

function dateOf(t: string): { text: string; iso?: string; year?: number } | null {
  // "ngày 07 tháng 7 năm 2025", "ngày   tháng 8 năm 2025", "ngày 07/7/2025", "ngày /8/2025"
  const long = /ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})/iu.exec(t);
  if (long) return build(long[0], long[1], long[2], long[3]);
  const short = /ngày\s*(\d{1,2})?\s*\/\s*(\d{1,2})?\s*\/\s*(\d{4})/iu.exec(t);
  if (short) return build(short[0], short[1], short[2], short[3]);
  return null;
}

function build(text: string, d?: string, m?: string, y?: string): { text: string; iso?: string; year?: number } {
  const year = y ? Number(y) : undefined;
  const out: { text: string; iso?: string; year?: number } = { text: collapseSpaces(text) };
  if (year) out.year = year;
  if (year && d && m) {
    const day = Number(d);
    const month = Number(m);
    const dt = new Date(Date.UTC(year, month - 1, day));
    if (dt.getUTCMonth() === month - 1 && dt.getUTCDate() === day) {
      out.iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
  }
  return out;
}

/**
 * The plan's own period when the title states one: "giai đoạn 2026-2030", "năm 2026" (not a date's year).
 * @example periodOf('KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026') // { from: 2026, to: 2026 }
 */
export function periodOf(name: string): { from: number; to: number } | null {
  const f = fold(name);
  // fold() turns the dash of "2026-2030" / "2026–2030" into a space.
  const range = /giai doan (\d{4}) (?:den )?(\d{4})\b/.exec(f);
  if (range) return { from: Number(range[1]), to: Number(range[2]) };
  // "năm 2026" standing alone — not "ngày 09 tháng 01 năm 2025", not "đến năm 2030" (a horizon, not the plan's year).
  const re = /(^|\s)nam (\d{4})\b/g;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    const before = f.slice(0, m.index);
    if (/thang \d{1,2}$/.test(before.trim()) || /(den|toi|tam nhin)$/.test(before.trim())) continue;
    const y = Number(m[2]);
    return { from: y, to: y };
  }
  return null;
}
