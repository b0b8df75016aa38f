// Serve a built pane the way production does: the real phuluc app (createApp, so through server/routes/static.ts
// as registered in server/app.ts) on 127.0.0.1, with PHULUC_ADDIN_DIR pointing at the test's build.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../../../server/app.ts';
import { freshPglite } from '../../../support/db.ts';

export interface PaneServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/** @example const server = await startPaneServer(dir); await page.goto(`${server.origin}/addin/taskpane.html`) */
export async function startPaneServer(addinDir: string): Promise<PaneServer> {
  const database = await freshPglite();
  const before = process.env.PHULUC_ADDIN_DIR;
  process.env.PHULUC_ADDIN_DIR = addinDir;
  const app = createApp({ db: database.db, log: () => {} });
  if (before === undefined) delete process.env.PHULUC_ADDIN_DIR;
  else process.env.PHULUC_ADDIN_DIR = before;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
