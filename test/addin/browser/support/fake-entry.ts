// Browser entry bundled into the init script: builds the strict fake Excel host (test/support/fake-excel) from the
// data the test put in window.__PHULUC_FAKE_DATA__ and exposes it as window.__PHULUC_TEST_HOST__ — what
// addin/src/main.tsx hands to the real Excel layer — and, for the test's assertions, as window.__PHULUC_FAKE__.
import { createFakeExcel, type FakeExcelOptions, type WorkbookSnapshotData } from '../../../support/fake-excel/fake-host.ts';

export interface FakeData {
  snapshot: WorkbookSnapshotData;
  opts?: FakeExcelOptions;
  /** Base64 .xlsx files insertWorksheetsFromBase64 accepts, each with what it contains. */
  templates?: [string, WorkbookSnapshotData][];
}

const w = window as unknown as { __PHULUC_FAKE_DATA__?: FakeData; __PHULUC_TEST_HOST__?: unknown; __PHULUC_FAKE__?: unknown };
const data = w.__PHULUC_FAKE_DATA__;
if (data) {
  const fake = createFakeExcel(data.snapshot, data.opts ?? {});
  for (const [base64, snapshot] of data.templates ?? []) fake.workbook.registerBase64(base64, snapshot);
  w.__PHULUC_TEST_HOST__ = { Excel: fake.Excel, Office: fake.Office };
  w.__PHULUC_FAKE__ = fake;
}
