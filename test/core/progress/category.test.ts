// The categories table-driven: statuses × deadline kinds × completion dates × as-of days, whole tables compared.
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../core/deadline.ts';
import { categorize, spanOfId, type ProgressCategory, type ProgressStatus } from '../../../core/progress/index.ts';

/** One row of a table: a status and a completion date, judged at the three as-of days below. */
const ROWS: [label: string, status: ProgressStatus, completedOn: string | undefined][] = [
  ['chưa thực hiện', 'not-started', undefined],
  ['đang thực hiện', 'in-progress', undefined],
  ['đang thực hiện, có ngày (bỏ qua)', 'in-progress', '2026-05-01'],
  ['hoàn thành, không ghi ngày', 'done', undefined],
  ['hoàn thành 20/11/2025 (chu kỳ trước)', 'done', '2025-11-20'],
  ['hoàn thành 01/5', 'done', '2026-05-01'],
  ['hoàn thành 30/6', 'done', '2026-06-30'],
  ['hoàn thành 10/7', 'done', '2026-07-10'],
  ['tạm dừng', 'paused', undefined],
  ['không thực hiện', 'dropped', undefined],
];

/** Inside the period, on its last day (the due day of a Q2 deadline), after it (a late report). */
const AS_OF = ['2026-05-15', '2026-06-30', '2026-07-15'] as const;
const PERIOD = spanOfId('2026-Q2');

type Table = Record<string, [ProgressCategory, ProgressCategory, ProgressCategory]>;

function table(deadline: string | undefined): Table {
  const d = deadline === undefined ? undefined : parseDeadline(deadline);
  const out: Table = {};
  for (const [label, status, completedOn] of ROWS) {
    const [a, b, c] = AS_OF.map((asOf) => categorize({ status, completedOn, deadline: d, asOf, period: PERIOD }).category);
    out[label] = [a!, b!, c!];
  }
  return out;
}

const ON = 'done-on-time';
const LATE = 'done-late';
const IPOT = 'in-progress-on-time';

/** A deadline due on 30 June with no cycle: a completion at any earlier time counts. */
const DUE_30_JUNE: Table = {
  'chưa thực hiện': ['not-due', 'not-due', 'overdue'],
  'đang thực hiện': [IPOT, IPOT, 'overdue'],
  'đang thực hiện, có ngày (bỏ qua)': [IPOT, IPOT, 'overdue'],
  'hoàn thành, không ghi ngày': [ON, ON, LATE],
  'hoàn thành 20/11/2025 (chu kỳ trước)': [ON, ON, ON],
  'hoàn thành 01/5': [ON, ON, ON],
  'hoàn thành 30/6': [IPOT, ON, ON],
  'hoàn thành 10/7': [IPOT, IPOT, LATE],
  'tạm dừng': ['paused', 'paused', 'paused'],
  'không thực hiện': ['dropped', 'dropped', 'dropped'],
};

/** A duty due each quarter (or throughout): the same, except that last year's completion does not count. */
const EACH_QUARTER: Table = { ...DUE_30_JUNE, 'hoàn thành 20/11/2025 (chu kỳ trước)': ['not-due', 'not-due', 'overdue'] };

/** A yearly duty judged in Q2: due on 31 December, so nothing is late yet; last year's completion does not count. */
const YEARLY_IN_Q2: Table = {
  'chưa thực hiện': ['not-due', 'not-due', 'not-due'],
  'đang thực hiện': [IPOT, IPOT, IPOT],
  'đang thực hiện, có ngày (bỏ qua)': [IPOT, IPOT, IPOT],
  'hoàn thành, không ghi ngày': [ON, ON, ON],
  'hoàn thành 20/11/2025 (chu kỳ trước)': ['not-due', 'not-due', 'not-due'],
  'hoàn thành 01/5': [ON, ON, ON],
  'hoàn thành 30/6': [IPOT, ON, ON],
  'hoàn thành 10/7': [IPOT, IPOT, ON],
  'tạm dừng': ['paused', 'paused', 'paused'],
  'không thực hiện': ['dropped', 'dropped', 'dropped'],
};

/** No date can be known: never overdue, never late; a completion is a completion. */
const NO_DATE: Table = {
  'chưa thực hiện': ['no-deadline', 'no-deadline', 'no-deadline'],
  'đang thực hiện': ['no-deadline', 'no-deadline', 'no-deadline'],
  'đang thực hiện, có ngày (bỏ qua)': ['no-deadline', 'no-deadline', 'no-deadline'],
  'hoàn thành, không ghi ngày': [ON, ON, ON],
  'hoàn thành 20/11/2025 (chu kỳ trước)': [ON, ON, ON],
  'hoàn thành 01/5': [ON, ON, ON],
  'hoàn thành 30/6': ['no-deadline', ON, ON],
  'hoàn thành 10/7': ['no-deadline', 'no-deadline', ON],
  'tạm dừng': ['paused', 'paused', 'paused'],
  'không thực hiện': ['dropped', 'dropped', 'dropped'],
};

