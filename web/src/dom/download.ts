// Hand a Blob made in the page to the browser as a download (object URL, revoked once the click is handled).
import { h } from './h.ts';

/**
 * Save `blob` as `filename`.
 * @example saveBlob(new Blob([bytes], { type: XLSX_TYPE }), 'ke-hoach.da-sua.xlsx')
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A file name without its extension.
 * @example baseName('Kế hoạch.xlsx') // 'Kế hoạch'
 */
export function baseName(name: string): string {
  return name.replace(/\.[^.]*$/, '') || 'phu-luc';
}
