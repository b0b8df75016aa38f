// The fake's error: shaped like OfficeExtension.Error (code, message, debugInfo) so the layer maps it as it would Excel's.

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** @example throw fail('ItemNotFound', 'No sheet "X"', 'WorksheetCollection.getItem') */
export function fail(code: string, message: string, where?: string): FakeOfficeError {
  return new FakeOfficeError(code, message, where);
}
