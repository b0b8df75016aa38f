// Terms of a group heading for matching: folded words and word pairs, boilerplate and function words left out.
import { fold } from '../text/fold.ts';

/**
 * Key words per group number, beyond the resolution's titles: how communes actually name their groups
 * ("Nhiệm vụ về hạ tầng", "Đào tạo nguồn nhân lực", "Xây dựng chính quyền số").
 */
export const GROUP_KEYWORDS: Readonly<Record<number, readonly string[]>> = {
  1: ['nhận thức', 'tư duy', 'tuyên truyền', 'quán triệt', 'truyền thông', 'lãnh đạo', 'chỉ đạo', 'quyết tâm chính trị', 'thi đua'],
  2: ['thể chế', 'chính sách', 'cơ chế', 'pháp luật', 'quy định', 'rào cản', 'văn bản quy phạm'],
  3: ['hạ tầng', 'hạ tầng số', 'đầu tư', 'cơ sở vật chất', 'trang thiết bị', 'viễn thông', 'cáp quang', 'trung tâm dữ liệu'],
  4: ['nhân lực', 'nhân tài', 'nguồn nhân lực', 'đào tạo', 'bồi dưỡng', 'tập huấn', 'kỹ năng số'],
  5: [
    'chuyển đổi số',
    'chính quyền số',
    'chính phủ số',
    'dịch vụ công',
    'cải cách hành chính',
    'hệ thống chính trị',
    // Not "xã hội số": its "xã hội" would pull in "Công tác xã hội" and the like.
    'quản lý nhà nước',
    'an ninh mạng',
    'an toàn thông tin',
    'quốc phòng',
    'công dân số',
    'cơ sở dữ liệu',
  ],
  6: [
    'doanh nghiệp',
    'kinh tế số',
    'khởi nghiệp',
    'thương mại điện tử',
    'sản xuất kinh doanh',
    'thanh toán không dùng tiền mặt',
    'nông nghiệp',
  ],
  7: ['hợp tác quốc tế', 'hợp tác', 'quốc tế', 'liên kết', 'đối ngoại', 'hội nhập', 'nước ngoài'],
};

/**
 * Phrases every title shares ("… khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"): removed before
 * matching, so "chuyển đổi số" counts only where a heading says it outside that refrain (group 5 does).
 * Longest first.
 */
const BOILERPLATE = [
  'phat trien khoa hoc cong nghe doi moi sang tao va chuyen doi so',
  'khoa hoc cong nghe doi moi sang tao va chuyen doi so',
  'khoa hoc cong nghe doi moi sang tao',
  'khoa hoc va cong nghe',
  'trong toan xa hoi',
];

/** Function words and the words every heading uses for itself ("Nhóm nhiệm vụ, giải pháp về …"). */
const STOPWORDS = new Set([
  // Not "the" (thể chế), "tu" (tư duy) or "thanh" (thanh toán): folding makes them look like function words.
  'va',
  'cua',
  'trong',
  'cho',
  've',
  'cac',
  'de',
  'nhung',
  'voi',
  'tai',
  'theo',
  'mot',
  'la',
  'nham',
  'moi',
  'tren',
  'dua',
  'nhom',
  'nhiem',
  'vu',
  'giai',
  'phap',
  'su',
  'nhu',
  'den',
  'nay',
]);

/** Leading ordinal of a heading: "III.", "Nhóm II:", "1." (Arabic only stripped, never read as a group). */
// Roman numbers only in capitals: "Vi phạm…" or "Xi măng…" must keep their first word.
const LEADING_ORDINAL = /^\s*(?:[Nn][Hh][OoÓó][Mm]\s+)?(?:([IVX]{1,4})|\d{1,2}(?:\.\d{1,2})*)\s*[.):\-–]?(?:\s+|$)/u;

/**
 * A heading without its leading ordinal, and the Roman number it carried (if any).
 * @example splitOrdinal('III. Nhiệm vụ về hạ tầng') // { text: 'Nhiệm vụ về hạ tầng', roman: 'III' }
 */
export function splitOrdinal(heading: string): { text: string; roman?: string } {
  const m = LEADING_ORDINAL.exec(heading);
  if (!m) return { text: heading };
  const text = heading.slice(m[0].length);
  return m[1] !== undefined ? { text, roman: m[1] } : { text };
}

function stripBoilerplate(folded: string): string {
  let s = ` ${folded} `;
  for (const b of BOILERPLATE) s = s.split(` ${b} `).join(' ');
  return s.trim();
}

/**
 * Matching terms of a text: folded single words and adjacent word pairs (Vietnamese words are mostly
 * two syllables: "hạ tầng", "thể chế"), leaving out the shared refrain and function words.
 * A pair is kept only when neither word is a function word.
 * @example headingTerms('Nhóm nhiệm vụ về hạ tầng') // ['ha', 'ha tang', 'tang']
 */
export function headingTerms(text: string): string[] {
  const words = stripBoilerplate(fold(text))
    .split(' ')
    .filter((w) => w !== '' && !/^\d+$/.test(w));
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (STOPWORDS.has(w)) continue;
    out.add(w);
    const next = words[i + 1];
    if (next !== undefined && !STOPWORDS.has(next)) out.add(`${w} ${next}`);
  }
  return [...out];
}
