// Excel.RangeFormat, RangeFill and RangeFont: range-level properties (null when the cells differ), set on every cell.
import { fail } from '../errors.ts';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from '../model.ts';
import type { ClassSpec, PropSpec } from '../runtime.ts';
import { alive, setLeaf, uniform, type RangeTarget } from './cells.ts';

type T = RangeTarget;

/** A format leaf exposed as a range property. */
function leaf(path: string[], api?: string): PropSpec {
  return {
    get: (t: T, rt) => uniform(t, path, rt),
    set: (t: T, v, rt) => setLeaf(t, path, v, rt, `Range.format.${path.join('.')}`),
    ...(api ? { api } : {}),
  };
}

function same<V>(xs: V[]): V | null {
  return xs.every((x) => x === xs[0]) ? (xs[0] ?? null) : null;
}

const MAX_DIMENSION_SPAN = 100_000;

export const RangeFormat: ClassSpec = {
  name: 'RangeFormat',
  props: {
    columnWidth: {
      api: '1.2',
      get: (t: T) => same(span(t.rect.left, t.rect.right).map((c) => t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH)),
      set: (t: T, v) => {
        if (typeof v !== 'number' || v < 0)
          throw fail('InvalidArgument', 'columnWidth must be a non-negative number.', 'RangeFormat.columnWidth');
        for (const c of span(t.rect.left, t.rect.right)) alive(t.sheet, 'RangeFormat.columnWidth').columnWidths.set(c, v);
      },
    },
    rowHeight: {
      api: '1.2',
      get: (t: T) => same(span(t.rect.top, t.rect.bottom).map((r) => t.sheet.rows[r - 1]?.height ?? DEFAULT_ROW_HEIGHT)),
      set: (t: T, v) => {
        if (typeof v !== 'number' || v < 0)
          throw fail('InvalidArgument', 'rowHeight must be a non-negative number.', 'RangeFormat.rowHeight');
        for (const r of span(t.rect.top, t.rect.bottom)) alive(t.sheet, 'RangeFormat.rowHeight').row(r).height = v;
      },
    },
    horizontalAlignment: leaf(['horizontalAlignment']),
    verticalAlignment: leaf(['verticalAlignment']),
    wrapText: leaf(['wrapText']),
  },
  nav: {
    fill: { cls: 'RangeFill', make: (t: T) => t },
    font: { cls: 'RangeFont', make: (t: T) => t },
  },
};

function span(a: number, b: number): number[] {
  if (b - a + 1 > MAX_DIMENSION_SPAN) throw fail('NotImplemented', 'The fake sizes rows or columns of bounded ranges only.', 'RangeFormat');
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

export const RangeFill: ClassSpec = {
  name: 'RangeFill',
  props: {
    color: leaf(['fill', 'color']),
    pattern: leaf(['fill', 'pattern'], '1.9'),
    patternColor: leaf(['fill', 'patternColor'], '1.9'),
  },
  methods: {
    clear: {
      returns: 'void',
      run: (t: T) => {
        for (const [r, c, cell] of [...alive(t.sheet, 'RangeFill.clear').stored(t.rect)]) {
          if (!cell.style?.fill) continue;
          delete cell.style.fill;
          if (Object.keys(cell.style).length === 0) delete cell.style;
          t.sheet.tidy(r, c);
        }
      },
    },
  },
};

export const RangeFont: ClassSpec = {
  name: 'RangeFont',
  props: {
    name: leaf(['font', 'name']),
    bold: leaf(['font', 'bold']),
    italic: leaf(['font', 'italic']),
    size: leaf(['font', 'size']),
    color: leaf(['font', 'color']),
  },
};
