// Who is calling: a role and its scope (one commune for an editor, one province for a consolidator).
import type { Principal as WirePrincipal } from '../../core/api/wire.ts';

export { ROLES, type Role } from '../../core/api/wire.ts';

/** The caller as the server knows it: what /api/me answers, plus the token that authenticated it. */
export interface Principal extends WirePrincipal {
  tokenId?: string;
}
