// Who is calling: a role and its scope (one commune for an editor, one province for a consolidator).

export type Role = 'editor' | 'consolidator' | 'admin';
export const ROLES: readonly Role[] = ['editor', 'consolidator', 'admin'];

export interface Principal {
  role: Role;
  /** Stable id of the caller: the token id, or the Entra object id. */
  subject: string;
  name?: string;
  /** An editor's commune (5-digit code). */
  communeCode?: string;
  /** A consolidator's province (2-digit code). */
  provinceCode?: string;
  via: 'token' | 'entra';
  tokenId?: string;
}
