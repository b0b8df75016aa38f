// A failure shown to the user: the Excel layer's own message in the showing language, else the error's text.
import { ExcelLayerError } from '../excel/port.ts';
import type { Notice } from './pane-state.ts';

/** @example store.set({ notice: errorNotice(err) }) */
export function errorNotice(err: unknown): Notice {
  if (err instanceof ExcelLayerError)
    return { intent: 'error', text: (s, lang) => `${s.errorPrefix}: ${lang === 'vi' ? err.message : err.messageEn}` };
  const msg = err instanceof Error ? err.message : String(err);
  return { intent: 'error', text: (s) => `${s.errorPrefix}: ${msg}` };
}
