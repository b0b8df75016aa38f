// Group headings as communes write them (taken from the seed plans) → the seven NQ57 groups, or "Khác".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUP_COLUMNS, mapGroup, matchGroup, NQ57_GROUPS } from '../../../core/consolidate/index.ts';
import { romanToInt } from '../../../core/text/ordinal.ts';
import { REPO_ROOT, SEEDS } from '../../support/paths.ts';

const SEED_FILES = ['cam-giang-ke-hoach.txt', 'quang-son-ke-hoach.txt', 'cao-minh-ke-hoach-hanh-dong.txt'];
const seedLines = SEED_FILES.flatMap((f) => readFileSync(path.join(SEEDS, f), 'utf8').split('\n'));

/** Group rows of the seeds' appendix tables: "III<TAB>Tăng cường đầu tư…". */
function tableHeadings(): { roman: number; heading: string }[] {
  const out: { roman: number; heading: string }[] = [];
  for (const line of seedLines) {
    const m = /^([IVX]+)\.?\t(.+)$/.exec(line);
    if (m) out.push({ roman: romanToInt(m[1]!)!, heading: m[2]!.replace(/\t+$/, '').trim() });
  }
  return out;
}

describe('mapGroup on the seed plans', () => {
  const headings = tableHeadings();
  // Indicator tables use Roman numbers for horizons ("Đến năm 2025"), not task groups.
  const horizons = headings.filter((h) => /năm \d{4}$/.test(h.heading));
  const groups = headings.filter((h) => !horizons.includes(h));

  it('finds the group rows of the appendix tables', () => {
    expect(groups.length).toBeGreaterThanOrEqual(11);
    expect(horizons.length).toBeGreaterThanOrEqual(5);
  });

  it('maps every task-table group heading to the group its Roman number names', () => {
    expect(groups.map((h) => [h.heading.slice(0, 40), mapGroup(h.heading).number])).toEqual(
      groups.map((h) => [h.heading.slice(0, 40), h.roman]),
    );
    for (const h of groups) expect(matchGroup(h.heading).by).toBe('text');
  });

  it("maps the numbered headings of the plans' body text, written in the same words", () => {
    const numbered = seedLines
      .map((l) => /^([1-7])\. (.{20,})$/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null && /khoa học|chuyển đổi số|nhân lực|hạ tầng/.test(m[2]!) && m[2]!.length < 400);
    const cases = numbered.filter((m) =>
      /^(Nâng cao nhận thức|Chủ động, phối hợp|Phối hợp hoàn thiện|Tăng cường đầu tư|Phát triển, trọng dụng|Đẩy mạnh chuyển đổi số|Thúc đẩy mạnh mẽ|Tăng cường hợp tác)/.test(
        m[2]!,
      ),
    );
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const m of cases) expect(mapGroup(m[0]!.trim()).number, m[2]!.slice(0, 60)).toBe(Number(m[1]));
  });

  it('leaves indicator horizons in "Khác"', () => {
    for (const h of horizons) expect(mapGroup(h.heading).id, h.heading).toBe('khac');
  });
});

