// Printing a workbook as an official would: LibreOffice (headless, a profile of its own per call, so parallel tests
// never clash on its lock) turns an .xlsx into a PDF; poppler reads the PDF back (page sizes, each page's text) and
// draws pages as PNGs to look at.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { REPO_ROOT } from './paths.ts';

const run = promisify(execFile);

/** Where the PNGs of printed outputs go (test-artifacts/ is not committed). */
export const OUTPUT_SHOTS = path.join(REPO_ROOT, 'test-artifacts', 'screenshots', 'outputs');

/**
 * Print `xlsx` to a PDF beside it (same name, .pdf) and return its path. Rejects when LibreOffice cannot load it.
 * @example const pdf = await printToPdf('/tmp/x/tong-hop.xlsx')
 */
export async function printToPdf(xlsx: string): Promise<string> {
  const profile = await mkdtemp(path.join(tmpdir(), 'phuluc-lo-profile-'));
  const dir = path.dirname(path.resolve(xlsx));
  try {
    const { stdout, stderr } = await run(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.resolve(xlsx)],
      { timeout: 240_000 },
    );
    if (!/convert /.test(stdout)) throw new Error(`LibreOffice did not print ${xlsx}: ${stdout} ${stderr}`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return path.join(dir, `${path.basename(xlsx, path.extname(xlsx))}.pdf`);
}

/** Each page's size in points, as pdfinfo reads them. */
export async function pageSizes(pdf: string): Promise<{ width: number; height: number }[]> {
  const { stdout: head } = await run('pdfinfo', [pdf]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(head)?.[1] ?? 0);
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', String(pages), pdf]);
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** A4 landscape: 842 × 595 points (within a point). */
export function isA4Landscape(size: { width: number; height: number }): boolean {
  return Math.abs(size.width - 841.89) < 1 && Math.abs(size.height - 595.28) < 1;
}

/** The text of each page, in reading order (words joined by single spaces, so phrases can be looked for). */
export async function pageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 << 20 });
  const pages = stdout.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map((p) => p.normalize('NFC').replace(/\s+/g, ' ').trim());
}

/**
 * Draw pages `first`…`last` as PNGs named `<name>-<page>.png` in OUTPUT_SHOTS; returns their paths.
 * @example await pagePngs(pdf, 'tong-hop', 1, 2)
 */
export async function pagePngs(pdf: string, name: string, first: number, last: number): Promise<string[]> {
  await run('mkdir', ['-p', OUTPUT_SHOTS]);
  const prefix = path.join(OUTPUT_SHOTS, name);
  await run('pdftoppm', ['-png', '-r', '60', '-f', String(first), '-l', String(last), pdf, prefix]);
  const width = String(last).length;
  return Array.from({ length: last - first + 1 }, (_, i) => `${prefix}-${String(first + i).padStart(width, '0')}.png`);
}
