// An achieved value as an indicator actual holds it, read from the cell an official filled.
import { actualNumber } from './pass-rule.ts';

/**
 * An achieved value as an indicator actual holds it: a number when the cell is one number ("75%", "75,5", "1.234"),
 * else the text as written (trimmed); null for an empty cell.
 * @example parseActualValue('75%') // 75
 * @example parseActualValue('Đạt chuẩn') // 'Đạt chuẩn'
 */
export function parseActualValue(text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  return actualNumber(t) ?? t;
}
