// Agencies above the commune (ministries, provincial departments, central units): one body whose name holds
// "và" or commas stays one name, real lists still split, abbreviations match, fused names are found. The agency
// rules on a provincial table: test/core/validate/rules/agencies.test.ts.
import { describe, expect, it } from 'vitest';
import { canonicalAgencyNames, DEFAULT_CATALOG, isCollective, matchAgency, splitAgencies } from '../../core/agencies.ts';
import { fusedParts } from '../../core/agencies/match.ts';

describe('catalog above the commune', () => {
  it('knows the ministries, ministry-level bodies and merged departments of 2025, and the older names', () => {
    for (const id of [
      'bo-noi-vu',
      'bo-tai-chinh',
      'bo-cong-thuong',
      'bo-khoa-hoc-cong-nghe',
      'bo-nong-nghiep-moi-truong',
      'bo-xay-dung',
      'bo-giao-duc-dao-tao',
      'bo-y-te',
      'bo-van-hoa-the-thao-du-lich',
      'bo-ngoai-giao',
      'bo-tu-phap',
      'bo-quoc-phong',
      'bo-cong-an',
      'bo-dan-toc-ton-giao',
      'thanh-tra-chinh-phu',
      'ngan-hang-nha-nuoc',
      'van-phong-chinh-phu',
      'bo-thong-tin-truyen-thong',
      'bo-tai-nguyen-moi-truong',
      'bo-ke-hoach-dau-tu',
      'bo-lao-dong-thuong-binh-xa-hoi',
      'bo-giao-thong-van-tai',
      'bo-nong-nghiep-phat-trien-nong-thon',
      'so-noi-vu',
      'so-tai-chinh',
      'so-cong-thuong',
      'so-khoa-hoc-cong-nghe',
      'so-nong-nghiep-moi-truong',
      'so-van-hoa-the-thao-du-lich',
      'so-van-hoa-the-thao',
      'so-du-lich',
      'thanh-tra-tinh',
      'van-phong-ubnd-tinh',
      'van-phong-doan-dbqh-hdnd',
      'cong-an-tinh',
      'bo-chi-huy-quan-su-tinh',
      'ban-quan-ly-khu-kinh-te',
      'ban-quan-ly-khu-cong-nghe-cao-khu-cong-nghiep',
      'trung-tam-chuyen-doi-so',
      'dai-phat-thanh-truyen-hinh',
      'ngan-hang-nha-nuoc-khu-vuc',
      'tinh-doan',
      'lien-hiep-cac-hoi-khkt',
      'hiep-hoi-doanh-nghiep',
      'so-thong-tin-truyen-thong',
      'ban-chi-dao-trung-uong',
      'trung-tam-du-lieu-quoc-gia',
      'dai-hoc-quoc-gia',
      'cac-so-ban-nganh',
      'cac-bo-nganh-dia-phuong',
    ]) {
      expect(DEFAULT_CATALOG.byId.has(id), id).toBe(true);
    }
  });

  it("keeps provincial and central bodies out of a commune's drop-down lists unless asked", () => {
    expect(canonicalAgencyNames()).not.toContain('Sở Tài chính');
    expect(canonicalAgencyNames()).not.toContain('Bộ Công an');
    expect(canonicalAgencyNames(DEFAULT_CATALOG, { above: true })).toEqual(
      expect.arrayContaining(['Sở Tài chính', 'Bộ Công an', 'Công an xã']),
    );
  });
});

