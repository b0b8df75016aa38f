// Progress end to end (issue 17) on a real server process, run on PGlite and on PostgreSQL: two task panes in Chromium,
// each with its own strict fake Excel workbook of the same plan and an access code of the same commune, report
// progress on different tasks of one period from the Tiến độ tab (both kept in the head report); then they change the
// same field both ways: the second gets the conflict view, keeps its value, sends again, and the server holds it. The
// dashboard, in Chromium, shows the categories, the overdue count and the overdue tasks per lead agency that core
// computes from the same plans and entries — computed here, not read from the server — and lists the commune that did
// not report.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/model/index.ts';
import {
  overallProgressCounts,
  PROGRESS_CATEGORIES,
  PROGRESS_CATEGORY_LABEL,
  TaskProgressSchema,
  type TaskProgressInput,
} from '../../core/progress/index.ts';
import { fixture } from '../support/paths.ts';
import path from 'node:path';
import { DESKTOP, PHONE, screenshot, SCREENSHOTS, seen, watchedPage, type Watched } from './support/browser.ts';
import { leaksOnPage } from './support/leaks.ts';
import { PHONE_VIEWPORT, shot, WIDE_VIEWPORT } from '../addin/browser/support/browser.ts';
import { paneLeaks } from '../addin/browser/support/leaks.ts';
import {
  editTask,
  notice,
  openProgress,
  openProgressPane,
  type PaneEdit,
  pullPlan,
  pushPlan,
  sendReport,
  signInAndBind,
} from './support/progress-pane.ts';
import { startProgressStack, type ProgressStack, type StoreKind } from './support/progress-stack.ts';

const KEY = 'NQ57-2026';
const PLAN = 'Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026';
const PERIOD = '2026-H1';
/** The period has ended: its tasks are judged at its last day, whatever day the suite runs. */
const AS_OF = '2026-06-30';
/** Xã Quang Sơn (Thái Nguyên): the commune whose two officials report. */
const REPORTING = '05674';
/** Xã Phong Quang (Thái Nguyên): a plan on the server, no report for the period. */
const SILENT = '01849';
const PROVINCE = '19';

/** The field both reporters change: the result achieved of one task. */
const CONFLICT_TT = '9';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
type Json = any;

/**
 * The suite on a fresh store of the given kind.
 * @example progressE2eSuite('postgres')
 */
