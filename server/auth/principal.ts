// Who is calling: a role and its scope (one commune for an editor, one province for a consolidator), as /api/me
// answers it (core/api/wire.ts), with the token that authenticated it when it was a server token.
export { ROLES, type Principal, type Role } from '../../core/api/index.ts';
