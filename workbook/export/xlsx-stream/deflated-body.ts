// The body of a zip entry deflated into memory as it is written, before the entry's start is known (the consolidated
// sheet's title names the province, known once every file is read): ZipStream.joined() writes it after its head.
import { once } from 'node:events';
import zlib from 'node:zlib';
import type { ZipEntry } from './zip.ts';

/** Bytes waiting in the deflater before write() waits for it: the thread rendering rows keeps going meanwhile. */
const BACKLOG = 4 * 1024 * 1024;

/** @example const body = new DeflatedBody(2); await body.write(bytes); await body.end(); await zip.joined(name, head, body) */
export class DeflatedBody implements ZipEntry {
  crc = 0;
  usize = 0;
  csize = 0;
  private chunks: Buffer[] = [];
  private readonly z: zlib.DeflateRaw;
  private readonly ended: Promise<unknown>;
  private done = false;

  constructor(level: number) {
    this.z = zlib.createDeflateRaw({ level, chunkSize: 256 * 1024 });
    this.z.on('data', (c: Buffer) => {
      this.chunks.push(c);
      this.csize += c.length;
    });
    this.ended = once(this.z, 'end');
    this.ended.catch(() => {});
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.crc = zlib.crc32(bytes, this.crc);
    this.usize += bytes.byteLength;
    this.z.write(bytes);
    if (this.z.writableLength > BACKLOG) await Promise.race([once(this.z, 'drain'), this.ended]);
  }

  /** Ends the deflate stream (its final block); the body is then complete. */
  async end(): Promise<void> {
    this.z.end();
    await this.ended;
    this.done = true;
  }

  /** The compressed chunks, handed over once (the body keeps none). */
  take(): Buffer[] {
    if (!this.done) throw new Error('DeflatedBody.take() before end()');
    const out = this.chunks;
    this.chunks = [];
    return out;
  }

  /** Drop what was deflated (the sheet is written another way). */
  discard(): void {
    this.chunks = [];
    this.z.destroy();
  }
}
