// The workbook's binding to a plan on the server (server URL, commune, plan key, table, base revision),
// kept in the document settings so it travels with the file; credentials never go there.
import { findCommunesByName } from '../../../core/dvhc.ts';
import type { Plan } from '../../../core/model/index.ts';
import type { ExcelPort } from '../excel/port.ts';

export const BINDING_SETTING = 'phuluc.sync';

export type { SyncBinding } from '../state/sync-state.ts';
import type { SyncBinding } from '../state/sync-state.ts';

/**
 * The binding saved in the workbook, or null.
 * @example loadBinding(port)?.commune // '10903'
 */
export function loadBinding(port: ExcelPort): SyncBinding | null {
  const v = port.readSetting(BINDING_SETTING) as Partial<SyncBinding> | null;
  if (!v || typeof v.server !== 'string' || typeof v.commune !== 'string' || typeof v.planKey !== 'string') return null;
  return {
    server: v.server,
    commune: v.commune,
    planKey: v.planKey,
    table: typeof v.table === 'string' ? v.table : null,
    baseSeq: typeof v.baseSeq === 'number' ? v.baseSeq : 0,
  };
}

/**
 * Save the binding into the workbook (only these five fields: a token can never end up there).
 * @example await saveBinding(port, { ...binding, baseSeq: 7 })
 */
export async function saveBinding(port: ExcelPort, b: SyncBinding): Promise<void> {
  const clean: SyncBinding = {
    server: b.server.trim().replace(/\/+$/, ''),
    commune: b.commune.trim(),
    planKey: b.planKey.trim(),
    table: b.table,
    baseSeq: b.baseSeq,
  };
  await port.writeSetting(BINDING_SETTING, clean);
}

/**
 * A binding is usable once the three coordinates are filled in and well formed.
 * @example bindingProblem({ server: '', commune: '10903', planKey: 'NQ57-2026', table: null, baseSeq: 0 }) // 'server'
 */
export function bindingProblem(b: Pick<SyncBinding, 'server' | 'commune' | 'planKey'>): 'server' | 'commune' | 'planKey' | null {
  if (!/^https?:\/\/\S+$/.test(b.server.trim())) return 'server';
  if (!/^\d{5}$/.test(b.commune.trim())) return 'commune';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(b.planKey.trim())) return 'planKey';
  return null;
}

/**
 * The commune code the plan's title names, when exactly one commune is spelled that way ("Quang Sơn" is 05674;
 * "Quảng Sơn" elsewhere does not count); '' otherwise, and the user types it.
 * @example suggestedCommune(plan) // '05674'
 */
export function suggestedCommune(plan: Plan | null): string {
  const name = plan?.reference?.commune?.trim();
  if (!name) return '';
  const exact = findCommunesByName(name).filter((c) => c.name.normalize('NFC').endsWith(name.normalize('NFC')));
  return exact.length === 1 ? exact[0]!.code : '';
}
