// core/validate/rules/indicators.ts on small sheets: indicator-unit-missing, indicator-target-missing,
// indicator-target-invalid, indicator-target-regression — the exact list each sheet gets.
import { describe, expect, it } from 'vitest';
import { gridFromValues, type CellValue } from '../../../../core/model/grid.ts';
import { check, issuesOf } from './sheet.ts';

const IH: CellValue[] = ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Cơ quan chủ trì theo dõi, đánh giá'];

describe('indicator values', () => {
  it('"≥ 70" is valid; 130 %, words in % and a negative count are not; a unit or target left empty', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        IH,
        [1, 'Giao dịch phi tiếp xúc', '%', '≥ 70', 'Công an xã'],
        [2, 'Hồ sơ được số hóa', '%', '130', 'Công an xã'],
        [3, 'Dịch vụ công trực tuyến', '%', 'cao', 'Công an xã'],
        [4, 'Mô hình thí điểm', '', '2', 'Phòng Kinh tế'],
        [5, 'Số sự cố mất an toàn thông tin', 'sự cố', '-3', 'Công an xã'],
        [6, 'Số hộ có cáp quang', 'hộ', '', 'Công an xã'],
        // A qualitative unit ("Báo cáo") needs no number, nor a target at all.
        [7, 'Báo cáo tổng kết chuyển đổi số', 'Báo cáo', '', 'Công an xã'],
      ]),
    ]);
    expect(found).toEqual([
      ['D3', 'indicator-target-invalid', 'error'],
      ['D4', 'indicator-target-invalid', 'error'],
      ['C5', 'indicator-unit-missing', 'warning'],
      ['D6', 'indicator-target-invalid', 'error'],
      ['D7', 'indicator-target-missing', 'warning'],
    ]);
    expect(issues.filter((i) => i.code === 'indicator-target-invalid').map((i) => i.params)).toEqual([
      { target: '130', unit: '%', reason: 'percent-range' },
      { target: 'cao', unit: '%', reason: 'not-number' },
      { target: '-3', unit: 'sự cố', reason: 'negative' },
    ]);
  });

  // Moved from validate.test.ts, where the list was filtered to indicator codes: no other rule fires here.
  it('takes ranges, comparisons and targets with words as valid; words alone cannot measure a percentage', () => {
    expect(
      issuesOf([
        ['TT', 'Chỉ tiêu', 'Đơn vị', 'Kết quả', 'Cơ quan chủ trì theo dõi, đánh giá'],
        [1, 'Tỷ lệ doanh nghiệp số', '%', '40 - 50', 'Phòng Kinh tế'],
        [2, 'Số sự cố mất an toàn thông tin', 'sự cố', '≤ 3', 'Phòng Kinh tế'],
        [3, 'Tỷ lệ dân số có tài khoản', '%', 'Trên 90% dân số', 'Phòng Kinh tế'],
        [4, 'Tỷ lệ hồ sơ trực tuyến', '%', 'Từ 70 đến 80%', 'Phòng Kinh tế'],
        [5, 'Xây dựng xã thông minh', 'xã', 'Đạt chuẩn', 'Phòng Kinh tế'],
        [6, 'Tỷ lệ người dùng', '%', 'cao', 'Phòng Kinh tế'],
        [7, 'Tỷ lệ hộ có cáp quang', '%', '90 - 120', 'Phòng Kinh tế'],
      ]),
    ).toEqual([
      ['D7', 'indicator-target-invalid', 'error'],
      ['D8', 'indicator-target-invalid', 'error'],
    ]);
  });

  it('a task table has no indicator checks', () => {
    expect(
      issuesOf([
        ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả', 'Thời gian hoàn thành'],
        [1, 'Tổ chức tuyên truyền về chuyển đổi số', 'Công an xã', 'Phòng Kinh tế', '130%', 'Quý III/2026'],
      ]),
    ).toEqual([]);
  });
});

describe('indicator-target-regression', () => {
  it('a later milestone asking less is reported; a maximum may go down; another indicator is not compared', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        IH,
        ['I', 'Đến năm 2025'],
        [1, 'Giao dịch phi tiếp xúc', '%', '≥ 70', 'Công an xã'],
        [2, 'Số sự cố mất an toàn thông tin', 'sự cố', '≤ 5', 'Công an xã'],
        [3, 'Hồ sơ được số hóa', '%', '90', 'Công an xã'],
        ['II', 'Đến năm 2030'],
        [4, 'Giao dịch phi tiếp xúc', '%', '60', 'Công an xã'],
        [5, 'Số sự cố mất an toàn thông tin', 'sự cố', '≤ 3', 'Công an xã'],
        [6, 'Hồ sơ được số hóa', '%', '100', 'Công an xã'],
        [7, 'Hồ sơ xử lý trực tuyến', '%', '50', 'Công an xã'],
      ]),
    ]);
    expect(found).toEqual([['D7', 'indicator-target-regression', 'warning']]);
    expect(issues[0]!.params).toEqual({ target: '60', earlier: '≥ 70', earlierRow: 3 });
  });

  it('the same indicator twice in one milestone is no regression', () => {
    expect(
      issuesOf([
        IH,
        ['I', 'Đến năm 2025'],
        [1, 'Giao dịch phi tiếp xúc', '%', '80', 'Công an xã'],
        [2, 'Giao dịch phi tiếp xúc', '%', '70', 'Công an xã'],
      ]),
    ).toEqual([]);
  });
});
