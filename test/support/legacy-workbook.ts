// TCVN3 and VNI appendix workbooks as old Vietnamese offices made them, written by openpyxl (not by phuluc): title
// block, header, groups in a capitals font, tasks, a note, and a remark in a column no role reads.
import { execFileSync } from 'node:child_process';

/** One text cell: where, the legacy text as stored, its font, and the Unicode a reader must see. */
export type LegacyCell = readonly [cell: string, stored: string, font: string, unicode: string];

export interface LegacyWorkbook {
  encoding: 'tcvn3' | 'vni';
  sheet: string;
  text: readonly LegacyCell[];
  /** TT numbers, in the body font. */
  numbers: readonly (readonly [cell: string, value: number, font: string])[];
  merges: readonly string[];
}

// Stored bytes typed out (UniKey's tables), not produced by phuluc's encoder. In TCVN3 the capitals font .VnTimeH
// draws every letter as a capital: A1, B6 and B9 are typed in lower case, A2 in capitals with the toned letters
// taking the lower-case byte (TCVN3 has no toned capitals). VNI spells capitals itself and has no capitals font.
const TCVN3_TEXT: LegacyCell[] = [
  ['A1', 'phô lôc i', '.VnTimeH', 'PHỤ LỤC I'],
  [
    'A2',
    'DANH MôC NHIÖM Vô TRIÓN KHAI NGHÞ QUYÕT Sè 57-NQ/TW N¨M 2025',
    '.VnTimeH',
    'DANH MỤC NHIỆM VỤ TRIỂN KHAI NGHỊ QUYẾT SỐ 57-NQ/TW NĂM 2025',
  ],
  [
    'A3',
    '(KÌm theo KÕ ho¹ch sè 03/KH-UBND ngµy 07/7/2025 cña UBND x· CÈm Giµng)',
    '.VnTime',
    '(Kèm theo Kế hoạch số 03/KH-UBND ngày 07/7/2025 của UBND xã Cẩm Giàng)',
  ],
  ['A5', 'TT', '.VnArial', 'TT'],
  ['B5', 'Néi dung', '.VnArial', 'Nội dung'],
  ['C5', 'C¬ quan chñ tr×', '.VnArial', 'Cơ quan chủ trì'],
  ['D5', 'C¬ quan phèi hîp', '.VnArial', 'Cơ quan phối hợp'],
  ['E5', 'KÕt qu¶', '.VnArial', 'Kết quả'],
  ['F5', 'Thêi gian hoµn thµnh', '.VnArial', 'Thời gian hoàn thành'],
  ['A6', 'I', '.VnTimeH', 'I'],
  ['B6', 'hoµn thiÖn thÓ chÕ, chÝnh s¸ch', '.VnTimeH', 'HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH'],
  ['B7', 'Rµ so¸t, söa ®æi quy chÕ lµm viÖc cña UBND x·', '.VnTime', 'Rà soát, sửa đổi quy chế làm việc của UBND xã'],
  ['C7', 'V¨n phßng H§ND vµ UBND x·', '.VnTime', 'Văn phòng HĐND và UBND xã'],
  ['D7', 'C¸c phßng chuyªn m«n', '.VnTime', 'Các phòng chuyên môn'],
  ['E7', 'Quy chÕ ®\u00adîc ban hµnh', '.VnTime', 'Quy chế được ban hành'],
  ['F7', 'Quý IV/2025', '.VnTime', 'Quý IV/2025'],
  ['H7', '§· cã dù th¶o', '.VnTime', 'Đã có dự thảo'],
  ['B8', 'X©y dùng kÕ ho¹ch chuyÓn ®æi sè cña x·', '.VnTime', 'Xây dựng kế hoạch chuyển đổi số của xã'],
  ['C8', 'Phßng V¨n hãa - X· héi', '.VnTime', 'Phòng Văn hóa - Xã hội'],
  ['D8', 'C«ng an x·', '.VnTime', 'Công an xã'],
  ['E8', 'KÕ ho¹ch ®\u00adîc phª duyÖt', '.VnTime', 'Kế hoạch được phê duyệt'],
  ['F8', '31/12/2025', '.VnTime', '31/12/2025'],
  ['A9', 'II', '.VnTimeH', 'II'],
  ['B9', 'øng dông c«ng nghÖ sè', '.VnTimeH', 'ỨNG DỤNG CÔNG NGHỆ SỐ'],
  ['B10', 'TriÓn khai dÞch vô c«ng trùc tuyÕn toµn tr×nh', '.VnTime', 'Triển khai dịch vụ công trực tuyến toàn trình'],
  ['C10', 'V¨n phßng H§ND vµ UBND x·', '.VnTime', 'Văn phòng HĐND và UBND xã'],
  ['D10', 'C«ng chøc T\u00ad ph¸p - Hé tÞch', '.VnTime', 'Công chức Tư pháp - Hộ tịch'],
  ['E10', 'Tû lÖ hå s¬ trùc tuyÕn ®¹t 80%', '.VnTime', 'Tỷ lệ hồ sơ trực tuyến đạt 80%'],
  ['F10', 'N¨m 2026', '.VnTime', 'Năm 2026'],
  ['B11', 'Sè hãa hå s¬, tµi liÖu l\u00adu tr÷ cña x·', '.VnTime', 'Số hóa hồ sơ, tài liệu lưu trữ của xã'],
  ['C11', 'V¨n phßng H§ND vµ UBND x·', '.VnTime', 'Văn phòng HĐND và UBND xã'],
  ['D11', 'C¸c ban, ngµnh, ®oµn thÓ', '.VnTime', 'Các ban, ngành, đoàn thể'],
  ['E11', 'Hå s¬ ®\u00adîc sè hãa', '.VnTime', 'Hồ sơ được số hóa'],
  ['F11', 'Quý II/2026', '.VnTime', 'Quý II/2026'],
  [
    'A12',
    'Ghi chó: C¸c c¬ quan b¸o c¸o kÕt qu¶ thùc hiÖn tr\u00adíc ngµy 15 th¸ng 12 h»ng n¨m.',
    '.VnTime',
    'Ghi chú: Các cơ quan báo cáo kết quả thực hiện trước ngày 15 tháng 12 hằng năm.',
  ],
];

