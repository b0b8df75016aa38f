// A worker of the read pool: file path in, the plan read from it (or why it could not be read) out.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { readPlan } from '../../core/read/index.ts';
// The fast reader and its errors only: server/xlsx/index.ts also loads exceljs, ~0.3 s per worker for nothing.
import { WorkbookReadError } from '../xlsx/errors.ts';
import { readWorkbookFast } from '../xlsx/fast/read-fast.ts';
import type { ReadRequest, ReadResponse } from './read-pool.ts';

// Also imported in the main thread (a handful of files needs no pool), where there is no parent port.
const port = parentPort;
port?.on('message', (req: ReadRequest) => {
  void readOne(req).then((res) => port.postMessage(res));
});

/** @example await readOne({ i: 0, file: 'plans/10903-cam-giang.xlsx' }) */
export async function readOne(req: ReadRequest): Promise<ReadResponse> {
  try {
    const bytes = await readFile(req.file);
    const plan = readPlan((await readWorkbookFast(bytes)).sheets, { file: req.file, format: 'xlsx' }).plan;
    return { i: req.i, plan };
  } catch (err) {
    return err instanceof WorkbookReadError ? { i: req.i, error: { vi: err.message, en: err.messageEn } } : { i: req.i, error: { vi: String(err), en: String(err) } };
  }
}
