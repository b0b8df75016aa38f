// npm run validate: the shipped manifests checked offline against the Office schemas, Microsoft's validator skipped
// (and said so) when its service cannot be reached; a broken manifest fails with xmllint's words. And npm run sideload:
// the pinned tool, and a plain refusal on Linux.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../manifest/manifest.ts';
import { sideloadArgs, TOOL_DIR, whyNot } from '../../scripts/sideload.ts';
import { REPO_ROOT } from '../support/paths.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'phuluc-validate-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('npm', ['run', '--silent', 'validate', '--', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: r.status, lines: r.stdout.trim().split('\n'), stderr: r.stderr };
}

/** A loopback port nothing listens on: a service that cannot be reached, without leaving this machine. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const XSD_OK = (label: string) => `✓ ${label}: hợp lệ theo lược đồ Office (XSD) / valid against the Office schemas`;

describe('npm run validate', () => {
  // Without files it also takes a generated copy and dist/manifest.xml: test/docs/quan-tri.test.ts runs that, as the guide says.
  it('checks the manifests it is given against the XSDs; --offline skips Microsoft’s validator and says so', () => {
    expect(run(['--offline', 'manifest/manifest.xml'])).toEqual({
      status: 0,
      lines: [
        XSD_OK('manifest/manifest.xml'),
        "– Bỏ qua kiểm tra bằng công cụ của Microsoft (office-addin-manifest validate): chạy với --offline. / Skipped Microsoft's validator: --offline.",
      ],
      stderr: '',
    });
  });

  it('finds out by itself that Microsoft’s service cannot be reached, and skips it with the reason', async () => {
    const port = await closedPort();
    const r = run([MANIFEST_FILE], { PHULUC_VALIDATION_PROBE: `http://127.0.0.1:${port}/` });
    expect(r).toEqual({
      status: 0,
      lines: [
        XSD_OK(MANIFEST_FILE),
        "– Bỏ qua kiểm tra bằng công cụ của Microsoft (office-addin-manifest validate): không có mạng tới dịch vụ kiểm tra (ECONNREFUSED). / Skipped Microsoft's validator: its service cannot be reached (ECONNREFUSED).",
      ],
      stderr: '',
    });
  });

  it('fails on a manifest the schemas refuse, with xmllint’s words', () => {
    const bad = path.join(tmp, 'bad.xml');
    writeFileSync(bad, readFileSync(MANIFEST_FILE, 'utf8').replace('<Version>0.1.0.0</Version>', '<Version>mot</Version>'));
    expect(run(['--offline', bad])).toEqual({
      status: 1,
      lines: [
        `✗ ${bad}: không hợp lệ theo lược đồ Office (XSD) / not valid against the Office schemas`,
        `${bad}:10: element Version: Schemas validity error : Element '{http://schemas.microsoft.com/office/appforoffice/1.1}Version': ` +
          "[facet 'pattern'] The value 'mot' is not accepted by the pattern '([0-9]{1,5})(\\.[0-9]{1,5}){0,3}'.",
        `${bad} fails to validate`,
        "– Bỏ qua kiểm tra bằng công cụ của Microsoft (office-addin-manifest validate): chạy với --offline. / Skipped Microsoft's validator: --offline.",
      ],
      stderr: '',
    });
  });
});

describe('npm run sideload', () => {
  it('runs the pinned office-addin-debugging with the development manifest', () => {
    const lock = JSON.parse(readFileSync(path.join(TOOL_DIR, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
    };
    expect(lock.packages['']!.dependencies).toEqual({ 'office-addin-debugging': '7.0.0' });
    expect(lock.packages['node_modules/office-addin-debugging']!.version).toBe('7.0.0');
    expect(sideloadArgs('start')).toEqual([
      'start',
      'manifest/manifest.xml',
      'desktop',
      '--dev-server',
      'npm run dev:addin',
      '--dev-server-port',
      '3000',
    ]);
    expect(sideloadArgs('stop')).toEqual(['stop', 'manifest/manifest.xml']);
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(Object.values(pkg.scripts).filter((s) => s.includes('npx'))).toEqual([]);
  });

  it('says on Linux why it cannot, in Vietnamese first, and exits 2 without installing anything', () => {
    expect(whyNot('win32')).toBeNull();
    expect(whyNot('darwin')).toBeNull();
    const r = spawnSync('npm', ['run', '--silent', 'sideload'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr.trim() }).toEqual({ status: 2, stderr: whyNot('linux') });
  });
});