describe('splitAgencies: one body with "và" or commas stays whole', () => {
  const cases: [string, string[]][] = [
    ['Sở Nông nghiệp và Môi trường', ['Sở Nông nghiệp và Môi trường']],
    ['sở nông nghiệp và môi trường', ['sở nông nghiệp và môi trường']],
    ['Bộ Tài nguyên và Môi trường', ['Bộ Tài nguyên và Môi trường']],
    ['Bộ Lao động - Thương binh và Xã hội', ['Bộ Lao động - Thương binh và Xã hội']],
    ['Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố', ['Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố']],
    ['Liên hiệp các Hội Khoa học và Kỹ thuật', ['Liên hiệp các Hội Khoa học và Kỹ thuật']],
    ['Sở Văn hóa, Thể thao và Du lịch', ['Sở Văn hóa, Thể thao và Du lịch']],
    ['Sở Văn hoá, Thể thao và Du lịch', ['Sở Văn hoá, Thể thao và Du lịch']],
    ['SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH', ['SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH']],
    ['Sở Văn hóa, Thể thao\nvà Du lịch', ['Sở Văn hóa, Thể thao\nvà Du lịch']],
    ['Bộ Công an (Cục An ninh mạng, Trung tâm Dữ liệu quốc gia)', ['Bộ Công an (Cục An ninh mạng, Trung tâm Dữ liệu quốc gia)']],
    ['Trung tâm Dịch vụ tổng hợp', ['Trung tâm Dịch vụ tổng hợp']],
    ['Sở Xây dựng', ['Sở Xây dựng']],
    // Run together without a separator: one name, reported as agency-unknown with its parts.
    ['Sở Khoa học và Công nghệ Sở Công Thương', ['Sở Khoa học và Công nghệ Sở Công Thương']],
  ];
  it.each(cases)('%j', (cell, names) => {
    expect(splitAgencies(cell)).toEqual(names);
  });
});

describe('splitAgencies: real lists still split', () => {
  const cases: [string, string[]][] = [
    ['Sở Nông nghiệp và Môi trường, Sở Tài chính', ['Sở Nông nghiệp và Môi trường', 'Sở Tài chính']],
    ['Sở Nông nghiệp và Môi trường và Sở Tài chính', ['Sở Nông nghiệp và Môi trường', 'Sở Tài chính']],
    ['Sở Khoa học và Công nghệ; Trung tâm Chuyển đổi số Thành phố', ['Sở Khoa học và Công nghệ', 'Trung tâm Chuyển đổi số Thành phố']],
    ['Sở Khoa học và Công nghệ, Công an Thành phố', ['Sở Khoa học và Công nghệ', 'Công an Thành phố']],
    ['Sở Khoa học và Công nghệ\nSở Công Thương', ['Sở Khoa học và Công nghệ', 'Sở Công Thương']],
    ['Sở KH&CN, Sở NN&MT', ['Sở KH&CN', 'Sở NN&MT']],
    ['Sở Văn hoá và Thể thao, Sở Du lịch', ['Sở Văn hoá và Thể thao', 'Sở Du lịch']],
    [
      'Bộ Tư pháp, Bộ Giáo dục và Đào tạo và các bộ, ngành khác có liên quan',
      ['Bộ Tư pháp', 'Bộ Giáo dục và Đào tạo', 'các bộ, ngành khác có liên quan'],
    ],
    [
      'Ban Quản lý các khu công nghệ cao và khu công nghiệp, Sở Tài chính',
      ['Ban Quản lý các khu công nghệ cao và khu công nghiệp', 'Sở Tài chính'],
    ],
    ['Liên hiệp các Hội Khoa học và Kỹ thuật và Hội Nông dân tỉnh', ['Liên hiệp các Hội Khoa học và Kỹ thuật', 'Hội Nông dân tỉnh']],
    ['Viện, Trường; Doanh nghiệp, Sở, ban, ngành có liên quan', ['Viện, Trường', 'Doanh nghiệp', 'Sở, ban, ngành có liên quan']],
    ['Các sở, ngành, UBND xã, phường, đặc khu\nSở Tài chính', ['Các sở, ngành', 'UBND xã, phường, đặc khu', 'Sở Tài chính']],
  ];
  it.each(cases)('%j', (cell, names) => {
    expect(splitAgencies(cell)).toEqual(names);
  });
});

