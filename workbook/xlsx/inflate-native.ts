// Native zlib inflate and deflate for the server's .xlsx readers and copies (the browser build uses fflate).
import zlib from 'node:zlib';

/**
 * Inflate raw deflate data to at most `size` bytes: zlib stops at maxOutputLength and throws ERR_BUFFER_TOO_LARGE,
 * so a part that inflates past its declared size is refused without growing memory.
 * @example inflateEntry(bytes, entry, inflateRawNative)
 */
export function inflateRawNative(raw: Uint8Array, size: number): Uint8Array {
  return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, size) });
}

/**
 * Raw deflate at the usual level, for the parts a copy rewrites (workbook/xlsx/zip-write.ts).
 * @example fixedCopy(bytes, rounds, { inflate: inflateRawNative, deflate: deflateRawNative })
 */
export function deflateRawNative(data: Uint8Array): Uint8Array {
  return zlib.deflateRawSync(data, { level: 6 });
}
