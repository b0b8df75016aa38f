// The credential every call carries (a Microsoft token renewed before it expires, or a pasted token) and the API client.
import { ApiError, type EntraPublicConfig } from '../../../core/api/index.ts';
import { createApi, type SyncApi } from './api.ts';
import { entraConfig, microsoftToken, type MicrosoftToken } from './auth/sign-in.ts';
import { forgetToken, rememberToken, savedToken } from './auth/token-store.ts';
import type { SyncBinding } from './binding.ts';
import type { SyncContext } from './context.ts';

export type Credentials = ReturnType<typeof createCredentials>;

/** @example const creds = createCredentials(ctx); const { api, b } = creds.bound(); await api.head(b.commune, b.planKey) */
export function createCredentials(ctx: SyncContext) {
  let ms: MicrosoftToken | null = null;
  // A pasted token when storage is blocked (kept for this session only).
  let memoryToken: string | null = null;

  async function bearer(server: string): Promise<string> {
    if (ms) {
      // A minute's margin: the token must still be valid when the request reaches the server.
      if (ms.expiresOn !== null && ms.expiresOn - 60_000 < ctx.now()) {
        const cfg = await entraConfig(server, ctx.fetch);
        if (cfg) ms = await microsoftToken(ctx.port, cfg, server, ctx.msal);
      }
      return ms.accessToken;
    }
    const t = savedToken(ctx.storage, server) ?? memoryToken;
    if (!t)
      throw new ApiError(
        401,
        'signed-out',
        'Chưa đăng nhập: hãy dán mã truy cập hoặc đăng nhập Microsoft 365.',
        'Not signed in: paste a server token or sign in with Microsoft 365.',
      );
    return t;
  }

  // The token is asked for on each call, not captured: a Microsoft token may have been renewed in between.
  const apiFor = (server: string): SyncApi => createApi({ server, token: () => bearer(server), fetch: ctx.fetch });

  return {
    bearer,
    apiFor,
    /** The workbook's binding and a client for its server; an error the user can read before the workbook is bound. */
    bound(): { api: SyncApi; b: SyncBinding } {
      const b = ctx.sync().binding;
      if (!b)
        throw new ApiError(
          400,
          'no-binding',
          'Bảng tính này chưa chọn xã và kế hoạch để gửi.',
          'The workbook is not bound to a plan on a server yet.',
        );
      return { api: apiFor(b.server), b };
    },
    /** The server calls go to: the binding's, else the one chosen to sign in to before binding. */
    server(): string {
      const server = ctx.sync().binding?.server ?? ctx.sync().server;
      if (!/^https?:\/\/\S+$/.test(server))
        throw new ApiError(
          400,
          'no-server',
          'Hãy nhập địa chỉ máy chủ (bắt đầu bằng https://).',
          'Enter the server address (starting with https://).',
        );
      return server;
    },
    /** Whether this user pasted a token for `server` earlier (kept in storage, so a reopened pane is signed in). */
    hasSaved: (server: string): boolean => !!savedToken(ctx.storage, server),
    hasMicrosoft: (): boolean => ms !== null,
    /** A pasted token replaces any Microsoft token. */
    usePasted(server: string, token: string): void {
      rememberToken(ctx.storage, server, token);
      memoryToken = token;
      ms = null;
    },
    async useMicrosoft(server: string, cfg: EntraPublicConfig): Promise<MicrosoftToken> {
      ms = await microsoftToken(ctx.port, cfg, server, ctx.msal);
      return ms;
    },
    /** Nothing of the credential stays on this computer: the saved token of `server`, the memory copy, Microsoft's. */
    forget(server: string | null): void {
      if (server !== null) forgetToken(ctx.storage, server);
      memoryToken = null;
      ms = null;
    },
  };
}
