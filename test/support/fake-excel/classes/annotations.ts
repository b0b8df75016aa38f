// Notes (ExcelApi 1.18) and threaded comments (1.10) in the fake: at most one of each per cell, stored on the cell.
import { parseAddress } from '../addr.ts';
import { fail } from '../errors.ts';
import type { SheetModel } from '../model.ts';
import type { ClassSpec } from '../runtime.ts';
import type { WorkbookModel } from '../workbook-model.ts';
import { alive, type RangeTarget } from './cells.ts';

interface At {
  sheet: SheetModel;
  r: number;
  c: number;
}

interface Comments {
  model: WorkbookModel;
  /** Worksheet.comments; absent for Workbook.comments (whose addresses name their sheet). */
  sheet?: SheetModel;
}

/** A single cell from an address or a Range, on `sheet` (or, for workbook-level calls, on the sheet the address names). */
function cellOf(arg: unknown, where: string, sheet: SheetModel | undefined, model: WorkbookModel): At {
  let target: SheetModel | undefined;
  let rect;
  if (typeof arg === 'string') {
    const p = parseAddress(arg);
    target = p.sheet !== undefined ? model.byName(p.sheet) : sheet;
    if (sheet && target !== sheet) throw fail('InvalidArgument', `"${arg}" is not on sheet "${sheet.name}".`, where);
    rect = p.rect;
  } else {
    const t = arg as RangeTarget;
    target = t.sheet;
    rect = t.rect;
  }
  if (!target) throw fail('InvalidArgument', `${where}: "${String(arg)}" names no sheet of this workbook.`, where);
  if (rect.top !== rect.bottom || rect.left !== rect.right) throw fail('InvalidArgument', `${where} needs a single cell.`, where);
  return { sheet: alive(target, where), r: rect.top, c: rect.left };
}

function countIn(sheets: SheetModel[], key: 'note' | 'comment'): number {
  let n = 0;
  for (const s of sheets)
    for (const [, , cell] of s.stored({ top: 1, left: 1, bottom: s.rows.length, right: 16_384 })) if (cell[key] !== undefined) n++;
  return n;
}

export const NoteCollection: ClassSpec = {
  name: 'NoteCollection',
  methods: {
    add: {
      returns: 'Note',
      api: '1.18',
      run: (s: SheetModel, [address, content], rt) => {
        const at = cellOf(address, 'NoteCollection.add', s, rt.model);
        const cell = at.sheet.ensure(at.r, at.c);
        if (cell.note !== undefined) throw fail('ItemAlreadyExists', 'The cell already has a note.', 'NoteCollection.add');
        cell.note = String(content);
        return at;
      },
    },
    getItem: {
      returns: 'Note',
      api: '1.18',
      run: (s: SheetModel, [key], rt) => {
        const at = cellOf(key, 'NoteCollection.getItem', s, rt.model);
        if (at.sheet.cell(at.r, at.c)?.note === undefined)
          throw fail('ItemNotFound', `No note at ${String(key)}.`, 'NoteCollection.getItem');
        return at;
      },
    },
    getItemOrNullObject: {
      returns: 'Note',
      api: '1.18',
      run: (s: SheetModel, [key], rt) => {
        const at = cellOf(key, 'NoteCollection.getItemOrNullObject', s, rt.model);
        return at.sheet.cell(at.r, at.c)?.note === undefined ? null : at;
      },
    },
    getCount: { returns: 'result', api: '1.18', run: (s: SheetModel) => countIn([s], 'note') },
  },
};

export const Note: ClassSpec = {
  name: 'Note',
  props: {
    content: {
      api: '1.18',
      get: (a: At) => a.sheet.cell(a.r, a.c)?.note ?? null,
      set: (a: At, v) => {
        const cell = a.sheet.cell(a.r, a.c);
        if (cell?.note === undefined) throw fail('ItemNotFound', 'The note no longer exists.', 'Note.content');
        cell.note = String(v);
      },
    },
  },
  methods: {
    delete: {
      returns: 'void',
      api: '1.18',
      run: (a: At) => {
        const cell = a.sheet.cell(a.r, a.c);
        if (cell) delete cell.note;
        a.sheet.tidy(a.r, a.c);
      },
    },
  },
};

export const CommentCollection: ClassSpec = {
  name: 'CommentCollection',
  items: {
    cls: 'Comment',
    list: (t) => {
      const { model, sheet } = t as Comments;
      const out: At[] = [];
      for (const s of sheet ? [sheet] : model.live()) {
        for (const [r, c, cell] of s.stored({ top: 1, left: 1, bottom: s.rows.length, right: 16_384 }))
          if (cell.comment !== undefined) out.push({ sheet: s, r, c });
      }
      return out;
    },
  },
  methods: {
    add: {
      returns: 'Comment',
      api: '1.10',
      run: (t: Comments, [address, content]) => {
        if (typeof content !== 'string')
          throw fail('ApiNotFound', 'Rich comment content needs ExcelApi 1.11; the fake takes plain strings.', 'CommentCollection.add');
        const at = cellOf(address, 'CommentCollection.add', t.sheet, t.model);
        const cell = at.sheet.ensure(at.r, at.c);
        if (cell.comment !== undefined) throw fail('ItemAlreadyExists', 'The cell already has a comment thread.', 'CommentCollection.add');
        cell.comment = content;
        return at;
      },
    },
    getItemByCell: {
      returns: 'Comment',
      api: '1.10',
      run: (t: Comments, [address]) => {
        const at = cellOf(address, 'CommentCollection.getItemByCell', t.sheet, t.model);
        if (at.sheet.cell(at.r, at.c)?.comment === undefined)
          throw fail('ItemNotFound', `No comment at ${String(address)}.`, 'CommentCollection.getItemByCell');
        return at;
      },
    },
    getCount: { returns: 'result', api: '1.10', run: (t: Comments) => countIn(t.sheet ? [t.sheet] : t.model.live(), 'comment') },
  },
};

export const Comment: ClassSpec = {
  name: 'Comment',
  props: {
    content: {
      api: '1.10',
      get: (a: At) => a.sheet.cell(a.r, a.c)?.comment ?? null,
      set: (a: At, v) => {
        const cell = a.sheet.cell(a.r, a.c);
        if (cell?.comment === undefined) throw fail('ItemNotFound', 'The comment no longer exists.', 'Comment.content');
        cell.comment = String(v);
      },
    },
  },
  methods: {
    delete: {
      returns: 'void',
      api: '1.10',
      run: (a: At) => {
        const cell = a.sheet.cell(a.r, a.c);
        if (cell) delete cell.comment;
        a.sheet.tidy(a.r, a.c);
      },
    },
  },
};
