// The calendar feed (issue 17), run on PGlite and on PostgreSQL: a commune's secret address made and replaced, the
// feed read back by an independent parser (ical.js, not the generator) with exactly the expected events, wrong and
// replaced addresses refused alike, who may make an address, and wrong addresses throttled per client address.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_TYPE } from '../../../core/api/index.ts';
import type { TaskProgress } from '../../../core/progress/index.ts';
import { createApp } from '../../../server/app.ts';
import type { Database } from '../../../server/db/connect.ts';
import { planWith } from '../../core/progress/plan.ts';
import { englishLeaks } from '../../support/user-words.ts';
import { harness, type Harness } from './harness.ts';
import { seedPeriods, seedReport } from './progress-seed.ts';

/** A long task content: its title is cut at a word, the whole text stays in the description. */
const LONG =
  'Xây dựng và vận hành hệ thống thông tin báo cáo của xã kết nối với hệ thống thông tin báo cáo của thành phố, bảo đảm an toàn thông tin';

const PLAN = planWith([
  { id: 'k1', content: 'Số hóa hồ sơ một cửa', lead: 'Công an xã', deadline: 'Quý III/2026' },
  { id: 'k2', content: 'Lắp đặt wifi công cộng', lead: 'Phòng Kinh tế', deadline: 'Quý I/2026' },
  { id: 'k3', content: 'Triển khai khi có hướng dẫn', lead: 'Phòng Kinh tế', deadline: 'Khi có văn bản của cấp trên' },
  { id: 'k4', content: 'Tập huấn kỹ năng số', deadline: '30/4/2026' },
  { id: 'k5', content: 'Mua sắm máy chủ', lead: 'Văn phòng HĐND và UBND xã', deadline: 'Quý II/2026' },
  { id: 'k6', content: 'Báo cáo kết quả thực hiện', lead: 'Văn phòng HĐND và UBND xã', deadline: 'Hằng năm' },
  { id: 'k7', content: 'Tuyên truyền chuyển đổi số', lead: 'Phòng Văn hóa - Xã hội', deadline: 'Thường xuyên' },
  { id: 'k8', content: LONG, lead: 'Phòng Kinh tế', deadline: 'Quý IV/2026' },
]);
PLAN.appendices[0]!.rows.find((r) => r.id === 'k1')!.fields.result = 'Kho dữ liệu hồ sơ điện tử';

const Q1: TaskProgress[] = [{ taskId: 'k2', period: '2026-Q1', status: 'done', completedOn: '2026-03-15', achieved: 'Đã lắp 5 điểm' }];
const H1: TaskProgress[] = [
  { taskId: 'k1', period: '2026-H1', status: 'in-progress' },
  { taskId: 'k5', period: '2026-H1', status: 'dropped', reason: 'Dùng máy chủ của thành phố' },
];

/** An event as read back by ical.js. */
interface Read {
  uid: string;
  start: string;
  end: string;
  allDay: boolean;
  summary: string;
  description: string;
}

/** The feed parsed by ical.js: the calendar's name and every event. */
function parseFeed(text: string): { name: string; events: Read[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents('vevent').map((v) => {
    const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = v.getFirstPropertyValue('dtend') as ICAL.Time;
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      start: start.toString(),
      end: end.toString(),
      allDay: start.isDate && end.isDate,
      summary: String(v.getFirstPropertyValue('summary')),
      description: String(v.getFirstPropertyValue('description')),
    };
  });
  return { name: String(cal.getFirstPropertyValue('x-wr-calname')), events };
}

/** An all-day event of one day. */
const day = (uid: string, start: string, end: string, summary: string, description: string): Read => ({
  uid,
  start,
  end,
  allDay: true,
  summary,
  description,
});

const SCOPE = '10903.NQ57-2026@phuluc';

/**
 * @example calendarSuite('PGlite', freshPglite)
 */
