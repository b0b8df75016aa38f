// What the sync actions run on: the Excel port, the pane's storage, fetch, MSAL, a clock and timers (tests pass fakes).
import type { ExcelPort } from '../excel/port.ts';
import type { KeyValue } from './auth/token-store.ts';
import type { MsalModule } from './auth/naa.ts';

export interface SyncDeps {
  port: ExcelPort;
  /** Per-user storage for the token and the queue (localStorage); never the workbook. */
  storage: KeyValue | undefined;
  fetch?: typeof fetch;
  msal?: () => Promise<MsalModule>;
  /** The server to suggest when the workbook has no binding yet (the pane's own origin). */
  defaultServer?: string;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}
