// List form: appendices written as text ("I. NHÓM …", "1. task", "- Cơ quan chủ trì: …") read into the same model.
import type { Appendix, AppendixRow, ColumnRole } from '../model/appendix.ts';
import { parseDeadline } from '../deadline.ts';
import { fold } from '../text/fold.ts';
import { parseOrdinal } from '../text/ordinal.ts';
import { roleOfLabel } from './header-roles.ts';
import { parseTitleBlock } from './title-block.ts';

export interface TextLine {
  row: number;
  /** A1 cell the line came from (its first non-empty cell). */
  cell: string;
  text: string;
}

const GROUP_RE = /^\s*([IVXLC]+)\s*[.)]?\s+(\S.*)$/u;
const TASK_RE = /^\s*(\d{1,3}(?:\.\d{1,3})*)\s*[.)]?\s+(\S.*)$/u;
const FIELD_RE = /^\s*[-+•*–]?\s*([^:]{3,60}?)\s*:\s*(.*)$/u;
const ARTIFACT_RE = /\[(?:bookmark|footnote|comment|image|page)[^\]]*\]|\{\s*PAGE\s*\}/giu;

/** Word artifacts ("[bookmark: _GoBack]") removed; they are not content. */
export function stripWordArtifacts(s: string): string {
  return s
    .replace(ARTIFACT_RE, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Whether a text looks like a Word artifact. */
export function hasWordArtifact(s: string): boolean {
  ARTIFACT_RE.lastIndex = 0;
  const hit = ARTIFACT_RE.test(s);
  ARTIFACT_RE.lastIndex = 0;
  return hit;
}

/**
 * Read list-form lines into a tasks appendix, or null when the lines are not in that shape
 * (at least one numbered task followed by a "chủ trì" line).
 * @example readListForm('Sheet1', [{ row: 1, cell: 'A1', text: '1. Việc' }, { row: 2, cell: 'A2', text: '- Cơ quan chủ trì: Công an xã' }])
 */
export function readListForm(sheet: string, lines: TextLine[]): Appendix | null {
  const rows: AppendixRow[] = [];
  const title: { row: number; text: string }[] = [];
  let task: AppendixRow | null = null;
  let lastRole: ColumnRole | null = null;
  let group: string | undefined;
  let leads = 0;

  for (const line of lines) {
    const text = stripWordArtifacts(line.text);
    if (text === '') continue;
    const field = fieldOf(text);
    if (field && task) {
      task.fields[field.role] = field.value;
      task.source.cells[field.role] = line.cell;
      lastRole = field.role;
      if (field.role === 'lead') leads++;
      continue;
    }
    const g = GROUP_RE.exec(text);
    if (g && parseOrdinal(g[1]!)?.style === 'roman') {
      group = g[1]!;
      task = null;
      rows.push({
        kind: 'group',
        tt: g[1]!,
        ordinal: parseOrdinal(g[1]!),
        fields: { content: g[2]! },
        source: { sheet, row: line.row, cells: { tt: line.cell, content: line.cell } },
      });
      continue;
    }
    const t = TASK_RE.exec(text);
    if (t) {
      task = {
        kind: 'task',
        tt: t[1]!,
        ordinal: parseOrdinal(t[1]!),
        fields: { content: t[2]! },
        source: { sheet, row: line.row, cells: { tt: line.cell, content: line.cell } },
      };
      if (group !== undefined) task.group = group;
      rows.push(task);
      lastRole = 'content';
      continue;
    }
    if (task && lastRole) {
      // A wrapped line continues whatever was written last (the task text or a field).
      task.fields[lastRole] = `${task.fields[lastRole] ?? ''} ${text}`.trim();
      (task.mergedFrom ??= []).push(line.row);
      continue;
    }
    if (rows.length === 0) title.push({ row: line.row, text });
    else rows.push({ kind: 'note', tt: null, fields: { content: text }, source: { sheet, row: line.row, cells: { content: line.cell } } });
  }

  if (leads === 0 || !rows.some((r) => r.kind === 'task')) return null;
  for (const row of rows) {
    if (row.kind === 'task' && row.fields.deadline) row.deadline = parseDeadline(row.fields.deadline);
  }
  const roles = new Set<ColumnRole>();
  for (const row of rows) for (const role of Object.keys(row.fields) as ColumnRole[]) roles.add(role);
  const first = lines[0]?.row ?? 1;
  const last = lines[lines.length - 1]?.row ?? first;
  return {
    kind: 'tasks',
    sheet,
    range: `A${first}:A${last}`,
    title: parseTitleBlock(title),
    header: { rows: [], labels: {} },
    columns: {},
    rows,
  };
}

function fieldOf(text: string): { role: ColumnRole; value: string } | null {
  const m = FIELD_RE.exec(text);
  if (!m) return null;
  const label = m[1]!;
  // Only short labels naming a column count ("Cơ quan chủ trì", "Thời gian thực hiện"), not a sentence with a colon.
  if (fold(label).split(' ').length > 8) return null;
  const role = roleOfLabel(label);
  if (!role || role === 'content' || role === 'tt') return null;
  return { role, value: m[2]!.trim() };
}
