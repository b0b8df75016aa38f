// The fake `Excel` namespace: run() and the enums the layer uses, each a strict object.
import type { Runtime } from './runtime.ts';
import { strictObject } from './strict.ts';

/**
 * Excel.run(batch) or Excel.run(options, batch), plus enums.
 * @example await createExcel(rt).run(async (context) => { … await context.sync(); })
 */
export function createExcel(rt: Runtime) {
  return strictObject('Excel', {
    run: (a: unknown, b?: unknown) => {
      const batch = (typeof a === 'function' ? a : b) as (ctx: unknown) => Promise<unknown>;
      return rt.run(batch);
    },
    DeleteShiftDirection: strictObject('Excel.DeleteShiftDirection', { up: 'Up', left: 'Left' }),
    InsertShiftDirection: strictObject('Excel.InsertShiftDirection', { down: 'Down', right: 'Right' }),
    SheetVisibility: strictObject('Excel.SheetVisibility', { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' }),
    DataValidationAlertStyle: strictObject('Excel.DataValidationAlertStyle', {
      stop: 'Stop',
      warning: 'Warning',
      information: 'Information',
    }),
    BorderLineStyle: strictObject('Excel.BorderLineStyle', { none: 'None', continuous: 'Continuous' }),
    BorderWeight: strictObject('Excel.BorderWeight', { hairline: 'Hairline', thin: 'Thin', medium: 'Medium', thick: 'Thick' }),
    HorizontalAlignment: strictObject('Excel.HorizontalAlignment', { general: 'General', left: 'Left', center: 'Center', right: 'Right' }),
    VerticalAlignment: strictObject('Excel.VerticalAlignment', { top: 'Top', center: 'Center', bottom: 'Bottom' }),
    FillPattern: strictObject('Excel.FillPattern', { none: 'None', solid: 'Solid' }),
    ErrorCodes: strictObject('Excel.ErrorCodes', {
      invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
      itemNotFound: 'ItemNotFound',
      itemAlreadyExists: 'ItemAlreadyExists',
      invalidArgument: 'InvalidArgument',
      apiNotFound: 'ApiNotFound',
    }),
  });
}
