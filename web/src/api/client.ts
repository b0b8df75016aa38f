// Calls to the sync server from the pages: the one client (core/api) with the stored credentials attached; a failure is
// the one ApiError, the server's own code and words kept (never a generic "server error").
import { ApiError, createApiClient, type ApiClient } from '../../../core/api/index.ts';
import { en } from '../i18n/en.ts';
import { pick } from '../i18n/index.ts';
import { vi } from '../i18n/vi.ts';
import { credentials } from './credentials.ts';

export { ApiError } from '../../../core/api/index.ts';

export type PageApi = ApiClient<FormData, Response>;

/**
 * The client, with the stored credentials; `bearer` instead of them (a token checked before it is remembered), or
 * null for none (the public configuration).
 * @example const me = await api().me()
 */
export function api(bearer?: string | null): PageApi {
  return createApiClient<FormData, Response>({
    fetch: (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store' }),
    bearer: () => (bearer === undefined ? (credentials()?.bearer ?? null) : bearer),
    offline: { message: vi.common.network, messageEn: en.common.network },
  });
}

/**
 * A failure's message in the page's language (anything thrown becomes an ApiError first).
 * @example error.textContent = failureText(err)
 */
export function failureText(err: unknown): string {
  return pick(ApiError.of(err));
}