export function calendarSuite(name: string, open: () => Promise<Database>): void {
  describe(`calendar feed (${name})`, { timeout: 120_000 }, () => {
    let h: Harness;

    beforeAll(async () => {
      h = await harness({ database: await open() });
      const pushed = await h.call('POST', '/api/communes/10903/plans/NQ57-2026/revisions', {
        token: h.tokens.editor,
        json: { plan: PLAN },
      });
      expect(pushed.status).toBe(201);
      await seedPeriods(h, '31', 'NQ57-2026', [
        { period: '2026-Q1', cutoff: '2026-04-10' },
        { period: '2026-H1', cutoff: '2026-07-10' },
      ]);
      // The first quarter's cut-off has passed (today is 30/06/2026 in the harness): the province reopens it first.
      await seedReport(h, '10903', 'NQ57-2026', { period: '2026-Q1', entries: Q1, indicators: [] }, { reopenUntil: '2026-07-05' });
      await seedReport(h, '10903', 'NQ57-2026', { period: '2026-H1', entries: H1, indicators: [] });
    });
    afterAll(() => h?.close());

    const feed = async (url: string) => {
      const res = await h.app.request(new URL(url).pathname);
      return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
    };

    it('lists the deadlines still owed and the report cut-offs, read back by an independent parser', async () => {
      const made = await h.call('POST', '/api/communes/10903/plans/nq57-2026/calendar', { token: h.tokens.editor });
      expect([made.status, made.body]).toEqual([
        201,
        {
          url: expect.stringMatching(/^http:\/\/localhost\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/),
          createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
      ]);
      const r = await feed(made.body.url);
      expect([r.status, r.type]).toEqual([200, CALENDAR_TYPE]);
      const read = parseFeed(r.text);
      // What a phone shows an official: Vietnamese words, no internal codes.
      expect(englishLeaks([read.name, ...read.events.flatMap((e) => [e.summary, e.description])].join('\n'))).toEqual([]);
      // Done (k2), without a date (k3), dropped (k5) and "Thường xuyên" (k7) are left out; overdue k4 is still owed.
      expect(read).toEqual({
        name: 'phuluc — Xã Cẩm Giàng — NQ57-2026',
        events: [
          day(
            `report-2026-Q1.${SCOPE}`,
            '2026-04-10',
            '2026-04-11',
            'Hạn gửi báo cáo tiến độ Quý I năm 2026',
            'Kỳ báo cáo: Quý I năm 2026 (01/01/2026 – 31/03/2026)\nKế hoạch: NQ57-2026',
          ),
          day(
            `k4.${SCOPE}`,
            '2026-04-30',
            '2026-05-01',
            'Hạn: Tập huấn kỹ năng số',
            'Nhiệm vụ: Tập huấn kỹ năng số\nTT: 4\nThời gian hoàn thành: 30/4/2026',
          ),
          day(
            `report-2026-H1.${SCOPE}`,
            '2026-07-10',
            '2026-07-11',
            'Hạn gửi báo cáo tiến độ 6 tháng đầu năm 2026',
            'Kỳ báo cáo: 6 tháng đầu năm 2026 (01/01/2026 – 30/06/2026)\nKế hoạch: NQ57-2026',
          ),
          day(
            `k1.${SCOPE}`,
            '2026-09-30',
            '2026-10-01',
            'Hạn: Số hóa hồ sơ một cửa',
            'Nhiệm vụ: Số hóa hồ sơ một cửa\nTT: 1\nCơ quan chủ trì: Công an xã\nKết quả/sản phẩm: Kho dữ liệu hồ sơ điện tử\nThời gian hoàn thành: Quý III/2026',
          ),
          day(
            `k6.${SCOPE}`,
            '2026-12-31',
            '2027-01-01',
            'Hạn: Báo cáo kết quả thực hiện',
            'Nhiệm vụ: Báo cáo kết quả thực hiện\nTT: 6\nCơ quan chủ trì: Văn phòng HĐND và UBND xã\nThời gian hoàn thành: Hằng năm',
          ),
          day(
            `k8.${SCOPE}`,
            '2026-12-31',
            '2027-01-01',
            'Hạn: Xây dựng và vận hành hệ thống thông tin báo cáo của xã kết nối với hệ thống…',
            `Nhiệm vụ: ${LONG}\nTT: 8\nCơ quan chủ trì: Phòng Kinh tế\nThời gian hoàn thành: Quý IV/2026`,
          ),
        ],
      });
    });

    it('a new address replaces the old one; a wrong, malformed or replaced address is 404 with nothing told', async () => {
      const first = await h.call('POST', '/api/communes/10903/plans/NQ57-2026/calendar', { token: h.tokens.consolidator });
      const second = await h.call('POST', '/api/communes/10903/plans/NQ57-2026/calendar', { token: h.tokens.admin });
      expect([first.status, second.status, first.body.url === second.body.url]).toEqual([201, 201, false]);
      const notFound = {
        status: 404,
        type: 'application/json',
        text: JSON.stringify({ error: { code: 'not-found', message: 'Không tìm thấy lịch này.', messageEn: 'Not found: this calendar.' } }),
      };
      expect(await feed(first.body.url)).toEqual(notFound);
      expect((await feed(second.body.url)).status).toBe(200);
      // A well-formed secret nobody was given, the secret without ".ics", and garbage: the same answer.
      expect(await feed(`http://localhost/api/calendar/${'A'.repeat(43)}.ics`)).toEqual(notFound);
      expect(await feed(second.body.url.replace(/\.ics$/, ''))).toEqual(notFound);
      expect(await feed('http://localhost/api/calendar/..%2F..%2Fetc%2Fpasswd')).toEqual(notFound);
    });

    it('only the commune, its province and admins make an address; an unknown plan is 404', async () => {
      const make = (commune: string, token: string, plan = 'NQ57-2026') =>
        h.call('POST', `/api/communes/${commune}/plans/${plan}/calendar`, { token });
      expect((await make('10903', h.tokens.editorOther)).status).toBe(403);
      expect((await make('10903', h.tokens.consolidatorOther)).status).toBe(403);
      expect((await make('00004', h.tokens.editor)).status).toBe(403);
      expect((await make('00004', h.tokens.admin)).status).toBe(201);
      const unknown = await make('10903', h.tokens.editor, 'CHUA-CO');
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'plan-unknown']);
      expect((await h.call('POST', '/api/communes/10903/plans/NQ57-2026/calendar', { token: null })).status).toBe(401);
    });

    it('a commune without its plan on the server gets the cut-offs only', async () => {
      const made = await h.call('POST', '/api/communes/10888/plans/NQ57-2026/calendar', { token: h.tokens.consolidator });
      const r = parseFeed((await feed(made.body.url)).text);
      expect([r.name, r.events.map((e) => [e.uid, e.start])]).toEqual([
        'phuluc — Xã Cẩm Giang — NQ57-2026',
        [
          ['report-2026-Q1.10888.NQ57-2026@phuluc', '2026-04-10'],
          ['report-2026-H1.10888.NQ57-2026@phuluc', '2026-07-10'],
        ],
      ]);
    });

    it('wrong addresses are throttled per client address, the right one included once blocked', async () => {
      const app = createApp({ db: h.database.db, log: () => {}, clientAddress: () => '198.51.100.7', limits: { authFailures: 2 } });
      const made = await h.call('POST', '/api/communes/10903/plans/NQ57-2026/calendar', { token: h.tokens.editor });
      const path = new URL(made.body.url).pathname;
      const wrong = `/api/calendar/${'B'.repeat(43)}.ics`;
      const statuses = [];
      for (const p of [path, wrong, wrong, path]) statuses.push((await app.request(p)).status);
      expect(statuses).toEqual([200, 404, 404, 429]);
    });
  });
}
