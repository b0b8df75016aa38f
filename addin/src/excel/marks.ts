// markIssues / clearMarks: issue cells filled by severity with the messages attached; their look comes back exactly.
import { parseA1 } from '../../../core/model/index.ts';
import type { Issue } from '../../../core/validate/index.ts';
import { inside, type PriorFill } from './hints.ts';
import { COMMENT_TAG, noteText, planMarks, SEVERITY_FILL, type MarkTarget } from './mark-plan.ts';
import { queueRestore, removeOurComments, sheetAlive, syncProbe, type Probe } from './mark-restore.ts';
import { loadMarks, markKey, saveMarks, type MarkRecord } from './mark-store.ts';
import { runExcel } from './run.ts';
import { requireBase, type PortState } from './state.ts';

// Messages go in a note (1.18), else a threaded comment (1.10), else only the fill shows.

type Mode = 'note' | 'comment' | 'fill';

/**
 * Replace the marks with those of `issues`: cells no longer at issue get their look back, new ones are marked.
 * When the last read showed a sheet's cells sharing one fill and no notes, nothing needs reading first: one sync.
 * @example await markIssues(state, allIssues(report))
 */
export async function markIssues(state: PortState, issues: Issue[]): Promise<void> {
  requireBase(state);
  const office = state.env.host.Office;
  const mode: Mode = state.features.notes ? 'note' : state.features.comments ? 'comment' : 'fill';
  const targets = planMarks(issues, state.opts.lang);
  const records = loadMarks(office);
  if (targets.length === 0 && records.length === 0) return;
  const byKey = new Map(records.map((r) => [markKey(r), r]));
  const wanted = new Set(targets.map(markKey));
  const unmark = records.filter((r) => !wanted.has(markKey(r)));
  const kept = records.filter((r) => wanted.has(markKey(r)));
  const needs = targets
    .filter((t) => !byKey.has(markKey(t)))
    .map((t) => unknowns(state, mode, records, t))
    .filter((n) => n.fill || n.note);
  const cSheets = mode === 'comment' ? commentSheets(state, records, targets) : [];
  const next: MarkRecord[] = [];
  await runExcel(state.env, async (b) => {
    const probe =
      needs.length > 0 || cSheets.length > 0 || records.length > 0
        ? await syncProbe(b, state, (alive) => ({ restore: [...unmark, ...kept], fresh: needs, commentSheets: cSheets, alive }))
        : null;
    const sheets = new Map<string, Excel.Worksheet>();
    const ws = (name: string) => {
      if (probe) return probe.ws(name);
      let s = sheets.get(name);
      if (!s) sheets.set(name, (s = b.context.workbook.worksheets.getItem(name)));
      return s;
    };
    if (probe) for (const r of unmark) queueRestore(probe, r);
    const userComments = probe ? removeOurComments(probe) : new Map<string, number>();
    for (const t of targets) {
      if (probe && !sheetAlive(probe, t.sheet)) continue;
      const rec = byKey.get(markKey(t));
      const mark: MarkRecord = {
        sheet: t.sheet,
        cell: t.cell,
        severity: t.severity,
        fill: rec?.fill ?? priorFill(state, probe, t),
        note: rec?.note ?? null,
        ours: null,
      };
      const fill = ws(t.sheet).getRange(t.cell).format.fill;
      fill.color = SEVERITY_FILL[t.severity];
      // A colour alone keeps a hatched pattern hatched; a mark must read as a plain fill.
      if (mark.fill.pattern !== 'None' && mark.fill.pattern !== 'Solid') fill.pattern = 'Solid';
      if (mode === 'note') attachNote(ws(t.sheet), probe, t, rec, mark);
      else if (mode === 'comment' && (userComments.get(t.sheet) ?? 0) === 0) {
        // A cell holds one comment thread: add ours only where the user has none on the sheet.
        ws(t.sheet).comments.add(t.cell, COMMENT_TAG + t.text);
        mark.ours = 'comment';
      }
      next.push(mark);
    }
    await b.sync();
  });
  await saveMarks(office, next);
}

/**
 * Take every mark off: fills and notes as they were, our comments deleted. A probe read first (which notes still
 * exist, which sheets remain), then one write.
 * @example await clearMarks(state)
 */
export async function clearMarks(state: PortState): Promise<void> {
  requireBase(state);
  const office = state.env.host.Office;
  const records = loadMarks(office);
  if (records.length === 0) return;
  await runExcel(state.env, async (b) => {
    const probe = await syncProbe(b, state, (alive) => ({
      restore: records,
      fresh: [],
      commentSheets: commentSheets(state, records),
      alive,
    }));
    for (const r of records) queueRestore(probe, r);
    removeOurComments(probe);
    await b.sync();
  });
  await saveMarks(office, []);
}

/**
 * Sheets whose comments must be read: where ours are, and where ours may be added unless the last read saw none.
 * @example commentSheets(state, loadMarks(host.Office)) // ['PL I']
 */
export function commentSheets(state: PortState, records: MarkRecord[], targets: MarkTarget[] = []): string[] {
  if (state.features.notes || !state.features.comments) return [];
  const ours = records.filter((r) => r.ours === 'comment').map((r) => r.sheet);
  const adding = targets.map((t) => t.sheet).filter((s) => state.hints.get(s)?.comments !== 0);
  return [...new Set([...ours, ...adding])];
}

/** What must be read before marking a fresh cell: its fill unless the last read showed one fill for the whole sheet,
 *  its note unless the sheet had no note of the user's. */
function unknowns(state: PortState, mode: Mode, records: MarkRecord[], t: MarkTarget) {
  const h = state.hints.get(t.sheet);
  const at = parseA1(t.cell);
  const fillKnown = h !== undefined && h.fill !== null && at !== null && inside(h, at.row, at.col);
  const ourNotes = records.filter((r) => r.sheet === t.sheet && r.ours === 'note').length;
  const noteKnown = mode !== 'note' || (h !== undefined && h.notes !== null && h.notes - ourNotes <= 0);
  return { sheet: t.sheet, cell: t.cell, fill: !fillKnown, note: !noteKnown };
}

function priorFill(state: PortState, probe: Probe | null, t: MarkTarget): PriorFill {
  const read = probe?.fills.get(markKey(t));
  if (read) {
    const f = read.value[0]![0]!.format!.fill!;
    const out: PriorFill = { pattern: f.pattern ?? 'None' };
    if (f.color) out.color = f.color;
    if (f.patternColor) out.patternColor = f.patternColor;
    return out;
  }
  return { ...state.hints.get(t.sheet)!.fill! };
}

/** Our note on the cell: a new one, or appended to the user's note (restored when the mark comes off). */
function attachNote(ws: Excel.Worksheet, probe: Probe | null, t: MarkTarget, rec: MarkRecord | undefined, mark: MarkRecord): void {
  const n = probe?.notes.get(markKey(t));
  const exists = n !== undefined && !n.isNullObject;
  mark.ours = 'note';
  if (rec?.ours === 'note') {
    if (exists) n.content = noteText(rec.note, t.text);
    else {
      // The user deleted our note (and theirs with it): start afresh.
      ws.notes.add(t.cell, t.text);
      mark.note = null;
    }
  } else if (exists) {
    mark.note = n.content;
    n.content = noteText(n.content, t.text);
  } else ws.notes.add(t.cell, t.text);
}
