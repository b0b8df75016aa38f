// The streaming zip writer under back-pressure: an output that keeps asking it to wait gets every byte, and no
// listener is left behind by the waits (each had added a 'close' and an 'error' listener, and a large workbook
// warned of a leak on the user's terminal).
import { Writable } from 'node:stream';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ZipStream } from '../../../../workbook/export/xlsx-stream/zip.ts';

/** A slow output: 1 KB buffer, each write answered on a later turn, the bytes kept. */
function slowOutput(): { out: Writable; bytes: () => Uint8Array } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  return { out, bytes: () => new Uint8Array(Buffer.concat(chunks)) };
}

describe('ZipStream', () => {
  it('writes every byte through an output that keeps asking it to wait, leaving no listener behind', async () => {
    const { out, bytes } = slowOutput();
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const zip = new ZipStream(out, 1);
      const listeners = { close: out.listenerCount('close'), error: out.listenerCount('error') };
      // Text that deflates poorly enough to fill many 256 KB deflate chunks: hundreds of waits on the output.
      let seed = 7;
      const text = Array.from({ length: 400_000 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16).toString(36)).join(' ');
      const entry = zip.entry('xl/sheet.xml');
      const data = Buffer.from(text, 'utf8');
      for (let at = 0; at < data.length; at += 64 * 1024) await entry.write(data.subarray(at, at + 64 * 1024));
      await entry.end();
      await zip.file('docProps/app.xml', '<Properties/>');
      expect({ close: out.listenerCount('close'), error: out.listenerCount('error') }).toEqual(listeners);
      await zip.finish();
      const files = unzipSync(bytes());
      expect(Object.keys(files)).toEqual(['xl/sheet.xml', 'docProps/app.xml']);
      expect(Buffer.from(files['xl/sheet.xml']!).equals(data)).toBe(true);
      expect(new TextDecoder().decode(files['docProps/app.xml'])).toBe('<Properties/>');
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
