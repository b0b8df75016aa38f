// The checks every .xlsx reader runs before it inflates anything: size, container, part names, declared sizes.
import { WorkbookReadError } from './errors.ts';
import { formatBytes, type ReadLimits } from './limits.ts';
import { sniffContainer, sniffParts } from './sniff.ts';
import { checkDeclaredSizes, listEntries, type ZipEntry } from './zip.ts';

/**
 * The zip entries of an .xlsx once the file's size, kind and declared part sizes are known to be within `limits`.
 * Throws WorkbookReadError (too-large, empty, encrypted, legacy-xls, not-xlsx, ods, xlsb, corrupt, zip-bomb …).
 * @example const entries = openWorkbookZip(bytes, DEFAULT_LIMITS)
 */
export function openWorkbookZip(bytes: Uint8Array, limits: ReadLimits): ZipEntry[] {
  if (bytes.length > limits.maxFileBytes)
    throw new WorkbookReadError('too-large', `${formatBytes(bytes.length)} > ${formatBytes(limits.maxFileBytes)}`);
  sniffContainer(bytes);
  const entries = listEntries(bytes);
  sniffParts(entries);
  checkDeclaredSizes(entries, limits);
  return entries;
}
