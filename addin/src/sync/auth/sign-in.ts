// Which Microsoft sign-in path this Office offers: nested app authentication, else the Office dialog, else none.
import { ApiError, createApiClient, NO_ANSWER, type EntraPublicConfig } from '../../../../core/api/index.ts';
import type { ExcelPort } from '../../excel/port.ts';
import { loadMsal, naaToken, type MsalModule } from './naa.ts';

export interface MicrosoftToken {
  accessToken: string;
  expiresOn: number | null;
  name: string | null;
  via: 'naa' | 'dialog';
}

export type SignInPath = 'naa' | 'dialog' | 'none';

/**
 * @example signInPath(port.capabilities()) // 'naa' in Microsoft 365 hosts that support NestedAppAuth 1.1
 */
export function signInPath(caps: { nestedAppAuth: boolean; dialog: boolean }): SignInPath {
  if (caps.nestedAppAuth) return 'naa';
  if (caps.dialog) return 'dialog';
  return 'none';
}

/**
 * The server's public Entra settings, or null when it offers no Microsoft sign-in.
 * @example await entraConfig('https://phuluc.tinh.gov.vn')
 */
export async function entraConfig(server: string, f: typeof fetch = fetch): Promise<EntraPublicConfig | null> {
  // Public: no credential sent. No answer at all is an error; an error answer means no Microsoft sign-in.
  const client = createApiClient({ server, fetch: (url, init) => f(url, init), bearer: () => null });
  try {
    return (await client.config())?.entra ?? null;
  } catch (err) {
    if (err instanceof ApiError && err.status !== NO_ANSWER) return null;
    throw err;
  }
}

/**
 * An access token for the server, by the best path the host offers. The dialog page (addin/auth.html) signs in with
 * MSAL's redirect flow and sends `{ accessToken, expiresOn, name }` back as JSON.
 * @example const t = await microsoftToken(port, cfg, server)
 */
export async function microsoftToken(
  port: ExcelPort,
  cfg: EntraPublicConfig,
  server: string,
  msal: () => Promise<MsalModule> = () => loadMsal(),
): Promise<MicrosoftToken> {
  const path = signInPath(port.capabilities());
  if (path === 'naa') return { ...(await naaToken(await msal(), cfg)), via: 'naa' };
  if (path === 'dialog') {
    const q = new URLSearchParams({ clientId: cfg.clientId, tenantId: cfg.tenantId, audience: cfg.audience });
    const raw = await port.openDialog(`${server.replace(/\/+$/, '')}/addin/auth.html?${q}`);
    const msg = JSON.parse(raw) as { accessToken?: string; expiresOn?: number | null; name?: string | null; error?: string };
    if (!msg.accessToken) throw new Error(msg.error ?? 'sign-in cancelled');
    return { accessToken: msg.accessToken, expiresOn: msg.expiresOn ?? null, name: msg.name ?? null, via: 'dialog' };
  }
  throw new Error('no-microsoft-sign-in');
}
