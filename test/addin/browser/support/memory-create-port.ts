// Replaces addin/src/boot/create-port.ts in the test build while the real Excel layer is missing: the memory host
// carries its own port.
import type { ExcelPort } from '../../../../addin/src/excel/port.ts';
import type { OfficeHost } from '../../../../addin/src/boot/host.ts';

export function createPort(host: OfficeHost, _opts: { lang: string }): ExcelPort {
  return (host.Excel as { port: ExcelPort }).port;
}
