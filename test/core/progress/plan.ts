// Hand-built plans with task ids for progress tests: one tasks table, each task its id, lead and deadline.
import { parseDeadline } from '../../../core/deadline.ts';
import type { AppendixRow, Plan } from '../../../core/model/index.ts';

export interface TaskSpec {
  id?: string;
  content?: string;
  lead?: string;
  deadline?: string;
}

/**
 * A plan whose tasks table holds one group row (the heading given) then the tasks, deadlines parsed as the reader would.
 * @example planWith([{ id: 't1', lead: 'Công an xã', deadline: 'Quý I/2026' }])
 */
export function planWith(tasks: TaskSpec[], heading = 'Hạ tầng số'): Plan {
  const sheet = 'Nhiệm vụ';
  const rows: AppendixRow[] = [{ kind: 'group', id: 'g1', tt: 'I', fields: { content: heading }, source: { sheet, row: 2, cells: {} } }];
  tasks.forEach((t, i) => {
    const row: AppendixRow = {
      kind: 'task',
      tt: String(i + 1),
      fields: { content: t.content ?? `Nhiệm vụ ${i + 1}` },
      source: { sheet, row: i + 3, cells: {} },
      group: 'I',
    };
    if (t.id !== undefined) row.id = t.id;
    if (t.lead !== undefined) row.fields.lead = t.lead;
    if (t.deadline !== undefined) {
      row.fields.deadline = t.deadline;
      row.deadline = parseDeadline(t.deadline);
    }
    rows.push(row);
  });
  return {
    appendices: [
      { kind: 'tasks', sheet, range: 'A1:F99', title: { lines: [], reference: {} }, header: { rows: [1], labels: {} }, columns: {}, rows },
    ],
  };
}

export interface IndicatorSpec {
  id?: string;
  content?: string;
  unit?: string;
  target?: string;
}

/**
 * A plan whose indicators table holds one group row then the indicators.
 * @example planWithIndicators([{ id: 'c1', unit: '%', target: '≥ 70' }])
 */
export function planWithIndicators(indicators: IndicatorSpec[]): Plan {
  const sheet = 'Chỉ tiêu';
  const rows: AppendixRow[] = [
    { kind: 'group', id: 'g1', tt: 'I', fields: { content: 'Chỉ tiêu năm 2026' }, source: { sheet, row: 2, cells: {} } },
  ];
  indicators.forEach((c, i) => {
    const row: AppendixRow = {
      kind: 'indicator',
      tt: String(i + 1),
      fields: { content: c.content ?? `Chỉ tiêu ${i + 1}` },
      source: { sheet, row: i + 3, cells: {} },
      group: 'I',
    };
    if (c.id !== undefined) row.id = c.id;
    if (c.unit !== undefined) row.fields.unit = c.unit;
    if (c.target !== undefined) row.fields.target = c.target;
    rows.push(row);
  });
  return {
    appendices: [
      {
        kind: 'indicators',
        sheet,
        range: 'A1:E99',
        title: { lines: [], reference: {} },
        header: { rows: [1], labels: {} },
        columns: {},
        rows,
      },
    ],
  };
}
