// The administrator's guide (docs/quan-tri/) as a person follows it: the index reaches every page, every link lands,
// the deploy files it prints are the ones in deploy/ and pass their own tools (systemd-analyze verify, nginx -t,
// caddy validate), the manifest commands it gives run and validate, and its Entra settings are what the server reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entraConfigFromEnv } from '../../server/auth/entra.ts';
import { entraPublicConfig } from '../../server/routes/pages.ts';
import { REPO_ROOT } from '../support/paths.ts';

const DIR = path.join(REPO_ROOT, 'docs/quan-tri');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'phuluc-quan-tri-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const page = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const deploy = (name: string) => readFileSync(path.join(REPO_ROOT, 'deploy', name), 'utf8');

/** The fenced code blocks of a page with the given language tag, in order. */
function blocks(text: string, lang: string): string[] {
  return [...text.matchAll(/^```([a-z]*)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === lang).map((m) => m[2]!);
}

/** The lines of a page's sh blocks that start with a given command. */
function commands(text: string, prefix: string): string[] {
  return blocks(text, 'sh')
    .flatMap((b) => b.split('\n'))
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l.startsWith(prefix));
}

function sh(line: string, env: Record<string, string> = {}) {
  const r = spawnSync('bash', ['-c', line], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout.trim().split('\n'), stderr: r.stderr.trim() };
}

describe('the guide holds together', () => {
  it('the index links every page of the guide, including backups, monitoring and installation', () => {
    const linked = [...page('README.md').matchAll(/\]\(([a-z-]+\.md)\)/g)].map((m) => m[1]);
    expect([...new Set(linked)].sort()).toEqual(
      ['add-in.md', 'cai-dat.md', 'dich-vu.md', 'entra.md', 'giam-sat.md', 'postgresql.md', 'reverse-proxy.md', 'sao-luu.md'].sort(),
    );
    expect(
      readdirSync(DIR)
        .filter((f) => f.endsWith('.md') && f !== 'README.md')
        .sort(),
    ).toEqual([...new Set(linked)].sort());
  });

  it('every relative link of every page lands on a file', () => {
    const broken: string[] = [];
    for (const name of readdirSync(DIR).filter((f) => f.endsWith('.md'))) {
      for (const m of page(name).matchAll(/\]\((?!https?:|mailto:)([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (!existsSync(path.resolve(DIR, m[1]!))) broken.push(`${name} → ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('prints deploy/nginx.conf, deploy/Caddyfile and deploy/phuluc.service exactly as they are', () => {
    expect(blocks(page('reverse-proxy.md'), 'nginx')).toEqual([deploy('nginx.conf')]);
    expect(blocks(page('reverse-proxy.md'), 'caddyfile')).toEqual([deploy('Caddyfile')]);
    expect(blocks(page('dich-vu.md'), 'ini')).toEqual([deploy('phuluc.service')]);
  });
});

describe('the deploy files pass their own tools', () => {
  it('systemd-analyze verify finds nothing to say about deploy/phuluc.service', () => {
    const r = spawnSync('systemd-analyze', ['verify', path.join(REPO_ROOT, 'deploy/phuluc.service')], { encoding: 'utf8' });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('nginx -t accepts deploy/nginx.conf (with a throwaway certificate in place of the province’s)', () => {
    const dir = path.join(tmp, 'nginx');
    const cert = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=phuluc.tinh.gov.vn',
        '-keyout',
        'privkey.pem',
        '-out',
        'fullchain.pem',
      ],
      { cwd: (rmSync(dir, { recursive: true, force: true }), spawnSync('mkdir', ['-p', dir]), dir), encoding: 'utf8' },
    );
    expect(cert.status).toBe(0);
    writeFileSync(path.join(dir, 'phuluc.conf'), deploy('nginx.conf').replaceAll('/etc/ssl/phuluc/', `${dir}/`));
    writeFileSync(
      path.join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  include ${dir}/phuluc.conf;\n}\n`,
    );
    const r = spawnSync('nginx', ['-t', '-c', `${dir}/nginx.conf`, '-p', `${dir}/`, '-e', `${dir}/error.log`], { encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr.trim().split('\n') }).toEqual({
      status: 0,
      stderr: [
        `nginx: the configuration file ${dir}/nginx.conf syntax is ok`,
        `nginx: configuration file ${dir}/nginx.conf test is successful`,
      ],
    });
  });

  it('caddy validate accepts deploy/Caddyfile, and caddy fmt would not change it', () => {
    const home = path.join(tmp, 'caddy-home');
    const env = { ...process.env, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home };
    const file = path.join(REPO_ROOT, 'deploy/Caddyfile');
    const r = spawnSync('caddy', ['validate', '--config', file, '--adapter', 'caddyfile'], { encoding: 'utf8', env });
    expect({ status: r.status, last: r.stdout.trim().split('\n').at(-1) }).toEqual({ status: 0, last: 'Valid configuration' });
    expect(spawnSync('caddy', ['fmt', file], { encoding: 'utf8', env }).stdout).toBe(deploy('Caddyfile'));
  });
});

describe('the commands of add-in.md run as written', () => {
  it('npm run manifest -- <address> writes dist/manifest.xml, and npm run validate finds it valid (offline here)', () => {
    const lines = [...commands(page('add-in.md'), 'npm run manifest'), ...commands(page('add-in.md'), 'npm run validate')];
    expect(lines).toEqual(['npm run manifest -- https://phuluc.tinh.gov.vn', 'npm run validate']);
    // The test writes the checkout's dist/manifest.xml as the guide does; a copy someone made there is put back after.
    const dist = path.join(REPO_ROOT, 'dist/manifest.xml');
    const before = existsSync(dist) ? readFileSync(dist) : null;
    try {
      // --silent keeps npm's own banner out of the output; the command is otherwise the guide's.
      const made = sh(lines[0]!.replace('npm run ', 'npm run --silent '));
      expect(made.status).toBe(0);
      expect(made.stdout).toHaveLength(1);
      expect(made.stdout[0]).toMatch(
        /^dist\/manifest\.xml: https:\/\/phuluc\.tinh\.gov\.vn\/addin\/taskpane\.html, Version 0\.1\.0\.\d{1,5}$/,
      );
      const xml = readFileSync(dist, 'utf8');
      expect(xml).toContain('<SourceLocation DefaultValue="https://phuluc.tinh.gov.vn/addin/taskpane.html"/>');
      // No network from the tests: PHULUC_OFFLINE=1 is the guide's "-- --offline".
      const valid = sh(lines[1]!.replace('npm run ', 'npm run --silent '), { PHULUC_OFFLINE: '1' });
      expect(valid).toEqual({
        status: 0,
        stdout: [
          '✓ manifest/manifest.xml: hợp lệ theo lược đồ Office (XSD) / valid against the Office schemas',
          '✓ bản tạo cho / generated for https://phuluc.example.gov.vn: hợp lệ theo lược đồ Office (XSD) / valid against the Office schemas',
          '✓ dist/manifest.xml: hợp lệ theo lược đồ Office (XSD) / valid against the Office schemas',
          "– Bỏ qua kiểm tra bằng công cụ của Microsoft (office-addin-manifest validate): chạy với --offline. / Skipped Microsoft's validator: --offline.",
        ],
        stderr: '',
      });
    } finally {
      if (before) writeFileSync(dist, before);
      else rmSync(dist, { force: true });
    }
  });
});

describe('the Entra settings of entra.md are what the server reads', () => {
  it('the example environment gives the v2 audience first, the same tenant to the pages, and pattern roles only', () => {
    const env = Object.fromEntries(
      blocks(page('entra.md'), 'sh')
        .flatMap((b) => b.split('\n'))
        .filter((l) => /^PHULUC_ENTRA_[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const clientId = '4a1aa1d5-c567-49d0-ad0b-cd957a47f842';
    expect(entraConfigFromEnv(env)).toEqual({ tenantId, audience: [clientId, `api://${clientId}`], mapping: {} });
    expect(entraPublicConfig(env)).toEqual({ clientId, tenantId, audience: clientId });
    // Keeping v1 tokens, as the page says: the App ID URI as audience and the v1 issuer switched on.
    expect(
      entraConfigFromEnv({
        PHULUC_ENTRA_TENANT_ID: tenantId,
        PHULUC_ENTRA_AUDIENCE: `api://${clientId}`,
        PHULUC_ENTRA_ACCEPT_V1_ISSUER: '1',
      }),
    ).toEqual({ tenantId, audience: [`api://${clientId}`], mapping: {}, acceptV1Issuer: true });
  });
});
