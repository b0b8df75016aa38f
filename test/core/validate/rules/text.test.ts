// core/validate/rules/text.ts on small sheets: legacy-encoding, decomposed-unicode, stray-whitespace, word-artifact,
// tone-style-mixed, formula-like-text — the exact list each sheet gets (legacy text across a whole sheet and its
// fix: legacy-encoding.test.ts).
import { describe, expect, it } from 'vitest';
import { gridFromValues } from '../../../../core/model/grid.ts';
import { encodeLegacy } from '../../../../core/text/legacy/index.ts';
import { check, H, issuesOf, task, TEXTS } from './sheet.ts';

describe('text cells', () => {
  it('stray whitespace, decomposed Unicode and a Word artifact, each with a safe fix', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        H,
        task(1, 'Tổ chức  tuyên truyền về chuyển đổi số '),
        task(2, TEXTS[1].normalize('NFD')),
        task(3, `${TEXTS[2]}[bookmark: _GoBack]`),
      ]),
    ]);
    expect(found).toEqual([
      ['B2', 'stray-whitespace', 'info'],
      ['B3', 'decomposed-unicode', 'info'],
      ['B4', 'word-artifact', 'warning'],
    ]);
    expect(issues.map((i) => i.fix?.safe)).toEqual([true, true, true]);
    expect(issues[0]!.fix).toMatchObject({
      ops: [{ op: 'set-cells', edits: [{ cell: 'B2', to: 'Tổ chức tuyên truyền về chuyển đổi số' }] }],
    });
    expect(issues[2]!.params).toEqual({ artifact: '[bookmark: _GoBack]' });
  });

  it('text a spreadsheet would run as a formula; dash and plus bullets, a dash in TT and a negative number are not', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        H,
        task(1, '=HYPERLINK("http://x","y")'),
        task(2, '-SUM(A1:A3)'),
        task(3, '@Cập nhật dữ liệu'),
        task(4, '+IMPORTXML(A1)'),
        ['-', '- Nhóm con'],
        task(5, TEXTS[4], { result: '-5 hồ sơ tồn đọng' }),
        task(6, '+ Tổ chức hội nghị tuyên truyền'),
      ]),
    ]);
    expect(found).toEqual([
      ['B2', 'formula-like-text', 'warning'],
      ['B3', 'formula-like-text', 'warning'],
      ['B4', 'formula-like-text', 'warning'],
      ['B5', 'formula-like-text', 'warning'],
    ]);
    expect(issues.map((i) => i.params)).toEqual([
      { start: '=HYPERLINK("' },
      { start: '-SUM(A1:A3)' },
      { start: '@Cập nhật dữ' },
      { start: '+IMPORTXML(A' },
    ]);
  });

  it('a cell in TCVN3 under a .VnTime font: legacy-encoding, converted by a safe fix', () => {
    const grid = gridFromValues('S', [H, task(1, encodeLegacy(TEXTS[0], { encoding: 'tcvn3' }))]);
    grid.rows[1]![1]!.font = '.VnTime';
    const { found, issues } = check([grid]);
    expect(found).toEqual([['B2', 'legacy-encoding', 'warning']]);
    expect(issues[0]!.params).toEqual({ encoding: 'tcvn3', preview: TEXTS[0] });
    expect(issues[0]!.fix).toMatchObject({
      safe: true,
      ops: [{ op: 'set-cells', edits: [{ cell: 'B2', to: TEXTS[0], font: 'Times New Roman' }] }],
    });
  });
});

describe('tone-style-mixed', () => {
  it('"hóa" three times and "hoá" once: one note for the table, at the first word of the minority style', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        H,
        task(1, 'Số hóa hồ sơ và văn hóa công sở trong cơ quan xã'),
        task(2, 'Số hoá dữ liệu dân cư phục vụ chuyển đổi số'),
        task(3, 'Nâng cao chất lượng văn hóa đọc trên thư viện số'),
      ]),
    ]);
    expect(found).toEqual([['B3', 'tone-style-mixed', 'info']]);
    expect(issues[0]!.params).toEqual({ old: 3, new: 1, example: 'hoá' });
  });

  it('both styles in one cell, and the same sheet checked again from the texts remembered the first time', () => {
    const sheet = () =>
      gridFromValues('S', [
        H,
        task(1, 'Số hóa hồ sơ công tác thủy lợi, văn hoá của xã', { result: 'Báo cáo văn hóa' }),
        task(2, 'Số hóa dữ liệu dân cư phục vụ chuyển đổi số  ', { result: 'Báo cáo văn hóa' }),
      ]);
    const first = check([sheet()]);
    expect(first.found).toEqual([
      ['B2', 'tone-style-mixed', 'info'],
      ['B3', 'stray-whitespace', 'info'],
    ]);
    expect(first.issues[0]!.params).toEqual({ old: 5, new: 1, example: 'hoá' });
    expect(check([sheet()]).issues).toEqual(first.issues);
  });

  it('one style throughout: nothing', () => {
    expect(issuesOf([H, task(1, 'Số hóa hồ sơ và văn hóa công sở'), task(2, 'Số hóa dữ liệu dân cư phục vụ chuyển đổi số')])).toEqual([]);
  });
});
