// A streamed workbook collected into memory: for outputs small enough to send whole (a commune's report, a province's
// summary) and for callers that want bytes, not a stream.
import { Writable } from 'node:stream';

/**
 * Run `write` (a streamed workbook writer, which ends its output when done) against a stream that keeps every chunk,
 * and return the bytes.
 * @example const bytes = await xlsxBytes((out) => writeSomething(out))
 */
export async function xlsxBytes(write: (out: NodeJS.WritableStream) => Promise<void>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  await write(sink);
  return new Uint8Array(Buffer.concat(chunks));
}
