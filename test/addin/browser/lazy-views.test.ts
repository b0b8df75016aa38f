// The pane's first load leaves the rarely used views out (issue 20): the scripts Chromium fetches are recorded; the
// Điền, Đồng bộ and Tiến độ tabs, their actions and Microsoft's sign-in library come only when asked for, and a tab
// whose code is still on its way says so in Vietnamese ("Đang tải…"); core's engine (validation, zod, the bundled
// commune and agency data) and the Excel port come with the first "Kiểm tra", which says "Đang kiểm tra…" meanwhile;
// screenshots of those states at 1366×768 and 390×844.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE_VIEWPORT, WIDE_VIEWPORT, openPane, shot } from './support/browser.ts';
import { servedPane } from './support/served-pane.ts';

const harness = servedPane({ fakeHost: true, data: ['quang-son-phu-luc.xlsx'] });

/** The chunk name (hash left out) of the built script holding core's engine: zod and the rule catalog's words. */
async function engineChunk(): Promise<string> {
  const found: string[] = [];
  for (const file of await readdir(path.join(harness.dir, 'static'))) {
    if (!file.endsWith('.js')) continue;
    const text = await readFile(path.join(harness.dir, 'static', file), 'utf8');
    if (text.includes('ZodError') && text.includes('Không tìm thấy dòng tiêu đề bảng')) found.push(file.replace(/-[\w-]{8}\.js$/, ''));
  }
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** Chunks that must not be part of the first load, by the name Vite gives them (the hash left out). */
const LAZY = ['FillPanel', 'PreviewDialog', 'SyncPanel', 'ProgressPanel', 'services', 'word-plan', 'dist'];

/** The pane with every script request recorded by chunk name, in order. */
async function open(viewport: { width: number; height: number }): Promise<{ page: Page; scripts: string[]; errors: string[] }> {
  const scripts: string[] = [];
  const errors: string[] = [];
  const page = await openPane(harness.browser, `${harness.server.origin}/addin/taskpane.html`, {
    initScripts: [harness.data['quang-son-phu-luc.xlsx']!, harness.fakeHost],
    errors,
    viewport,
    override: (url) => {
      const m = /\/addin\/static\/([A-Za-z][\w-]*?)-[\w-]{8}\.js$/.exec(url);
      if (m) scripts.push(m[1]!);
      return undefined;
    },
  });
  await page.getByRole('tab', { name: 'Kiểm tra' }).waitFor();
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).waitFor();
  return { page, scripts, errors };
}

/** Hold the chunk named `name` until the returned function is called: the view's loading state stays to be seen. */
async function hold(page: Page, name: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(new RegExp(`/addin/static/${name}-[\\w-]{8}\\.js$`), async (route) => {
    await held;
    // On to the context's handler, which records it and lets it through.
    await route.fallback();
  });
  return release;
}

describe('the pane loads rarely used views on demand', () => {
  it('first load without them; Đồng bộ, Tiến độ and Điền fetched when opened, each saying "Đang tải…" meanwhile', async () => {
    for (const [suffix, viewport] of [
      ['1366', WIDE_VIEWPORT],
      ['390', PHONE_VIEWPORT],
    ] as const) {
      const { page, scripts, errors } = await open(viewport);
      expect(scripts.filter((s) => LAZY.includes(s))).toEqual([]);
      expect(scripts).toContain('taskpane');
      scripts.length = 0;

      const release = await hold(page, 'SyncPanel');
      await page.getByRole('tab', { name: 'Đồng bộ' }).click();
      const loading = page.getByTestId('view-loading');
      await loading.waitFor();
      expect(await loading.innerText()).toBe('Đang tải…');
      expect(await loading.getAttribute('role')).toBe('status');
      await shot(page, `lazy-dang-tai-${suffix}`);
      release();
      await page.getByTestId('sync-panel').waitFor();
      expect(await loading.count()).toBe(0);
      // The view and the sync actions; not Microsoft's sign-in library, which comes with a sign-in only.
      expect(scripts.filter((s) => LAZY.includes(s)).sort()).toEqual(['SyncPanel', 'services']);
      scripts.length = 0;

      await page.getByRole('tab', { name: 'Tiến độ' }).click();
      await page.getByTestId('progress-panel').waitFor();
      // The actions came with Đồng bộ: only the view now.
      expect(scripts.filter((s) => LAZY.includes(s))).toEqual(['ProgressPanel']);
      scripts.length = 0;

      await page.getByRole('tab', { name: 'Điền' }).click();
      await page.getByRole('button', { name: 'Chèn trang mẫu' }).first().waitFor();
      expect(scripts.filter((s) => LAZY.includes(s))).toEqual(['FillPanel']);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 120_000);

  it('first load without core\'s engine; Kiểm tra fetches it with the Excel port, says "Đang kiểm tra…", then shows the result', async () => {
    const engine = await engineChunk();
    const CHECK = [engine, 'check-actions', 'port-impl', 'CheckResults'];
    for (const [suffix, viewport] of [
      ['1366', WIDE_VIEWPORT],
      ['390', PHONE_VIEWPORT],
    ] as const) {
      const { page, scripts, errors } = await open(viewport);
      expect(scripts.filter((s) => CHECK.includes(s))).toEqual([]);
      await shot(page, `lazy-truoc-kiem-tra-${suffix}`);
      scripts.length = 0;

      const release = await hold(page, 'check-actions');
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
      const status = page.getByRole('status').filter({ hasText: 'Đang kiểm tra…' });
      await status.waitFor();
      expect(await status.innerText()).toBe('Đang kiểm tra…');
      expect(await page.getByRole('button', { name: 'Kiểm tra', exact: true }).isDisabled()).toBe(true);
      await shot(page, `lazy-dang-kiem-tra-${suffix}`);
      release();
      await page.getByTestId('plan-summary').waitFor();
      await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/^Đã kiểm tra/);
      expect(await status.count()).toBe(0);
      expect(scripts.filter((s) => CHECK.includes(s)).sort()).toEqual([...CHECK].sort());
      await shot(page, `lazy-sau-kiem-tra-${suffix}`);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 120_000);
});
