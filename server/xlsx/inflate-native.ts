// Native zlib inflate for the server's .xlsx readers (the browser build uses zip.ts's fflate default).
import zlib from 'node:zlib';

/**
 * Inflate raw deflate data to at most `size` bytes: zlib stops at maxOutputLength and throws ERR_BUFFER_TOO_LARGE,
 * so a part that inflates past its declared size is refused without growing memory.
 * @example inflateEntry(bytes, entry, inflateRawNative)
 */
export function inflateRawNative(raw: Uint8Array, size: number): Uint8Array {
  return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, size) });
}
