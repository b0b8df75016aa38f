// phuluc's version and the git commit it runs from, read once: package.json in phuluc's folder (APP_ROOT, the same
// answer from the TypeScript sources and from compiled JavaScript), the commit from PHULUC_COMMIT (set at build or by
// the service) or else the checkout's .git, else null.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from './app-root.ts';

export interface VersionInfo {
  version: string;
  commit: string | null;
}

let cached: VersionInfo | null = null;

/** @example serverVersion() // { version: '0.1.0', commit: '6d04352' } */
export function serverVersion(env: Record<string, string | undefined> = process.env): VersionInfo {
  if (cached) return cached;
  const commit = env.PHULUC_COMMIT?.trim().slice(0, 40) || gitCommit(APP_ROOT);
  cached = { version: packageVersion(), commit };
  return cached;
}

/**
 * The version in phuluc's package.json (read when asked, not imported: the code runs from the sources or from dist/node).
 * @example packageVersion() // '0.1.0'
 */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(APP_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** The short commit of .git/HEAD (a ref file or packed-refs), without running git. */
function gitCommit(root: string): string | null {
  try {
    const git = path.join(root, '.git');
    const head = readFileSync(path.join(git, 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40}$/.test(head)) return head.slice(0, 12);
    const ref = /^ref: (refs\/[\w./-]+)$/.exec(head)?.[1];
    if (!ref) return null;
    const loose = path.join(git, ref);
    const sha = existsSync(loose)
      ? readFileSync(loose, 'utf8').trim()
      : (readFileSync(path.join(git, 'packed-refs'), 'utf8')
          .split('\n')
          .find((l) => l.endsWith(` ${ref}`))
          ?.slice(0, 40) ?? '');
    return /^[0-9a-f]{40}$/.test(sha) ? sha.slice(0, 12) : null;
  } catch {
    return null;
  }
}
