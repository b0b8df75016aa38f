// addDropdowns: list validations for the lead, partners and deadline columns; long lists go on a hidden sheet.
import { LIST_ERROR, LIST_PROMPTS, RULE_TITLE } from '../../../core/progress/index.ts';
import { layerError } from './errors.ts';
import type { DropdownSpec } from './port.ts';
import { qualified } from './address.ts';
import { runExcel } from './run.ts';
import { requireBase, type PortState } from './state.ts';
import { cellInput } from './values.ts';

// An inline list holds 255 characters at most (and no commas inside items), hence the hidden "Danh mục" sheet.

/** Same sheet and layout as workbook/export/template.ts: agencies in A, deadlines in B, headers on row 1. */
export const LISTS_SHEET = 'Danh mục';
const FALLBACK_SHEET = 'Danh mục phuluc';
const INLINE_LIMIT = 255;

export type ListName = 'agencies' | 'deadlines';
const COLUMN: Record<ListName, { letter: string; header: string }> = {
  agencies: { letter: 'A', header: 'Cơ quan' },
  deadlines: { letter: 'B', header: 'Thời gian hoàn thành' },
};

const RULES: {
  key: keyof DropdownSpec['columns'];
  list: ListName;
  style: Excel.DataValidationAlertStyle | 'Warning' | 'Information';
  prompt: string;
}[] = [
  { key: 'lead', list: 'agencies', style: 'Warning', prompt: LIST_PROMPTS.lead },
  { key: 'partners', list: 'agencies', style: 'Information', prompt: LIST_PROMPTS.partners },
  { key: 'deadline', list: 'deadlines', style: 'Information', prompt: LIST_PROMPTS.deadline },
];

/**
 * Whether a list can be typed into the rule itself.
 * @example fitsInline(['Thường xuyên', 'Năm 2026']) // true
 */
export function fitsInline(items: string[]): boolean {
  return items.every((i) => !i.includes(',')) && items.join(',').length <= INLINE_LIMIT;
}

/** The lists sheet as a batch finds it: "Danh mục" (ours when hidden) and the fallback name, loaded before use. */
export interface ListSheets {
  lists: Excel.Worksheet;
  spare: Excel.Worksheet;
}

/**
 * Queue the loads placeListSheets needs; sync before calling it.
 * @example const found = loadListSheets(b.context.workbook.worksheets); await b.sync()
 */
export function loadListSheets(sheets: Excel.WorksheetCollection): ListSheets {
  const lists = sheets.getItemOrNullObject(LISTS_SHEET);
  lists.load('visibility');
  const spare = sheets.getItemOrNullObject(FALLBACK_SHEET);
  spare.load('name');
  return { lists, spare };
}

/**
 * Write the lists too long for a rule onto the hidden lists sheet (made when missing) and return each rule's source:
 * a reference to that sheet, or the items typed into the rule.
 * @example placeListSheets(sheets, found, lists, ['agencies']).agencies // "='Danh mục'!$A$2:$A$40"
 */
export function placeListSheets(
  sheets: Excel.WorksheetCollection,
  found: ListSheets,
  lists: DropdownSpec['lists'],
  used: ListName[],
): Record<ListName, string> {
  const onSheet = new Set(used.filter((l) => !fitsInline(lists[l])));
  let listSheet = LISTS_SHEET;
  if (onSheet.size > 0) {
    let ws: Excel.Worksheet;
    // A visible "Danh mục" is the user's own sheet, not our hidden lists: use another name rather than overwrite it.
    if (found.lists.isNullObject) ws = sheets.add(LISTS_SHEET);
    else if (found.lists.visibility !== 'Visible') ws = found.lists;
    else {
      listSheet = FALLBACK_SHEET;
      ws = found.spare.isNullObject ? sheets.add(FALLBACK_SHEET) : found.spare;
    }
    for (const list of onSheet) {
      const { letter, header } = COLUMN[list];
      ws.getRange(`${letter}:${letter}`).clear('Contents');
      const items = lists[list];
      ws.getRange(`${letter}1:${letter}${items.length + 1}`).values = [[header], ...items.map((i) => [cellInput(i)])];
    }
    ws.visibility = 'Hidden';
  }
  const source = (list: ListName) =>
    onSheet.has(list)
      ? `=${qualified(listSheet, `$${COLUMN[list].letter}$2:$${COLUMN[list].letter}$${lists[list].length + 1}`)}`
      : lists[list].join(',');
  return { agencies: source('agencies'), deadlines: source('deadlines') };
}

/**
 * The lead, partners and deadline rules on `target`'s rows firstRow…lastRow, reading `sources`.
 * @example queueListRules(ws, spec, placeListSheets(sheets, found, spec.lists, ['agencies']))
 */
export function queueListRules(
  target: Excel.Worksheet,
  spec: Pick<DropdownSpec, 'firstRow' | 'lastRow' | 'columns'>,
  sources: Record<ListName, string>,
): void {
  for (const r of RULES) {
    const col = spec.columns[r.key];
    if (!col) continue;
    const dv = target.getRange(`${col}${spec.firstRow}:${col}${spec.lastRow}`).dataValidation;
    dv.clear();
    dv.rule = { list: { inCellDropDown: true, source: sources[r.list] } };
    // The list suggests; free text stays possible (several partners in a cell, a body not in the catalog).
    dv.errorAlert = { showAlert: true, style: r.style, title: RULE_TITLE, message: LIST_ERROR };
    dv.prompt = { showPrompt: true, title: RULE_TITLE, message: r.prompt };
  }
}

/**
 * The lists a spec's columns read.
 * @example listsUsed({ lead: 'C', deadline: 'F' }) // ['agencies', 'deadlines']
 */
export function listsUsed(columns: DropdownSpec['columns']): ListName[] {
  return [...new Set(RULES.filter((r) => columns[r.key]).map((r) => r.list))];
}

/**
 * @example await addDropdowns(state, { sheet: 'PL II', firstRow: 6, lastRow: 80, columns: { lead: 'C' }, lists })
 */
export async function addDropdowns(state: PortState, spec: DropdownSpec): Promise<void> {
  requireBase(state);
  if (spec.lastRow < spec.firstRow) throw layerError('office-error', `lastRow ${spec.lastRow} < firstRow ${spec.firstRow}`);
  const used = listsUsed(spec.columns);
  if (used.length === 0) return;
  await runExcel(
    state.env,
    async (b) => {
      const sheets = b.context.workbook.worksheets;
      const target = sheets.getItem(spec.sheet);
      target.load('name');
      const found = loadListSheets(sheets);
      await b.sync();
      queueListRules(target, spec, placeListSheets(sheets, found, spec.lists, used));
      await b.sync();
    },
    { sheet: spec.sheet },
  );
}
