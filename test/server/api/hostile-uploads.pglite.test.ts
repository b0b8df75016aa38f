// Hostile uploads on a real server process with embedded PGlite (a fresh data folder).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hostileUploadSuite } from './hostile-uploads.case.ts';

hostileUploadSuite('PGlite', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-hostile-'));
  return { store: { kind: 'pglite', dataDir }, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
});
