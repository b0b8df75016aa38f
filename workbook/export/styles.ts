// Shared look of the workbooks phuluc writes: Times New Roman (Decree 30/2020/NĐ-CP), thin borders, severity fills.
import type ExcelJS from 'exceljs';
import type { Severity } from '../../core/validate/index.ts';
import { SEVERITY_FILL as CORE_FILL, SEVERITY_LABEL } from '../../core/validate/index.ts';

export const FONT = 'Times New Roman';

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** The severity fills every output uses (core/validate/present.ts), as exceljs ARGB. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: `FF${CORE_FILL.error}`,
  warning: `FF${CORE_FILL.warning}`,
  info: `FF${CORE_FILL.info}`,
};

export { SEVERITY_LABEL };

export function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}
