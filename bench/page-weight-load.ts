// What a built page fetches before any user action: its HTML's module scripts, modulepreload links and stylesheets, and
// every chunk those scripts import statically (a dynamic import() is fetched later, on demand, and is not counted).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface LoadedFile {
  /** Path relative to the build's folder, e.g. 'static/taskpane-AbC123xy.js'. */
  file: string;
  bytes: number;
  gzip: number;
}

export interface FirstLoad {
  /** The HTML itself first, then scripts and stylesheets in the order they are found. */
  files: LoadedFile[];
  total: { bytes: number; gzip: number };
  /** Scripts from another origin (office.js from Microsoft's CDN): named, never counted. */
  external: string[];
}

/** `<script src>`, `<link rel=modulepreload|stylesheet href>` of an HTML file. */
const HTML_REFS = /<script\b[^>]*\bsrc="([^"]+)"|<link\b[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*\bhref="([^"]+)"/g;
/** Static imports in a built chunk: `import{a}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"` (not `import(`). */
const STATIC_IMPORTS = /(?:\bimport|\bexport)\s*(?:[\w${}\s,*]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;

/**
 * The first load of `html` (a path relative to `dir`, the build's folder), with gzip sizes at zlib's default level (what
 * a server compressing on the fly sends).
 * @example (await firstLoad('dist/addin', 'taskpane.html')).total.gzip
 */
export async function firstLoad(dir: string, html: string, base = '/'): Promise<FirstLoad> {
  const seen = new Map<string, LoadedFile>();
  const external: string[] = [];
  const add = async (file: string): Promise<string | null> => {
    if (seen.has(file)) return null;
    const data = await readFile(path.join(dir, file));
    seen.set(file, { file, bytes: data.length, gzip: gzipSync(data).length });
    return data.toString('utf8');
  };
  const htmlText = (await add(html))!;
  const queue: string[] = [];
  for (const m of htmlText.matchAll(HTML_REFS)) {
    const ref = (m[1] ?? m[2])!;
    if (/^[a-z]+:\/\//i.test(ref)) {
      external.push(ref);
      continue;
    }
    queue.push(resolveRef(ref, html, base));
  }
  await follow(dir, queue, add);
  const files = [...seen.values()];
  return { files, total: sum(files), external };
}

/**
 * What a dynamic import() of `chunk` fetches beyond what the page already has (`loaded`): the chunk and every chunk it
 * imports statically that is not yet there.
 * @example (await onDemand('dist/web', 'assets/xlsx-read-browser-Bp7lBMcr.js', firstLoadOfPage)).total.gzip
 */
export async function onDemand(
  dir: string,
  chunk: string,
  loaded: FirstLoad,
): Promise<{ files: LoadedFile[]; total: { bytes: number; gzip: number } }> {
  const have = new Set(loaded.files.map((f) => f.file));
  const files: LoadedFile[] = [];
  await follow(dir, [chunk], async (file) => {
    if (have.has(file)) return null;
    have.add(file);
    const data = await readFile(path.join(dir, file));
    files.push({ file, bytes: data.length, gzip: gzipSync(data).length });
    return data.toString('utf8');
  });
  return { files, total: sum(files) };
}

/** Fetch each file of the queue once (`add` answers null for one already there), following static imports. */
async function follow(dir: string, queue: string[], add: (file: string) => Promise<string | null>): Promise<void> {
  while (queue.length > 0) {
    const file = queue.shift()!;
    const text = await add(file);
    if (text === null || !file.endsWith('.js')) continue;
    for (const m of text.matchAll(STATIC_IMPORTS)) queue.push(path.posix.join(path.posix.dirname(file), m[1]!));
  }
}

function sum(files: LoadedFile[]): { bytes: number; gzip: number } {
  return files.reduce((t, f) => ({ bytes: t.bytes + f.bytes, gzip: t.gzip + f.gzip }), { bytes: 0, gzip: 0 });
}

/** A URL of the HTML as a path in the build's folder: relative to the HTML, or absolute under the build's base. */
function resolveRef(ref: string, html: string, base: string): string {
  const clean = ref.replace(/[?#].*$/, '');
  if (clean.startsWith('/')) return clean.startsWith(base) ? clean.slice(base.length) : clean.slice(1);
  return path.posix.join(path.posix.dirname(html), clean);
}