describe('splitAgencies: a role phrase after the names is left out', () => {
  const cases: [string, string[]][] = [
    [
      'Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành, UBND cấp xã thực hiện công bố dữ liệu mở hằng năm.',
      ['Sở KH&CN', 'Các sở, ngành', 'UBND cấp xã'],
    ],
    ['Sở Khoa học và Công nghệ thúc đẩy, theo dõi, báo cáo chỉ tiêu', ['Sở Khoa học và Công nghệ']],
    ['Bộ Công an; Bộ Khoa học và Công nghệ với các tiêu chuẩn, quy chuẩn, hướng dẫn kỹ thuật', ['Bộ Công an', 'Bộ Khoa học và Công nghệ']],
    ['Sở Xây dựng chủ trì, phối hợp', ['Sở Xây dựng']],
    ['Công an tỉnh phối hợp thực hiện', ['Công an tỉnh']],
    // Not after a name the catalog knows: left as written.
    ['Tổ chức tập huấn chủ trì, phối hợp', ['Tổ chức tập huấn chủ trì, phối hợp']],
  ];
  it.each(cases)('%j', (cell, names) => {
    expect(splitAgencies(cell)).toEqual(names);
  });

  it('returns names exactly as written in the cell', () => {
    const cell = 'Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành, UBND cấp xã thực hiện';
    for (const name of splitAgencies(cell)) expect(cell.includes(name), name).toBe(true);
  });
});

