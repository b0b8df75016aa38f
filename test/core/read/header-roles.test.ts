// Header synonyms → roles, across the spellings real appendices use.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLE_PHRASES, roleBySearch, roleOfLabel } from '../../../core/read/header-roles.ts';

describe('roleOfLabel', () => {
  it.each([
    ['TT', 'tt'],
    ['STT', 'tt'],
    ['Số TT', 'tt'],
    ['Số\nthứ tự', 'tt'],
    ['Nội dung', 'content'],
    ['Tên nhiệm vụ', 'content'],
    ['Nội dung công việc', 'content'],
    ['Nhiệm vụ', 'content'],
    ['NỘI DUNG NHIỆM VỤ', 'content'],
    ['Người đứng đầu chịu trách nhiệm', 'head'],
    ['Cơ quan chủ trì', 'lead'],
    ['Cơ quan chủ trì tham mưu/ thực hiện', 'lead'],
    ['Đơn vị chủ trì thực hiện', 'lead'],
    ['Chủ trì', 'lead'],
    ['Cơ quan phối hợp', 'partners'],
    ['Đơn vị\nphối hợp', 'partners'],
    ['Kết quả', 'result'],
    ['Sản phẩm', 'result'],
    ['Kết quả/sản phẩm', 'result'],
    ['Sản phẩm đầu ra', 'result'],
    ['Thời gian hoàn thành', 'deadline'],
    ['Thời hạn', 'deadline'],
    ['Thời gian thực hiện', 'deadline'],
    ['Tiến độ', 'deadline'],
    ['Thoi gian hoan thanh', 'deadline'],
    ['Đơn vị tính', 'unit'],
    ['ĐVT', 'unit'],
    ['Cơ quan chủ trì theo dõi, đánh giá', 'monitor'],
    ['Ghi chú', 'note'],
    ['Tình trạng', 'status'],
    ['Tiến độ thực hiện', 'status'],
    ['Trạng thái', 'status'],
    // Wording of province, ministry and tracking-system tables.
    ['Kết quả thực hiện', 'result'],
    ['Thời hạn hoàn thành', 'deadline'],
    ['Nội dung/nhiệm vụ', 'content'],
    ['Đơn vị thực hiện', 'lead'],
    ['Đơn vị chủ trì', 'lead'],
    ['CHỦ TRÌ', 'lead'],
    ['PHỐI HỢP', 'partners'],
    ['THỜI GIAN', 'deadline'],
    ['Nguồn kinh phí', 'funding'],
    ['Kinh phí thực hiện (triệu đồng)', 'funding'],
    ['Tên nhiệm vụ', 'content'],
    ['Ngày bắt đầu', 'start'],
    ['Ngày kết thúc', 'deadline'],
    ['Hạn hoàn thành', 'deadline'],
    ['Hạn', 'deadline'],
    ['Thời hạn', 'deadline'],
    ['Cơ quan soạn thảo', 'lead'],
    ['Đơn vị', 'lead'],
    ['Mã ĐV chủ trì', null],
    ['Mã nhiệm vụ', null],
    ['Hạn chế', null],
  ])('%j → %s', (label, role) => {
    expect(roleOfLabel(label)).toBe(role);
  });

  it('reads "Kết quả" and "Chỉ tiêu" by table kind', () => {
    expect(roleOfLabel('Kết quả', 'indicators')).toBe('target');
    expect(roleOfLabel('Kết quả/Chỉ tiêu', 'indicators')).toBe('target');
    expect(roleOfLabel('Chỉ tiêu', 'indicators')).toBe('content');
    expect(roleOfLabel('Đơn vị', 'indicators')).toBe('unit');
    expect(roleOfLabel('Kết quả thực hiện', 'indicators')).toBe('target');
  });

  it('does not take body text for a header', () => {
    expect(roleOfLabel('Phòng Văn hóa - Xã hội')).toBeNull();
    expect(roleOfLabel('Số lượng cán bộ được tập huấn hằng năm')).toBeNull();
    expect(roleOfLabel('')).toBeNull();
  });
});

describe('roleOfLabel by word look-up', () => {
  // Labels made of the rules' own words, glued by spaces, slashes, brackets and line breaks, with stray words between:
  // the look-up must answer what searching every phrase in order answers, for both kinds of table.
  const words = [...new Set(ROLE_PHRASES.flatMap((p) => p.split(' ')))].concat(['Mã', 'Số', 'Hạn', 'lượng', 'ĐƠN VỊ', 'kỹ', '2026']);
  const piece = fc.oneof(fc.constantFrom(...ROLE_PHRASES), fc.constantFrom(...words));
  const glue = fc.constantFrom(' ', '/', ' / ', '\n', ' (', ') ', ', ', '  ');
  it('answers what the phrase search answers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, glue), { minLength: 1, maxLength: 6 }), (parts) => {
        const label = parts.map(([p, g]) => p + g).join('');
        expect(roleOfLabel(label, 'tasks')).toBe(roleBySearch(label, 'tasks'));
        expect(roleOfLabel(label, 'indicators')).toBe(roleBySearch(label, 'indicators'));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers what the phrase search answers for numbers, dates and punctuation (no look-up without a letter)', () => {
    const chars = [...' \n\t0123456789()/.-,:;%&#*+=\'"!?@<>$', 'a', 'A', 'đ', 'Số', 'so', 'han', 'va'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (parts) => {
        const label = parts.join('');
        expect(roleOfLabel(label, 'tasks')).toBe(roleBySearch(label, 'tasks'));
        expect(roleOfLabel(label, 'indicators')).toBe(roleBySearch(label, 'indicators'));
      }),
      { numRuns: 3000 },
    );
  });
});
