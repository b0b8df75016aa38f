// Facts about the add-in manifest that the build script and the tests share: where it is, the development origin
// it names, and readers for its id, version and URLs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** manifest/manifest.xml (development URLs). */
export const MANIFEST_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'manifest.xml');
/** The Office add-in manifest schemas (patched for libxml2; see manifest/xsd/README.md), for offline validation. */
export const MANIFEST_XSD_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'xsd');
/** The root schema xmllint validates a manifest against. */
export const MANIFEST_XSD = path.join(MANIFEST_XSD_DIR, 'OfficeAppManifestV1_1.xsd');
/** The origin of `npm run dev:addin`, named by every URL of the development manifest. */
export const DEV_ORIGIN = 'https://localhost:3000';
/** Path of the pane under an origin (the sync server serves dist/addin there too). */
export const PANE_PATH = '/addin/taskpane.html';

/**
 * Every URL in DefaultValue/Value attributes (comments ignored).
 * @example manifestUrls(xml).every((u) => u.startsWith('https://'))
 */
export function manifestUrls(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  return [...body.matchAll(/\b(?:DefaultValue|Value)="([a-z][a-z0-9+.-]*:\/\/[^"]*)"/gi)].map((m) => m[1]!);
}

/** @example manifestVersion(xml) // '0.1.0.0' */
export function manifestVersion(xml: string): string | null {
  return /<Version>([^<]*)<\/Version>/.exec(xml)?.[1] ?? null;
}

/** @example manifestId(xml) // '6a5a82fe-…' */
export function manifestId(xml: string): string | null {
  return /<Id>([^<]*)<\/Id>/.exec(xml)?.[1] ?? null;
}