describe('matchAgency above the commune', () => {
  const expected: [string, string][] = [
    ['Sở Khoa học và Công nghệ', 'so-khoa-hoc-cong-nghe'],
    ['Sở KH&CN', 'so-khoa-hoc-cong-nghe'],
    ['Sở KHCN', 'so-khoa-hoc-cong-nghe'],
    ['Sở KH-CN', 'so-khoa-hoc-cong-nghe'],
    ['Sở Khoa học & Công nghệ', 'so-khoa-hoc-cong-nghe'],
    ['SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'so-khoa-hoc-cong-nghe'],
    ['Sở Khoa học và Công nghệ tỉnh Bắc Ninh', 'so-khoa-hoc-cong-nghe'],
    ['Sở Khoa học và Công nghệ Thành phố', 'so-khoa-hoc-cong-nghe'],
    ['Sở NN&MT', 'so-nong-nghiep-moi-truong'],
    ['Sở NNMT tỉnh', 'so-nong-nghiep-moi-truong'],
    ['Sở Văn hoá Thể thao du lịch', 'so-van-hoa-the-thao-du-lich'],
    ['Sở VH,TT&DL', 'so-van-hoa-the-thao-du-lich'],
    ['Sở Văn hóa và Thể thao', 'so-van-hoa-the-thao'],
    ['Sở TT&TT', 'so-thong-tin-truyen-thong'],
    ['Bộ KH&CN', 'bo-khoa-hoc-cong-nghe'],
    ['Bộ Khoa học và công nghệ', 'bo-khoa-hoc-cong-nghe'],
    ['Bộ LĐ-TB&XH', 'bo-lao-dong-thuong-binh-xa-hoi'],
    ['Bộ Nông nghiệp và Phát triển nông thôn', 'bo-nong-nghiep-phat-trien-nong-thon'],
    ['Văn phòng Chính phủ', 'van-phong-chinh-phu'],
    ['Ngân hàng Nhà nước Việt Nam', 'ngan-hang-nha-nuoc'],
    ['UBND tỉnh', 'ubnd-tinh'],
    ['Ủy ban nhân dân Thành phố', 'ubnd-tinh'],
    ['UBND TP. Hồ Chí Minh', 'ubnd-tinh'],
    ['UBND xã', 'ubnd'],
    ['Công an tỉnh', 'cong-an-tinh'],
    ['Công an Thành phố', 'cong-an-tinh'],
    ['Công an tỉnh Bắc Ninh', 'cong-an-tinh'],
    ['Công an xã', 'cong-an'],
    ['Văn phòng UBND tỉnh', 'van-phong-ubnd-tinh'],
    ['Văn phòng UBND', 'van-phong-hdnd-ubnd'],
    ['Hội Nông dân tỉnh', 'hoi-nong-dan-tinh'],
    ['Hội Nông dân Thành phố Hà Nội', 'hoi-nong-dan-tinh'],
    ['Hội Nông dân', 'hoi-nong-dan'],
    ['Bưu điện tỉnh', 'buu-dien-tinh'],
    ['Tỉnh đoàn', 'tinh-doan'],
    ['Thành đoàn', 'tinh-doan'],
    ['Ban Quản lý khu Kinh tế tỉnh Đồng Tháp', 'ban-quan-ly-khu-kinh-te'],
    ['BQL các KCN tỉnh', 'ban-quan-ly-cac-khu-cong-nghiep'],
    ['Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố', 'ban-quan-ly-khu-cong-nghe-cao-khu-cong-nghiep'],
    ['Liên hiệp các Hội KH&KT', 'lien-hiep-cac-hoi-khkt'],
    ['Liên hiệp các hội khoa học và kỹ thuật tỉnh', 'lien-hiep-cac-hoi-khkt'],
    ['Trung tâm Chuyển đổi số Thành phố', 'trung-tam-chuyen-doi-so'],
    ['Trung tâm Dữ liệu quốc gia', 'trung-tam-du-lieu-quoc-gia'],
    ['Ban Chỉ đạo Trung ương về phát triển KH, CN, ĐMST và CĐS', 'ban-chi-dao-trung-uong'],
    ['Đại học Quốc gia Hà Nội', 'dai-hoc-quoc-gia'],
    ['Các sở, ngành', 'cac-so-ban-nganh'],
    ['Các bộ, ngành, địa phương', 'cac-bo-nganh-dia-phuong'],
    ['UBND các phường, xã', 'ubnd-cac-xa-phuong'],
    ['VNPT', 'vnpt'],
  ];
  it.each(expected)('%s → %s', (name, id) => {
    expect(matchAgency(name)).toMatchObject({ kind: 'catalog', id });
  });

  it('accepts open sets of names as written (patterns)', () => {
    for (const [name, id] of [
      ['Ngân hàng Nhà nước khu vực XII', 'ngan-hang-nha-nuoc-khu-vuc'],
      ['Ngân hàng nhà nước Chi nhánh Khu vực 5', 'ngan-hang-nha-nuoc-khu-vuc'],
      ['Cục Chuyển đổi số quốc gia', 'cuc'],
      ['Trường Đại học Cần Thơ', 'truong-dai-hoc'],
      ['Viện Nghiên cứu phát triển Thành phố', 'vien'],
      ['Học viện Công nghệ Bưu chính Viễn thông', 'vien'],
      ['Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Hà Tĩnh', 'ban-quan-ly-khu'],
    ]) {
      expect(matchAgency(name!), name).toMatchObject({ kind: 'catalog', id, canonical: name, exact: true, score: 1 });
    }
  });

  it('keeps a unit in parentheses and the province as written', () => {
    expect(matchAgency('Bộ Công an (Trung tâm Dữ liệu quốc gia)')).toMatchObject({
      id: 'bo-cong-an',
      exact: true,
      canonical: 'Bộ Công an (Trung tâm Dữ liệu quốc gia)',
    });
    expect(matchAgency('Sở Tài chính tỉnh Đồng Tháp')).toMatchObject({
      id: 'so-tai-chinh',
      exact: true,
      canonical: 'Sở Tài chính tỉnh Đồng Tháp',
    });
    expect(matchAgency('Công an Thành phố')).toMatchObject({ id: 'cong-an-tinh', exact: true, canonical: 'Công an Thành phố' });
    expect(matchAgency('Sở KH&CN')).toMatchObject({ exact: true, canonical: 'Sở KH&CN' });
  });

  it('offers the catalog spelling for variants', () => {
    expect(matchAgency('Sở Văn hoá Thể thao du lịch')).toMatchObject({ exact: false, canonical: 'Sở Văn hóa, Thể thao và Du lịch' });
    expect(matchAgency('Sở Văn hoá, Thể thao và Du lịch')).toMatchObject({ exact: false, canonical: 'Sở Văn hóa, Thể thao và Du lịch' });
    expect(matchAgency('Sở KH-CN')).toMatchObject({ id: 'so-khoa-hoc-cong-nghe', exact: false });
  });

  it('never crosses levels or heads', () => {
    // Hội Nông dân tỉnh is not the commune's Hội Nông dân xã; a department is never a typo of a ministry.
    expect(matchAgency('Hội Cựu chiến binh tỉnh').id).toBe('hoi-cuu-chien-binh-tinh');
    expect(matchAgency('Hội Người cao tuổi tỉnh').kind).toBe('unknown');
    expect(matchAgency('Sở Ngoại giao').kind).toBe('unknown');
    expect(matchAgency('Sở Khoa học và Công nghệ Sở Công Thương').kind).toBe('unknown');
    expect(matchAgency('Cục Thống kê Sở Tài chính').kind).toBe('unknown');
  });
});

describe('isCollective', () => {
  it('only for truly collective phrases, not for one body whose name holds "các"', () => {
    for (const name of [
      'Các sở, ngành, địa phương',
      'Các bộ, ngành',
      'các đơn vị liên quan',
      'Các phòng chuyên môn',
      'Sở, ban, ngành có liên quan',
      'UBND các xã, phường',
      'UBND cấp xã',
      'Viện, Trường',
      'Các sở, ngành trên địa bàn tỉnh',
    ]) {
      expect(isCollective(name), name).toBe(true);
    }
    for (const name of [
      'Liên hiệp các Hội Khoa học và Kỹ thuật',
      'Liên hiệp các hội KH&KT tỉnh Đồng Tháp',
      'Ban Quản lý các khu công nghệ cao và khu công nghiệp',
      'Ban Quản lý các khu chế xuất và công nghiệp Thành phố',
      'Liên hiệp các tổ chức hữu nghị tỉnh',
      'Sở Nông nghiệp và Môi trường',
      'Môi trường',
      'Sở Tài chính',
    ]) {
      expect(isCollective(name), name).toBe(false);
    }
  });
});

describe('fusedParts', () => {
  it('finds catalog names run together without a separator', () => {
    expect(fusedParts('Sở Khoa học và Công nghệ Sở Công Thương')).toEqual(['Sở Khoa học và Công nghệ', 'Sở Công Thương']);
    expect(fusedParts('Sở KH&CN Sở Công Thương UBND tỉnh')).toEqual(['Sở KH&CN', 'Sở Công Thương', 'UBND tỉnh']);
    expect(fusedParts('Hội Nông dân tỉnh Hội Liên hiệp Phụ nữ tỉnh')).toEqual(['Hội Nông dân tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh']);
    expect(fusedParts('Bộ Công an Bộ Quốc phòng')).toEqual(['Bộ Công an', 'Bộ Quốc phòng']);
  });

  it('leaves one body, a unit named after its parent and a unit in parentheses alone', () => {
    for (const name of [
      'Sở Khoa học và Công nghệ',
      'Văn phòng Đoàn ĐBQH và HĐND tỉnh',
      'Trung tâm Công nghệ thông tin Sở Công Thương',
      'Bộ Công an (Trung tâm Dữ liệu quốc gia)',
      'Phòng Văn hóa - Xã hội',
      'Sở Tài chính và Sở Xây dựng',
    ]) {
      expect(fusedParts(name), name).toBeNull();
    }
  });
});
