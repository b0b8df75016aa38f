// Who the pane acts as: bind, sign in (pasted token or Microsoft 365), GET /api/me, sign out; sign-in releases pushes.
import { ApiError, type MeAnswer } from '../../../core/api/index.ts';
import type { SignedIn } from '../state/sync-state.ts';
import { entraConfig, signInPath } from './auth/sign-in.ts';
import { saveBinding, type SyncBinding } from './binding.ts';
import type { SyncContext } from './context.ts';
import type { Credentials } from './credentials.ts';

/** Signed in with a pasted token; the server's /api/me fills in the name and role. */
const tokenAuth = (): SignedIn => ({ kind: 'token', name: null, role: null });

/** @example const account = createAccount(ctx, creds, delivery.release); await account.useToken('phl_…') */
export function createAccount(ctx: SyncContext, creds: Credentials, release: () => Promise<void>) {
  /** Offer Microsoft sign-in when the server has Entra settings and this Office has a way to use them. */
  async function checkMicrosoft(server: string): Promise<void> {
    const possible = signInPath(ctx.port.capabilities()) !== 'none';
    const cfg = possible ? await entraConfig(server, ctx.fetch).catch(() => null) : null;
    ctx.setSync({ microsoft: cfg !== null });
  }

  async function whoAmI(server: string): Promise<void> {
    let me: MeAnswer;
    try {
      me = await creds.apiFor(server).me();
    } catch (err) {
      // Refused (revoked, expired, unknown token, or signed out): the server's own words. No answer, or another error
      // status, leaves the sign-in as it is.
      if (!(err instanceof ApiError) || err.status === 401) throw err;
      return;
    }
    const { principal } = me;
    const auth = ctx.sync().auth;
    if (auth)
      ctx.setSync({
        auth: {
          ...auth,
          name: principal.name ?? principal.subject,
          role: [principal.role, principal.communeCode ?? principal.provinceCode].filter(Boolean).join(' '),
        },
      });
  }

  return {
    /** Signed in when the pane opens: a token this user saved for the bound server (a Microsoft token never outlives the pane). */
    savedAuth: (binding: SyncBinding | null): SignedIn | null => (binding && creds.hasSaved(binding.server) ? tokenAuth() : null),
    /** After init: whether Microsoft sign-in is offered, and (not awaited, failures ignored) who the saved token is. */
    resume(binding: SyncBinding): void {
      void checkMicrosoft(binding.server);
      if (ctx.sync().auth) void whoAmI(binding.server).catch(() => undefined);
    },
    async bind(b: Omit<SyncBinding, 'baseSeq'>): Promise<void> {
      const old = ctx.sync().binding;
      // The base revision belongs to the plan: rebinding to another plan starts from 0.
      const same = old && old.server === b.server && old.commune === b.commune && old.planKey === b.planKey;
      const next: SyncBinding = { ...b, server: b.server.trim().replace(/\/+$/, ''), baseSeq: same ? old.baseSeq : 0 };
      await saveBinding(ctx.port, next);
      ctx.setSync({ binding: next, auth: creds.hasSaved(next.server) ? tokenAuth() : creds.hasMicrosoft() ? ctx.sync().auth : null });
      ctx.say('success', (s) => s.bindingSaved);
      await checkMicrosoft(next.server);
    },
    async useToken(token: string): Promise<void> {
      const { b } = creds.bound();
      creds.usePasted(b.server, token.trim());
      ctx.setSync({ auth: tokenAuth() });
      try {
        await whoAmI(b.server);
      } catch (err) {
        // A token the server refuses is not kept.
        creds.forget(b.server);
        ctx.setSync({ auth: null });
        throw err;
      }
      ctx.say('success', (s) => s.signedIn);
      await release();
    },
    async signInMicrosoft(): Promise<void> {
      const { b } = creds.bound();
      const cfg = await entraConfig(b.server, ctx.fetch);
      if (!cfg)
        throw new ApiError(
          400,
          'no-entra',
          'Máy chủ này không bật đăng nhập Microsoft 365.',
          'This server does not offer Microsoft 365 sign-in.',
        );
      const ms = await creds.useMicrosoft(b.server, cfg);
      ctx.setSync({ auth: { kind: 'microsoft', name: ms.name, role: null, via: ms.via } });
      await whoAmI(b.server);
      ctx.say('success', (s) => s.signedIn);
      await release();
    },
    /** "Quên token" / sign out: nothing of the credential stays on this computer. */
    signOut(): void {
      creds.forget(ctx.sync().binding?.server ?? null);
      ctx.setSync({ auth: null });
      ctx.say('info', (s) => s.signedOut);
    },
  };
}
