// Excel.Range and Excel.RangeAreas in the fake: values, formulas, formats per cell, merges, row insertion and deletion.
import { formatAddress, intersect, MAX_COLS, MAX_ROWS, parseAddress, type Rect } from '../addr.ts';
import { fail } from '../errors.ts';
import type { ClassSpec, Runtime } from '../runtime.ts';
import { mergeStyle, projectFormat } from '../style.ts';
import { alive, displayValue, eachInput, grid, writeInput, type RangeTarget } from './cells.ts';

type T = RangeTarget;

export interface AreasTarget {
  sheet: RangeTarget['sheet'];
  rects: Rect[];
}

const wholeRows = (r: Rect) => r.kind === 'rows' || (r.left === 1 && r.right === MAX_COLS);

export const Range: ClassSpec = {
  name: 'Range',
  props: {
    address: { get: (t: T) => formatAddress(t.sheet.name, t.rect) },
    rowCount: { get: (t: T) => t.rect.bottom - t.rect.top + 1 },
    columnCount: { get: (t: T) => t.rect.right - t.rect.left + 1 },
    rowIndex: { get: (t: T) => t.rect.top - 1 },
    columnIndex: { get: (t: T) => t.rect.left - 1 },
    values: {
      get: (t: T) => grid(t, 'Range.values', (r, c) => displayValue(t.sheet, r, c)),
      set: (t: T, v, rt) => writeInput(t, v, rt, 'Range.values'),
    },
    formulas: {
      get: (t: T) => grid(t, 'Range.formulas', (r, c) => t.sheet.cell(r, c)?.f ?? displayValue(t.sheet, r, c)),
      set: (t: T, v, rt) => writeInput(t, v, rt, 'Range.formulas'),
    },
    columnHidden: {
      api: '1.2',
      get: (t: T) => {
        const s = alive(t.sheet, 'Range.columnHidden');
        for (let c = t.rect.left; c <= Math.min(t.rect.right, t.rect.left + 16_383); c++) if (!s.hiddenColumns.has(c)) return false;
        return true;
      },
      set: (t: T, v) => {
        if (typeof v !== 'boolean') throw fail('InvalidArgument', 'columnHidden must be a boolean.', 'Range.columnHidden');
        const s = alive(t.sheet, 'Range.columnHidden');
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          if (v) s.hiddenColumns.add(c);
          else s.hiddenColumns.delete(c);
        }
      },
    },
    numberFormat: {
      get: (t: T) => grid(t, 'Range.numberFormat', (r, c) => t.sheet.cell(r, c)?.fmt ?? 'General'),
      set: (t: T, v) =>
        eachInput(t, v, 'Range.numberFormat', (r, c, f) => {
          if (f === null || f === undefined) return;
          if (typeof f !== 'string') throw fail('InvalidArgument', 'A number format must be a string.', 'Range.numberFormat');
          const cell = t.sheet.ensure(r, c);
          if (f === '' || f === 'General') delete cell.fmt;
          else cell.fmt = f;
          t.sheet.tidy(r, c);
        }),
    },
  },
  nav: {
    format: { cls: 'RangeFormat', make: (t: T) => t },
    dataValidation: { cls: 'DataValidation', make: (t: T) => t, api: '1.8' },
  },
  methods: {
    getCellProperties: {
      returns: 'result',
      api: '1.9',
      run: (t: T, [opts], rt) => {
        const o = (opts ?? {}) as Record<string, unknown>;
        for (const k of Object.keys(o))
          if (k !== 'address' && k !== 'format') throw fail('InvalidArgument', `getCellProperties: "${k}" is not modelled by the fake.`);
        const format = o.format as Record<string, unknown> | undefined;
        return grid(t, 'Range.getCellProperties', (r, c) => {
          const out: Record<string, unknown> = {};
          if (o.address) out.address = formatAddress(t.sheet.name, { top: r, left: c, bottom: r, right: c });
          if (format) out.format = projectFormat(t.sheet.cell(r, c)?.style, format, rt.defaults as never);
          return out;
        });
      },
    },
    setCellProperties: {
      returns: 'void',
      api: '1.9',
      run: (t: T, [values], rt) =>
        eachInput(t, values, 'Range.setCellProperties', (r, c, v) => {
          if (v === null || v === undefined) return;
          const props = v as Record<string, unknown>;
          for (const k of Object.keys(props))
            if (k !== 'format') throw fail('InvalidArgument', `setCellProperties: "${k}" is not modelled by the fake.`);
          if (!props.format) return;
          const cell = t.sheet.ensure(r, c);
          const next = mergeStyle(cell.style, props.format as never, rt.defaults as never);
          if (next) cell.style = next;
          else delete cell.style;
          t.sheet.tidy(r, c);
        }),
    },
    getMergedAreasOrNullObject: {
      returns: 'RangeAreas',
      api: '1.13',
      run: (t: T): AreasTarget | null => {
        const rects = alive(t.sheet, 'Range.getMergedAreasOrNullObject').mergeAreasIn(t.rect);
        if (rects.length > 512)
          throw fail('InvalidOperation', 'More than 512 merged areas in the range.', 'Range.getMergedAreasOrNullObject');
        return rects.length === 0 ? null : { sheet: t.sheet, rects };
      },
    },
    merge: {
      returns: 'void',
      api: '1.2',
      run: (t: T, [across]) => {
        const rows = across
          ? Array.from({ length: t.rect.bottom - t.rect.top + 1 }, (_, i) => ({ ...t.rect, top: t.rect.top + i, bottom: t.rect.top + i }))
          : [t.rect];
        for (const r of rows) alive(t.sheet, 'Range.merge').merge(r);
      },
    },
    unmerge: { returns: 'void', api: '1.2', run: (t: T) => alive(t.sheet, 'Range.unmerge').unmerge(t.rect) },
    delete: {
      returns: 'void',
      run: (t: T, [shift]) => {
        if (shift !== 'Up' || !wholeRows(t.rect))
          throw fail('NotImplemented', 'The fake deletes whole rows only (shift "Up").', 'Range.delete');
        alive(t.sheet, 'Range.delete').deleteRows(t.rect.top, t.rect.bottom);
      },
    },
    insert: {
      returns: 'Range',
      run: (t: T, [shift]): T => {
        if (shift !== 'Down' || !wholeRows(t.rect))
          throw fail('NotImplemented', 'The fake inserts whole rows only (shift "Down").', 'Range.insert');
        alive(t.sheet, 'Range.insert').insertRows(t.rect.top, t.rect.bottom - t.rect.top + 1);
        return t;
      },
    },
    getEntireRow: {
      returns: 'Range',
      run: (t: T): T => ({ sheet: t.sheet, rect: { top: t.rect.top, bottom: t.rect.bottom, left: 1, right: MAX_COLS, kind: 'rows' } }),
    },
    getEntireColumn: {
      returns: 'Range',
      run: (t: T): T => ({ sheet: t.sheet, rect: { top: 1, bottom: MAX_ROWS, left: t.rect.left, right: t.rect.right, kind: 'cols' } }),
    },
    getIntersection: {
      returns: 'Range',
      api: '1.2',
      run: (t: T, [other]): T => {
        const o = typeof other === 'string' ? { sheet: t.sheet, rect: parseAddress(other).rect } : (other as T);
        const rect = o.sheet === t.sheet ? intersect(t.rect, o.rect) : null;
        if (!rect) throw fail('InvalidArgument', 'The ranges do not intersect.', 'Range.getIntersection');
        return { sheet: t.sheet, rect };
      },
    },
    getCell: {
      returns: 'Range',
      run: (t: T, [row, col]): T => {
        const r = t.rect.top + (row as number);
        const c = t.rect.left + (col as number);
        return { sheet: t.sheet, rect: { top: r, left: c, bottom: r, right: c } };
      },
    },
    getUsedRangeOrNullObject: {
      returns: 'Range',
      api: '1.4',
      run: (t: T, [valuesOnly]): T | null => {
        const used = alive(t.sheet, 'Range.getUsedRangeOrNullObject').usedRect(valuesOnly === true);
        const rect = used ? intersect(used, t.rect) : null;
        return rect ? { sheet: t.sheet, rect } : null;
      },
    },
    clear: {
      returns: 'void',
      run: (t: T, [applyTo]) => {
        const what = applyTo ?? 'All';
        if (what !== 'All' && what !== 'Contents' && what !== 'Formats')
          throw fail('InvalidArgument', `clear("${String(what)}") is not modelled by the fake.`, 'Range.clear');
        const sheet = alive(t.sheet, 'Range.clear');
        for (const [r, c, cell] of [...sheet.stored(t.rect)]) {
          if (what !== 'Formats') {
            cell.v = null;
            delete cell.f;
            delete cell.quote;
          }
          if (what !== 'Contents') {
            delete cell.style;
            delete cell.fmt;
          }
          sheet.tidy(r, c);
        }
      },
    },
    select: {
      returns: 'void',
      run: (t: T, _args, rt: Runtime) => {
        if (rt.model.activeId !== t.sheet.id)
          throw fail('InvalidSelection', 'Select a range on the active sheet (activate the sheet first).', 'Range.select');
        rt.model.selection = { sheet: t.sheet.name, address: formatAddress(t.sheet.name, t.rect) };
      },
    },
  },
};

export const RangeAreas: ClassSpec = {
  name: 'RangeAreas',
  props: {
    address: { get: (t: AreasTarget) => t.rects.map((r) => formatAddress(t.sheet.name, r)).join(',') },
    areaCount: { get: (t: AreasTarget) => t.rects.length, api: '1.9' },
  },
};
