// The real Excel port over the host's Excel and Office objects (addin/src/excel/ is the only place Office.js is called).
// From lazy-port.ts itself, not the layer's index: the index also re-exports port-impl, which the first load leaves out.
import type { ExcelHost, ExcelPort } from '../excel/index.ts';
import { createLazyExcelPort } from '../excel/lazy-port.ts';
import type { Lang } from '../i18n/index.ts';
import type { OfficeHost } from './host.ts';

/**
 * @example const port = createPort({ Excel, Office }, { lang: 'vi' })
 */
export function createPort(host: OfficeHost, opts: { lang: Lang }): ExcelPort {
  // The notes attached to marked cells are written in the language the pane opened in.
  return createLazyExcelPort(host as ExcelHost, { lang: opts.lang });
}
