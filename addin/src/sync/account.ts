// Who the pane acts as: bind, sign in (pasted token or Microsoft 365), GET /api/me, the plans, sign out; sign-in releases pushes.
import { ApiError, canonicalPlanKey, type MeAnswer } from '../../../core/api/index.ts';
import type { SignedIn } from '../state/sync-state.ts';
import { entraConfig, signInPath } from './auth/sign-in.ts';
import { saveBinding, type SyncBinding } from './binding.ts';
import type { SyncContext } from './context.ts';
import type { Credentials } from './credentials.ts';

/** Signed in with a pasted token; the server's /api/me fills in the name and role. */
const tokenAuth = (): SignedIn => ({ kind: 'token', name: null, role: null, commune: null, province: null });

/** @example const account = createAccount(ctx, creds, delivery.release); await account.useToken('phl_…') */
export function createAccount(ctx: SyncContext, creds: Credentials, release: () => Promise<void>) {
  /** Offer Microsoft sign-in when the server has Entra settings and this Office has a way to use them. */
  async function checkMicrosoft(server: string): Promise<void> {
    const possible = signInPath(ctx.port.capabilities()) !== 'none';
    const cfg = possible ? await entraConfig(server, ctx.fetch).catch(() => null) : null;
    ctx.setSync({ microsoft: cfg !== null });
  }

  /** The server's plans, for the picker (any signed-in caller may list them). */
  async function loadPlans(server: string): Promise<void> {
    const { plans } = await creds.apiFor(server).listPlans();
    ctx.setSync({ plans });
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
          // The subject is an internal id (a token's, an Entra object's): never shown as a name.
          name: principal.name ?? null,
          role: principal.role,
          commune: principal.communeCode ?? null,
          province: principal.provinceCode ?? null,
        },
      });
  }

  return {
    /** Signed in when the pane opens: a token this user saved for the bound server (a Microsoft token never outlives the pane). */
    savedAuth: (server: string): SignedIn | null => (server && creds.hasSaved(server) ? tokenAuth() : null),
    /** After init: whether Microsoft sign-in is offered, and (not awaited, failures ignored) who the saved token is and the plans. */
    resume(server: string): void {
      if (!server) return;
      void checkMicrosoft(server);
      if (ctx.sync().auth)
        void whoAmI(server)
          .then(() => loadPlans(server))
          .catch(() => undefined);
    },
    /** The server to sign in to, before the workbook is bound. */
    setServer(server: string): void {
      const clean = server.trim().replace(/\/+$/, '');
      ctx.setSync({ server: clean, plans: null, auth: creds.hasSaved(clean) ? tokenAuth() : null });
      // Not awaited: a sign-in may follow at once, and whether Microsoft is offered only adds a button.
      if (/^https?:\/\/\S+$/.test(clean)) void checkMicrosoft(clean).catch(() => undefined);
    },
    loadPlans: async (): Promise<void> => loadPlans(creds.server()),
    async bind(b: Omit<SyncBinding, 'baseSeq'>): Promise<void> {
      const old = ctx.sync().binding;
      // Keys are case-insensitive on the server: the workbook keeps the canonical one ("nq57-2026" is NQ57-2026).
      const planKey = canonicalPlanKey(b.planKey) ?? b.planKey.trim();
      const server = b.server.trim().replace(/\/+$/, '');
      // The base revision belongs to the plan: rebinding to another plan starts from 0.
      const same = old && old.server === server && old.commune === b.commune && old.planKey.toUpperCase() === planKey;
      const next: SyncBinding = { ...b, server, planKey, baseSeq: same ? old.baseSeq : 0 };
      await saveBinding(ctx.port, next);
      const { auth } = ctx.sync();
      const keep = creds.hasSaved(server) ? (auth?.kind === 'token' ? auth : tokenAuth()) : creds.hasMicrosoft() ? auth : null;
      ctx.setSync({ binding: next, server, auth: keep });
      ctx.say('success', (s) => s.bindingSaved);
      await checkMicrosoft(next.server);
    },
    async useToken(token: string): Promise<void> {
      const server = creds.server();
      creds.usePasted(server, token.trim());
      ctx.setSync({ auth: tokenAuth() });
      try {
        await whoAmI(server);
      } catch (err) {
        // A token the server refuses is not kept.
        creds.forget(server);
        ctx.setSync({ auth: null });
        throw err;
      }
      ctx.say('success', (s) => s.signedIn);
      await loadPlans(server).catch(() => undefined);
      await release();
    },
    async signInMicrosoft(): Promise<void> {
      const server = creds.server();
      const cfg = await entraConfig(server, ctx.fetch);
      if (!cfg)
        throw new ApiError(
          400,
          'no-entra',
          'Máy chủ này không bật đăng nhập Microsoft 365.',
          'This server does not offer Microsoft 365 sign-in.',
        );
      const ms = await creds.useMicrosoft(server, cfg);
      ctx.setSync({ auth: { kind: 'microsoft', name: ms.name, role: null, commune: null, province: null, via: ms.via } });
      await whoAmI(server);
      ctx.say('success', (s) => s.signedIn);
      await loadPlans(server).catch(() => undefined);
      await release();
    },
    /** "Đăng xuất": nothing of the credential stays on this computer. */
    signOut(): void {
      creds.forget(ctx.sync().binding?.server ?? (ctx.sync().server || null));
      ctx.setSync({ auth: null, plans: null });
      ctx.say('info', (s) => s.signedOut);
    },
  };
}
