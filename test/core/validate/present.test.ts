// One presentation of issues for the pane, the annotated workbook and the web page.
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../core/validate/issue.ts';
import {
  issueCell,
  issueTitle,
  issueWhere,
  marksByCell,
  orderIssues,
  SEVERITY_LABEL,
  worstSeverity,
} from '../../../core/validate/present.ts';

const issue = (over: Partial<Issue>): Issue => ({
  code: 'lead-missing',
  severity: 'warning',
  sheet: 'PL',
  message: 'Thiếu',
  messageEn: 'Missing',
  tags: [],
  params: {},
  ...over,
});

describe('issue presentation', () => {
  it("points a row-level issue at the table's first column, a cell issue at its cell, a sheet issue nowhere", () => {
    expect(issueCell({ row: 17, table: 'B5:F73' })).toBe('B17');
    expect(issueCell({ row: 9 })).toBe('A9');
    expect(issueCell({ cell: 'C7', row: 7, table: 'B5:F73' })).toBe('C7');
    expect(issueCell({})).toBeUndefined();
  });

  it('marks each cell once, by its worst severity, with every message', () => {
    const marks = marksByCell(
      [
        issue({ cell: 'C7' }),
        issue({ cell: 'C7', code: 'agency-unknown', severity: 'error', message: 'Lạ' }),
        issue({ row: 9, table: 'B5:F20', severity: 'info' }),
        issue({}),
      ],
      'vi',
    );
    expect(marks.map(({ cell, severity, text }) => [cell, severity, text])).toEqual([
      ['C7', 'error', 'Thiếu\nLạ'],
      ['B9', 'info', 'Thiếu'],
    ]);
    expect(worstSeverity([])).toBe('info');
  });

  it('has one word for each severity', () => {
    expect(SEVERITY_LABEL).toEqual({
      error: { vi: 'Lỗi', en: 'Error' },
      warning: { vi: 'Cảnh báo', en: 'Warning' },
      info: { vi: 'Lưu ý', en: 'Note' },
    });
  });

  it('orders errors, then warnings, then notes, keeping the order within each', () => {
    const list = [
      issue({ severity: 'info', row: 1 }),
      issue({ severity: 'error', row: 9 }),
      issue({ severity: 'warning', row: 2 }),
      issue({ severity: 'error', row: 3 }),
    ];
    expect(orderIssues(list).map((i) => [i.severity, i.row])).toEqual([
      ['error', 9],
      ['error', 3],
      ['warning', 2],
      ['info', 1],
    ]);
  });

  it('names a rule by its title and a place in words', () => {
    expect(issueTitle('lead-missing', 'vi')).toBe('Thiếu cơ quan chủ trì');
    expect(issueTitle('lead-missing', 'en')).toBe('Lead agency missing');
    expect(issueTitle('not-a-code', 'vi')).toBe('not-a-code');
    expect(issueWhere({ sheet: 'PL1', row: 5 }, 'vi')).toBe('Dòng 5');
    expect(issueWhere({ sheet: 'PL1', row: 5, cell: '$C$5' }, 'vi', true)).toBe('PL1 · Ô C5');
    expect(issueWhere({ sheet: 'PL1' }, 'vi')).toBe('Trang tính PL1');
    // The Word reader's grid is the document: no sheet of that name to look for.
    expect(issueWhere({ sheet: 'ke-hoach.docx' }, 'vi')).toBe('Tài liệu ke-hoach.docx');
    expect(issueWhere({ sheet: 'ke-hoach.docx (văn bản)' }, 'en')).toBe('Document ke-hoach.docx (văn bản)');
    expect(issueWhere({ sheet: 'PL1', row: 5 }, 'en')).toBe('Row 5');
  });
});
