// The head version of each period's report this workbook was last brought in line with (the baseSeq of the next
// report), kept in the document settings beside the plan binding, so it travels with the file as the plan's base does.
import type { ProgressReport } from '../../../core/progress/index.ts';
import type { ExcelPort } from '../excel/port.ts';
import type { KeyValue } from '../sync/auth/token-store.ts';
import type { SyncBinding } from '../state/sync-state.ts';

export const HEADS_SETTING = 'phuluc.progress';

interface Saved {
  server: string;
  commune: string;
  planKey: string;
  heads: Record<string, number>;
}

const sameTarget = (v: Partial<Saved> | null, b: SyncBinding): v is Saved =>
  !!v && v.server === b.server && v.commune === b.commune && v.planKey === b.planKey && typeof v.heads === 'object' && v.heads !== null;

/**
 * The known head of a period under the binding; null when this workbook never sent or received that period.
 * @example knownHead(port, binding, '2026-H1') // 3
 */
export function knownHead(port: ExcelPort, b: SyncBinding, period: string): number | null {
  const v = port.readSetting(HEADS_SETTING) as Partial<Saved> | null;
  const seq = sameTarget(v, b) ? v.heads[period] : undefined;
  return typeof seq === 'number' ? seq : null;
}

/** Remember a period's head (the heads of another binding are dropped: they were for another plan). */
export async function saveHead(port: ExcelPort, b: SyncBinding, period: string, seq: number): Promise<void> {
  const v = port.readSetting(HEADS_SETTING) as Partial<Saved> | null;
  const heads = sameTarget(v, b) ? { ...v.heads } : {};
  heads[period] = seq;
  await port.writeSetting(HEADS_SETTING, { server: b.server, commune: b.commune, planKey: b.planKey, heads } satisfies Saved);
}

/** Per user (pane storage): the report of each period's known head, the base a later conflict is merged from. */
const BASES = 'phuluc.progress-bases';

type Bases = Record<string, { seq: number; report: ProgressReport }>;
const baseKey = (b: Pick<SyncBinding, 'server' | 'commune' | 'planKey'>, period: string) =>
  `${b.server}|${b.commune}|${b.planKey}|${period}`;

function loadBases(storage: KeyValue | undefined): Bases {
  try {
    return JSON.parse(storage?.getItem(BASES) ?? '{}') as Bases;
  } catch {
    return {};
  }
}

/**
 * The report of version `seq` of a period, when this user's pane received it; null otherwise.
 * @example baseReport(storage, binding, '2026-H1', 3)?.entries.length
 */
export function baseReport(
  storage: KeyValue | undefined,
  b: Pick<SyncBinding, 'server' | 'commune' | 'planKey'>,
  period: string,
  seq: number | null,
): ProgressReport | null {
  if (seq === null) return null;
  const got = loadBases(storage)[baseKey(b, period)];
  return got && got.seq === seq ? got.report : null;
}

/** Keep the head's report of a period (the latest only). */
export function saveBaseReport(
  storage: KeyValue | undefined,
  b: Pick<SyncBinding, 'server' | 'commune' | 'planKey'>,
  period: string,
  seq: number,
  report: ProgressReport,
): void {
  try {
    storage?.setItem(BASES, JSON.stringify({ ...loadBases(storage), [baseKey(b, period)]: { seq, report } }));
  } catch {
    // Quota or policy: a later conflict is then merged without its base (mine kept where unsure).
  }
}
