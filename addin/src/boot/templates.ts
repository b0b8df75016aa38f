// The standard .xlsx templates, built into the pane as hashed assets and fetched when inserted.
import indicatorsUrl from '../../../templates/phu-luc-chi-tieu.xlsx?url';
import tasksUrl from '../../../templates/phu-luc-nhiem-vu.xlsx?url';
import type { TemplateKind } from '../logic/template-values.ts';

const URLS: Record<TemplateKind, string> = { tasks: tasksUrl, indicators: indicatorsUrl };

/**
 * The template as base64 (what insertWorksheetsFromBase64 takes); null when it cannot be fetched.
 * @example const b64 = await loadTemplate('tasks')
 */
export async function loadTemplate(kind: TemplateKind, fetcher: typeof fetch = fetch): Promise<string | null> {
  const res = await fetcher(URLS[kind]);
  if (!res.ok) return null;
  return toBase64(new Uint8Array(await res.arrayBuffer()));
}

/** Base64 of bytes, in chunks (String.fromCharCode with a spread of 18 KB would overflow the argument limit). */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}
