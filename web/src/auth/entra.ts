// Microsoft Entra ID sign-in with MSAL (popup; the popup lands on /dang-nhap, the redirect bridge), loaded only when
// the button is pressed. The access token goes to the sync server, which verifies it like any bearer.
import type { ServerConfig } from '../../../core/api/index.ts';
import { rememberEntra } from '../api/credentials.ts';

type EntraConfig = NonNullable<ServerConfig['entra']>;

/**
 * Open the Microsoft sign-in popup and keep the access token for this tab.
 * @example await signInWithMicrosoft({ clientId, tenantId, audience: 'api://phuluc' })
 */
export async function signInWithMicrosoft(cfg: EntraConfig): Promise<void> {
  const { createStandardPublicClientApplication } = await import('@azure/msal-browser');
  const pca = await createStandardPublicClientApplication({
    auth: {
      clientId: cfg.clientId,
      authority: `https://login.microsoftonline.com/${cfg.tenantId}`,
      redirectUri: `${location.origin}/dang-nhap`,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  const scopes = [`${cfg.audience.replace(/\/+$/, '')}/.default`];
  const res = await pca.loginPopup({ scopes });
  rememberEntra(res.accessToken, res.expiresOn);
}
