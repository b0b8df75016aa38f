// The pasted server token, remembered per user in the pane's own storage (never in the workbook), per server.
const PREFIX = 'phuluc.token:';

/** The part of Web Storage the store needs (tests pass a Map-backed one). */
export type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * @example rememberToken(localStorage, 'https://phuluc.tinh.gov.vn', 'phl_…')
 */
export function rememberToken(storage: KeyValue | undefined, server: string, token: string): void {
  try {
    storage?.setItem(PREFIX + serverKey(server), token.trim());
  } catch {
    // Storage blocked by policy: the token lasts for this session only (the caller keeps it in memory).
  }
}

/** @example savedToken(localStorage, 'https://phuluc.tinh.gov.vn') // 'phl_…' or null */
export function savedToken(storage: KeyValue | undefined, server: string): string | null {
  try {
    return storage?.getItem(PREFIX + serverKey(server)) ?? null;
  } catch {
    return null;
  }
}

/** "Quên token": remove it from this computer. */
export function forgetToken(storage: KeyValue | undefined, server: string): void {
  try {
    storage?.removeItem(PREFIX + serverKey(server));
  } catch {
    // Nothing was stored.
  }
}

/** The same server written with or without a trailing slash is one key. */
function serverKey(server: string): string {
  return server.trim().replace(/\/+$/, '').toLowerCase();
}

/**
 * localStorage when the page may use it.
 * @example const storage = browserStorage()
 */
export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
