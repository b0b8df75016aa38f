// The national data in a server (every commune's workbook uploaded, the real path), then the national export timed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { peakRssMiB } from '../child.ts';
import type { BenchServer } from './process.ts';

/** An upload the server did not store: which file, the answer's status (0: no answer) and the start of its body. */
export interface UploadFailure {
  file: string;
  status: number;
  body: string;
}

/**
 * Upload each workbook to its commune (code from the file name) with `parallel` requests in flight.
 * @example await uploadAll(server, files, 'NQ57-2026', 4)
 */
export async function uploadAll(
  server: BenchServer,
  files: string[],
  planKey: string,
  parallel = 4,
): Promise<{ ms: number; failed: number; failures: UploadFailure[] }> {
  let next = 0;
  const failures: UploadFailure[] = [];
  const t0 = performance.now();
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i]!;
      const code = path.basename(file).slice(0, 5);
      const form = new FormData();
      form.set('file', new Blob([await readFile(file)]), path.basename(file));
      try {
        const res = await fetch(`${server.url}/api/communes/${code}/plans/${planKey}/upload`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.adminToken}` },
          body: form,
        });
        const body = await res.text();
        if (res.status !== 201 && res.status !== 200)
          failures.push({ file: path.basename(file), status: res.status, body: body.slice(0, 500) });
      } catch (err) {
        failures.push({ file: path.basename(file), status: 0, body: String(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { ms: performance.now() - t0, failed: failures.length, failures };
}

/**
 * GET the national consolidated .xlsx and read it to the end; time to the last byte, size, and the server's peak RSS.
 * @example const r = await nationalExport(server, admin, 'NQ57-2026')
 */
export async function nationalExport(
  server: BenchServer,
  token: string,
  planKey: string,
): Promise<{ ms: number; bytes: number; peakMiB: number }> {
  const t0 = performance.now();
  const res = await fetch(`${server.url}/api/national/plans/${planKey}/consolidated?format=xlsx&asOf=2026-06-30`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`national export: ${res.status} ${await res.text()}`);
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return { ms: performance.now() - t0, bytes, peakMiB: await peakRssMiB(server.pid) };
}
