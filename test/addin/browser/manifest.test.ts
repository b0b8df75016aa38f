// The add-in manifest: valid against the Office XSDs (offline, xmllint), development URLs, requirements, locales,
// icons; and scripts/manifest-for.ts, whose production copy validates too.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_ORIGIN, MANIFEST_FILE, MANIFEST_XSD, manifestId, manifestUrls, manifestVersion } from '../../../manifest/manifest.ts';
import { defaultVersion, deployBase, manifestFor } from '../../../scripts/manifest-for.ts';
import { REPO_ROOT } from '../../support/paths.ts';

const SCHEMA = MANIFEST_XSD;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'phuluc-manifest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** xmllint's verdict: exit status and its messages. */
function xmllint(file: string): { status: number | null; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const xml = readFileSync(MANIFEST_FILE, 'utf8');

describe('manifest/manifest.xml', () => {
  it('validates against OfficeAppManifestV1_1.xsd', () => {
    const r = xmllint(MANIFEST_FILE);
    expect(r.output).toContain('validates');
    expect(r.status).toBe(0);
  });

  it('is an Excel task pane needing ExcelApi 1.9, with a ribbon button that opens it', () => {
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml.match(/<(?:bt:)?Set Name="ExcelApi" MinVersion="1\.9"\/>/g)).toHaveLength(2);
    expect(xml).toMatch(/<Control xsi:type="Button"[\s\S]*<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
  });

  it('is Vietnamese first with en-US overrides', () => {
    expect(xml).toContain('<DefaultLocale>vi-VN</DefaultLocale>');
    expect(xml).toMatch(/<DisplayName DefaultValue="[^"]*Phụ lục kế hoạch NQ57">\s*<Override Locale="en-US"/);
    expect(xml).toMatch(/<Description DefaultValue="Kiểm tra[^"]*">\s*<Override Locale="en-US"/);
    const strings = xml.match(/<bt:String id="[^"]+"/g) ?? [];
    expect(strings.length).toBeGreaterThan(0);
    expect(xml.match(/<bt:Override Locale="en-US"/g)).toHaveLength(strings.length);
  });

  it('points every URL at the dev server under /addin/, and every icon exists with its size', () => {
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith(`${DEV_ORIGIN}/addin/`)).toBe(true);
    expect(xml).toContain(`<SourceLocation DefaultValue="${DEV_ORIGIN}/addin/taskpane.html"/>`);
    for (const u of urls.filter((x) => x.endsWith('.png'))) {
      const file = path.join(REPO_ROOT, 'addin/public', new URL(u).pathname.replace(/^\/addin\//, ''));
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const size = Number(/icon-(\d+)\.png$/.exec(u)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    for (const page of urls.filter((x) => x.endsWith('.html'))) {
      const name = new URL(page).pathname.replace(/^\/addin\//, '');
      expect(existsSync(path.join(REPO_ROOT, 'addin', name)) || existsSync(path.join(REPO_ROOT, 'addin/public', name)), name).toBe(true);
    }
  });
});

describe('scripts/manifest-for.ts', () => {
  it('writes a production manifest that validates, with every URL rewritten and a new Version', () => {
    const out = path.join(tmp, 'manifest.xml');
    const stdout = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/manifest-for.ts', 'https://phuluc.example.gov.vn/', '--out', out],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(stdout).toContain('https://phuluc.example.gov.vn/addin/taskpane.html');
    const r = xmllint(out);
    expect(r.output).toContain('validates');
    expect(r.status).toBe(0);
    const prod = readFileSync(out, 'utf8');
    expect(prod).not.toMatch(/localhost/);
    const urls = manifestUrls(prod);
    expect(urls).toHaveLength(manifestUrls(xml).length);
    for (const u of urls) expect(u.startsWith('https://phuluc.example.gov.vn/addin/')).toBe(true);
    expect(prod).toContain('<SourceLocation DefaultValue="https://phuluc.example.gov.vn/addin/taskpane.html"/>');
    expect(manifestVersion(prod)).not.toBe(manifestVersion(xml));
    expect(manifestVersion(prod)).toMatch(/^0\.1\.0\.\d{1,5}$/);
    expect(manifestId(prod)).toBe(manifestId(xml));
  });

  it('keeps a path prefix, takes an explicit version and id', () => {
    const prod = manifestFor(xml, {
      baseUrl: 'https://intranet.example.vn/phuluc/',
      version: '1.2.3.4',
      id: '0f0e2c1a-7c1d-4b5e-9a77-2d6f3b1e8c41',
    });
    expect(manifestUrls(prod).every((u) => u.startsWith('https://intranet.example.vn/phuluc/addin/'))).toBe(true);
    expect(manifestVersion(prod)).toBe('1.2.3.4');
    expect(manifestId(prod)).toBe('0f0e2c1a-7c1d-4b5e-9a77-2d6f3b1e8c41');
    const file = path.join(tmp, 'prefix.xml');
    writeFileSync(file, prod);
    expect(xmllint(file).status).toBe(0);
  });

  it('refuses what Office would refuse: plain http, queries, bad versions', () => {
    expect(() => deployBase('http://phuluc.example.gov.vn')).toThrow(/HTTPS/);
    expect(() => deployBase('https://phuluc.example.gov.vn/?a=1')).toThrow();
    expect(() => deployBase('not a url')).toThrow();
    expect(() => manifestFor(xml, { baseUrl: 'https://x.vn', version: '1.2.3.4.5' })).toThrow(/version/);
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/manifest-for.ts', 'http://phuluc.example.gov.vn', '--out', path.join(tmp, 'no.xml')],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('HTTPS');
    expect(existsSync(path.join(tmp, 'no.xml'))).toBe(false);
  });

  it('derives a version that grows with time', () => {
    expect(defaultVersion('0.1.0', new Date('2025-01-02T00:00:00Z'))).toBe('0.1.0.24');
    const a = defaultVersion('0.1.0', new Date('2026-03-01T10:00:00Z'));
    const b = defaultVersion('0.1.0', new Date('2026-03-01T11:00:00Z'));
    expect(Number(b.split('.')[3])).toBeGreaterThan(Number(a.split('.')[3]));
  });
});
