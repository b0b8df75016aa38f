// Which Office host the pane talks to: the real globals office.js defines, or — in browser tests — the fake one
// the test injects as window.__PHULUC_TEST_HOST__ before the app script runs.

/** What the pane needs of office.js before the Excel layer takes over. */
export interface OfficeLike {
  /** Resolves with the host ("Excel" — Office.HostType.Excel is that string — or null outside Office). */
  onReady(): Promise<{ host: unknown; platform?: unknown }>;
}

/** The two globals the Excel layer is built on (typed loosely here: only addin/src/excel/ uses them). */
export interface OfficeHost {
  Excel: unknown;
  Office: unknown;
}

interface HostWindow {
  __PHULUC_TEST_HOST__?: { Excel?: unknown; Office?: unknown };
  __PHULUC_UNSUPPORTED__?: boolean;
  Excel?: unknown;
  Office?: OfficeLike;
  navigator: { userAgent: string };
}

/**
 * The injected test host when present (ready as it is: tests make it before the app runs), else office.js's globals,
 * which are usable after Office.onReady; null when office.js did not load at all (offline, blocked).
 * @example const host = resolveHost(window); if (host?.kind === 'office') await host.Office.onReady()
 */
export function resolveHost(w: HostWindow): (OfficeHost & { kind: 'test' | 'office' }) | null {
  const test = w.__PHULUC_TEST_HOST__;
  if (test?.Excel && test.Office) return { kind: 'test', Excel: test.Excel, Office: test.Office };
  if (w.Office) return { kind: 'office', Excel: w.Excel, Office: w.Office };
  return null;
}

/**
 * A legacy webview (Internet Explorer, EdgeHTML, or an engine without ES2020's basics) cannot run the pane: the inline
 * check at the top of taskpane.html has decided so before this bundle loaded, shown the message and set the flag, so the
 * app must not start. The decision lives there alone (it must run where this bundle cannot even parse).
 * @example isUnsupportedBrowser({ __PHULUC_UNSUPPORTED__: true, navigator: { userAgent: '…Edge/18.19041' } }) // true
 */
export function isUnsupportedBrowser(w: HostWindow): boolean {
  return w.__PHULUC_UNSUPPORTED__ === true;
}
