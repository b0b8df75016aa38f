// The folder phuluc is installed in (the one holding its package.json), the same whether the code runs from the
// TypeScript sources (server/…) or from the compiled output (dist/node/server/…), which sits two folders deeper.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest folder above `from` that holds a package.json.
 * @example appRootFrom('/srv/phuluc/dist/node/server') // '/srv/phuluc'
 */
export function appRootFrom(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** phuluc's own folder: package.json, dist/addin, dist/web. */
export const APP_ROOT = appRootFrom(path.dirname(fileURLToPath(import.meta.url)));
