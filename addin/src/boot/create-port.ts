// The real Excel port over the host's Excel and Office objects (addin/src/excel/ is the only place Office.js is called).
import { createExcelPort, type ExcelHost, type ExcelPort } from '../excel/index.ts';
import type { Lang } from '../i18n/index.ts';
import type { OfficeHost } from './host.ts';

/**
 * @example const port = createPort({ Excel, Office }, { lang: 'vi' })
 */
export function createPort(host: OfficeHost, opts: { lang: Lang }): ExcelPort {
  // The notes attached to marked cells are written in the language the pane opened in.
  return createExcelPort(host as ExcelHost, { lang: opts.lang });
}
