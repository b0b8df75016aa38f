// Excel.Workbook, WorksheetCollection and Worksheet in the fake.
import { parseAddress } from '../addr.ts';
import { fail } from '../errors.ts';
import type { SheetModel, Visibility } from '../model.ts';
import type { ClassSpec } from '../runtime.ts';
import { checkSheetName, type WorkbookModel } from '../workbook-model.ts';
import { alive, type RangeTarget } from './cells.ts';

type S = SheetModel;

function find(model: WorkbookModel, key: unknown, orNull: boolean): S | null {
  const s = model.byKey(String(key));
  if (!s && !orNull) throw fail('ItemNotFound', `The requested resource "${String(key)}" doesn't exist.`, 'WorksheetCollection.getItem');
  return s ?? null;
}

export const Workbook: ClassSpec = {
  name: 'Workbook',
  nav: {
    worksheets: { cls: 'WorksheetCollection', make: (m: WorkbookModel) => m },
    comments: { cls: 'CommentCollection', make: (m: WorkbookModel) => ({ model: m }), api: '1.10' },
  },
  methods: {
    insertWorksheetsFromBase64: {
      returns: 'result',
      api: '1.13',
      run: (m: WorkbookModel, [base64]) => m.insertTemplate(String(base64)),
    },
  },
};

export const WorksheetCollection: ClassSpec = {
  name: 'WorksheetCollection',
  items: { cls: 'Worksheet', list: (m) => (m as WorkbookModel).live() },
  methods: {
    getItem: { returns: 'Worksheet', run: (m: WorkbookModel, [key]) => find(m, key, false) },
    getItemOrNullObject: { returns: 'Worksheet', api: '1.4', run: (m: WorkbookModel, [key]) => find(m, key, true) },
    getActiveWorksheet: { returns: 'Worksheet', run: (m: WorkbookModel) => m.active() },
    add: { returns: 'Worksheet', run: (m: WorkbookModel, [name]) => m.addSheet(name === undefined ? undefined : String(name)) },
    getCount: { returns: 'result', api: '1.4', run: (m: WorkbookModel) => m.live().length },
  },
};

export const Worksheet: ClassSpec = {
  name: 'Worksheet',
  props: {
    id: { get: (s: S) => alive(s, 'Worksheet.id').id },
    name: {
      get: (s: S) => alive(s, 'Worksheet.name').name,
      set: (s: S, v, rt) => {
        const name = String(v);
        checkSheetName(name);
        const other = rt.model.byName(name);
        if (other && other !== s) throw fail('ItemAlreadyExists', `A sheet named "${name}" already exists.`, 'Worksheet.name');
        s.name = name;
      },
    },
    visibility: {
      get: (s: S) => alive(s, 'Worksheet.visibility').visibility,
      set: (s: S, v, rt) => {
        if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden')
          throw fail('InvalidArgument', `Bad visibility "${String(v)}".`, 'Worksheet.visibility');
        if (v !== 'Visible' && rt.model.live().filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
          throw fail('InvalidOperation', 'A workbook must keep at least one visible sheet.', 'Worksheet.visibility');
        }
        s.visibility = v as Visibility;
        if (v !== 'Visible' && rt.model.activeId === s.id) rt.model.activeId = rt.model.live().find((x) => x.visibility === 'Visible')!.id;
      },
    },
    position: { get: (s: S, rt) => rt.model.live().indexOf(s) },
  },
  nav: {
    notes: { cls: 'NoteCollection', make: (s: S) => s, api: '1.18' },
    comments: { cls: 'CommentCollection', make: (s: S, rt) => ({ model: rt.model, sheet: s }), api: '1.10' },
  },
  methods: {
    getRange: {
      returns: 'Range',
      run: (s: S, [address]): RangeTarget => {
        if (address === undefined) return { sheet: s, rect: { top: 1, left: 1, bottom: 1_048_576, right: 16_384 } };
        const { sheet, rect } = parseAddress(String(address));
        if (sheet !== undefined && sheet.toLowerCase() !== s.name.toLowerCase())
          throw fail('InvalidArgument', `"${String(address)}" is not on sheet "${s.name}".`, 'Worksheet.getRange');
        return { sheet: alive(s, 'Worksheet.getRange'), rect };
      },
    },
    getUsedRange: {
      returns: 'Range',
      run: (s: S, [valuesOnly]): RangeTarget => ({
        sheet: s,
        rect: alive(s, 'Worksheet.getUsedRange').usedRect(valuesOnly === true) ?? { top: 1, left: 1, bottom: 1, right: 1 },
      }),
    },
    getUsedRangeOrNullObject: {
      returns: 'Range',
      api: '1.4',
      run: (s: S, [valuesOnly]): RangeTarget | null => {
        const rect = alive(s, 'Worksheet.getUsedRangeOrNullObject').usedRect(valuesOnly === true);
        return rect ? { sheet: s, rect } : null;
      },
    },
    activate: {
      returns: 'void',
      run: (s: S, _a, rt) => {
        if (alive(s, 'Worksheet.activate').visibility !== 'Visible')
          throw fail('InvalidOperation', `Cannot activate the hidden sheet "${s.name}".`, 'Worksheet.activate');
        rt.model.activeId = s.id;
      },
    },
    delete: {
      returns: 'void',
      run: (s: S, _a, rt) => {
        if (rt.model.live().filter((x) => x.visibility === 'Visible' && x !== s).length === 0)
          throw fail('InvalidOperation', 'Cannot delete the last visible sheet.', 'Worksheet.delete');
        s.deleted = true;
        if (rt.model.activeId === s.id) rt.model.activeId = rt.model.live().find((x) => x.visibility === 'Visible')!.id;
      },
    },
  },
};
