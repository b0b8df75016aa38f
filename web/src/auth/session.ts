// Who is signed in: the server's public config (is Microsoft sign-in offered?) and /api/me for the stored credentials.
import { ApiFailure, apiJson } from '../api/client.ts';
import type { Me, ServerConfig } from '../api/types.ts';
import { credentials, forget } from '../api/credentials.ts';

export interface Session {
  me: Me | null;
  config: ServerConfig;
  /** Why the stored credentials could not be used (a 401 forgets them). */
  error: ApiFailure | null;
}

/**
 * Load the session; never throws (a failure is in `error`).
 * @example const s = await loadSession(); if (s.me?.principal.role === 'editor') …
 */
export async function loadSession(): Promise<Session> {
  const config = await apiJson<ServerConfig>('/api/config', { bearer: null }).catch((): ServerConfig => ({ entra: null }));
  if (!credentials()) return { me: null, config, error: null };
  try {
    return { me: await apiJson<Me>('/api/me'), config, error: null };
  } catch (err) {
    const failure = err instanceof ApiFailure ? err : new ApiFailure(0, 'unknown', String(err), String(err));
    // A token the server no longer accepts is of no use on this computer.
    if (failure.status === 401) forget();
    return { me: null, config, error: failure };
  }
}
