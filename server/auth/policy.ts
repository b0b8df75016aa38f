// Who may do what: the whole authorization policy in one table-like module (tested as a matrix).
import { findCommune } from '../../core/dvhc.ts';
import type { Principal } from './principal.ts';

export type Action = 'read-commune' | 'write-commune' | 'read-province' | 'see-province' | 'review-province' | 'create-plan' | 'admin';

/**
 * Whether `p` may perform `action` on a commune (5-digit code, with its province) or a province (2-digit code).
 * Editors: their own commune only. Consolidators: read their province and its communes, and register plans (the
 * registry is shared: a plan is the same document for every province). 'see-province': what a province sets for all
 * of its communes (its reporting periods), seen by its consolidator and by the editors of its communes.
 * 'review-province': set the province's reporting periods, accept, return or reopen its communes' reports — its
 * consolidator. Admins: everything.
 * @example can(editorOf10903, 'write-commune', { communeCode: '10903', provinceCode: '31' }) // true
 */
export function can(p: Principal, action: Action, target: { communeCode?: string; provinceCode?: string } = {}): boolean {
  if (p.role === 'admin') return true;
  switch (action) {
    case 'write-commune':
      return p.role === 'editor' && p.communeCode !== undefined && p.communeCode === target.communeCode;
    case 'read-commune':
      if (p.role === 'editor') return p.communeCode !== undefined && p.communeCode === target.communeCode;
      return p.role === 'consolidator' && p.provinceCode !== undefined && p.provinceCode === target.provinceCode;
    case 'read-province':
    case 'review-province':
      return p.role === 'consolidator' && p.provinceCode !== undefined && p.provinceCode === target.provinceCode;
    case 'see-province':
      if (p.role === 'editor') return p.communeCode !== undefined && findCommune(p.communeCode)?.provinceCode === target.provinceCode;
      return p.role === 'consolidator' && p.provinceCode !== undefined && p.provinceCode === target.provinceCode;
    case 'create-plan':
      return p.role === 'consolidator';
    case 'admin':
      return false;
  }
}
