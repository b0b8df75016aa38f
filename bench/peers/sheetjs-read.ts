// Peer for the consolidation benchmark: read every workbook with SheetJS (the xlsx package) into row arrays.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';

const dir = process.argv[2]!;
let rows = 0;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.xlsx'))
  .sort();
for (const f of files) {
  // The plain read, as most scripts do it: values only, no styles.
  const wb = XLSX.read(readFileSync(path.join(dir, f)), { type: 'buffer' });
  for (const name of wb.SheetNames) rows += XLSX.utils.sheet_to_json(wb.Sheets[name]!, { header: 1 }).length;
}
console.log(`${files.length} files, ${rows} rows`);
