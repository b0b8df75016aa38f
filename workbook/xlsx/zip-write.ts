// Write a zip from parts: parts kept as they were are copied compressed, byte for byte (never inflated and deflated
// again); changed and new parts are deflated. Portable (fflate by default): the browser's copies use it too.
import { deflateSync } from 'fflate';
import type { ZipEntry } from './zip.ts';

/** A part to write: new bytes (deflated here), or an entry of `source` copied as it is. */
export type ZipPart = { name: string; data: Uint8Array } | { name: string; copy: ZipEntry; source: Uint8Array };

/** Raw deflate; the server passes Node's zlib, several times faster than fflate. */
export type RawDeflate = (data: Uint8Array) => Uint8Array;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** @example crc32(new TextEncoder().encode('abc')) // 0x352441c2 */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The zip of `parts`, in their order.
 * @example writeZip([{ name: 'a.xml', data }, { name: 'b.png', copy: entry, source: original }])
 */
export function writeZip(parts: ZipPart[], deflate: RawDeflate = (d) => deflateSync(d, { level: 6 })): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  // DOS time of 1980-01-01 00:00: the copy does not depend on when it was made.
  const time = 0;
  const date = (1 << 5) | 1;
  for (const part of parts) {
    const name = encoder.encode(part.name);
    let method: number;
    let crc: number;
    let size: number;
    let body: Uint8Array;
    if ('copy' in part) {
      const e = part.copy;
      method = e.method;
      crc = e.crc ?? 0;
      size = e.size;
      body = part.source.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    } else {
      crc = crc32(part.data);
      size = part.data.length;
      const packed = size > 0 ? deflate(part.data) : new Uint8Array(0);
      // Stored when deflating does not pay (tiny or already compressed parts).
      method = size > 0 && packed.length < size ? 8 : 0;
      body = method === 8 ? packed : part.data;
    }
    const flags = /[^\x20-\x7e]/.test(part.name) ? 0x0800 : 0;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    chunks.push(local, body);
    central.push(cd);
    offset += local.length + body.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
