// Memory of the marks, kept in the document's add-in settings: it survives a pane reload and travels with the file.
import { layerError } from './errors.ts';
import type { PriorFill } from './hints.ts';
import type { Severity } from '../../../core/validate/index.ts';

const KEY = 'phuluc.marks';

/** One marked cell: what it looked like before (fill, note) and what the add-in attached to it. */
export interface MarkRecord {
  sheet: string;
  cell: string;
  severity: Severity;
  fill: PriorFill;
  /** The user's own note before the mark (the mark's text was appended to it), or null. */
  note: string | null;
  ours: 'note' | 'comment' | null;
}

/**
 * Identity of a marked cell.
 * @example markKey({ sheet: 'PL I', cell: 'C7' })
 */
export function markKey(m: { sheet: string; cell: string }): string {
  return `${m.sheet}\u0000${m.cell}`;
}

/**
 * The marks recorded in the document (Office loads its settings when the pane starts: no Excel request).
 * @example loadMarks(host.Office).length
 */
export function loadMarks(office: typeof Office): MarkRecord[] {
  const saved = office.context.document.settings.get(KEY) as { v: 1; marks: MarkRecord[] } | null;
  return saved?.marks ?? [];
}

/**
 * Record the marks and save the settings into the document.
 * @example await saveMarks(host.Office, [])
 */
export async function saveMarks(office: typeof Office, marks: MarkRecord[]): Promise<void> {
  const settings = office.context.document.settings;
  if (marks.length === 0) settings.remove(KEY);
  else settings.set(KEY, { v: 1, marks });
  await new Promise<void>((resolve, reject) =>
    settings.saveAsync((r) => {
      if (r.status === office.AsyncResultStatus.Succeeded) resolve();
      else reject(layerError('office-error', `settings.saveAsync: ${r.error?.message ?? 'failed'}`, r.error));
    }),
  );
}
