// The province's view of a reporting period (issue 17), run on PGlite and on PostgreSQL: three communes of Hải Phòng
// with plans pushed for real and reports sent through the progress routes — one accepted, one "không phát sinh"
// returned, one not reported — and every other commune without a plan. The whole answer is asserted; its counts are
// also computed by core's overallProgressCounts on the same plans and entries, and by hand for the tiny plans. The
// summary workbook is read back by sheet names and whole rows; who may read it is checked.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvinceProgress, ReportStatus } from '../../../core/api/index.ts';
import { mapGroup } from '../../../core/consolidate/index.ts';
import type { Plan } from '../../../core/model/index.ts';
import { overallProgressCounts, type ProgressCounts, type TaskProgress } from '../../../core/progress/index.ts';
import type { Database } from '../../../server/db/connect.ts';
import { provinceCommunes } from '../../../server/store/status.ts';
import { planWith } from '../../core/progress/plan.ts';
import { harness, type Harness } from './harness.ts';
import { seedPeriods, seedReport } from './progress-seed.ts';

const ISO_TIME = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) as unknown as string;

const CAM_GIANG = planWith([
  { id: 'a1', content: 'Số hóa hồ sơ một cửa', lead: 'Công an xã', deadline: 'Quý I/2026' },
  { id: 'a2', content: 'Lắp đặt wifi công cộng', lead: 'Phòng Kinh tế', deadline: 'Quý II/2026' },
  { id: 'a3', content: 'Mua sắm máy chủ', lead: 'Công an xã', deadline: 'Quý IV/2026' },
  { id: 'a4', content: 'Triển khai khi có hướng dẫn', deadline: 'Khi có văn bản của cấp trên' },
]);
const CAM_GIANG_H1: TaskProgress[] = [
  {
    taskId: 'a1',
    period: '2026-H1',
    status: 'done',
    completedOn: '2026-03-20',
    achieved: 'Đã số hóa 1.200 hồ sơ',
    highlights: 'Hoàn thành trước hạn 11 ngày',
  },
  {
    taskId: 'a2',
    period: '2026-H1',
    status: 'in-progress',
    obstacles: 'Thiếu kinh phí lắp đặt',
    proposals: 'Đề nghị thành phố cấp bổ sung kinh phí',
  },
];
const CAM_GIANG_2 = planWith([
  { id: 'b1', content: 'Ban hành quy chế', lead: 'Văn phòng HĐND và UBND xã', deadline: 'Quý I/2026' },
  { id: 'b2', content: 'Tập huấn kỹ năng số', lead: 'Công an xã', deadline: '30/4/2026' },
  { id: 'b3', content: 'Báo cáo kết quả', lead: 'Phòng Kinh tế', deadline: 'Hằng năm' },
]);
const TUE_TINH = planWith([{ id: 'c1', content: 'Cập nhật cổng thông tin', lead: 'Phòng Kinh tế', deadline: 'Quý I/2026' }]);

const RETURN_REASON = 'Xã còn nhiệm vụ quá hạn: cần báo cáo tình trạng từng nhiệm vụ';

/** The category counts, zero where not given. */
const cats = (given: Partial<ProgressCounts['byCategory']>): ProgressCounts['byCategory'] => ({
  'done-on-time': 0,
  'done-late': 0,
  'in-progress-on-time': 0,
  overdue: 0,
  'not-due': 0,
  'no-deadline': 0,
  paused: 0,
  dropped: 0,
  ...given,
});

/** A report status of the H1 period (cut-off 10/07/2026). */
const status = (o: Partial<ReportStatus>): ReportStatus => ({
  period: '2026-H1',
  state: 'not-reported',
  seq: null,
  nothingToReport: false,
  locked: false,
  cutoff: '2026-07-10',
  reopenedUntil: null,
  returnReason: null,
  lastSent: null,
  ...o,
});

/** The group of planWith's heading, as the wire names it. */
const GROUP = (({ id, number, short, shortEn }) => ({ id, number, short, shortEn }))(mapGroup('Hạ tầng số', 'I'));

/**
 * @example provinceProgressSuite('PGlite', freshPglite)
 */
