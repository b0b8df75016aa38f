// Issue 17 on the sync server, run on PGlite and on PostgreSQL: a province's reporting periods, a commune's period
// reports (first report, merged reports, conflicts and their resolution, unchanged, idempotent replays), the cut-off
// lock and its reopening, the province's review, and the history keeping every version. Whole answers are asserted;
// only times and hashes are matched by shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/model/index.ts';
import type { ProgressReport, TaskProgress } from '../../../core/progress/index.ts';
import { loadPlan } from '../../../cli/load-plan.ts';
import type { Database } from '../../../server/db/connect.ts';
import { uniqueViolation } from '../../../server/store/errors.ts';
import { headVersion, insertVersion, listVersions } from '../../../server/store/progress-versions.ts';
import { fixture } from '../../support/paths.ts';
import { englishLeaks } from '../../support/user-words.ts';
import { harness, type Harness } from './harness.ts';

const ISO_TIME = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const HASH = expect.stringMatching(/^[0-9a-f]{64}$/);
const PLAN = 'NQ57-2026';
const BASE = `/api/communes/10903/plans/${PLAN}/progress`;
const PERIODS_URL = `/api/provinces/31/plans/${PLAN}/progress-periods`;
/** The editor's token holder: the name the server stamps on what the editor reports. */
const EDITOR = 'Nguyễn Văn A';

/** A version's metadata as the server answers it. */
function version(seq: number, baseSeq: number | null, kind: 'submit' | 'merge', o: { key?: string | null; message?: string | null } = {}) {
  return {
    seq,
    baseSeq,
    kind,
    author: expect.stringMatching(/^token:/),
    authorName: EDITOR,
    idempotencyKey: o.key ?? null,
    contentHash: HASH,
    message: o.message ?? null,
    createdAt: ISO_TIME,
  };
}

/** A report's state as the server answers it. */
function state(period: string, o: Partial<Record<string, unknown>> = {}) {
  return {
    period,
    state: 'submitted',
    seq: 1,
    nothingToReport: false,
    locked: false,
    cutoff: period === '2026-H1' ? '2026-07-10' : '2026-04-15',
    reopenedUntil: null,
    returnReason: null,
    lastSent: ISO_TIME,
    ...o,
  };
}

/** An entry as stored: stamped with the sender and a moment. */
const stampedEntry = (e: TaskProgress) => ({ ...e, reportedBy: EDITOR, reportedAt: ISO_TIME });

/**
 * The suite, on a database the caller opens (migrated, with TEST_PLANS registered).
 * @example progressSuite('PGlite', freshPglite)
 */
