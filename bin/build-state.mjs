// Whether each build output (dist/node, dist/addin, dist/web) matches its sources: a stamp written by the build holds a
// hash of the inputs; plain JavaScript with no dependency, so a production install (`npm ci --omit=dev`) can run it.
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** phuluc's folder (this file is bin/build-state.mjs). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Each output, the dev tool that builds it (a script under node_modules, absent from a production install) and the
 * files and folders it is built from, relative to ROOT. package-lock.json is an input: another version of a library
 * may change the bundles. `outEnv` names the variable the Vite config reads to write elsewhere.
 */
export const TARGETS = {
  node: {
    out: 'dist/node',
    tool: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
    inputs: ['core', 'workbook', 'cli', 'server', 'templates', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
  },
  addin: {
    out: 'dist/addin',
    outEnv: 'PHULUC_ADDIN_OUT',
    tool: ['node_modules/vite/bin/vite.js', 'build', '-c', 'addin/vite.config.ts'],
    inputs: ['addin', 'core', 'workbook', 'templates', 'tsconfig.json', 'package-lock.json'],
  },
  web: {
    out: 'dist/web',
    outEnv: 'PHULUC_WEB_OUT',
    tool: ['node_modules/vite/bin/vite.js', 'build', '-c', 'web/vite.config.ts'],
    inputs: ['web', 'core', 'workbook', 'templates', 'tsconfig.json', 'package-lock.json'],
  },
};

/**
 * A target's output folder (absolute).
 * @example outDir(TARGETS.web) // '/srv/phuluc/dist/web'
 */
export function outDir(target, root = ROOT, env = process.env) {
  return path.resolve(root, (target.outEnv && env[target.outEnv]) || target.out);
}

const STAMP = '.build-stamp.json';

/** Every input file and folder of a target, sorted, as paths relative to ROOT (folders end with '/'). */
function inputEntries(target, root) {
  const out = [];
  const walk = (rel) => {
    out.push(`${rel}/`);
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
      if (e.isDirectory()) walk(`${rel}/${e.name}`);
      else out.push(`${rel}/${e.name}`);
    }
  };
  for (const i of target.inputs) {
    const st = statSync(path.join(root, i), { throwIfNoEntry: false });
    if (st?.isDirectory()) walk(i);
    else if (st) out.push(i);
  }
  return out.sort();
}

/**
 * The hash of a target's inputs: every file's path and content.
 * @example inputHash(TARGETS.node) // 'sha256 hex'
 */
export function inputHash(target, root = ROOT) {
  // Loaded only when needed: node:crypto costs a few milliseconds of every start otherwise.
  const h = process.getBuiltinModule('node:crypto').createHash('sha256');
  for (const rel of inputEntries(target, root)) {
    h.update(`${rel}\0`);
    if (!rel.endsWith('/')) h.update(readFileSync(path.join(root, rel)));
    h.update('\0');
  }
  return h.digest('hex');
}

/**
 * 'fresh', 'stale' or 'missing'. Cheap when fresh: no input is newer than the stamp (a file added or removed changes its
 * folder's time); only when one is does it hash the inputs (a checkout or a copy touches files without changing them),
 * and a matching hash moves the stamp's time forward so the next call is cheap again.
 * @example buildState(TARGETS.node) // 'fresh'
 */
export function buildState(target, root = ROOT) {
  const stampFile = path.join(outDir(target, root), STAMP);
  let stamp;
  try {
    stamp = { ...JSON.parse(readFileSync(stampFile, 'utf8')), time: statSync(stampFile).mtimeMs };
  } catch {
    return 'missing';
  }
  const newer = inputEntries(target, root).some((rel) => statSync(path.join(root, rel)).mtimeMs > stamp.time);
  if (!newer) return 'fresh';
  if (inputHash(target, root) !== stamp.hash) return 'stale';
  const now = new Date();
  utimesSync(stampFile, now, now);
  return 'fresh';
}

/**
 * Whether a target was built at all (its stamp is there), without looking at the sources: for a production install,
 * which cannot rebuild anyway.
 * @example isBuilt(TARGETS.node) // true
 */
export function isBuilt(target, root = ROOT) {
  return existsSync(path.join(outDir(target, root), STAMP));
}

/**
 * Record that `target` was built from inputs whose hash was `hash`, taken before the build started (`startedAt`): the
 * stamp carries that time, so a source edited while the build ran is newer than it and is hashed again.
 * @example const hash = inputHash(t); const at = new Date(); build(); writeStamp(t, hash, at)
 */
export function writeStamp(target, hash, startedAt, root = ROOT) {
  const stampFile = path.join(outDir(target, root), STAMP);
  writeFileSync(stampFile, `${JSON.stringify({ hash, builtAt: startedAt.toISOString() }, null, 2)}\n`);
  utimesSync(stampFile, startedAt, startedAt);
}
