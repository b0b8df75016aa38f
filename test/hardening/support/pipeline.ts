// The path every uploaded workbook takes (guarded reader → readPlan → validate), its outcome as plain data.
import { readPlan } from '../../../core/read/index.ts';
import { validate } from '../../../core/validate/index.ts';
import { readWorkbook, WorkbookReadError } from '../../../workbook/xlsx/index.ts';

export type Outcome =
  { kind: 'plan'; appendices: number; issues: number } | { kind: 'refused'; code: string; message: string; messageEn: string };

/** Letters only Vietnamese text has: a user message without one is not in Vietnamese. */
export const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

/**
 * Read, interpret and validate bytes as the server's upload route does. A WorkbookReadError becomes a 'refused'
 * outcome; anything else thrown is a crash and propagates.
 * @example expect((await readAll(bytes)).kind).toBe('plan')
 */
export async function readAll(bytes: Uint8Array): Promise<Outcome> {
  let sheets;
  try {
    sheets = (await readWorkbook(bytes)).sheets;
  } catch (err) {
    if (err instanceof WorkbookReadError) return { kind: 'refused', code: err.code, message: err.message, messageEn: err.messageEn };
    throw err;
  }
  const { plan, sheets: read } = readPlan(sheets);
  const report = validate({ plan, grids: sheets, sheets: read });
  return { kind: 'plan', appendices: plan.appendices.length, issues: report.stats.errors + report.stats.warnings + report.stats.infos };
}

/**
 * Why an outcome is not acceptable ('' when it is): a plan, or a refusal with a Vietnamese and an English message.
 * @example expect(problemOf(await readAll(bytes))).toBe('')
 */
export function problemOf(o: Outcome): string {
  if (o.kind === 'plan') return '';
  if (!VIETNAMESE.test(o.message)) return `${o.code}: message not in Vietnamese: ${o.message}`;
  if (o.messageEn.trim() === '') return `${o.code}: no English message`;
  return '';
}