describe('categorize, reporting period 2026-Q2', () => {
  it.each([
    ['period', 'Quý II/2026', DUE_30_JUNE],
    ['period', '30/6/2026', DUE_30_JUNE],
    ['recurring', 'Định kỳ hằng quý', EACH_QUARTER],
    ['recurring', 'Thường xuyên', EACH_QUARTER],
    ['recurring', 'Hằng năm', YEARLY_IN_Q2],
    ['recurring', 'Tháng 7/2025, duy trì hàng năm', YEARLY_IN_Q2],
    ['recurring', 'Quý IV của năm trước', YEARLY_IN_Q2],
    ['conditional', 'Khi có văn bản của cấp trên', NO_DATE],
    ['conditional', 'Sau khi có kinh phí', NO_DATE],
    ['unparsed', 'Trước Tết Nguyên đán', NO_DATE],
    ['unparsed', 'Quý 5/2026', NO_DATE],
  ] as const)('%s deadline "%s"', (kind, deadline, expected) => {
    expect(parseDeadline(deadline).kind).toBe(kind);
    expect(table(deadline)).toEqual(expected);
  });

  it('no deadline at all', () => {
    expect(table(undefined)).toEqual(NO_DATE);
  });

  it('gives the due date it judged by', () => {
    const dues = ['Quý II/2026', 'Định kỳ hằng quý', 'Thường xuyên', 'Hằng năm', 'Quý IV của năm trước', 'Khi có văn bản của cấp trên'].map(
      (t) => categorize({ status: 'not-started', deadline: parseDeadline(t), asOf: '2026-05-15', period: PERIOD }).due,
    );
    expect(dues).toEqual(['2026-06-30', '2026-06-30', '2026-06-30', '2026-12-31', '2026-12-31', null]);
  });
});

describe('categorize, other periods and inputs', () => {
  it('judges a recurring deadline’s first period when the reporting period reaches it', () => {
    const d = parseDeadline('Tháng 7/2025, duy trì hàng năm');
    const q3 = spanOfId('2025-Q3');
    const judge = (status: ProgressStatus, completedOn: string | undefined, asOf: string) =>
      categorize({ status, completedOn, deadline: d, asOf, period: q3 });
    expect([
      judge('not-started', undefined, '2025-07-15'),
      judge('not-started', undefined, '2025-08-01'),
      judge('done', '2025-07-20', '2025-08-01'),
      judge('done', '2025-08-20', '2025-09-30'),
    ]).toEqual([
      { category: 'not-due', due: '2025-07-31' },
      { category: 'overdue', due: '2025-07-31' },
      { category: 'done-on-time', due: '2025-07-31' },
      { category: 'done-late', due: '2025-07-31' },
    ]);
  });

  it('judges a yearly duty at the year’s end: undone is overdue from 1 January, last year’s completion counts for last year', () => {
    const d = parseDeadline('Hằng năm');
    const judge = (completedOn: string | undefined, status: ProgressStatus, asOf: string, period: string) =>
      categorize({ status, completedOn, deadline: d, asOf, period: spanOfId(period) }).category;
    expect([
      judge(undefined, 'in-progress', '2026-12-31', '2026'),
      judge(undefined, 'in-progress', '2027-01-05', '2026'),
      judge('2026-11-20', 'done', '2027-01-05', '2026'),
      judge('2026-11-20', 'done', '2027-03-31', '2027-Q1'),
    ]).toEqual(['in-progress-on-time', 'overdue', 'done-on-time', 'not-due']);
  });

  it('without a period, judges the year up to the as-of day ("Thường xuyên" is then due on that day, never overdue)', () => {
    const judge = (text: string, status: ProgressStatus, completedOn?: string) =>
      categorize({ status, completedOn, deadline: parseDeadline(text), asOf: '2026-08-01' });
    expect([
      judge('Thường xuyên', 'not-started'),
      judge('Thường xuyên', 'in-progress'),
      judge('Thường xuyên', 'done', '2025-12-01'),
      judge('Hằng năm', 'done', '2026-02-01'),
      judge('Quý I/2026', 'in-progress'),
    ]).toEqual([
      { category: 'not-due', due: '2026-08-01' },
      { category: 'in-progress-on-time', due: '2026-08-01' },
      { category: 'not-due', due: '2026-08-01' },
      { category: 'done-on-time', due: '2026-12-31' },
      { category: 'overdue', due: '2026-03-31' },
    ]);
  });

  it('takes a done task without a date to be done on its report’s day, the latest it can have been', () => {
    const judge = (reportedOn: string | undefined) =>
      categorize({ status: 'done', reportedOn, deadline: parseDeadline('Quý II/2026'), asOf: '2026-07-15' }).category;
    expect([judge('2026-06-20'), judge('2026-07-05'), judge('2026-08-01'), judge(undefined)]).toEqual([ON, LATE, LATE, LATE]);
  });
});
