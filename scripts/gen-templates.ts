// Write the standard blank appendices into templates/ (the add-in inserts these; `phuluc template` builds the same).
import { canonicalAgencyNames } from '../core/agencies.ts';
import { buildTemplate, TEMPLATE_FILES } from '../workbook/export/template.ts';

const year = Number(process.argv[2] ?? new Date().getFullYear() + 1);
for (const [kind, name] of Object.entries(TEMPLATE_FILES) as [keyof typeof TEMPLATE_FILES, string][]) {
  const wb = buildTemplate(kind, { agencies: canonicalAgencyNames(), year });
  // Fixed dates keep the committed files byte-stable across regenerations.
  wb.created = wb.modified = new Date(Date.UTC(year - 1, 0, 1));
  await wb.xlsx.writeFile(new URL(`../templates/${name}`, import.meta.url).pathname);
  console.log(`templates/${name} (${year})`);
}
