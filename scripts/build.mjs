// `npm run build` (every output, or those named: node, addin, web) and `prestart` (`--if-stale`: only outputs whose
// sources changed; nothing when all are current, as in a production install built beforehand). Plain JavaScript: it
// must run where TypeScript and Vite are not installed (`npm ci --omit=dev`).
//   node scripts/build.mjs [--if-stale] [node|addin|web …]
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildState, inputHash, outDir, ROOT, TARGETS, writeStamp } from '../bin/build-state.mjs';

const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const names = args.filter((a) => !a.startsWith('--'));
for (const n of names) {
  if (!(n in TARGETS)) {
    console.error(`Không có phần dựng “${n}” (có: ${Object.keys(TARGETS).join(', ')}). / No build target "${n}".`);
    process.exit(2);
  }
}

for (const name of names.length ? names : Object.keys(TARGETS)) {
  const target = TARGETS[name];
  const state = ifStale ? buildState(target) : 'stale';
  if (state === 'fresh') continue;
  const [tool, ...toolArgs] = target.tool;
  const out = path.relative(ROOT, outDir(target));
  if (!existsSync(path.join(ROOT, tool))) {
    // A production install cannot build: an old output still serves (said once), no output at all cannot.
    const what = state === 'missing' ? 'chưa được dựng / is not built' : 'cũ hơn mã nguồn / is older than its sources';
    console.error(
      `phuluc: ${out} ${what}.\n` +
        `  Dựng trên máy có đủ công cụ: npm ci && npm run build (không dùng --omit=dev), rồi chép cả thư mục.\n` +
        `  Build it where the dev tools are installed: npm ci && npm run build (without --omit=dev), then copy the folder.`,
    );
    if (state === 'missing') process.exit(1);
    continue;
  }
  console.error(`phuluc: ${ifStale ? `${out} ${state === 'missing' ? 'chưa có' : 'cũ'} → ` : ''}dựng ${out} …`);
  const hash = inputHash(target);
  const startedAt = new Date();
  // tsc does not remove what a deleted source compiled to; Vite empties its own folder.
  if (name === 'node') rmSync(outDir(target), { recursive: true, force: true });
  const r = spawnSync(process.execPath, [path.join(ROOT, tool), ...toolArgs], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeStamp(target, hash, startedAt);
}
