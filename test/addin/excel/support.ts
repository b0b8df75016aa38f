// Shared by the Excel-layer tests: fixtures as fake workbooks, sync counting, Grid values as the readers compare them.
import { readFile } from 'node:fs/promises';
import type { Grid } from '../../../core/model/index.ts';
import { createFakeExcel, type FakeExcel, type FakeExcelOptions, type WorkbookSnapshotData } from '../../support/fake-excel/fake-host.ts';
import { snapshotFromXlsx } from '../../support/fake-excel/snapshot.ts';
import { fixture } from '../../support/paths.ts';

export const FIXTURES = ['cam-giang-phu-luc.xlsx', 'quang-son-phu-luc.xlsx'] as const;

const snapshots = new Map<string, Promise<WorkbookSnapshotData>>();

/** The fixture's snapshot, parsed once per test file. */
export function fixtureSnapshot(name: string): Promise<WorkbookSnapshotData> {
  let s = snapshots.get(name);
  if (!s) snapshots.set(name, (s = readFile(fixture(name)).then((b) => snapshotFromXlsx(b))));
  return s;
}

/** A fresh fake Excel over a fixture. */
export async function fixtureExcel(name: string, opts: FakeExcelOptions = {}): Promise<FakeExcel> {
  return createFakeExcel(await fixtureSnapshot(name), opts);
}

/** Syncs (and runs) an operation costs. */
export async function counted<T>(fake: FakeExcel, op: () => Promise<T>): Promise<{ value: T; syncs: number; runs: number }> {
  const s = fake.stats.syncs;
  const r = fake.stats.runs;
  const value = await op();
  return { value, syncs: fake.stats.syncs - s, runs: fake.stats.runs - r };
}

/**
 * A Grid's values as a plain matrix, with cells under a merge emptied: Excel reports them empty, exceljs repeats the
 * master's value there, and core reads them as empty either way (core/read/text-grid.ts).
 */
export function gridValues(g: Grid): unknown[][] {
  const covered = (r: number, c: number) =>
    g.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  const out = g.rows.map((row, i) => row.map((cell, j) => (covered(i + 1, j + 1) ? null : (cell?.v ?? null))));
  // Trailing empties carry no meaning once covered cells are cleared.
  for (const row of out) while (row.length > 0 && row[row.length - 1] === null) row.pop();
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}
