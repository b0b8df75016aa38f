// The fake workbook as a whole: its sheets (built from a snapshot), the active sheet, selection and document settings.
import { fail } from './errors.ts';
import { parseAddress } from './addr.ts';
import { SheetModel } from './model.ts';
import type { FakeValue, SnapshotSheet, WorkbookSnapshotData } from './types.ts';

export class WorkbookModel {
  sheets: SheetModel[] = [];
  activeId = '';
  selection: { sheet: string; address: string } | null = null;
  /** Settings as saved in the document, and the pane's in-memory copy (Office loads it when the pane starts). */
  savedSettings: Record<string, unknown>;
  settings: Record<string, unknown>;
  readonly defaultFont: string;
  /** How typed dates are read (see input.ts). */
  dateOrder: 'dmy' | 'mdy' = 'dmy';
  /** Cached results of the snapshot's formulas, so a formula written back reads as the value it had. */
  readonly formulaResults = new Map<string, FakeValue>();
  /** .xlsx files (as base64) the fake can insert, registered with their parsed snapshot. */
  readonly templates = new Map<string, WorkbookSnapshotData>();
  private nextId = 1;

  constructor(snapshot: WorkbookSnapshotData) {
    this.defaultFont = snapshot.defaultFont ?? 'Calibri';
    this.savedSettings = structuredClone(snapshot.settings ?? {});
    this.settings = structuredClone(this.savedSettings);
    for (const s of snapshot.sheets) this.sheets.push(this.buildSheet(s, s.name));
    const active = snapshot.active ? this.byName(snapshot.active) : this.sheets.find((s) => s.visibility === 'Visible');
    this.activeId = active?.id ?? this.sheets[0]?.id ?? '';
  }

  /** Excel matches sheet names without regard to case. */
  byName(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => !s.deleted && s.name.toLowerCase() === key);
  }

  byKey(key: string): SheetModel | undefined {
    return this.sheets.find((s) => !s.deleted && s.id === key) ?? this.byName(key);
  }

  live(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  active(): SheetModel {
    const s = this.sheets.find((x) => x.id === this.activeId && !x.deleted);
    if (!s) throw fail('ItemNotFound', 'There is no active worksheet.', 'WorksheetCollection.getActiveWorksheet');
    return s;
  }

  addSheet(name?: string): SheetModel {
    let chosen = name;
    if (chosen === undefined) for (let n = this.live().length + 1; !chosen || this.byName(chosen); n++) chosen = `Sheet${n}`;
    checkSheetName(chosen);
    if (this.byName(chosen)) throw fail('ItemAlreadyExists', `A sheet named "${chosen}" already exists.`, 'WorksheetCollection.add');
    const s = new SheetModel(this.newId(), chosen);
    this.sheets.push(s);
    return s;
  }

  /** What insertWorksheetsFromBase64 does with a registered file: add its sheets at the end, renaming on collision. */
  insertTemplate(base64: string): string[] {
    const snap = this.templates.get(base64);
    if (!snap)
      throw fail(
        'InvalidArgument',
        'The fake does not know this file: register it with workbook.registerBase64(base64, snapshot).',
        'Workbook.insertWorksheetsFromBase64',
      );
    return snap.sheets.map((s) => {
      let name = s.name;
      for (let n = 2; this.byName(name); n++) name = `${s.name} (${n})`;
      const sheet = this.buildSheet(s, name);
      this.sheets.push(sheet);
      return sheet.id;
    });
  }

  private buildSheet(s: SnapshotSheet, name: string): SheetModel {
    const sheet = new SheetModel(this.newId(), name, s.visibility ?? 'Visible');
    for (const c of s.cells) {
      const cell = sheet.ensure(c.r, c.c);
      cell.v = c.v ?? null;
      if (c.f) {
        cell.f = c.f;
        if (!this.formulaResults.has(c.f)) this.formulaResults.set(c.f, cell.v);
      }
      if (c.fmt && c.fmt !== 'General') cell.fmt = c.fmt;
      if (c.style) cell.style = structuredClone(c.style);
      if (c.note !== undefined) cell.note = c.note;
      sheet.tidy(c.r, c.c);
    }
    for (const m of s.merges ?? []) sheet.merges.push(parseAddress(m).rect);
    for (const v of s.validations ?? [])
      sheet.validations.push({ rect: parseAddress(v.range).rect, rule: v.rule, errorAlert: v.errorAlert, prompt: v.prompt });
    for (const [c, w] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(Number(c), w);
    for (const c of s.hiddenColumns ?? []) sheet.hiddenColumns.add(c);
    for (const [r, h] of Object.entries(s.rowHeights ?? {})) sheet.row(Number(r)).height = h;
    return sheet;
  }

  private newId(): string {
    return `{00000000-0001-0000-0000-${String(this.nextId++).padStart(12, '0')}}`;
  }
}

/**
 * Excel's rules for sheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe.
 * @example checkSheetName('PL I/II') // throws InvalidArgument
 */
export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw fail('InvalidArgument', `"${name}" is not a valid sheet name.`, 'Worksheet.name');
  }
}