export function progressSuite(name: string, open: () => Promise<Database>): void {
  describe(`progress reports on the sync server (${name})`, { timeout: 120_000 }, () => {
    let h: Harness;
    let ids: string[] = [];

    beforeAll(async () => {
      h = await harness({ database: await open() });
      const plan: Plan = (await loadPlan(fixture('cam-giang-phu-luc.xlsx'))).plan;
      const pushed = await h.call('POST', `/api/communes/10903/plans/${PLAN}/revisions`, { token: h.tokens.editor, json: { plan } });
      expect(pushed.status).toBe(201);
      ids = (pushed.body.plan as Plan).appendices
        .flatMap((a) => a.rows)
        .filter((r) => r.kind === 'task')
        .map((r) => r.id!);
      expect(ids.length).toBeGreaterThan(5);
    }, 240_000);
    afterAll(() => h?.close());
    /** Every Vietnamese error message the suite was answered with: none may show an official a system word. */
    const messages: string[] = [];
    const call: Harness['call'] = async (...args) => {
      const r = await h.call(...args);
      if (typeof r.body?.error?.message === 'string') messages.push(r.body.error.message);
      return r;
    };

    const task = (i: number, period: string, o: Partial<TaskProgress> = {}): TaskProgress => ({
      taskId: ids[i]!,
      period,
      status: 'in-progress',
      ...o,
    });
    const report = (period: string, entries: TaskProgress[], nothingToReport?: boolean): ProgressReport => ({
      period,
      ...(nothingToReport ? { nothingToReport } : {}),
      entries,
      indicators: [],
    });
    const send = (period: string, body: unknown, o: { key?: string; token?: string } = {}) =>
      call('POST', `${BASE}/${period}`, {
        token: o.token ?? h.tokens.editor,
        json: body,
        ...(o.key ? { headers: { 'idempotency-key': o.key } } : {}),
      });

    it('periods: set by the province consolidator (validated, audited), seen by the province, refused to others', async () => {
      const periods = [
        { period: '2026-H1', cutoff: '2026-07-10' },
        { period: '2026-Q1', cutoff: '2026-04-15' },
      ];
      for (const token of [h.tokens.editor, h.tokens.consolidatorOther]) {
        const r = await call('PUT', PERIODS_URL, { token, json: { periods } });
        expect([r.status, r.body.error.code]).toEqual([403, 'forbidden']);
      }
      const bad = await call('PUT', PERIODS_URL, {
        token: h.tokens.consolidator,
        json: {
          periods: [
            { period: '2026-H2', cutoff: '2026-06-01' },
            { period: '2026-H2', cutoff: '2026-02-30' },
          ],
        },
      });
      expect([bad.status, bad.body]).toEqual([
        400,
        {
          error: {
            code: 'invalid-request',
            message:
              'Danh sách kỳ báo cáo không hợp lệ: hạn chót 01/06/2026 của kỳ 6 tháng cuối năm 2026 trước ngày bắt đầu kỳ (01/07/2026); kỳ 6 tháng cuối năm 2026 ghi hai lần; hạn chót “2026-02-30” của kỳ 6 tháng cuối năm 2026 không phải ngày có thật.',
            messageEn: 'Invalid list of reporting periods.',
            details: [
              { path: 'periods.0.cutoff', message: 'hạn chót 01/06/2026 của kỳ 6 tháng cuối năm 2026 trước ngày bắt đầu kỳ (01/07/2026)' },
              { path: 'periods.1.period', message: 'kỳ 6 tháng cuối năm 2026 ghi hai lần' },
              { path: 'periods.1.cutoff', message: 'hạn chót “2026-02-30” của kỳ 6 tháng cuối năm 2026 không phải ngày có thật' },
            ],
          },
        },
      ]);
      const set = await call('PUT', PERIODS_URL, { token: h.tokens.consolidator, json: { periods } });
      const list = {
        periods: [
          {
            period: '2026-Q1',
            cutoff: '2026-04-15',
            label: 'Quý I năm 2026',
            labelEn: 'Q1 2026',
            start: '2026-01-01',
            end: '2026-03-31',
            current: false,
          },
          {
            period: '2026-H1',
            cutoff: '2026-07-10',
            label: '6 tháng đầu năm 2026',
            labelEn: 'First half of 2026',
            start: '2026-01-01',
            end: '2026-06-30',
            current: true,
          },
        ],
      };
      expect([set.status, set.body]).toEqual([200, list]);
      for (const token of [h.tokens.editor, h.tokens.consolidator, h.tokens.admin]) {
        const seen = await call('GET', PERIODS_URL, { token });
        expect([seen.status, seen.body]).toEqual([200, list]);
      }
      const other = await call('GET', PERIODS_URL, { token: h.tokens.editorOther });
      expect([other.status, other.body.error.code]).toEqual([403, 'forbidden']);
      const audit = await h.database.db
        .selectFrom('audit_log')
        .select(['action', 'target', 'detail'])
        .where('action', '=', 'progress-periods')
        .execute();
      expect(audit).toEqual([{ action: 'progress-periods', target: `31/${PLAN}`, detail: { before: [], after: periods } }]);
    });

    it('a first report is stored with the sender stamped; a period the province does not collect, a wrong period and unknown tasks are refused', async () => {
      const unknownPeriod = await send('2026-Q3', { report: report('2026-Q3', [task(0, '2026-Q3')]), baseSeq: null });
      expect([unknownPeriod.status, unknownPeriod.body]).toEqual([
        404,
        {
          error: {
            code: 'period-unknown',
            message: 'Tỉnh không thu báo cáo kỳ “Quý III năm 2026”. Các kỳ báo cáo của tỉnh: 6 tháng đầu năm 2026, Quý I năm 2026.',
            messageEn: 'The province does not collect reports for "Q3 2026". Its periods: First half of 2026, Q1 2026.',
            details: {
              periods: [
                { period: '2026-H1', cutoff: '2026-07-10' },
                { period: '2026-Q1', cutoff: '2026-04-15' },
              ],
            },
          },
        },
      ]);
      const mismatch = await send('2026-H1', { report: report('2026-Q1', [task(0, '2026-Q1')]), baseSeq: null });
      expect([mismatch.status, mismatch.body.error.code, mismatch.body.error.details]).toEqual([
        400,
        'invalid-request',
        [{ path: 'report.period', message: 'phải là 2026-H1' }],
      ]);
      const unknownTask = await send('2026-H1', {
        report: report('2026-H1', [task(0, '2026-H1'), { ...task(1, '2026-H1'), taskId: 't-khong-co' }]),
        baseSeq: null,
      });
      expect([unknownTask.status, unknownTask.body]).toEqual([
        422,
        {
          error: {
            code: 'progress-invalid',
            message:
              'Báo cáo có nhiệm vụ hoặc chỉ tiêu không còn trong kế hoạch của xã (mã t-khong-co); chưa lưu gì. Hãy tải lại kế hoạch mới nhất rồi báo cáo lại các mục đó.',
            messageEn:
              "The report names tasks or indicators the commune's plan no longer holds (ids t-khong-co); nothing stored. Load the newest plan and report them again.",
            details: [{ path: 'entries.t-khong-co.taskId', message: 'Kế hoạch không có nhiệm vụ này (đã bị xóa hoặc ghi sai mã).' }],
          },
        },
      ]);
      const nul = await send('2026-H1', { report: report('2026-H1', [task(0, '2026-H1', { achieved: 'a\u0000b' })]), baseSeq: null });
      expect([nul.status, nul.body.error.code, nul.body.error.details]).toEqual([
        400,
        'invalid-request',
        [{ path: 'report.entries.0.achieved', message: 'không được chứa ký tự NUL (U+0000) / must not contain U+0000' }],
      ]);
      const consolidatorSends = await send(
        '2026-H1',
        { report: report('2026-H1', [task(0, '2026-H1')]), baseSeq: null },
        { token: h.tokens.consolidator },
      );
      expect(consolidatorSends.status).toBe(403);

      const first = report('2026-H1', [task(0, '2026-H1', { achieved: 'Đã họp triển khai' }), task(1, '2026-H1')]);
      // What the client says about who reported is not trusted: the server stamps the sender.
      const sent = { ...first, entries: first.entries.map((e) => ({ ...e, reportedBy: 'Ai đó', reportedAt: '2020-01-01T00:00:00Z' })) };
      const r = await send('2026-H1', { report: sent, baseSeq: null, message: 'Báo cáo 6 tháng' });
      expect([r.status, r.body]).toEqual([
        201,
        {
          status: 'created',
          version: version(1, null, 'submit', { message: 'Báo cáo 6 tháng' }),
          report: { ...first, entries: first.entries.map(stampedEntry) },
          state: state('2026-H1'),
          fingerprint: HASH,
        },
      ]);
      const head = await call('GET', `${BASE}/2026-H1`, { token: h.tokens.consolidator });
      expect([head.status, head.body]).toEqual([200, { status: state('2026-H1'), version: r.body.version, report: r.body.report }]);
      const none = await call('GET', `${BASE}/2026-Q1`, { token: h.tokens.editor });
      expect([none.status, none.body.error.code]).toEqual([404, 'progress-none']);
    });

    it('two reports on different tasks from the same base are both kept (merged); the same report again is unchanged', async () => {
      const head = (await call('GET', `${BASE}/2026-H1`, { token: h.tokens.editor })).body;
      const mine = (edit: (e: TaskProgress[]) => TaskProgress[]) => ({
        ...head.report,
        entries: edit(structuredClone(head.report.entries)),
      });
      const a = await send('2026-H1', {
        report: mine((e) => [{ ...e[0]!, highlights: 'Hoàn thành sớm' }, e[1]!]),
        baseSeq: 1,
      });
      const b = await send('2026-H1', {
        report: mine((e) => [e[0]!, { ...e[1]!, obstacles: 'Thiếu kinh phí' }, task(2, '2026-H1', { status: 'not-started' })]),
        baseSeq: 1,
      });
      expect([a.status, a.body.status, a.body.version]).toEqual([201, 'created', version(2, 1, 'submit')]);
      const merged = {
        period: '2026-H1',
        entries: [
          stampedEntry(task(0, '2026-H1', { achieved: 'Đã họp triển khai', highlights: 'Hoàn thành sớm' })),
          stampedEntry(task(1, '2026-H1', { obstacles: 'Thiếu kinh phí' })),
          stampedEntry(task(2, '2026-H1', { status: 'not-started' })),
        ],
        indicators: [],
      };
      expect([b.status, b.body]).toEqual([
        201,
        { status: 'merged', version: version(3, 1, 'merge'), report: merged, state: state('2026-H1', { seq: 3 }), fingerprint: HASH },
      ]);
      // The first task's stamp is the one of version 2, kept through the merge: it did not change in version 3.
      expect(b.body.report.entries[0].reportedAt).toBe(a.body.report.entries[0].reportedAt);

      const again = await send('2026-H1', { report: b.body.report, baseSeq: 3 });
      expect([again.status, again.body]).toEqual([
        200,
        { status: 'unchanged', version: b.body.version, report: merged, state: state('2026-H1', { seq: 3 }), fingerprint: HASH },
      ]);
    });

    it('the same field changed both ways: 409 with every conflict, nothing stored; resolved on the head it is stored', async () => {
      const head = (await call('GET', `${BASE}/2026-H1`, { token: h.tokens.editor })).body;
      const entries = head.report.entries as TaskProgress[];
      const theirs = await send('2026-H1', {
        report: { ...head.report, entries: [{ ...entries[0]!, status: 'paused', reason: 'Chờ kinh phí' }, entries[1]!, entries[2]!] },
        baseSeq: 3,
      });
      expect([theirs.status, theirs.body.version.seq]).toEqual([201, 4]);
      const mine = {
        ...head.report,
        entries: [
          { ...entries[0]!, status: 'done', completedOn: '2026-06-20' },
          { ...entries[1]!, obstacles: 'Thiếu nhân lực' },
          { ...entries[2]!, status: 'in-progress' },
        ],
      };
      const conflict = await send('2026-H1', { report: mine, baseSeq: 3 });
      expect([conflict.status, conflict.body]).toEqual([
        409,
        {
          error: {
            code: 'progress-conflict',
            message: 'Có 1 mục bị sửa khác nhau ở hai nơi; chưa lưu gì. Hãy chọn giá trị đúng rồi gửi lại trên phiên bản 4.',
            messageEn: '1 field(s) were changed both ways; nothing stored. Resolve them and send again on version 4.',
            details: {
              headSeq: 4,
              conflicts: [{ kind: 'task', id: ids[0], field: 'status', base: 'in-progress', theirs: 'paused', mine: 'done' }],
            },
          },
        },
      ]);
      const history = await call('GET', `${BASE}/2026-H1/history`, { token: h.tokens.editor });
      expect(history.body.versions.map((v: { seq: number }) => v.seq)).toEqual([4, 3, 2, 1]);

      // Resolved: the commune keeps "paused" with its reason and sends its other changes on version 4.
      const resolved = {
        ...mine,
        entries: [{ ...entries[0]!, status: 'paused', reason: 'Chờ kinh phí' }, mine.entries[1], mine.entries[2]],
      };
      const stored = await send('2026-H1', { report: resolved, baseSeq: 4 });
      expect([stored.status, stored.body.status, stored.body.version, stored.body.report]).toEqual([
        201,
        'created',
        version(5, 4, 'submit'),
        {
          period: '2026-H1',
          entries: [
            stampedEntry(
              task(0, '2026-H1', { status: 'paused', reason: 'Chờ kinh phí', achieved: 'Đã họp triển khai', highlights: 'Hoàn thành sớm' }),
            ),
            stampedEntry(task(1, '2026-H1', { obstacles: 'Thiếu nhân lực' })),
            stampedEntry(task(2, '2026-H1', { status: 'in-progress' })),
          ],
          indicators: [],
        },
      ]);
    });

    it('an Idempotency-Key replays its first answer; the same key with another body is refused', async () => {
      const head = (await call('GET', `${BASE}/2026-H1`, { token: h.tokens.editor })).body;
      const body = { report: { ...head.report, entries: [...head.report.entries, task(3, '2026-H1')] }, baseSeq: 5 };
      const first = await send('2026-H1', body, { key: 'tien-do-1' });
      expect([first.status, first.body.version, first.headers.get('idempotent-replayed')]).toEqual([
        201,
        version(6, 5, 'submit', { key: 'tien-do-1' }),
        null,
      ]);
      const replay = await send('2026-H1', body, { key: 'tien-do-1' });
      expect([replay.status, replay.body, replay.headers.get('idempotent-replayed')]).toEqual([201, first.body, 'true']);
      const reused = await send('2026-H1', { ...body, message: 'khác' }, { key: 'tien-do-1' });
      expect([reused.status, reused.body.error.code]).toEqual([422, 'idempotency-key-reused']);
      const history = await call('GET', `${BASE}/2026-H1/history`, { token: h.tokens.editor });
      expect(history.body.versions.map((v: { seq: number }) => v.seq)).toEqual([6, 5, 4, 3, 2, 1]);
    });

    it('two reports at once from the same base on different tasks take different versions and are both kept', async () => {
      const head = (await call('GET', `${BASE}/2026-H1`, { token: h.tokens.editor })).body;
      const entries = head.report.entries as TaskProgress[];
      const one = { report: { ...head.report, entries: [...entries, task(4, '2026-H1')] }, baseSeq: 6 };
      const two = { report: { ...head.report, entries: [...entries, task(5, '2026-H1')] }, baseSeq: 6 };
      const [a, b] = await Promise.all([send('2026-H1', one), send('2026-H1', two)]);
      expect([a.status, b.status].sort()).toEqual([201, 201]);
      expect([a.body.version.seq, b.body.version.seq].sort()).toEqual([7, 8]);
      const now = (await call('GET', `${BASE}/2026-H1`, { token: h.tokens.editor })).body;
      expect(now.report.entries.map((e: TaskProgress) => e.taskId)).toEqual([
        ...entries.map((e) => e.taskId),
        ...(a.body.version.seq === 7 ? [ids[4], ids[5]] : [ids[5], ids[4]]),
      ]);
    });

    it('after the cut-off sending is locked until the province reopens the period', async () => {
      const body = { report: report('2026-Q1', [], true), baseSeq: null };
      const locked = await send('2026-Q1', body);
      expect([locked.status, locked.body]).toEqual([
        409,
        {
          error: {
            code: 'progress-locked',
            message: 'Đã quá hạn chót gửi báo cáo kỳ “Quý I năm 2026” (15/04/2026); chưa lưu gì. Hãy đề nghị tỉnh mở lại kỳ báo cáo.',
            messageEn: 'The cut-off for "Q1 2026" has passed (15/04/2026); nothing stored. Ask the province to reopen the period.',
            details: { reason: 'cutoff-passed', cutoff: '2026-04-15' },
          },
        },
      ]);
      const byEditor = await call('POST', `${BASE}/2026-Q1/reopen`, { token: h.tokens.editor, json: { until: '2026-07-05' } });
      expect(byEditor.status).toBe(403);
      const past = await call('POST', `${BASE}/2026-Q1/reopen`, { token: h.tokens.consolidator, json: { until: '2026-06-29' } });
      expect([past.status, past.body.error.code]).toEqual([400, 'bad-until']);
      const reopened = await call('POST', `${BASE}/2026-Q1/reopen`, {
        token: h.tokens.consolidator,
        json: { until: '2026-07-05', reason: 'Xã xin gửi bổ sung' },
      });
      expect([reopened.status, reopened.body]).toEqual([
        200,
        state('2026-Q1', { state: 'not-reported', seq: null, lastSent: null, reopenedUntil: '2026-07-05' }),
      ]);
      const sent = await send('2026-Q1', body);
      expect([sent.status, sent.body.status, sent.body.report, sent.body.state]).toEqual([
        201,
        'created',
        { period: '2026-Q1', nothingToReport: true, entries: [], indicators: [] },
        state('2026-Q1', { nothingToReport: true, reopenedUntil: '2026-07-05' }),
      ]);
    });

    it('review: accepted reports are locked; a return needs a reason, then the commune sends again; every decision kept', async () => {
      const head = (await call('GET', `${BASE}/2026-H1`, { token: h.tokens.editor })).body;
      const seq = head.version.seq as number;
      const url = `${BASE}/2026-H1/review`;
      expect((await call('POST', url, { token: h.tokens.editor, json: { decision: 'accept', seq } })).status).toBe(403);
      expect((await call('POST', url, { token: h.tokens.consolidatorOther, json: { decision: 'accept', seq } })).status).toBe(403);
      const stale = await call('POST', url, { token: h.tokens.consolidator, json: { decision: 'accept', seq: seq - 1 } });
      expect([stale.status, stale.body.error.code, stale.body.error.details]).toEqual([412, 'review-stale', { headSeq: seq }]);
      const accepted = await call('POST', url, { token: h.tokens.consolidator, json: { decision: 'accept', seq } });
      expect([accepted.status, accepted.body]).toEqual([200, state('2026-H1', { seq, state: 'accepted', locked: true })]);
      const refused = await send('2026-H1', { report: head.report, baseSeq: seq });
      expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([
        409,
        'progress-locked',
        { reason: 'accepted', cutoff: '2026-07-10' },
      ]);
      const noReason = await call('POST', url, { token: h.tokens.consolidator, json: { decision: 'return', seq, reason: '   ' } });
      expect([noReason.status, noReason.body]).toEqual([
        400,
        {
          error: {
            code: 'reason-required',
            message: 'Trả lại báo cáo phải ghi rõ lý do để xã biết cần sửa gì.',
            messageEn: 'Returning a report needs a reason, so the commune knows what to change.',
          },
        },
      ]);
      const returned = await call('POST', url, {
        token: h.tokens.consolidator,
        json: { decision: 'return', seq, reason: 'Bổ sung kết quả nhiệm vụ 1' },
      });
      expect([returned.status, returned.body]).toEqual([
        200,
        state('2026-H1', { seq, state: 'returned', returnReason: 'Bổ sung kết quả nhiệm vụ 1' }),
      ]);
      const entries = head.report.entries as TaskProgress[];
      const again = await send('2026-H1', {
        report: { ...head.report, entries: [{ ...entries[0]!, achieved: 'Đã họp triển khai, ban hành kế hoạch' }, ...entries.slice(1)] },
        baseSeq: seq,
      });
      expect([again.status, again.body.state]).toEqual([201, state('2026-H1', { seq: seq + 1 })]);

      const history = await call('GET', `${BASE}/2026-H1/history`, { token: h.tokens.consolidator });
      const reviewer = { author: expect.stringMatching(/^token:/), authorName: 'consolidator', createdAt: ISO_TIME, until: null };
      expect([history.status, history.body.versions.map((v: { seq: number }) => v.seq), history.body.reviews]).toEqual([
        200,
        Array.from({ length: seq + 1 }, (_, i) => seq + 1 - i),
        [
          { decision: 'return', seq, reason: 'Bổ sung kết quả nhiệm vụ 1', ...reviewer },
          { decision: 'accept', seq, reason: null, ...reviewer },
        ],
      ]);
    });

    it('the store refuses a second version under a number taken: the guard a push that lost a race retries on', async () => {
      const k = { communeCode: '10903', planKey: PLAN, period: '2026-Q1' };
      const head = (await headVersion(h.database.db, k))!;
      const again = {
        ...k,
        seq: head.seq,
        baseSeq: null,
        kind: 'submit' as const,
        author: 'token:test',
        authorName: null,
        idempotencyKey: null,
        fingerprint: null,
        contentHash: head.contentHash,
        report: head.report!,
        message: null,
      };
      const err = await insertVersion(h.database.db, again).then(
        () => null,
        (e: unknown) => e,
      );
      expect(uniqueViolation(err)).toBe('progress_versions_seq');
      expect((await listVersions(h.database.db, k)).map((v) => v.seq)).toEqual([head.seq]);
    });

    it("the commune's state in every period the province collects", async () => {
      const r = await call('GET', BASE, { token: h.tokens.editor });
      const head = (await call('GET', `${BASE}/2026-H1`, { token: h.tokens.editor })).body;
      expect([r.status, r.body]).toEqual([
        200,
        {
          periods: [
            {
              ...state('2026-Q1', { nothingToReport: true, reopenedUntil: '2026-07-05' }),
              label: 'Quý I năm 2026',
              labelEn: 'Q1 2026',
              current: false,
            },
            { ...state('2026-H1', { seq: head.version.seq }), label: '6 tháng đầu năm 2026', labelEn: 'First half of 2026', current: true },
          ],
        },
      ]);
      expect((await call('GET', BASE, { token: h.tokens.editorOther })).status).toBe(403);
    });

    it('no refusal shows an official an English system word or an internal code', () => {
      expect(messages.length).toBeGreaterThan(10);
      expect(messages.flatMap(englishLeaks)).toEqual([]);
    });
  });
}
