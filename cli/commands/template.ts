// `phuluc template --kind tasks|indicators [--year YYYY] [--plan-key KEY] -o FILE`: write the standard blank appendix
// for a year (the title's "NĂM 2027", the deadline list).
import { canonicalAgencyNames } from '../../core/agencies.ts';
import { buildTemplate, type TemplateKind } from '../../workbook/export/template.ts';
import type { Lang } from '../labels.ts';

export interface TemplateCommandOptions {
  /** --year as typed. */
  year?: string;
  /** --plan-key: a key ending in a year ("NQ57-2027") gives the year when --year is not given. */
  planKey?: string;
  /** This year, when neither says one (tests pass it). */
  now?: Date;
}

/**
 * The template's year: --year, else the last year written in the plan key, else this year; an error (both
 * languages) for a --year that is not a year.
 * @example templateYear({ planKey: 'NQ57-2027' }) // { year: 2027 }
 */
export function templateYear(opts: TemplateCommandOptions): { year: number } | { error: { vi: string; en: string } } {
  if (opts.year !== undefined) {
    const y = Number(opts.year.trim());
    if (!/^\d{4}$/.test(opts.year.trim()) || y < 2000 || y > 2100)
      return {
        error: {
          vi: `--year phải là một năm, ví dụ 2027 (nhận được “${opts.year}”).`,
          en: `--year must be a year, e.g. 2027 (got "${opts.year}").`,
        },
      };
    return { year: y };
  }
  const inKey = opts.planKey?.match(/(?<!\d)20\d{2}(?!\d)/g)?.at(-1);
  return { year: inKey ? Number(inKey) : (opts.now ?? new Date()).getFullYear() };
}

/** @example await templateCommand('tasks', 'phu-luc-mau.xlsx', 'vi', { year: '2027' }) */
export async function templateCommand(kind: TemplateKind, out: string, lang: Lang, opts: TemplateCommandOptions = {}): Promise<number> {
  const year = templateYear(opts);
  if ('error' in year) {
    process.stderr.write(`${lang === 'en' ? year.error.en : year.error.vi}\n`);
    return 2;
  }
  const wb = buildTemplate(kind, { agencies: canonicalAgencyNames(), year: year.year });
  await wb.xlsx.writeFile(out);
  process.stdout.write(lang === 'en' ? `Template for ${year.year} written: ${out}\n` : `Đã tạo phụ lục mẫu năm ${year.year}: ${out}\n`);
  return 0;
}