export function provinceProgressSuite(name: string, open: () => Promise<Database>): void {
  describe(`the province's progress view (${name})`, { timeout: 180_000 }, () => {
    let h: Harness;
    /** The plans as the server stored them (ids kept), for core's independent count. */
    const stored: Record<string, Plan> = {};
    /** The entries as the server stored them (reportedBy/At stamped). */
    let camGiangEntries: TaskProgress[] = [];

    beforeAll(async () => {
      h = await harness({ database: await open() });
      for (const [commune, plan] of [
        ['10888', CAM_GIANG],
        ['10903', CAM_GIANG_2],
        ['10909', TUE_TINH],
      ] as const) {
        const pushed = await h.call('POST', `/api/communes/${commune}/plans/NQ57-2026/revisions`, { json: { plan } });
        expect(pushed.status).toBe(201);
        stored[commune] = pushed.body.plan;
      }
      await seedPeriods(h, '31', 'NQ57-2026', [
        { period: '2026-Q1', cutoff: '2026-04-10' },
        { period: '2026-H1', cutoff: '2026-07-10' },
        { period: '2026', cutoff: '2027-01-15' },
      ]);
      await seedReport(
        h,
        '10888',
        'NQ57-2026',
        { period: '2026-H1', entries: CAM_GIANG_H1, indicators: [] },
        { review: { decision: 'accept' } },
      );
      await seedReport(
        h,
        '10903',
        'NQ57-2026',
        { period: '2026-H1', nothingToReport: true, entries: [], indicators: [] },
        { review: { decision: 'return', reason: RETURN_REASON } },
      );
      camGiangEntries = (await h.call('GET', '/api/communes/10888/plans/NQ57-2026/progress/2026-H1')).body.report.entries;
    });
    afterAll(() => h?.close());

    it('answers every commune, the total, who has not reported and the follow-ups, as one object', async () => {
      const r = await h.call('GET', '/api/provinces/31/plans/nq57-2026/progress/2026-H1', { token: h.tokens.consolidator });
      expect(r.status).toBe(200);
      const withPlan = new Set(['10888', '10903', '10909']);
      const others = (await provinceCommunes(h.database.db, '31'))
        .filter((c) => !withPlan.has(c.code))
        .map((c) => ({ code: c.code, name: c.name, submittedPlan: false, report: status({}), counts: null }));
      const camGiang = {
        code: '10888',
        name: 'Xã Cẩm Giang',
        submittedPlan: true,
        report: status({ state: 'accepted', seq: 1, locked: true, lastSent: ISO_TIME }),
        // By hand (as of 30/06/2026): a1 done 20/03 before its 31/03 → on time; a2 in progress, due 30/06 → in time;
        // a3 due 31/12, not reported → not due; a4 conditional → no deadline.
        counts: {
          tasks: 4,
          reported: 2,
          unreported: 2,
          byCategory: cats({ 'done-on-time': 1, 'in-progress-on-time': 1, 'not-due': 1, 'no-deadline': 1 }),
          overdueByLead: [],
          unmatchedTasks: 0,
        },
      };
      const camGiang2 = {
        code: '10903',
        name: 'Xã Cẩm Giàng',
        submittedPlan: true,
        report: status({ state: 'returned', seq: 1, nothingToReport: true, returnReason: RETURN_REASON, lastSent: ISO_TIME }),
        // "Không phát sinh": nothing reported, so b1 (31/03) and b2 (30/04) are overdue, b3 (yearly, 31/12) not due.
        counts: {
          tasks: 3,
          reported: 0,
          unreported: 3,
          byCategory: cats({ overdue: 2, 'not-due': 1 }),
          overdueByLead: [
            { lead: 'Công an xã', overdue: 1 },
            { lead: 'Văn phòng HĐND và UBND', overdue: 1 },
          ],
          unmatchedTasks: 0,
        },
      };
      const tueTinh = {
        code: '10909',
        name: 'Xã Tuệ Tĩnh',
        submittedPlan: true,
        report: status({}),
        counts: {
          tasks: 1,
          reported: 0,
          unreported: 1,
          byCategory: cats({ overdue: 1 }),
          overdueByLead: [{ lead: 'Phòng Kinh tế', overdue: 1 }],
          unmatchedTasks: 0,
        },
      };
      const followUp = (taskId: string, tt: string, content: string, text: string) => ({
        communeCode: '10888',
        communeName: 'Xã Cẩm Giang',
        taskId,
        tt,
        content,
        group: GROUP,
        text,
      });
      const expected: ProvinceProgress = {
        province: { code: '31', name: 'Thành phố Hải Phòng' },
        planKey: 'NQ57-2026',
        period: '2026-H1',
        periodLabel: '6 tháng đầu năm 2026',
        asOf: '2026-06-30',
        total: {
          tasks: 8,
          reported: 2,
          unreported: 6,
          byCategory: cats({ 'done-on-time': 1, 'in-progress-on-time': 1, overdue: 3, 'not-due': 2, 'no-deadline': 1 }),
          overdueByLead: [
            { lead: 'Công an xã', overdue: 1 },
            { lead: 'Phòng Kinh tế', overdue: 1 },
            { lead: 'Văn phòng HĐND và UBND', overdue: 1 },
          ],
          unmatchedTasks: 0,
        },
        communes: [camGiang, camGiang2, tueTinh, ...others].sort((a, b) => (a.code < b.code ? -1 : 1)),
        notReported: [{ code: '10909', name: 'Xã Tuệ Tĩnh' }],
        followUps: {
          highlights: [followUp('a1', '1', 'Số hóa hồ sơ một cửa', 'Hoàn thành trước hạn 11 ngày')],
          obstacles: [followUp('a2', '2', 'Lắp đặt wifi công cộng', 'Thiếu kinh phí lắp đặt')],
          proposals: [followUp('a2', '2', 'Lắp đặt wifi công cộng', 'Đề nghị thành phố cấp bổ sung kinh phí')],
        },
      };
      expect(r.body).toEqual(expected);

      // The same counts from core, on the plans and entries the server holds.
      const core = overallProgressCounts(
        [
          { key: '10888', plan: stored['10888']!, entries: camGiangEntries },
          { key: '10903', plan: stored['10903']!, entries: [] },
          { key: '10909', plan: stored['10909']!, entries: [] },
        ],
        '2026-06-30',
        { period: '2026-H1' },
      );
      const body = r.body as ProvinceProgress;
      expect(body.total).toEqual(core.total);
      expect(core.plans.map((p) => [p.key, p.counts])).toEqual(
        body.communes.filter((c) => c.counts !== null).map((c) => [c.code, c.counts]),
      );
    });

    it('judges as of the end of a period that has ended, today for one still running, or the day asked', async () => {
      const asOf = async (path: string) => (await h.call('GET', `/api/provinces/31/plans/NQ57-2026/progress/${path}`)).body.asOf;
      expect([await asOf('2026-Q1'), await asOf('2026'), await asOf('2026-H1?asOf=2026-04-15')]).toEqual([
        '2026-03-31',
        '2026-06-30',
        '2026-04-15',
      ]);
      // On 15/04 b2 (30/04) is not yet due, a2 neither; a1's completion on 20/03 already counts.
      const early = (await h.call('GET', '/api/provinces/31/plans/NQ57-2026/progress/2026-H1?asOf=2026-04-15')).body as ProvinceProgress;
      const core = overallProgressCounts(
        [
          { key: '10888', plan: stored['10888']!, entries: camGiangEntries },
          { key: '10903', plan: stored['10903']!, entries: [] },
          { key: '10909', plan: stored['10909']!, entries: [] },
        ],
        '2026-04-15',
        { period: '2026-H1' },
      );
      expect([early.total, early.total.byCategory]).toEqual([
        core.total,
        cats({ 'done-on-time': 1, 'in-progress-on-time': 1, overdue: 2, 'not-due': 3, 'no-deadline': 1 }),
      ]);
    });

    it('refuses a period the province does not collect, a bad day, editors and other provinces', async () => {
      const unknown = await h.call('GET', '/api/provinces/31/plans/NQ57-2026/progress/2026-Q3');
      expect([unknown.status, unknown.body.error.code, unknown.body.error.details]).toEqual([
        404,
        'period-unknown',
        {
          periods: expect.arrayContaining([
            { period: '2026-Q1', cutoff: '2026-04-10' },
            { period: '2026-H1', cutoff: '2026-07-10' },
            { period: '2026', cutoff: '2027-01-15' },
          ]),
        },
      ]);
      expect(unknown.body.error.details.periods).toHaveLength(3);
      const path = '/api/provinces/31/plans/NQ57-2026/progress/2026-H1';
      const statuses = await Promise.all([
        h.call('GET', path, { token: h.tokens.editor }),
        h.call('GET', path, { token: h.tokens.consolidatorOther }),
        h.call('GET', path, { token: h.tokens.admin }),
        h.call('GET', path, { token: null }),
        h.call('GET', '/api/provinces/31/plans/NQ57-2026/progress/2026-Q5'),
        h.call('GET', `${path}?asOf=2026-02-30`),
        h.call('GET', '/api/provinces/31/plans/CHUA-CO/progress/2026-H1'),
      ]);
      expect(statuses.map((s) => [s.status, s.body.error?.code ?? null])).toEqual([
        [403, 'forbidden'],
        [403, 'forbidden'],
        [200, null],
        [401, 'unauthorized'],
        [400, 'invalid-request'],
        [400, 'bad-as-of'],
        [404, 'plan-unknown'],
      ]);
    });

    it('format=xlsx: the summary workbook opens, its sheets and rows as the JSON says', async () => {
      const res = await h.app.request('/api/provinces/31/plans/NQ57-2026/progress/2026-H1?format=xlsx', {
        headers: { authorization: `Bearer ${h.tokens.consolidator}` },
      });
      expect([res.status, res.headers.get('content-type'), res.headers.get('content-disposition')]).toEqual([
        200,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'attachment; filename="tien-do-31-NQ57-2026-2026-H1.xlsx"',
      ]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        'Tổng hợp',
        'Quá hạn theo cơ quan',
        'Kết quả nổi bật',
        'Khó khăn, vướng mắc',
        'Đề xuất, kiến nghị',
        'Chưa báo cáo',
      ]);
      const rowOf = (sheet: string, first: string) => {
        const ws = wb.getWorksheet(sheet)!;
        for (let i = 1; i <= ws.rowCount; i++) {
          const values = (ws.getRow(i).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : v));
          if (values.some((v) => v === first)) return values;
        }
        return null;
      };
      expect({
        camGiang: rowOf('Tổng hợp', 'Xã Cẩm Giang'),
        overdue: rowOf('Quá hạn theo cơ quan', 'Công an xã'),
        obstacle: rowOf('Khó khăn, vướng mắc', 'Thiếu kinh phí lắp đặt'),
        missing: rowOf('Chưa báo cáo', 'Xã Tuệ Tĩnh'),
      }).toEqual({
        // No., commune, report state, tasks, the eight categories in order, tasks not reported.
        camGiang: [35, 'Xã Cẩm Giang', 'Đã chấp nhận', 4, 1, 0, 1, 0, 1, 1, 0, 0, 2],
        overdue: [1, 'Công an xã', 1, 'Xã Cẩm Giàng (1)'],
        obstacle: [1, 'Xã Cẩm Giang', '3. Hạ tầng', '2', 'Lắp đặt wifi công cộng', 'Thiếu kinh phí lắp đặt'],
        missing: [1, '10909', 'Xã Tuệ Tĩnh', 'Hạn báo cáo: 10/07/2026'],
      });
    });

    it('a province with more communes than one page: every page judged, the total over them all', async () => {
      // 26 more communes send a one-task plan: 29 plans, more than the 25 the route holds at once.
      const more = (await provinceCommunes(h.database.db, '31'))
        .map((c) => c.code)
        .filter((c) => !(c in stored))
        .slice(0, 26);
      for (const commune of more) {
        const pushed = await h.call('POST', `/api/communes/${commune}/plans/NQ57-2026/revisions`, { json: { plan: TUE_TINH } });
        expect(pushed.status).toBe(201);
        stored[commune] = pushed.body.plan;
      }
      const body = (await h.call('GET', '/api/provinces/31/plans/NQ57-2026/progress/2026-H1', { token: h.tokens.consolidator }))
        .body as ProvinceProgress;
      const codes = Object.keys(stored).sort();
      const core = overallProgressCounts(
        codes.map((code) => ({ key: code, plan: stored[code]!, entries: code === '10888' ? camGiangEntries : [] })),
        '2026-06-30',
        { period: '2026-H1' },
      );
      expect({
        withPlan: body.communes.filter((c) => c.submittedPlan).map((c) => c.code),
        counts: body.communes.filter((c) => c.counts !== null).map((c) => [c.code, c.counts]),
        total: body.total,
        notReported: body.notReported.map((c) => c.code),
      }).toEqual({
        withPlan: codes,
        counts: core.plans.map((p) => [p.key, p.counts]),
        total: core.total,
        notReported: codes.filter((c) => c !== '10888' && c !== '10903'),
      });
      expect([body.communes.length, body.total.tasks, body.total.byCategory.overdue]).toEqual([114, 8 + 26, 3 + 26]);
    });
  });
}