export function progressE2eSuite(kind: StoreKind): void {
  describe(`progress end to end (${kind})`, { timeout: 240_000 }, () => {
    let stack: ProgressStack;
    let consolidator: string;
    const reporters = { a: '', b: '' };
    const opened: Watched[] = [];
    const panes = { a: null as unknown as Page, b: null as unknown as Page };
    /** Task ids by their number in the plan (the server gave them on the first push). */
    const ids = new Map<string, string>();
    /** What the two reporters sent, as the final report should hold it: the expectation's input. */
    const sent = new Map<string, TaskProgressInput>();

    beforeAll(async () => {
      stack = await startProgressStack(kind, { PHULUC_PLANS: `${KEY}=${PLAN}|2026-03-31` }, 'quang-son-phu-luc.xlsx');
      const { api, admin } = stack;
      [consolidator, reporters.a, reporters.b] = await Promise.all([
        api.token(admin, 'consolidator', { province: PROVINCE }),
        api.token(admin, 'editor', { commune: REPORTING }),
        api.token(admin, 'editor', { commune: REPORTING }),
      ]);
      // The silent commune's plan is another commune's file, confirmed (the fixtures stand in for every commune); the
      // reporting commune's plan is sent by its first pane.
      expect(await api.upload(SILENT, KEY, fixture('cam-giang-phu-luc.xlsx'), admin, true)).toBe(201);
      const periods = await api.json('PUT', `/api/provinces/${PROVINCE}/plans/${KEY}/progress-periods`, admin, {
        periods: [{ period: PERIOD, cutoff: '2099-12-31' }],
      });
      expect(periods.status).toBe(200);
    }, 600_000);

    afterAll(async () => {
      await Promise.all([...opened.map((w) => w.context.close()), ...Object.values(panes).map((p) => p?.context().close())]);
      await stack?.stop();
    });

    const entry = (tt: string, fields: Omit<TaskProgressInput, 'taskId' | 'period'>): TaskProgressInput => ({
      taskId: ids.get(tt)!,
      period: PERIOD,
      ...fields,
    });

    async function headReport(): Promise<Json> {
      const r = await stack.api.json('GET', `/api/communes/${REPORTING}/plans/${KEY}/progress/${PERIOD}`, consolidator);
      expect(r.status).toBe(200);
      return r.body;
    }

    /** The head's entries as the wire carries them, without who reported them and when (the server's to fill). */
    const held = (body: Json) =>
      (body.report.entries as Json[])
        .map(({ reportedBy: _by, reportedAt: _at, ...e }) => e)
        .sort((x, y) => String(x.taskId).localeCompare(String(y.taskId)));
    const expectedEntries = () => [...sent.values()].sort((x, y) => x.taskId.localeCompare(y.taskId));

    it('two panes report on different tasks of the period: both kept in the head report', async () => {
      panes.a = await openProgressPane(stack.browser, stack.url, stack.paneScripts);
      panes.b = await openProgressPane(stack.browser, stack.url, stack.paneScripts);
      const [a, b] = [panes.a, panes.b];
      await signInAndBind(a, reporters.a, KEY);
      await pushPlan(a, /^Đã gửi \(lần gửi số 1\)\./);
      await signInAndBind(b, reporters.b, KEY);
      await pullPlan(b);
      const head = await stack.api.json('GET', `/api/communes/${REPORTING}/plans/${KEY}`, stack.admin);
      for (const r of taskRowsOf(head.body.plan)) if (r.id) ids.set(r.tt, r.id);
      expect(ids.size).toBe(53);

      await openProgress(a, PERIOD);
      const mine = [
        entry('1', { status: 'in-progress', achieved: 'Đã xây dựng dự thảo kế hoạch' }),
        entry('2', { status: 'done', completedOn: '2025-09-15', achieved: 'Đã ban hành quy chế' }),
        entry('3', { status: 'done', completedOn: '2026-01-20', achieved: 'Đã tổ chức hội nghị' }),
      ];
      for (const [tt, e] of [
        ['1', mine[0]!],
        ['2', mine[1]!],
        ['3', mine[2]!],
      ] as const)
        await editTask(a, tt, fieldsOf(e));
      await shotPane(a, 'progress-pane-edits');
      await sendReport(a, /^Đã gửi báo cáo .* \(lần gửi số 1\)\./);
      for (const e of mine) sent.set(e.taskId, e);

      // B had not seen A's report: sent on no base, merged per task onto A's.
      await openProgress(b, PERIOD);
      const theirs = [
        entry('7', { status: 'paused', reason: 'Chờ kinh phí của tỉnh' }),
        entry(CONFLICT_TT, { status: 'in-progress', achieved: 'Đang khảo sát' }),
      ];
      for (const [tt, e] of [
        ['7', theirs[0]!],
        [CONFLICT_TT, theirs[1]!],
      ] as const)
        await editTask(b, tt, fieldsOf(e));
      await sendReport(b, /^Đã gửi báo cáo .* và gộp với báo cáo của người khác \(lần gửi số 2\)\./);
      for (const e of theirs) sent.set(e.taskId, e);

      const report = await headReport();
      expect([report.version.seq, report.status.state]).toEqual([2, 'submitted']);
      expect(held(report)).toEqual(expectedEntries());
      expect(await paneLeaks(b)).toEqual([]);
    });

    it('the same field changed both ways: the second pane gets the conflict, keeps its value, sends again; the server holds it', async () => {
      const [a, b] = [panes.a, panes.b];
      // B holds version 2 (its answer was written back into its sheet) and changes the result first.
      await editTask(b, CONFLICT_TT, { achieved: 'Khảo sát xong 5 thôn' });
      await sendReport(b, /^Đã gửi báo cáo .* \(lần gửi số 3\)\./);
      // A, on version 1, writes another result for the same task.
      await editTask(a, CONFLICT_TT, { status: 'in-progress', achieved: 'Khảo sát xong 3 thôn' });
      await a.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();
      const view = a.getByTestId('progress-conflict');
      await view.waitFor({ timeout: 60_000 });
      expect(await a.getByTestId('progress-conflict-item').count()).toBe(1);
      expect(await a.getByTestId('progress-conflict-mine').textContent()).toBe('Khảo sát xong 3 thôn');
      expect(await a.getByTestId('progress-conflict-theirs').textContent()).toBe('Khảo sát xong 5 thôn');
      await shotPane(a, 'progress-pane-conflict');
      expect(await paneLeaks(a)).toEqual([]);
      // Nothing stored by the refused report.
      expect((await headReport()).version.seq).toBe(3);

      await a.getByRole('radio', { name: 'Giữ bản của tôi' }).check();
      await a.getByRole('button', { name: 'Gửi lại' }).click();
      await expect.poll(() => notice(a), { timeout: 60_000 }).toMatch(/^Đã gửi báo cáo .* \(lần gửi số 4\)\./);
      const chosen = entry(CONFLICT_TT, { status: 'in-progress', achieved: 'Khảo sát xong 3 thôn' });
      sent.set(chosen.taskId, chosen);
      const report = await headReport();
      expect(report.version.seq).toBe(4);
      expect(held(report)).toEqual(expectedEntries());
    });

    it('the dashboard shows the counts core computes from the plans and entries, and the commune that did not report', async () => {
      const [reporting, silent] = await Promise.all(
        [REPORTING, SILENT].map(
          async (c) => (await stack.api.json('GET', `/api/communes/${c}/plans/${KEY}`, stack.admin)).body.plan as Plan,
        ),
      );
      const expected = overallProgressCounts(
        [
          { key: REPORTING, plan: reporting!, entries: [...sent.values()].map((e) => TaskProgressSchema.parse(e)) },
          { key: SILENT, plan: silent!, entries: [] },
        ],
        AS_OF,
        { period: PERIOD },
      );
      // The plan gives a mix to judge: something in each of the categories the entries reach.
      expect(expected.total.byCategory.overdue).toBeGreaterThan(0);
      expect(expected.total.byCategory['done-late']).toBe(1);

      for (const [viewport, size] of [
        [DESKTOP, '1366'],
        [PHONE, '390'],
      ] as const) {
        const w = await watchedPage(stack.browser, stack.url, viewport, consolidator);
        opened.push(w);
        const { page } = w;
        await page.goto(`${stack.url}/?ke-hoach=${KEY}`);
        await page.locator('table.progress-communes').waitFor({ timeout: 60_000 });
        expect(await page.getByLabel('Kỳ báo cáo').inputValue()).toBe(PERIOD);
        expect(await seen(page.locator('#progress .hint'))).toBe(
          'Báo cáo 6 tháng đầu năm 2026; nhiệm vụ được xếp loại theo ngày 30/06/2026.',
        );

        // The categories' figures, as the chart's own table gives them.
        const table = await page
          .locator('#chart-progress table tbody tr')
          .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
        expect(table).toEqual(PROGRESS_CATEGORIES.map((c) => [PROGRESS_CATEGORY_LABEL[c].vi, vn(expected.total.byCategory[c])]));
        expect(await page.locator('#chart-progress canvas').count()).toBe(1);

        // The overview's overdue card counts unfinished tasks only, and says so.
        const card = page.locator('[data-metric="overdue"]');
        expect([await card.locator('dt').innerText(), await card.locator('dd').innerText()]).toEqual([
          'Quá hạn chưa hoàn thành',
          vn(expected.total.byCategory.overdue),
        ]);

        const leads = await page
          .locator('table.overdue-leads tbody tr')
          .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
        expect(leads).toEqual(
          expected.total.overdueByLead.map((l) => [l.lead === '' ? '(chưa ghi cơ quan chủ trì)' : l.lead, vn(l.overdue)]),
        );

        expect(await page.locator('ul.not-reported li').allInnerTexts()).toEqual(['Xã Phong Quang (01849)']);

        const rows = await page
          .locator('table.progress-communes tbody tr')
          .evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 7).map((c) => c.textContent ?? '')));
        const per = new Map(expected.plans.map((p) => [p.key, p.counts]));
        const row = (code: string, name: string, state: string) => {
          const c = per.get(code)!;
          return [
            name,
            code,
            state,
            vn(c.tasks),
            vn(c.reported),
            vn(c.byCategory['done-on-time'] + c.byCategory['done-late']),
            vn(c.byCategory.overdue),
          ];
        };
        expect(rows).toEqual(
          [row(SILENT, 'Xã Phong Quang', 'Chưa báo cáo'), row(REPORTING, 'Xã Quang Sơn', 'Đã gửi')].sort((x, y) =>
            x[1]!.localeCompare(y[1]!),
          ),
        );

        expect(await leaksOnPage(page)).toEqual([]);
        await screenshot(page, `dashboard-progress-${kind}-${size}`);
        // The section alone, readable at its own size.
        await page.locator('#progress').screenshot({ path: path.join(SCREENSHOTS, `dashboard-progress-section-${kind}-${size}.png`) });
        if (size === '390') {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, 'no sideways scrolling of the page itself').toBeLessThanOrEqual(0);
        }
        expect(w.problems).toEqual([]);
        expect(w.external).toEqual([]);
      }
    });
  });
}

/** The fields a pane's editor sets for an entry. */
function fieldsOf(e: TaskProgressInput): PaneEdit {
  const { taskId: _id, period: _period, ...fields } = e;
  return fields as PaneEdit;
}

/** The pane at its own width and at the two page sizes every changed view is looked at. */
async function shotPane(page: Page, name: string): Promise<void> {
  await shot(page, name, true);
  for (const [suffix, size] of [
    ['1366', WIDE_VIEWPORT],
    ['390', PHONE_VIEWPORT],
  ] as const) {
    const before = page.viewportSize();
    await page.setViewportSize(size);
    await shot(page, `${name}-${suffix}`, true);
    if (before) await page.setViewportSize(before);
  }
}

/** A count as the page writes it (Vietnamese digit grouping). */
function vn(n: number): string {
  return n.toLocaleString('vi-VN');
}

function taskRowsOf(plan: Plan): { tt: string; id: string | undefined }[] {
  return plan.appendices
    .filter((a) => a.kind === 'tasks')
    .flatMap((a) => a.rows.filter((r) => r.kind === 'task').map((r) => ({ tt: r.tt ?? '', id: r.id })));
}