const VNI_TEXT: LegacyCell[] = [
  ['A1', 'PHUÏ LUÏC I', 'VNI-Times', 'PHỤ LỤC I'],
  [
    'A2',
    'DANH MUÏC NHIEÄM VUÏ TRIEÅN KHAI NGHÒ QUYEÁT SOÁ 57-NQ/TW NAÊM 2025',
    'VNI-Times',
    'DANH MỤC NHIỆM VỤ TRIỂN KHAI NGHỊ QUYẾT SỐ 57-NQ/TW NĂM 2025',
  ],
  [
    'A3',
    '(Keøm theo Keá hoaïch soá 03/KH-UBND ngaøy 07/7/2025 cuûa UBND xaõ Caåm Giaøng)',
    'VNI-Times',
    '(Kèm theo Kế hoạch số 03/KH-UBND ngày 07/7/2025 của UBND xã Cẩm Giàng)',
  ],
  ['A5', 'TT', 'VNI-Helve', 'TT'],
  ['B5', 'Noäi dung', 'VNI-Helve', 'Nội dung'],
  ['C5', 'Cô quan chuû trì', 'VNI-Helve', 'Cơ quan chủ trì'],
  ['D5', 'Cô quan phoái hôïp', 'VNI-Helve', 'Cơ quan phối hợp'],
  ['E5', 'Keát quaû', 'VNI-Helve', 'Kết quả'],
  ['F5', 'Thôøi gian hoaøn thaønh', 'VNI-Helve', 'Thời gian hoàn thành'],
  ['A6', 'I', 'VNI-Times', 'I'],
  ['B6', 'HOAØN THIEÄN THEÅ CHEÁ, CHÍNH SAÙCH', 'VNI-Times', 'HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH'],
  ['B7', 'Raø soaùt, söûa ñoåi quy cheá laøm vieäc cuûa UBND xaõ', 'VNI-Times', 'Rà soát, sửa đổi quy chế làm việc của UBND xã'],
  ['C7', 'Vaên phoøng HÑND vaø UBND xaõ', 'VNI-Times', 'Văn phòng HĐND và UBND xã'],
  ['D7', 'Caùc phoøng chuyeân moân', 'VNI-Times', 'Các phòng chuyên môn'],
  ['E7', 'Quy cheá ñöôïc ban haønh', 'VNI-Times', 'Quy chế được ban hành'],
  ['F7', 'Quyù IV/2025', 'VNI-Times', 'Quý IV/2025'],
  ['H7', 'Ñaõ coù döï thaûo', 'VNI-Times', 'Đã có dự thảo'],
  ['B8', 'Xaây döïng keá hoaïch chuyeån ñoåi soá cuûa xaõ', 'VNI-Times', 'Xây dựng kế hoạch chuyển đổi số của xã'],
  ['C8', 'Phoøng Vaên hoùa - Xaõ hoäi', 'VNI-Times', 'Phòng Văn hóa - Xã hội'],
  ['D8', 'Coâng an xaõ', 'VNI-Times', 'Công an xã'],
  ['E8', 'Keá hoaïch ñöôïc pheâ duyeät', 'VNI-Times', 'Kế hoạch được phê duyệt'],
  ['F8', '31/12/2025', 'VNI-Times', '31/12/2025'],
  ['A9', 'II', 'VNI-Times', 'II'],
  ['B9', 'ÖÙNG DUÏNG COÂNG NGHEÄ SOÁ', 'VNI-Times', 'ỨNG DỤNG CÔNG NGHỆ SỐ'],
  ['B10', 'Trieån khai dòch vuï coâng tröïc tuyeán toaøn trình', 'VNI-Times', 'Triển khai dịch vụ công trực tuyến toàn trình'],
  ['C10', 'Vaên phoøng HÑND vaø UBND xaõ', 'VNI-Times', 'Văn phòng HĐND và UBND xã'],
  ['D10', 'Coâng chöùc Tö phaùp - Hoä tòch', 'VNI-Times', 'Công chức Tư pháp - Hộ tịch'],
  ['E10', 'Tyû leä hoà sô tröïc tuyeán ñaït 80%', 'VNI-Times', 'Tỷ lệ hồ sơ trực tuyến đạt 80%'],
  ['F10', 'Naêm 2026', 'VNI-Times', 'Năm 2026'],
  ['B11', 'Soá hoùa hoà sô, taøi lieäu löu tröõ cuûa xaõ', 'VNI-Times', 'Số hóa hồ sơ, tài liệu lưu trữ của xã'],
  ['C11', 'Vaên phoøng HÑND vaø UBND xaõ', 'VNI-Times', 'Văn phòng HĐND và UBND xã'],
  ['D11', 'Caùc ban, ngaønh, ñoaøn theå', 'VNI-Times', 'Các ban, ngành, đoàn thể'],
  ['E11', 'Hoà sô ñöôïc soá hoùa', 'VNI-Times', 'Hồ sơ được số hóa'],
  ['F11', 'Quyù II/2026', 'VNI-Times', 'Quý II/2026'],
  [
    'A12',
    'Ghi chuù: Caùc cô quan baùo caùo keát quaû thöïc hieän tröôùc ngaøy 15 thaùng 12 haèng naêm.',
    'VNI-Times',
    'Ghi chú: Các cơ quan báo cáo kết quả thực hiện trước ngày 15 tháng 12 hằng năm.',
  ],
];

