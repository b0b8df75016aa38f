// Child-process entry: read each hostile case (indexes in argv) through the upload path — and, where a case asks, open
// it for editing in place as `phuluc fix` and `phuluc check --format xlsx` do (every worksheet parsed, a copy written) —
// one JSON line per event. Run with a capped heap so that a case that would blow memory kills this process instead of
// the test runner.
import { WorkbookReadError } from '../../../workbook/xlsx/index.ts';
import { CopyRefusedError, WorkbookEditor } from '../../../workbook/xlsx/edit/workbook.ts';
import { readAll } from './pipeline.ts';
import { HOSTILE } from './xlsx-hostile.ts';

const say = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

function editOutcome(bytes: Uint8Array): string {
  try {
    const wb = WorkbookEditor.open(bytes);
    for (const s of wb.pkg.sheets()) if (s.type.endsWith('/worksheet') && wb.sheet(s.name)) wb.grid(s.name);
    wb.toBytes();
    return 'ok';
  } catch (err) {
    if (err instanceof WorkbookReadError) return err.code;
    if (err instanceof CopyRefusedError) return 'refused';
    throw err;
  }
}

for (const arg of process.argv.slice(2)) {
  const c = HOSTILE[Number(arg)]!;
  say({ start: c.name });
  const bytes = c.build();
  try {
    const outcome = await readAll(bytes);
    const edit = c.edit === undefined ? undefined : editOutcome(bytes);
    say({ done: c.name, bytes: bytes.length, outcome, edit });
  } catch (err) {
    say({ done: c.name, bytes: bytes.length, crash: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}
// Peak resident memory of the whole run: heap and the buffers outside it (inflated parts), which the heap cap misses.
say({ maxRssBytes: process.resourceUsage().maxRSS * 1024 });
