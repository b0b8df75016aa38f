// Microsoft 365 sign-in inside Office: MSAL's nestable public client (nested app authentication), loaded on demand.
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { EntraPublicConfig } from '../../../../core/api/index.ts';

/** The Entra settings the server advertises at /api/config (a SPA client id, the tenant, the API's audience). */
export type { EntraPublicConfig } from '../../../../core/api/index.ts';

/** What the pane needs of @azure/msal-browser; browser tests inject a stub with the same shape. */
export interface MsalModule {
  createNestablePublicClientApplication(cfg: {
    auth: { clientId: string; authority?: string };
  }): Promise<Pick<IPublicClientApplication, 'acquireTokenSilent' | 'acquireTokenPopup'>>;
}

interface MsalWindow {
  __PHULUC_TEST_MSAL__?: MsalModule;
}

/**
 * MSAL itself, or the stub a browser test put on window (so no Microsoft endpoint is ever called in tests).
 * @example const msal = await loadMsal()
 */
export async function loadMsal(w: MsalWindow = globalThis as MsalWindow): Promise<MsalModule> {
  if (w.__PHULUC_TEST_MSAL__) return w.__PHULUC_TEST_MSAL__;
  return (await import('@azure/msal-browser')) as unknown as MsalModule;
}

/**
 * The scope that asks for an access token to the phuluc API.
 * @example apiScopes({ clientId, tenantId, audience: 'api://phuluc' }) // ['api://phuluc/.default']
 */
export function apiScopes(cfg: EntraPublicConfig): string[] {
  return [`${cfg.audience.replace(/\/+$/, '')}/.default`];
}

/**
 * An access token for the phuluc API through nested app authentication: silently from Office's signed-in account,
 * else with MSAL's popup (consent, MFA).
 * @example const { accessToken } = await naaToken(await loadMsal(), cfg)
 */
export async function naaToken(
  msal: MsalModule,
  cfg: EntraPublicConfig,
): Promise<{ accessToken: string; expiresOn: number | null; name: string | null }> {
  const pca = await msal.createNestablePublicClientApplication({
    auth: { clientId: cfg.clientId, authority: `https://login.microsoftonline.com/${cfg.tenantId}` },
  });
  const request = { scopes: apiScopes(cfg) };
  let res;
  try {
    res = await pca.acquireTokenSilent(request);
  } catch {
    // No cached token or consent needed: MSAL's own popup (allowed inside Office with NAA).
    res = await pca.acquireTokenPopup(request);
  }
  return {
    accessToken: res.accessToken,
    expiresOn: res.expiresOn ? res.expiresOn.getTime() : null,
    name: res.account?.name ?? res.account?.username ?? null,
  };
}
