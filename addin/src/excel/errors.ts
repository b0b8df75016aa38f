// Excel failures the pane can explain: Office.js error codes → ExcelLayerError with a Vietnamese and an English message.
import { ExcelLayerError, type ExcelErrorCode } from './port.ts';

const MESSAGES: Record<ExcelErrorCode, { vi: string; en: string }> = {
  'cell-edit-mode': {
    vi: 'Hãy thoát khỏi chế độ sửa ô (nhấn Enter hoặc Esc) rồi thử lại.',
    en: 'Leave cell-edit mode (press Enter or Esc) and try again.',
  },
  timeout: {
    vi: 'Excel không phản hồi sau {detail} giây. Hãy đợi Excel xử lý xong rồi thử lại; nếu vẫn vậy, hãy lưu tệp và mở lại.',
    en: 'Excel did not respond within {detail} seconds. Wait until Excel is idle and try again; if it persists, save and reopen the file.',
  },
  'payload-too-large': {
    vi: 'Dữ liệu trao đổi với Excel vượt giới hạn 5 MB cho một lần (Excel trên web). Hãy thao tác trên ít ô hơn, hoặc dùng Excel trên máy tính.',
    en: 'The data exchanged with Excel exceeds the 5 MB per-request limit (Excel on the web). Work on fewer cells, or use Excel desktop.',
  },
  unsupported: {
    vi: 'Phiên bản Excel này chưa hỗ trợ thao tác này (cần ExcelApi {detail}). Hãy cập nhật Office hoặc dùng Excel trên web.',
    en: 'This version of Excel does not support this operation (needs ExcelApi {detail}). Update Office or use Excel on the web.',
  },
  'sheet-not-found': {
    vi: 'Không tìm thấy trang tính “{detail}”. Có thể trang đã bị đổi tên hoặc xóa.',
    en: 'Sheet "{detail}" was not found; it may have been renamed or deleted.',
  },
  'office-error': { vi: 'Excel báo lỗi: {detail}', en: 'Excel reported an error: {detail}' },
};

/**
 * @example throw layerError('sheet-not-found', 'PL II')
 */
export function layerError(code: ExcelErrorCode, detail: string | { vi: string; en: string } = '', cause?: unknown): ExcelLayerError {
  const m = MESSAGES[code];
  const d = typeof detail === 'string' ? { vi: detail, en: detail } : detail;
  return new ExcelLayerError(code, m.vi.replace('{detail}', d.vi), m.en.replace('{detail}', d.en), cause);
}

/**
 * The `code` of an OfficeExtension.Error (or of anything shaped like one).
 * @example officeCode({ code: 'ItemNotFound' }) // 'ItemNotFound'
 */
export function officeCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

/**
 * Map an Office error to an ExcelLayerError. Errors without an Office code are bugs, not Excel's answer: rethrown as is.
 * @example catch (err) { throw toLayerError(err, { sheet: 'PL I' }) }
 */
export function toLayerError(err: unknown, ctx: { sheet?: string } = {}): unknown {
  if (err instanceof ExcelLayerError) return err;
  const code = officeCode(err);
  if (code === undefined) return err;
  if (code === 'InvalidOperationInCellEditMode') return layerError('cell-edit-mode', '', err);
  if (PAYLOAD_CODES.has(code)) return layerError('payload-too-large', '', err);
  // Excel does not say which requirement set was missing; the layer checks the sets it knows before using them.
  if (code === 'ApiNotFound') return layerError('unsupported', { vi: 'bản mới hơn', en: 'a newer version' }, err);
  if (code === 'ItemNotFound' && ctx.sheet !== undefined) return layerError('sheet-not-found', ctx.sheet, err);
  const message = err instanceof Error ? err.message : String(err);
  return layerError('office-error', `${code}: ${message}`, err);
}
