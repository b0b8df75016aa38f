// The sync server's answers as the task pane and the web pages read them (types only): one definition for the server
// that sends them and both clients, so a field added on one side cannot silently be missing on another.

export type Role = 'editor' | 'consolidator' | 'admin';
export const ROLES: readonly Role[] = ['editor', 'consolidator', 'admin'];

/** Who is calling: a role and its scope (one commune for an editor, one province for a consolidator). */
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
}

/** Counts stored with each revision, so status pages never re-validate old plans. */
export interface RevisionSummary {
  tasks: number;
  indicators: number;
  errors: number;
  warnings: number;
  infos: number;
}

export type RevisionKind = 'push' | 'merge' | 'upload' | 'restore';

/** A revision as the server lists it (no plan body). */
export interface RevisionMeta {
  seq: number;
  baseSeq: number | null;
  kind: RevisionKind;
  author: string;
  authorName: string | null;
  summary: RevisionSummary;
  message: string | null;
  createdAt: string;
}