describe('mapGroup on other wordings', () => {
  it.each([
    ['I. NÂNG CAO NHẬN THỨC, ĐỘT PHÁ VỀ ĐỔI MỚI TƯ DUY, XÁC ĐỊNH QUYẾT TÂM CHÍNH TRỊ MẠNH MẼ…', 1],
    ['Nâng cao nhận thức, đột phá về đổi mới tư duy…', 1],
    ['Hoàn thiện thể chế, chính sách', 2],
    ['NHÓM NHIỆM VỤ VỀ HẠ TẦNG', 3],
    ['Nhiệm vụ về hạ tầng', 3],
    ['Phát triển nguồn nhân lực chất lượng cao', 4],
    ['Đào tạo, bồi dưỡng nhân tài', 4],
    ['Xây dựng chính quyền số, cung cấp dịch vụ công trực tuyến', 5],
    ['Chuyển đổi số', 5],
    ['Bảo đảm an ninh mạng và chủ quyền số', 5],
    ['Phát triển kinh tế số, hỗ trợ doanh nghiệp', 6],
    ['Phát triển hệ sinh thái khởi nghiệp, đổi mới sáng tạo', 6],
    ['Hợp tác quốc tế', 7],
    ['Đẩy mạnh hợp tác, liên kết vùng', 7],
    // Cao Minh's own outline: leadership goes with awareness and resolve.
    ['Công tác lãnh đạo, chỉ đạo', 1],
    ['Nâng cao nhận thức và quyết tâm chính trị, thông tin, truyền thông', 1],
    ['Hoàn thiện cơ chế, chính sách tạo đột phá, đảm bảo nguồn lực', 2],
    ['Đẩy mạnh phát triển hạ tầng số, ứng dụng, dịch vụ số', 3],
  ])('%s → %i', (heading, n) => {
    const g = mapGroup(heading);
    expect(g.number).toBe(n);
    expect(g).toEqual(GROUP_COLUMNS[n - 1]);
  });

  it('puts headings that name no group in "Khác"', () => {
    for (const h of ['Các nhiệm vụ khác', 'Tổ chức thực hiện', 'NHIỆM VỤ VÀ GIẢI PHÁP', 'Công tác xã hội', 'Khoa học và công nghệ', '']) {
      expect(mapGroup(h), h).toEqual({ id: 'khac', number: 0, short: 'Khác', shortEn: 'Other' });
    }
  });

  it('takes a Roman number only when the words give no evidence', () => {
    expect(matchGroup('III.')).toMatchObject({ group: { number: 3 }, by: 'ordinal' });
    expect(matchGroup('Nhóm II')).toMatchObject({ group: { number: 2 }, by: 'ordinal' });
    expect(mapGroup('', 'IV')).toMatchObject({ number: 4 });
    expect(mapGroup('Nhiệm vụ', 'VI.')).toMatchObject({ number: 6 });
    // Words win over the number: communes renumber when they leave a group out.
    expect(mapGroup('IV. Đẩy mạnh chuyển đổi số trong hệ thống chính trị').number).toBe(5);
    expect(mapGroup('Tăng cường hợp tác quốc tế', 'II').number).toBe(7);
    // Beyond the seven groups, or some (weak) evidence in the words: no number is trusted.
    expect(mapGroup('', 'IX').id).toBe('khac');
    expect(mapGroup('Tổ chức thực hiện', 'V').id).toBe('khac');
    // A heading that says "khác" is "Khác", whatever its number.
    expect(mapGroup('II. Các nhiệm vụ khác').id).toBe('khac');
    expect(mapGroup('Nhiệm vụ khác', 'III').id).toBe('khac');
    // Lower-case "Vi" / "Xi" are words, not numbers.
    expect(mapGroup('Vi phạm').id).toBe('khac');
  });

  it('is insensitive to case, tone-mark placement and punctuation, and returns the same object for the same heading', () => {
    const a = mapGroup('Hoàn thiện thể chế, chính sách');
    expect(mapGroup('HOÀN THIỆN THỂ CHẾ - CHÍNH SÁCH')).toBe(a);
    expect(mapGroup('Hoàn thiện thể chế, chính sách')).toBe(a);
    expect(mapGroup('Hoa\u0300n thiê\u0323n thê\u0309 chê\u0301, chi\u0301nh sa\u0301ch')).toBe(a);
  });

  it('uses the bundled copy of the group list, equal byte for byte to the template', () => {
    const copy = readFileSync(path.join(REPO_ROOT, 'core/data/nq57-groups.json'), 'utf8');
    const template = readFileSync(path.join(REPO_ROOT, 'templates/nq57-groups.vi.json'), 'utf8');
    expect(copy).toBe(template);
    expect(NQ57_GROUPS.map((g) => g.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(GROUP_COLUMNS.map((g) => g.id)).toEqual(['nq57-1', 'nq57-2', 'nq57-3', 'nq57-4', 'nq57-5', 'nq57-6', 'nq57-7', 'khac']);
  });
});
