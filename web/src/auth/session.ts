// Who is signed in: the server's public config (is Microsoft sign-in offered?) and /api/me for the stored credentials.
import type { MeAnswer, ServerConfig } from '../../../core/api/index.ts';
import { api, ApiError } from '../api/client.ts';
import { credentials, forget } from '../api/credentials.ts';

export interface Session {
  me: MeAnswer | null;
  config: ServerConfig;
  /** Why the stored credentials could not be used (a 401 forgets them). */
  error: ApiError | null;
}

/**
 * Load the session; never throws (a failure is in `error`).
 * @example const s = await loadSession(); if (s.me?.principal.role === 'editor') …
 */
export async function loadSession(): Promise<Session> {
  const config = await api(null)
    .config()
    .catch((): ServerConfig => ({ entra: null }));
  if (!credentials()) return { me: null, config, error: null };
  try {
    return { me: await api().me(), config, error: null };
  } catch (err) {
    const failure = ApiError.of(err);
    // A token the server no longer accepts is of no use on this computer.
    if (failure.status === 401) forget();
    return { me: null, config, error: failure };
  }
}
