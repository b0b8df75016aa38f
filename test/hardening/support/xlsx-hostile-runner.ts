// Child-process entry: read each hostile case (indexes in argv) through the upload path — and, where a case asks, open
// it for editing through exceljs — one JSON line per event. Run with a capped heap so that a case that would blow
// memory kills this process instead of the test runner.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openWorkbookForEdit, WorkbookReadError } from '../../../server/xlsx/index.ts';
import { readAll } from './pipeline.ts';
import { HOSTILE } from './xlsx-hostile.ts';

const say = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);
const dir = mkdtempSync(path.join(tmpdir(), 'phuluc-hostile-'));

async function editOutcome(bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, 'x.xlsx');
  writeFileSync(file, bytes);
  try {
    await openWorkbookForEdit(file);
    return 'ok';
  } catch (err) {
    if (err instanceof WorkbookReadError) return err.code;
    throw err;
  }
}

for (const arg of process.argv.slice(2)) {
  const c = HOSTILE[Number(arg)]!;
  say({ start: c.name });
  const bytes = c.build();
  try {
    const outcome = await readAll(bytes);
    const edit = c.edit === undefined ? undefined : await editOutcome(bytes);
    say({ done: c.name, bytes: bytes.length, outcome, edit });
  } catch (err) {
    say({ done: c.name, bytes: bytes.length, crash: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}
// Peak resident memory of the whole run: heap and the buffers outside it (inflated parts), which the heap cap misses.
say({ maxRssBytes: process.resourceUsage().maxRSS * 1024 });
