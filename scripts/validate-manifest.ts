// npm run validate: the add-in manifests phuluc ships, checked against the Office schemas offline (xmllint with
// manifest/xsd/), then with Microsoft's own validator (office-addin-manifest validate) when its service answers; offline
// that second check is skipped, and the output says so.
//   node --import tsx scripts/validate-manifest.ts [manifest.xml …] [--offline]
// Without files: manifest/manifest.xml, a copy generated for https://phuluc.example.gov.vn, and dist/manifest.xml if present.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_FILE, MANIFEST_XSD } from '../manifest/manifest.ts';
import { manifestFor } from './manifest-for.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where office-addin-manifest sends a manifest to be checked. */
export const VALIDATION_SERVICE = 'https://validationgateway.omex.office.net/package/api/check';
/** The example address the generated copy is made for. */
const EXAMPLE_BASE = 'https://phuluc.example.gov.vn';

export interface Target {
  /** What the output calls it. */
  label: string;
  file: string;
}

/**
 * xmllint's verdict on one manifest against OfficeAppManifestV1_1.xsd: null when valid, else its messages.
 * @example schemaErrors('manifest/manifest.xml') // null
 */
export function schemaErrors(file: string): string | null {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', MANIFEST_XSD, file], { encoding: 'utf8' });
  if (r.error) throw new Error(`Không chạy được xmllint (cài gói libxml2-utils) / xmllint not found: ${r.error.message}`);
  return r.status === 0 ? null : `${r.stdout}${r.stderr}`.trim();
}

/**
 * Why Microsoft's validation service cannot be used, or null when it answers (any HTTP status) within 5 seconds.
 * PHULUC_VALIDATION_PROBE names another address to ask instead (the tests use a closed port on 127.0.0.1).
 */
async function unreachable(): Promise<string | null> {
  try {
    await fetch(process.env.PHULUC_VALIDATION_PROBE ?? VALIDATION_SERVICE, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return null;
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
  }
}

function microsoftValidator(file: string): { ok: boolean; output: string } {
  const pkg = createRequire(import.meta.url).resolve('office-addin-manifest/package.json');
  const cli = path.join(path.dirname(pkg), 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'validate', file], { encoding: 'utf8', timeout: 120_000 });
  return { ok: r.status === 0 && !/is not valid/i.test(r.stdout), output: `${r.stdout}${r.stderr}`.trim() };
}

/**
 * Validate each target; returns the exit code (0 valid, 1 a manifest is invalid).
 * @example await validate([{ label: 'manifest/manifest.xml', file: MANIFEST_FILE }], { offline: true })
 */
export async function validate(targets: Target[], opts: { offline: boolean; log?: (line: string) => void }): Promise<number> {
  const log = opts.log ?? ((line: string) => console.log(line));
  let failed = 0;
  for (const t of targets) {
    const errors = schemaErrors(t.file);
    if (errors === null) log(`✓ ${t.label}: hợp lệ theo lược đồ Office (XSD) / valid against the Office schemas`);
    else {
      failed++;
      log(`✗ ${t.label}: không hợp lệ theo lược đồ Office (XSD) / not valid against the Office schemas\n${errors}`);
    }
  }
  const why = opts.offline ? null : await unreachable();
  if (opts.offline) {
    log(
      `– Bỏ qua kiểm tra bằng công cụ của Microsoft (office-addin-manifest validate): chạy với --offline. / Skipped Microsoft's validator: --offline.`,
    );
  } else if (why !== null) {
    log(
      `– Bỏ qua kiểm tra bằng công cụ của Microsoft (office-addin-manifest validate): không có mạng tới dịch vụ kiểm tra (${why}). ` +
        `/ Skipped Microsoft's validator: its service cannot be reached (${why}).`,
    );
  } else {
    for (const t of targets) {
      const r = microsoftValidator(t.file);
      if (r.ok) log(`✓ ${t.label}: hợp lệ theo công cụ của Microsoft / valid for Microsoft's validator`);
      else {
        failed++;
        log(`✗ ${t.label}: công cụ của Microsoft báo lỗi / Microsoft's validator found problems\n${r.output}`);
      }
    }
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const offline = args.includes('--offline') || process.env.PHULUC_OFFLINE === '1';
  const files = args.filter((a) => !a.startsWith('--'));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'phuluc-validate-'));
  try {
    let targets: Target[] = files.map((f) => ({ label: f, file: path.resolve(f) }));
    if (targets.length === 0) {
      const generated = path.join(tmp, 'manifest.xml');
      writeFileSync(generated, manifestFor(readFileSync(MANIFEST_FILE, 'utf8'), { baseUrl: EXAMPLE_BASE, version: '1.0.0.0' }));
      targets = [
        { label: 'manifest/manifest.xml', file: MANIFEST_FILE },
        { label: `bản tạo cho / generated for ${EXAMPLE_BASE}`, file: generated },
      ];
      const dist = path.join(ROOT, 'dist/manifest.xml');
      if (existsSync(dist)) targets.push({ label: 'dist/manifest.xml', file: dist });
    }
    const missing = targets.find((t) => !existsSync(t.file));
    if (missing) {
      console.error(`Không có tệp / no such file: ${missing.label}`);
      process.exitCode = 2;
    } else process.exitCode = await validate(targets, { offline });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
