// Where the page keeps what it signs in with: a server token (localStorage, until "Đăng xuất") or a Microsoft
// access token (this tab only, sessionStorage, it expires within the hour).

const TOKEN_KEY = 'phuluc.token';
const ENTRA_KEY = 'phuluc.entra';

export interface Credentials {
  kind: 'token' | 'entra';
  bearer: string;
}

function storage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? localStorage : sessionStorage;
  } catch {
    return null;
  }
}

/**
 * The credentials to send, or null when signed out (an expired Microsoft token counts as signed out).
 * @example const bearer = credentials()?.bearer
 */
export function credentials(): Credentials | null {
  const token = storage('local')?.getItem(TOKEN_KEY);
  if (token) return { kind: 'token', bearer: token };
  const raw = storage('session')?.getItem(ENTRA_KEY);
  if (raw) {
    try {
      const e = JSON.parse(raw) as { accessToken: string; expiresOn: number };
      if (e.expiresOn > Date.now() + 60_000) return { kind: 'entra', bearer: e.accessToken };
    } catch {
      // A damaged entry is the same as none.
    }
    storage('session')?.removeItem(ENTRA_KEY);
  }
  return null;
}

/**
 * Remember a server token (phl_…) on this computer.
 * @example rememberToken('phl_abc…')
 */
export function rememberToken(token: string): void {
  storage('local')?.setItem(TOKEN_KEY, token.trim());
}

/**
 * Keep a Microsoft access token for this tab.
 * @example rememberEntra(result.accessToken, result.expiresOn)
 */
export function rememberEntra(accessToken: string, expiresOn: Date | null): void {
  storage('session')?.setItem(ENTRA_KEY, JSON.stringify({ accessToken, expiresOn: expiresOn?.getTime() ?? Date.now() + 30 * 60_000 }));
}

/**
 * "Đăng xuất": forget every credential.
 * @example forget(); location.reload()
 */
export function forget(): void {
  storage('local')?.removeItem(TOKEN_KEY);
  storage('session')?.removeItem(ENTRA_KEY);
}
