// Taking marks off: a probe read (which of our notes and comments still exist, which sheets remain), then restores.
import { COMMENT_TAG } from './mark-plan.ts';
import { markKey, type MarkRecord } from './mark-store.ts';
import type { Batch } from './run.ts';
import type { PortState } from './state.ts';

/** What a read sync learned before marks are changed; its proxies stay usable in the write batch that follows. */
export interface Probe {
  sheets: Excel.WorksheetCollection;
  ws(name: string): Excel.Worksheet;
  /** Our notes (and user notes on cells about to be marked), by mark key; check isNullObject after the sync. */
  notes: Map<string, Excel.Note>;
  /** Fills of cells about to be marked whose look the last read did not tell. */
  fills: Map<string, OfficeExtension.ClientResult<Excel.CellProperties[][]>>;
  /** Comments per sheet (1.10 hosts without notes), to find ours by their tag and count the user's. */
  comments: Map<string, Excel.CommentCollection>;
}

export interface ProbeNeeds {
  /** Marks about to be taken off or updated. */
  restore: MarkRecord[];
  /** Cells about to be marked: read their fill, their note, or both. */
  fresh: { sheet: string; cell: string; fill: boolean; note: boolean }[];
  commentSheets: string[];
  /** Sheets known to exist (after a list read); the first attempt assumes all do. */
  alive: (sheet: string) => boolean;
}

/**
 * Queue the reads needed before restoring and marking. A sheet that no longer exists fails the sync with ItemNotFound:
 * callers then list the sheets and probe again with `alive`.
 * @example const probe = probeMarks(b, state, needs); await b.sync()
 */
export function probeMarks(b: Batch, state: PortState, needs: ProbeNeeds): Probe {
  const sheets = b.context.workbook.worksheets;
  sheets.load('items/name');
  const cache = new Map<string, Excel.Worksheet>();
  const ws = (name: string) => {
    let s = cache.get(name);
    if (!s) cache.set(name, (s = sheets.getItem(name)));
    return s;
  };
  const probe: Probe = { sheets, ws, notes: new Map(), fills: new Map(), comments: new Map() };
  const noteAt = (sheet: string, cell: string) => {
    const n = ws(sheet).notes.getItemOrNullObject(cell);
    n.load('content');
    probe.notes.set(markKey({ sheet, cell }), n);
  };
  for (const r of needs.restore) if (state.features.notes && r.ours === 'note' && needs.alive(r.sheet)) noteAt(r.sheet, r.cell);
  for (const f of needs.fresh) {
    if (!needs.alive(f.sheet)) continue;
    if (f.note) noteAt(f.sheet, f.cell);
    if (f.fill)
      probe.fills.set(
        markKey(f),
        ws(f.sheet)
          .getRange(f.cell)
          .getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } }),
      );
  }
  for (const s of needs.commentSheets) {
    if (!needs.alive(s)) continue;
    const c = ws(s).comments;
    c.load('items/content');
    probe.comments.set(s, c);
  }
  return probe;
}

/**
 * Whether the probe found the sheet (after its sync).
 * @example if (sheetAlive(probe, 'PL I')) queueRestore(probe, mark)
 */
export function sheetAlive(probe: Probe, sheet: string): boolean {
  return probe.sheets.items.some((s) => s.name === sheet);
}

/**
 * Queue the restore of one marked cell: its fill as it was, its note as it was (ours deleted, the user's put back).
 * Our comments are removed per sheet with removeOurComments.
 * @example for (const m of records) queueRestore(probe, m); await b.sync()
 */
export function queueRestore(probe: Probe, m: MarkRecord): void {
  if (!sheetAlive(probe, m.sheet)) return;
  const range = probe.ws(m.sheet).getRange(m.cell);
  if (m.fill.pattern === 'None') range.format.fill.clear();
  else if (m.fill.pattern === 'Solid' && m.fill.color) range.format.fill.color = m.fill.color;
  else range.setCellProperties([[{ format: { fill: { ...m.fill } as Excel.CellPropertiesFill } }]]);
  if (m.ours !== 'note') return;
  const n = probe.notes.get(markKey(m));
  // The user may have deleted our note already; then there is nothing to take off.
  if (!n || n.isNullObject) return;
  if (m.note !== null) n.content = m.note;
  else n.delete();
}

/**
 * Delete our tagged comments on the probed sheets; returns how many comments of the user's each sheet keeps.
 * @example const userComments = removeOurComments(probe).get('PL I') ?? 0
 */
export function removeOurComments(probe: Probe): Map<string, number> {
  const users = new Map<string, number>();
  for (const [sheet, list] of probe.comments) {
    let n = 0;
    for (const c of list.items) {
      if (c.content.startsWith(COMMENT_TAG)) c.delete();
      else n++;
    }
    users.set(sheet, n);
  }
  return users;
}

/**
 * Queue a probe and sync it; when a sheet has gone, list the sheets and probe again without it.
 * @example const probe = await syncProbe(b, state, (alive) => ({ restore: records, fresh: [], commentSheets: [], alive }))
 */
export async function syncProbe(b: Batch, state: PortState, needs: (alive: (s: string) => boolean) => ProbeNeeds): Promise<Probe> {
  try {
    const probe = probeMarks(
      b,
      state,
      needs(() => true),
    );
    await b.sync();
    return probe;
  } catch (err) {
    if ((err as { code?: string } | null)?.code !== 'ItemNotFound') throw err;
    const list = b.context.workbook.worksheets.load('items/name');
    await b.sync();
    const names = new Set(list.items.map((s) => s.name));
    const probe = probeMarks(
      b,
      state,
      needs((s) => names.has(s)),
    );
    await b.sync();
    return probe;
  }
}
