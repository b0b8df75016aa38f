// A streaming zip writer on Node's native deflate: entries written one after another, sizes and CRC in data
// descriptors, with back-pressure from the output. Native zlib runs on the libuv pool, beside the JavaScript that
// renders rows; a pure-JS deflate was 10–40× slower on sheet XML.
import { once } from 'node:events';
import zlib from 'node:zlib';
import { crc32Combine } from './crc-combine.ts';

interface Written {
  name: Buffer;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
}

/** Content deflated ahead (DeflatedBody, ended): its CRC, sizes and compressed chunks. */
export interface DeflatedPart {
  crc: number;
  usize: number;
  csize: number;
  take(): Buffer[];
}

/** One entry being written: push bytes, then end it before opening the next. */
export interface ZipEntry {
  write(bytes: Uint8Array): Promise<void>;
  end(): Promise<void>;
}

const FLAGS = 0x0808; // bit 3: sizes in a data descriptor; bit 11: UTF-8 names

const EMPTY = Buffer.alloc(0);

/** The data descriptor after an entry's data: its CRC and sizes. */
function descriptor(rec: Written): Buffer {
  const desc = Buffer.alloc(16);
  desc.writeUInt32LE(0x08074b50, 0);
  desc.writeUInt32LE(rec.crc >>> 0, 4);
  desc.writeUInt32LE(rec.csize, 8);
  desc.writeUInt32LE(rec.usize, 12);
  return desc;
}

/** Output failed or closed early: stop instead of waiting for a drain that never comes. */
export class ZipOutputError extends Error {}

/**
 * @example const zip = new ZipStream(res); const e = zip.entry('a.xml'); await e.write(bytes); await e.end(); await zip.finish()
 */
export class ZipStream {
  private offset = 0;
  private readonly done: Written[] = [];
  private failure: Error | null = null;
  private ending = false;
  private readonly time: number;
  private readonly date: number;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly level = 6,
  ) {
    out.once('error', (e: Error) => (this.failure = e));
    out.once('close', () => {
      if (!this.ending) this.failure ??= new ZipOutputError('output closed');
    });
    const d = new Date();
    this.time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
    this.date = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  }

  /** Throws once the output has failed. */
  check(): void {
    if (this.failure) throw this.failure;
  }

  private async put(b: Uint8Array): Promise<void> {
    this.check();
    this.offset += b.byteLength;
    if (!this.out.write(b)) await this.drained();
  }

  private async drained(): Promise<void> {
    await this.first('drain', 'close');
    this.check();
  }

  /**
   * Wait for whichever of the output's events comes first; the others' listeners go. Left behind, each wait added a
   * 'close' and an 'error' listener to the output, and a large workbook's hundreds of waits warned of a leak on the
   * user's terminal.
   */
  private async first(...events: string[]): Promise<void> {
    const settled = new AbortController();
    const out = this.out as unknown as NodeJS.EventEmitter;
    try {
      await Promise.race(events.map((e) => once(out, e, { signal: settled.signal })));
    } finally {
      settled.abort();
    }
  }

  /** Open an entry (the previous one must be ended). */
  entry(name: string): ZipEntry {
    const rec: Written = { name: Buffer.from(name, 'utf8'), crc: 0, csize: 0, usize: 0, offset: this.offset };
    const head = this.localHeader(rec);
    let started: Promise<void> | null = null;
    // Large output chunks: each one is a callback and a write on the main thread (16 KB, the default, made a sheet of
    // 250 MB cost ~1 s of callbacks).
    const deflate = zlib.createDeflateRaw({ level: this.level, chunkSize: 256 * 1024 });
    // Compressed bytes go out as they come; a full output pauses the deflater, which in turn holds back writes.
    deflate.on('data', (chunk: Buffer) => {
      rec.csize += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) {
        deflate.pause();
        void this.drained().then(
          () => deflate.resume(),
          () => deflate.destroy(),
        );
      }
    });
    const ended = once(deflate, 'end');
    const start = () => (started ??= this.put(head));
    return {
      write: async (bytes) => {
        await start();
        this.check();
        rec.crc = zlib.crc32(bytes, rec.crc);
        rec.usize += bytes.byteLength;
        if (!deflate.write(bytes)) await Promise.race([once(deflate, 'drain'), ended]);
      },
      end: async () => {
        await start();
        deflate.end();
        await ended;
        await this.put(descriptor(rec));
        this.done.push(rec);
      },
    };
  }

  /** The local header of an entry (sizes and CRC follow its data, in the descriptor). */
  private localHeader(rec: Written): Buffer {
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(FLAGS, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt16LE(this.time, 10);
    head.writeUInt16LE(this.date, 12);
    head.writeUInt16LE(rec.name.length, 26);
    return Buffer.concat([head, rec.name]);
  }

  /**
   * Write an entry whose content is `head` followed by a body deflated ahead (ended). The head is deflated here and
   * ended by a sync flush — on a byte boundary, without a final block — so the body's own deflate stream follows it
   * as the rest of one stream (a raw deflate stream's blocks never need the previous stream's window to be kept:
   * the body's back-references stay inside the body). The CRC of the whole is combined from both parts'.
   */
  async joined(name: string, head: Buffer, body: DeflatedPart): Promise<void> {
    const z = zlib.deflateRawSync(head, { level: this.level, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    const chunks = body.take();
    const rec: Written = {
      name: Buffer.from(name, 'utf8'),
      crc: crc32Combine(zlib.crc32(head), body.crc, body.usize),
      csize: z.length + body.csize,
      usize: head.length + body.usize,
      offset: this.offset,
    };
    await this.put(this.localHeader(rec));
    await this.put(z);
    for (let i = 0; i < chunks.length; i++) {
      await this.put(chunks[i]!);
      chunks[i] = EMPTY; // let each chunk go once written
    }
    await this.put(descriptor(rec));
    this.done.push(rec);
  }

  /** Write a whole entry at once. */
  async file(name: string, text: string): Promise<void> {
    const e = this.entry(name);
    await e.write(Buffer.from(text, 'utf8'));
    await e.end();
  }

  /** Central directory and end record; ends the output. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const r of this.done) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.time, 12);
      h.writeUInt16LE(this.date, 14);
      h.writeUInt32LE(r.crc >>> 0, 16);
      h.writeUInt32LE(r.csize, 20);
      h.writeUInt32LE(r.usize, 24);
      h.writeUInt16LE(r.name.length, 28);
      h.writeUInt32LE(r.offset, 42);
      await this.put(Buffer.concat([h, r.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.done.length, 8);
    end.writeUInt16LE(this.done.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.put(end);
    this.ending = true;
    this.out.end();
    if (!(this.out as { writableFinished?: boolean }).writableFinished) await this.first('finish', 'close');
    this.check();
  }
}
