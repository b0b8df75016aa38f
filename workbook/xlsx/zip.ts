// A guarded zip reader: the central directory is checked before anything is inflated, and inflation stops at a cap.
import { Inflate } from 'fflate';
import { WorkbookReadError } from './errors.ts';
import { formatBytes, MAX_INFLATE_RATIO, RATIO_FREE_BYTES, type ReadLimits } from './limits.ts';

export interface ZipEntry {
  name: string;
  method: number;
  /** CRC-32 of the uncompressed data, from the central directory (a copy writes it unchanged). */
  crc?: number;
  compressedSize: number;
  size: number;
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

/**
 * List a zip's entries from its central directory; throws WorkbookReadError('corrupt') when it is not a readable zip.
 * @example listEntries(bytes).map((e) => e.name) // ['[Content_Types].xml', 'xl/workbook.xml', …]
 */
export function listEntries(bytes: Uint8Array): ZipEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (dv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new WorkbookReadError('corrupt', 'thiếu mục lục zip / no zip directory — tệp bị cắt cụt?');
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const out: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CDH)
      throw new WorkbookReadError('corrupt', 'mục lục zip hỏng / bad zip directory');
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw new WorkbookReadError('too-large', 'ZIP64');
    if (local + 30 > bytes.length || dv.getUint32(local, true) !== LFH)
      throw new WorkbookReadError('corrupt', `phần “${name}” / part "${name}"`);
    const dataOffset = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (dataOffset + compressedSize > bytes.length) throw new WorkbookReadError('corrupt', 'tệp bị cắt cụt / truncated file');
    out.push({ name, method, crc, compressedSize, size, dataOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * Refuse before inflating: declared sizes over the limits, or parts that inflate far more than any workbook does
 * (MAX_INFLATE_RATIO, past RATIO_FREE_BYTES), mean a bomb or an absurd workbook. A size that lies is caught while
 * inflating (inflateEntry never produces more than the declared size).
 * @example checkDeclaredSizes(listEntries(bytes), DEFAULT_LIMITS)
 */
export function checkDeclaredSizes(entries: ZipEntry[], limits: ReadLimits): void {
  let total = 0;
  let packed = 0;
  for (const e of entries) {
    if (e.size > limits.maxPartBytes) throw new WorkbookReadError('zip-bomb', `${e.name}: ${formatBytes(e.size)}`);
    if (e.size > RATIO_FREE_BYTES && e.size > MAX_INFLATE_RATIO * e.compressedSize)
      throw new WorkbookReadError('zip-bomb', `${e.name}: ${ratioText(e.size, e.compressedSize)}`);
    total += e.size;
    packed += e.compressedSize;
  }
  if (total > limits.maxTotalBytes) throw new WorkbookReadError('zip-bomb', formatBytes(total));
  if (total > RATIO_FREE_BYTES && total > MAX_INFLATE_RATIO * packed) throw new WorkbookReadError('zip-bomb', ratioText(total, packed));
}

function ratioText(size: number, packed: number): string {
  return `${formatBytes(packed)} → ${formatBytes(size)}, ${Math.round(size / Math.max(1, packed)).toLocaleString('vi-VN')} : 1`;
}

/**
 * Inflates a package's entries on demand and counts the bytes each call produces against `limits.maxTotalBytes`:
 * reading a part twice counts twice, so no trick of the workbook's structure makes the reader inflate more than the
 * limit, whatever the declared sizes add up to.
 * @example const parts = new PartInflater(bytes, DEFAULT_LIMITS, inflateRawNative); parts.read(entry)
 */
export class PartInflater {
  /** Bytes inflated so far (each read counted). */
  used = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ReadLimits,
    private readonly inflate?: RawInflate,
  ) {}

  /** The entry's bytes; throws WorkbookReadError('zip-bomb') before inflating past the budget. */
  read(e: ZipEntry): Uint8Array {
    // inflateEntry returns exactly e.size bytes or throws: counting the size first counts what is inflated.
    if (this.used + e.size > this.limits.maxTotalBytes) {
      throw new WorkbookReadError('zip-bomb', `${e.name}: ${formatBytes(this.used + e.size)} > ${formatBytes(this.limits.maxTotalBytes)}`);
    }
    this.used += e.size;
    return inflateEntry(this.bytes, e, this.inflate);
  }
}

/** Inflates raw deflate data to at most `size` bytes; throws a RangeError when the data inflates past it. */
export type RawInflate = (raw: Uint8Array, size: number) => Uint8Array;

/**
 * Inflate one entry, never producing more than its declared size (a lying header cannot grow memory).
 * `inflate` defaults to fflate's JavaScript inflate, which runs in the browser too; the server passes native zlib
 * (workbook/xlsx/inflate-native.ts), several times faster over thousands of workbooks.
 * @example new TextDecoder().decode(inflateEntry(bytes, entry))
 */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry, inflate: RawInflate = inflateRawJs): Uint8Array {
  const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 0) return raw;
  if (e.method !== 8) throw new WorkbookReadError('corrupt', `nén kiểu ${e.method} / compression method ${e.method}`);
  let out: Uint8Array;
  try {
    out = inflate(raw, e.size);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
      throw new WorkbookReadError('zip-bomb', `${e.name}`);
    throw new WorkbookReadError('corrupt', `${e.name}: ${(err as Error).message}`);
  }
  if (out.length !== e.size) throw new WorkbookReadError(out.length > e.size ? 'zip-bomb' : 'corrupt', `${e.name}`);
  return out;
}

/** fflate, streamed in 64 KiB pieces, stopping with a RangeError as soon as the output would pass `size`. */
function inflateRawJs(raw: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let n = 0;
  const inflater = new Inflate((chunk) => {
    if (n + chunk.length > size) throw new RangeError('inflated past the declared size');
    out.set(chunk, n);
    n += chunk.length;
  });
  for (let i = 0; i < raw.length; i += 65_536) inflater.push(raw.subarray(i, Math.min(raw.length, i + 65_536)), i + 65_536 >= raw.length);
  if (raw.length === 0) inflater.push(new Uint8Array(0), true);
  return n === size ? out : out.subarray(0, n);
}
