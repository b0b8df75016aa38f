// core/validate/rules/agencies.ts on small sheets: lead-multiple, lead-generic, agency-variant, agency-unknown — the
// exact list each sheet gets (name matching itself: test/core/agencies.test.ts, test/core/agencies-levels.test.ts).
import { describe, expect, it } from 'vitest';
import { gridFromValues, type CellValue } from '../../../../core/model/grid.ts';
import { check, H, issuesOf, task, TEXTS } from './sheet.ts';

describe('agency rules on a commune table', () => {
  it('several leads, a collective lead, a variant spelling (safe fix), unknown names once per column, fused names', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        H,
        task(1, TEXTS[0], { lead: 'Phòng Kinh tế; Công an xã' }),
        task(2, TEXTS[1], { lead: 'Các phòng, ban, ngành' }),
        task(3, TEXTS[2], { lead: 'Phòng VH-XH', partners: 'Hội Chăn nuôi xã' }),
        task(4, TEXTS[3], { partners: 'Hội Chăn nuôi xã' }),
        task(5, TEXTS[4], { partners: 'Sở Khoa học và Công nghệ Sở Công Thương' }),
      ]),
    ]);
    expect(found).toEqual([
      ['C2', 'lead-multiple', 'warning'],
      ['C3', 'lead-generic', 'warning'],
      ['C4', 'agency-variant', 'info'],
      ['D4', 'agency-unknown', 'info'],
      ['D6', 'agency-unknown', 'info'],
    ]);
    expect(issues.map((i) => i.params)).toEqual([
      { count: 2, names: 'Phòng Kinh tế; Công an xã' },
      { name: 'Các phòng, ban, ngành' },
      { name: 'Phòng VH-XH', canonical: 'Phòng Văn hóa - Xã hội' },
      { name: 'Hội Chăn nuôi xã' },
      { name: 'Sở Khoa học và Công nghệ Sở Công Thương', parts: 'Sở Khoa học và Công nghệ; Sở Công Thương' },
    ]);
    expect(issues[2]!.fix).toMatchObject({
      safe: true,
      ops: [{ op: 'set-cells', edits: [{ cell: 'C4', from: 'Phòng VH-XH', to: 'Phòng Văn hóa - Xã hội' }] }],
    });
  });

  it('a spelling matched only against another name in the plan is a suggestion, not a safe fix', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        H,
        task(1, TEXTS[0], { partners: 'Hội Chăn nuôi' }),
        task(2, TEXTS[1], { partners: 'Hội Chăn nuôi' }),
        task(3, TEXTS[2], { partners: 'Hội chăn nuôi' }),
      ]),
    ]);
    // "Hội Chăn nuôi" is not in the catalog, but the plan uses it more than once: a name of its own, not unknown.
    expect(found).toEqual([['D4', 'agency-variant', 'info']]);
    expect(issues[0]!.params).toEqual({ name: 'Hội chăn nuôi', canonical: 'Hội Chăn nuôi' });
    expect(issues[0]!.fix?.safe).toBe(false);
  });

  it('a lead merged down over two tasks is reported once, on the row that holds the cell', () => {
    expect(
      issuesOf([H, task(1, TEXTS[0], { lead: 'Phòng Kinh tế, Công an xã' }), task(2, TEXTS[1], { lead: null }), task(3, TEXTS[2])], {
        merges: [{ top: 2, left: 3, bottom: 3, right: 3 }],
      }),
    ).toEqual([
      ['C2', 'merged-cells-in-body', 'info'],
      ['C2', 'lead-multiple', 'warning'],
    ]);
  });
});

