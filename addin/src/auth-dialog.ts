// The Office dialog's page (addin/auth.html): sign in with MSAL's redirect flow, then hand the access token to the
// task pane with messageParent. Used only where the host lacks nested app authentication (NestedAppAuth 1.1).
import { messageParent } from './excel/dialog.ts';

const KEY = 'phuluc.auth.dialog';

interface DialogConfig {
  clientId: string;
  tenantId: string;
  audience: string;
}

async function main(): Promise<void> {
  const office = (window as unknown as { Office: typeof Office }).Office;
  await office.onReady();
  // The query is gone after Microsoft redirects back here: keep it for the second visit.
  const q = new URLSearchParams(location.search);
  if (q.get('clientId'))
    sessionStorage.setItem(KEY, JSON.stringify({ clientId: q.get('clientId'), tenantId: q.get('tenantId'), audience: q.get('audience') }));
  const cfg = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as DialogConfig | null;
  if (!cfg) throw new Error('missing sign-in settings');
  const { createStandardPublicClientApplication } = await import('@azure/msal-browser');
  const pca = await createStandardPublicClientApplication({
    auth: {
      clientId: cfg.clientId,
      authority: `https://login.microsoftonline.com/${cfg.tenantId}`,
      redirectUri: `${location.origin}${location.pathname}`,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  const scopes = [`${cfg.audience.replace(/\/+$/, '')}/.default`];
  const back = await pca.handleRedirectPromise();
  if (back) {
    sessionStorage.removeItem(KEY);
    messageParent(
      office,
      JSON.stringify({
        accessToken: back.accessToken,
        expiresOn: back.expiresOn?.getTime() ?? null,
        name: back.account?.name ?? back.account?.username ?? null,
      }),
    );
    return;
  }
  await pca.loginRedirect({ scopes });
}

main().catch((err: unknown) => {
  const office = (window as unknown as { Office?: typeof Office }).Office;
  if (office) messageParent(office, JSON.stringify({ error: err instanceof Error ? err.message : String(err) }));
  const el = document.getElementById('status');
  if (el) el.textContent = 'Không đăng nhập được. / Sign-in failed.';
});