const MERGES = ['A1:F1', 'A2:F2', 'A3:F3'];

export const TCVN3_WORKBOOK: LegacyWorkbook = {
  encoding: 'tcvn3',
  sheet: 'Phụ lục I',
  text: TCVN3_TEXT,
  numbers: [
    ['A7', 1, '.VnTime'],
    ['A8', 2, '.VnTime'],
    ['A10', 1, '.VnTime'],
    ['A11', 2, '.VnTime'],
  ],
  merges: MERGES,
};

export const VNI_WORKBOOK: LegacyWorkbook = {
  encoding: 'vni',
  sheet: 'Phụ lục I',
  text: VNI_TEXT,
  numbers: [
    ['A7', 1, 'VNI-Times'],
    ['A8', 2, 'VNI-Times'],
    ['A10', 1, 'VNI-Times'],
    ['A11', 2, 'VNI-Times'],
  ],
  merges: MERGES,
};

const WRITE = `
import json, sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
spec = json.load(sys.stdin)
wb = Workbook()
ws = wb.active
ws.title = spec['sheet']
for ref, value, font, bold in spec['cells']:
    c = ws[ref]
    c.value = value
    c.font = Font(name=font, size=12, bold=bold)
    c.alignment = Alignment(wrap_text=True, vertical='center')
for ref in spec['merges']:
    ws.merge_cells(ref)
for col, width in zip('ABCDEFGH', [6, 48, 24, 24, 24, 16, 4, 16]):
    ws.column_dimensions[col].width = width
wb.save(spec['out'])
`;

const READ = `
import json, sys
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1])[sys.argv[2]]
print(json.dumps({c.coordinate: [c.value, c.font.name] for row in ws.iter_rows() for c in row if c.value is not None}))
`;

let found: string | undefined;
/** A Python 3 that has openpyxl (Debian's python3-openpyxl lives in /usr/bin/python3, not in a pyenv shim). */
export function python(): string {
  if (found) return found;
  for (const p of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(p, ['-c', 'import openpyxl'], { stdio: 'ignore' });
      return (found = p);
    } catch {
      // try the next one
    }
  }
  throw new Error('These tests write workbooks with openpyxl: install python3-openpyxl.');
}

/** Write the workbook to `out` with openpyxl. Title block and header are bold, as in the published appendices. */
export function writeLegacyWorkbook(wb: LegacyWorkbook, out: string): void {
  const bold = (ref: string) => /^(A[1-3]|[A-F]5|[AB](6|9))$/.test(ref);
  const cells = [
    ...wb.text.map(([ref, stored, font]) => [ref, stored, font, bold(ref)]),
    ...wb.numbers.map(([ref, v, font]) => [ref, v, font, false]),
  ];
  execFileSync(python(), ['-c', WRITE], { input: JSON.stringify({ sheet: wb.sheet, cells, merges: wb.merges, out }) });
}

/** Every non-empty cell of a sheet as openpyxl reads it: A1 → [value, font name]. */
export function readCells(file: string, sheet: string): Record<string, [string | number, string | null]> {
  return JSON.parse(execFileSync(python(), ['-c', READ, file, sheet], { encoding: 'utf8' })) as Record<
    string,
    [string | number, string | null]
  >;
}

/** The Unicode font a converted cell should get: the same family where there is one. */
export function expectedFont(legacyFont: string): string {
  return /arial|helve/i.test(legacyFont) ? 'Arial' : 'Times New Roman';
}