// Moved from test/core/agencies-levels.test.ts, where the lists were filtered to these four codes: no other rule
// fires on these sheets, so they are the whole lists now.
describe('agency rules on a provincial table', () => {
  function agencyIssues(values: CellValue[][]) {
    return check([gridFromValues('S', values)]).issues.map((i) => ({
      cell: i.cell,
      code: i.code,
      params: i.params,
      message: i.message,
      messageEn: i.messageEn,
    }));
  }

  it('one body per lead is not several leads, named associations are not generic, fused names are reported', () => {
    const issues = agencyIssues([
      H,
      [1, 'Việc một', 'Sở Nông nghiệp và Môi trường', 'Sở Tài chính; Sở Khoa học và Công nghệ Sở Công Thương', 'Báo cáo', 'Quý III/2026'],
      [2, 'Việc hai', 'Liên hiệp các Hội Khoa học và Kỹ thuật', 'Sở, ban, ngành có liên quan', 'Báo cáo', 'Quý III/2026'],
      [3, 'Việc ba', 'Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố', 'UBND các phường, xã', 'Báo cáo', 'Quý III/2026'],
      [4, 'Việc bốn', 'Sở Văn hóa, Thể thao và Du lịch', 'Các sở, ngành', 'Báo cáo', 'Quý III/2026'],
      [5, 'Việc năm', 'Sở Khoa học và Công nghệ, Công an Thành phố', 'Viện, Trường', 'Báo cáo', 'Quý III/2026'],
      [6, 'Việc sáu', 'Các sở, ngành, địa phương', 'Sở Khoa học và Công nghệ', 'Báo cáo', 'Quý III/2026'],
      [7, 'Việc bảy', 'Sở Khoa học và Công nghệ Sở Công Thương', 'Bộ Khoa học và Công nghệ', 'Báo cáo', 'Quý III/2026'],
      [8, 'Việc tám', 'Hội Chăn nuôi tỉnh', 'Ngân hàng Nhà nước khu vực XII', 'Báo cáo', 'Quý III/2026'],
    ]);
    expect(issues.map(({ cell, code, params }) => ({ cell, code, params }))).toEqual([
      {
        cell: 'D2',
        code: 'agency-unknown',
        params: { name: 'Sở Khoa học và Công nghệ Sở Công Thương', parts: 'Sở Khoa học và Công nghệ; Sở Công Thương' },
      },
      { cell: 'C6', code: 'lead-multiple', params: { count: 2, names: 'Sở Khoa học và Công nghệ; Công an Thành phố' } },
      { cell: 'C7', code: 'lead-generic', params: { name: 'Các sở, ngành, địa phương' } },
      { cell: 'C8', code: 'lead-multiple', params: { count: 2, names: 'Sở Khoa học và Công nghệ; Sở Công Thương' } },
      // Unknown names are reported once per column: the lead column had not seen this one yet.
      {
        cell: 'C8',
        code: 'agency-unknown',
        params: { name: 'Sở Khoa học và Công nghệ Sở Công Thương', parts: 'Sở Khoa học và Công nghệ; Sở Công Thương' },
      },
      { cell: 'C9', code: 'agency-unknown', params: { name: 'Hội Chăn nuôi tỉnh' } },
    ]);
    const fused = issues.find((i) => i.cell === 'D2')!;
    expect(fused.message).toBe(
      '“Sở Khoa học và Công nghệ Sở Công Thương” là các cơ quan viết liền nhau (Sở Khoa học và Công nghệ; Sở Công Thương); nên tách bằng dấu “;”.',
    );
    expect(fused.messageEn).toBe(
      '"Sở Khoa học và Công nghệ Sở Công Thương" runs several agencies together (Sở Khoa học và Công nghệ; Sở Công Thương); separate them with ";".',
    );
    const unknown = issues.find((i) => i.cell === 'C9')!;
    expect(unknown.message).toBe('“Hội Chăn nuôi tỉnh” không có trong danh mục cơ quan.');
    expect(unknown.messageEn).toBe('"Hội Chăn nuôi tỉnh" is not in the agency catalog.');
  });

  it('a lead of collective phrases only is generic; a named body with them is several leads', () => {
    const issues = agencyIssues([
      H,
      [1, 'Việc một', 'Các sở, ngành, UBND xã, phường, đặc khu', 'Sở Tài chính', 'Báo cáo', 'Quý III/2026'],
      [2, 'Việc hai', 'Sở Tài chính, các sở, ngành', 'Sở Tư pháp', 'Báo cáo', 'Quý III/2026'],
      [3, 'Việc ba', 'Sở KH&CN chủ trì hướng dẫn, tổng hợp', 'Sở Tư pháp', 'Báo cáo', 'Quý III/2026'],
    ]);
    expect(issues.map(({ cell, code, params }) => ({ cell, code, params }))).toEqual([
      { cell: 'C2', code: 'lead-generic', params: { name: 'Các sở, ngành, UBND xã, phường, đặc khu' } },
      { cell: 'C3', code: 'lead-multiple', params: { count: 2, names: 'Sở Tài chính; các sở, ngành' } },
    ]);
  });
});
