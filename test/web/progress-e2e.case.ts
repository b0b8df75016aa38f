// Progress end to end (issue 17) on a real server process, run on PGlite and on PostgreSQL: two reporters of one
// commune send progress on different tasks of one plan for the same period (both kept), then change the same field
// both ways (409 progress-conflict, resolved, sent again, the chosen value kept); the dashboard, in Chromium, shows the
// categories, the overdue count and the overdue tasks per lead agency that core computes from the same plans and
// entries — computed here, not read from the server — and lists the commune that did not report.
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

/** One field both reporters change: the result achieved of one task. */
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
      // The silent commune's plan is another commune's file, confirmed (the fixtures stand in for every commune).
      expect(
        await Promise.all([
          api.upload(REPORTING, KEY, fixture('quang-son-phu-luc.xlsx'), admin),
          api.upload(SILENT, KEY, fixture('cam-giang-phu-luc.xlsx'), admin, true),
        ]),
      ).toEqual([201, 201]);
      const periods = await api.json('PUT', `/api/provinces/${PROVINCE}/plans/${KEY}/progress-periods`, admin, {
        periods: [{ period: PERIOD, cutoff: '2099-12-31' }],
      });
      expect(periods.status).toBe(200);
      const head = await api.json('GET', `/api/communes/${REPORTING}/plans/${KEY}`, admin);
      for (const r of taskRowsOf(head.body.plan)) if (r.id) ids.set(r.tt, r.id);
      expect(ids.size).toBeGreaterThan(40);
    }, 600_000);

    afterAll(async () => {
      await Promise.all(opened.map((w) => w.context.close()));
      await stack?.stop();
    });

    const entry = (tt: string, fields: Omit<TaskProgressInput, 'taskId' | 'period'>): TaskProgressInput => ({
      taskId: ids.get(tt)!,
      period: PERIOD,
      ...fields,
    });

    async function send(
      token: string,
      entries: TaskProgressInput[],
      baseSeq: number | null,
      key: string,
    ): Promise<{ status: number; body: Json }> {
      return stack.api.json(
        'POST',
        `/api/communes/${REPORTING}/plans/${KEY}/progress/${PERIOD}`,
        token,
        { report: { period: PERIOD, entries, indicators: [] }, baseSeq },
        { 'idempotency-key': key },
      );
    }

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

    it('two reporters send progress on different tasks of the period: both kept', async () => {
      const mine = [
        entry('1', { status: 'in-progress', achieved: 'Đã xây dựng dự thảo kế hoạch' }),
        entry('2', { status: 'done', completedOn: '2025-09-15', achieved: 'Đã ban hành quy chế' }),
        entry('3', { status: 'done', completedOn: '2026-01-20', achieved: 'Đã tổ chức hội nghị' }),
      ];
      const a = await send(reporters.a, mine, null, 'progress-a-1');
      expect([a.status, a.body.status, a.body.version.seq]).toEqual([201, 'created', 1]);
      for (const e of mine) sent.set(e.taskId, e);

      // B had not seen A's report: sent on no base, merged per task onto A's.
      const theirs = [
        entry('7', { status: 'paused', reason: 'Chờ kinh phí của tỉnh' }),
        entry(CONFLICT_TT, { status: 'in-progress', achieved: 'Đang khảo sát' }),
      ];
      const b = await send(reporters.b, theirs, null, 'progress-b-1');
      expect([b.status, b.body.status, b.body.version.seq]).toEqual([201, 'merged', 2]);
      for (const e of theirs) sent.set(e.taskId, e);

      const head = await headReport();
      expect(head.version.seq).toBe(2);
      expect(head.status.state).toBe('submitted');
      expect(held(head)).toEqual(expectedEntries());
    });

    it('the same field changed both ways: 409 with the conflict, resolved, sent again, the chosen value kept', async () => {
      // Each reporter sends the whole report as they hold it after seeing version 2, with their own result for one task.
      const edited = (achieved: string) => expectedEntries().map((e) => (e.taskId === ids.get(CONFLICT_TT) ? { ...e, achieved } : e));
      const a = await send(reporters.a, edited('Khảo sát xong 3 thôn'), 2, 'progress-a-2');
      expect([a.status, a.body.version.seq]).toEqual([201, 3]);
      const b = await send(reporters.b, edited('Khảo sát xong 5 thôn'), 2, 'progress-b-2');
      expect(b.status).toBe(409);
      expect(b.body.error.code).toBe('progress-conflict');
      expect(b.body.error.details).toEqual({
        headSeq: 3,
        conflicts: [
          {
            kind: 'task',
            id: ids.get(CONFLICT_TT),
            field: 'achieved',
            base: 'Đang khảo sát',
            theirs: 'Khảo sát xong 3 thôn',
            mine: 'Khảo sát xong 5 thôn',
          },
        ],
      });
      // The refused report stored nothing.
      expect((await headReport()).version.seq).toBe(3);

      const resolved = edited('Khảo sát xong 5 thôn, còn 2 thôn');
      const again = await send(reporters.b, resolved, 3, 'progress-b-3');
      expect([again.status, again.body.version.seq]).toEqual([201, 4]);
      for (const e of resolved) sent.set(e.taskId, e);
      expect(held(await headReport())).toEqual(expectedEntries());
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

/** A count as the page writes it (Vietnamese digit grouping). */
function vn(n: number): string {
  return n.toLocaleString('vi-VN');
}

function taskRowsOf(plan: Plan): { tt: string; id: string | undefined }[] {
  return plan.appendices
    .filter((a) => a.kind === 'tasks')
    .flatMap((a) => a.rows.filter((r) => r.kind === 'task').map((r) => ({ tt: r.tt ?? '', id: r.id })));
}
