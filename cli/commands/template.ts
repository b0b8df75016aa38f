// `phuluc template --kind tasks|indicators -o FILE`: write the standard blank appendix.
import { canonicalAgencyNames } from '../../core/agencies.ts';
import { buildTemplate, type TemplateKind } from '../../workbook/export/template.ts';
import type { Lang } from '../labels.ts';

/** @example await templateCommand('tasks', 'phu-luc-mau.xlsx', 'vi') */
export async function templateCommand(kind: TemplateKind, out: string, lang: Lang): Promise<number> {
  const wb = buildTemplate(kind, { agencies: canonicalAgencyNames() });
  await wb.xlsx.writeFile(out);
  process.stdout.write(lang === 'en' ? `Template written: ${out}\n` : `Đã tạo phụ lục mẫu: ${out}\n`);
  return 0;
}
