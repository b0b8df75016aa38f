// npm run sideload / sideload:stop: Microsoft's office-addin-debugging, pinned in scripts/office-debugging/package-lock.json
// and installed there on first use (npm ci), opens desktop Excel with the development manifest loaded, or removes it.
// It is not one of phuluc's dev dependencies because it does not install on Linux (a keytar native build that needs
// libsecret and a download from GitHub), and desktop Excel exists only on Windows and Mac anyway.
//   node --import tsx scripts/sideload.ts start|stop
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The folder whose package-lock.json pins office-addin-debugging and everything it pulls in. */
export const TOOL_DIR = path.join(ROOT, 'scripts/office-debugging');
const MANIFEST = 'manifest/manifest.xml';

/**
 * The arguments office-addin-debugging gets for each action.
 * @example sideloadArgs('stop') // ['stop', 'manifest/manifest.xml']
 */
export function sideloadArgs(action: 'start' | 'stop'): string[] {
  return action === 'start'
    ? ['start', MANIFEST, 'desktop', '--dev-server', 'npm run dev:addin', '--dev-server-port', '3000']
    : ['stop', MANIFEST];
}

/**
 * Why this machine cannot sideload into desktop Excel, or null when it can (Windows, macOS).
 * @example whyNot('linux') // 'Excel cho máy tính chỉ có trên Windows và Mac…'
 */
export function whyNot(platform: NodeJS.Platform): string | null {
  if (platform === 'win32' || platform === 'darwin') return null;
  return (
    'Excel cho máy tính chỉ có trên Windows và Mac, và office-addin-debugging không cài được trên Linux. Trên máy này, hãy dùng Excel trên ' +
    'web: Trang đầu › Phần bổ trợ › Thêm phần bổ trợ › Tải lên Phần bổ trợ của tôi, chọn manifest/manifest.xml (xem docs/quan-tri/).\n' +
    'Desktop Excel exists only on Windows and Mac, and office-addin-debugging does not install on Linux: upload the manifest in Excel on the web.'
  );
}

function main(): number {
  const action = process.argv[2];
  if (action !== 'start' && action !== 'stop') {
    console.error('Cách dùng / usage: sideload.ts start|stop');
    return 2;
  }
  const why = whyNot(process.platform);
  if (why) {
    console.error(why);
    return 2;
  }
  const pkgFile = path.join(TOOL_DIR, 'node_modules/office-addin-debugging/package.json');
  if (!existsSync(pkgFile)) {
    console.log(
      'Cài office-addin-debugging theo scripts/office-debugging/package-lock.json (lần đầu) / installing the pinned tool (first use)…',
    );
    const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: TOOL_DIR,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (npm.status !== 0) return npm.status ?? 1;
  }
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['office-addin-debugging']!;
  const r = spawnSync(process.execPath, [path.join(path.dirname(pkgFile), bin), ...sideloadArgs(action)], { cwd: ROOT, stdio: 'inherit' });
  return r.status ?? 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
