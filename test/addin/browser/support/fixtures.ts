// Data for the fake Excel host, made in Node (exceljs) and handed to the page as JSON: a fixture workbook's
// snapshot, and the templates the pane may insert (registered by their base64, as Excel would receive them).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Grid } from '../../../../core/model/index.ts';
import { readWorkbook } from '../../../../workbook/xlsx/index.ts';
import type { FakeExcelOptions } from '../../../support/fake-excel/fake-host.ts';
import { snapshotFromXlsx } from '../../../support/fake-excel/snapshot.ts';
import { REPO_ROOT, fixture } from '../../../support/paths.ts';
import type { FakeData } from './fake-entry.ts';

/** The fixture's sheets as core Grids (for checks in Node). */
export async function fixtureGrids(name: string): Promise<Grid[]> {
  return (await readWorkbook(new Uint8Array(await readFile(fixture(name))))).sheets;
}

async function templates(): Promise<NonNullable<FakeData['templates']>> {
  return Promise.all(
    ['phu-luc-nhiem-vu.xlsx', 'phu-luc-chi-tieu.xlsx'].map(async (name) => {
      const bytes = new Uint8Array(await readFile(path.join(REPO_ROOT, 'templates', name)));
      return [Buffer.from(bytes).toString('base64'), await snapshotFromXlsx(bytes)] as const satisfies readonly [string, unknown];
    }),
  ).then((list) => list.map(([b, s]) => [b, s]));
}

/**
 * An init script putting the fake's data where fake-entry.ts looks for it.
 * @example await context.addInitScript({ content: await fakeDataScript('cam-giang-phu-luc.xlsx') })
 */
export async function fakeDataScript(name: string, opts: FakeExcelOptions = {}): Promise<string> {
  const snapshot = await snapshotFromXlsx(new Uint8Array(await readFile(fixture(name))));
  const data: FakeData = { snapshot, opts, templates: await templates() };
  return `window.__PHULUC_FAKE_DATA__ = ${JSON.stringify(data)};`;
}
