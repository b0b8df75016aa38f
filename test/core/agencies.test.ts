// Agency catalog, cell splitting and name matching, checked against the spellings in the seed plans.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  agencyVariants,
  canonicalAgencyNames,
  DEFAULT_CATALOG,
  isCollective,
  loadCatalog,
  matchAgency,
  nameKey,
  splitAgencies,
  splitQualifier,
} from '../../core/agencies.ts';
import { REPO_ROOT, SEEDS } from '../support/paths.ts';

/** Agency cells (columns headed "Cơ quan …") of the tab-separated tables in a seed plan. */
function seedAgencyCells(file: string): string[] {
  const cells: string[] = [];
  let cols: number[] = [];
  for (const line of readFileSync(path.join(SEEDS, file), 'utf8').split('\n')) {
    if (!line.includes('\t')) continue;
    const row = line.split('\t');
    if (/^S?TT$/.test(row[0]!.trim())) {
      cols = row.flatMap((c, i) => (/Cơ quan/.test(c) ? [i] : []));
      continue;
    }
    for (const i of cols) if ((row[i] ?? '').trim() !== '') cells.push(row[i]!.trim());
  }
  return cells;
}

describe('catalog', () => {
  it('loads, validated, with unique ids and unambiguous keys', () => {
    expect(DEFAULT_CATALOG.entries.length).toBeGreaterThan(30);
    expect(DEFAULT_CATALOG.source).toMatch(/Nghị định 150\/2025/);
    expect(new Set(DEFAULT_CATALOG.entries.map((e) => e.id)).size).toBe(DEFAULT_CATALOG.entries.length);
    for (const id of [
      'van-phong-hdnd-ubnd',
      'phong-kinh-te',
      'phong-kinh-te-ha-tang-do-thi',
      'phong-van-hoa-xa-hoi',
      'trung-tam-phuc-vu-hanh-chinh-cong',
      'trung-tam-dich-vu-tong-hop',
      'cong-an',
      'ban-chi-huy-quan-su',
      'van-phong-dang-uy',
      'ban-xay-dung-dang',
      'uy-ban-kiem-tra-dang-uy',
      'uy-ban-mttq',
      'dang-uy',
      'hdnd',
      'ubnd',
      'trung-tam-van-hoa-the-thao-truyen-thong',
      'tram-y-te',
      'hoi-nong-dan',
      'hoi-lien-hiep-phu-nu',
      'doan-thanh-nien',
      'hoi-cuu-chien-binh',
      'truong-mam-non',
      'truong-tieu-hoc',
      'truong-thcs',
      'buu-dien',
      'ngan-hang',
      'cac-phong-ban-nganh',
      'cac-don-vi-lien-quan',
      'cac-co-quan-don-vi',
      'cac-phong-ban-chuyen-mon',
      'cac-thon-khu-dan-cu',
      'cac-to-chuc-chinh-tri-xa-hoi',
    ]) {
      expect(DEFAULT_CATALOG.byId.has(id), id).toBe(true);
    }
  });

  it('core/data/agencies.vi.json is an exact copy of templates/agencies.vi.json', () => {
    const template = readFileSync(path.join(REPO_ROOT, 'templates/agencies.vi.json'), 'utf8');
    const bundled = readFileSync(path.join(REPO_ROOT, 'core/data/agencies.vi.json'), 'utf8');
    expect(bundled).toBe(template);
  });

  it('rejects malformed documents and spellings claimed by two entries', () => {
    expect(() => loadCatalog({ note: '', source: '', agencies: [{ id: 'Bad Id', name: 'x', kind: 'office' }] })).toThrow();
    expect(() => loadCatalog({ note: '', source: '', agencies: [{ id: 'a', name: 'x', kind: 'nope' }] })).toThrow();
    expect(() =>
      loadCatalog({
        note: '',
        source: '',
        agencies: [
          { id: 'a', name: 'Phòng Văn hóa - Xã hội', kind: 'office' },
          { id: 'b', name: 'Phòng X', aliases: ['Phòng VH-XH'], kind: 'office' },
        ],
      }),
    ).toThrow(/share the key/);
  });

  it('lists canonical names for drop-downs, bodies before collectives, by level', () => {
    const all = canonicalAgencyNames();
    expect(all).toContain('Phòng Văn hóa - Xã hội');
    expect(all.indexOf('Công an xã')).toBeLessThan(all.indexOf('Các đơn vị liên quan'));
    expect(canonicalAgencyNames(DEFAULT_CATALOG, { level: 'ward' })).not.toContain('Phòng Kinh tế');
    expect(canonicalAgencyNames(DEFAULT_CATALOG, { level: 'commune' })).not.toContain('Phòng Kinh tế, Hạ tầng và Đô thị');
  });

  it('accepts a custom catalog', () => {
    const cat = loadCatalog({ note: 'n', source: 's', agencies: [{ id: 'hoi-chan-nuoi', name: 'Hội Chăn nuôi xã', kind: 'mass-org' }] });
    expect(matchAgency('Hội chăn nuôi', { catalog: cat })).toMatchObject({
      kind: 'catalog',
      id: 'hoi-chan-nuoi',
      canonical: 'Hội Chăn nuôi',
    });
    expect(matchAgency('Công an xã', { catalog: cat }).kind).toBe('unknown');
  });
});

describe('nameKey / splitQualifier', () => {
  it('sets the commune qualifier apart, but not "xã hội" or "hợp tác xã"', () => {
    expect(nameKey('Phòng VH- XH xã').expanded).toBe('phong van hoa xa hoi');
    expect(nameKey('Phòng Văn hóa - Xã hội').expanded).toBe('phong van hoa xa hoi');
    expect(nameKey('Các hợp tác xã').raw).toBe('cac hop tac xa');
    expect(splitQualifier('Công an xã Cẩm Giàng')).toEqual({ body: 'Công an', qualifier: 'xã Cẩm Giàng' });
    expect(splitQualifier('Văn phòng HĐND-UBND xã')).toEqual({ body: 'Văn phòng HĐND-UBND', qualifier: 'xã' });
    expect(splitQualifier('Công an phường')).toEqual({ body: 'Công an', qualifier: 'phường' });
    expect(splitQualifier('Phòng Văn hóa - Xã hội')).toEqual({ body: 'Phòng Văn hóa - Xã hội', qualifier: '' });
    // "xã và các thôn" is not "xã <Name>".
    expect(nameKey('Các phòng, ban, ngành, đơn vị thuộc xã và các thôn').qualifierWords).toBe(0);
  });
});

describe('matchAgency', () => {
  const expected: [string, string][] = [
    ['Phòng VH- XH xã', 'phong-van-hoa-xa-hoi'],
    ['Phòng VH-XH', 'phong-van-hoa-xa-hoi'],
    ['Phòng VHXH', 'phong-van-hoa-xa-hoi'],
    ['Phòng Văn hoá – Xã hội xã', 'phong-van-hoa-xa-hoi'],
    ['Phòng Văn hóa – Xã hội', 'phong-van-hoa-xa-hoi'],
    ['Phòng Văn hoá - Xã hội', 'phong-van-hoa-xa-hoi'],
    ['Phòng Văn hóa - Xã hội', 'phong-van-hoa-xa-hoi'],
    ['Văn phòng HĐND – UBND xã', 'van-phong-hdnd-ubnd'],
    ['Văn phòng HĐND-UBND xã', 'van-phong-hdnd-ubnd'],
    ['Văn phòng HĐND & UBND xã', 'van-phong-hdnd-ubnd'],
    ['Văn phòng HĐND &UBND xã', 'van-phong-hdnd-ubnd'],
    ['Văn phòng HĐND và UBND', 'van-phong-hdnd-ubnd'],
    ['Văn phòng HĐND', 'van-phong-hdnd-ubnd'],
    ['Trung tâm văn hóa thông tin và truyền thông xã,', 'trung-tam-van-hoa-the-thao-truyen-thong'],
    ['Trung tâm Văn hoá - Thể thao và Truyền thông xã', 'trung-tam-van-hoa-the-thao-truyen-thong'],
    ['Ban chỉ huy Quân sự', 'ban-chi-huy-quan-su'],
    ['BCHQS xã', 'ban-chi-huy-quan-su'],
    ['Trung tâm phục vụ hành chính công', 'trung-tam-phuc-vu-hanh-chinh-cong'],
    ['TT PVHCC', 'trung-tam-phuc-vu-hanh-chinh-cong'],
    ['Công an xã', 'cong-an'],
    ['CA xã', 'cong-an'],
    ['Phòng Kinh tế', 'phong-kinh-te'],
    ['Phòng kinh tế xã', 'phong-kinh-te'],
    ['Phòng KT', 'phong-kinh-te'],
    ['Phòng Kinh tế, Hạ tầng và Đô thị', 'phong-kinh-te-ha-tang-do-thi'],
    ['Phòng KT-HT-ĐT phường', 'phong-kinh-te-ha-tang-do-thi'],
    ['Ủy ban MTTQ xã', 'uy-ban-mttq'],
    ['Ủy ban Mặt trận Tổ quốc Việt Nam xã', 'uy-ban-mttq'],
    ['UBND xã', 'ubnd'],
    ['Ủy ban nhân dân xã', 'ubnd'],
    ['HĐND xã', 'hdnd'],
    ['Đảng ủy xã', 'dang-uy'],
    ['Văn phòng Đảng ủy', 'van-phong-dang-uy'],
    ['Cơ quan Ủy ban Kiểm tra Đảng ủy', 'uy-ban-kiem-tra-dang-uy'],
    ['Hội LHPN xã', 'hoi-lien-hiep-phu-nu'],
    ['Đoàn Thanh niên', 'doan-thanh-nien'],
    ['Hội CCB', 'hoi-cuu-chien-binh'],
    ['Trạm y tế xã', 'tram-y-te'],
  ];
  it.each(expected)('%s → %s', (name, id) => {
    const m = matchAgency(name);
    expect(m.kind).toBe('catalog');
    expect(m.id).toBe(id);
  });

  it("gives the canonical spelling, keeping the input's own qualifier", () => {
    expect(matchAgency('Phòng VH- XH xã')).toMatchObject({
      canonical: 'Phòng Văn hóa - Xã hội xã',
      exact: false,
      score: 1,
      collective: false,
    });
    expect(matchAgency('Phòng Văn hoá – Xã hội')).toMatchObject({ canonical: 'Phòng Văn hóa - Xã hội', exact: false });
    expect(matchAgency('Văn phòng HĐND – UBND xã').canonical).toBe('Văn phòng HĐND và UBND xã');
    expect(matchAgency('Trung tâm phục vụ hành chính công').canonical).toBe('Trung tâm Phục vụ hành chính công');
    expect(matchAgency('Công an xã Cẩm Giàng')).toMatchObject({ canonical: 'Công an xã Cẩm Giàng', exact: true });
    expect(matchAgency('Công an phường')).toMatchObject({ id: 'cong-an', canonical: 'Công an phường', exact: true });
  });

  it('exact is true for the canonical spelling and for accepted abbreviations', () => {
    for (const name of [
      'Phòng Văn hóa - Xã hội',
      'Văn phòng HĐND và UBND',
      'Công an xã',
      'UBND xã',
      'Ủy ban MTTQ xã',
      'Phòng Kinh tế xã',
    ]) {
      expect(matchAgency(name).exact, name).toBe(true);
    }
  });

  it('tolerates small typos, within a bound', () => {
    const m = matchAgency('Trung tâm phuc vụ hàng chính công');
    expect(m).toMatchObject({ kind: 'catalog', id: 'trung-tam-phuc-vu-hanh-chinh-cong', exact: false });
    expect(m.score).toBeGreaterThan(0.9);
    expect(m.score).toBeLessThan(1);
    expect(matchAgency('Phòng Văn hóa - Xã hộii').id).toBe('phong-van-hoa-xa-hoi');
    // Short names get no typo budget: one letter may be another body.
    expect(matchAgency('Công ty').kind).toBe('unknown');
  });

  it('leaves unrelated names unknown (a department that does not exist is not a typo of a ministry)', () => {
    for (const name of ['Sở Ngoại giao', 'Bộ Văn phòng', 'Hội chăn nuôi', 'Kế hoạch công tác', 'Văn bản của cấp có thẩm quyền', '']) {
      expect(matchAgency(name), name).toMatchObject({ kind: 'unknown', score: 0, exact: false });
    }
  });

  it('matches another spelling used in the same plan, most frequent first', () => {
    const planNames = ['Hội Chăn nuôi', 'Hội chăn nuôi xã', 'Hội chăn nuôi', 'Hội Chăn nuôi', 'Hội Chăn nuôi', 'Tổ hợp tác rau sạch'];
    expect(matchAgency('Hội chăn nuôi xã', { planNames })).toMatchObject({ kind: 'plan', canonical: 'Hội Chăn nuôi xã', exact: false });
    expect(matchAgency('Hội Chăn nuôi', { planNames })).toMatchObject({ kind: 'plan', canonical: 'Hội Chăn nuôi', exact: true });
    expect(matchAgency('Tổ hợp tác rau sạch', { planNames }).kind).toBe('unknown');
    expect(matchAgency('Hội Chăn nuôii', { planNames })).toMatchObject({ kind: 'plan', canonical: 'Hội Chăn nuôi' });
  });

  it('never takes a different number for a typo', () => {
    const planNames = ['Tổ dân vận số 3', 'Tổ dân vận số 4', 'Tổ dân vận số 4'];
    expect(matchAgency('Tổ dân vận số 3', { planNames }).kind).toBe('unknown');
  });

  it('is fast over a 10,000-row table', () => {
    const cells = seedAgencyCells('cam-giang-ke-hoach.txt');
    const names = Array.from({ length: 10_000 }, (_, i) => `${cells[i % cells.length]!}${i % 7 === 0 ? ` ${i % 50}` : ''}`);
    const t0 = performance.now();
    for (const n of names) for (const part of splitAgencies(n)) matchAgency(part, { planNames: names });
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('isCollective', () => {
  it('detects collective phrases, catalogued or not', () => {
    for (const name of [
      'Các phòng, ban, ngành, đơn vị thuộc xã',
      'Các đơn vị liên quan',
      'Các cơ quan, đơn vị trên địa bàn xã',
      'Các phòng ban chuyên môn',
      'các thôn, khu dân cư',
      'các tổ chức chính trị - xã hội',
      'Ủy ban MTTQ và các tổ chức chính trị - xã hội',
      'Các phòng, ban, ngành, đơn vị có liên quan',
      'Các hội, đoàn thể xã',
      'Các ban, ngành, đoàn thể',
      'đơn vị có liên quan',
    ]) {
      expect(isCollective(name), name).toBe(true);
    }
    for (const name of ['Công an xã', 'Phòng Văn hóa - Xã hội', 'Ủy ban MTTQ xã', 'Sở Khoa học và Công nghệ', 'Văn phòng HĐND và UBND']) {
      expect(isCollective(name), name).toBe(false);
    }
    expect(matchAgency('Các phòng, ban, ngành, đơn vị thuộc xã').collective).toBe(true);
  });
});

describe('splitAgencies', () => {
  const cases: [string, string[]][] = [
    ['Phòng Văn hóa - Xã hội', ['Phòng Văn hóa - Xã hội']],
    ['Văn phòng HĐND và UBND', ['Văn phòng HĐND và UBND']],
    ['Phòng Kinh tế, Hạ tầng và Đô thị', ['Phòng Kinh tế, Hạ tầng và Đô thị']],
    ['Ủy ban MTTQ và các tổ chức chính trị - xã hội', ['Ủy ban MTTQ và các tổ chức chính trị - xã hội']],
    ['Các phòng, ban, ngành, đơn vị thuộc xã', ['Các phòng, ban, ngành, đơn vị thuộc xã']],
    ['Phòng Kinh tế, Phòng Văn hóa - Xã hội', ['Phòng Kinh tế', 'Phòng Văn hóa - Xã hội']],
    ['Phòng Văn hoá – Xã hội xã; Phòng kinh tế xã', ['Phòng Văn hoá – Xã hội xã', 'Phòng kinh tế xã']],
    ['Các phòng, ban, ngành, đơn vị thuộc xã;', ['Các phòng, ban, ngành, đơn vị thuộc xã']],
    ['Trung tâm văn hóa thông tin và truyền thông xã,', ['Trung tâm văn hóa thông tin và truyền thông xã']],
    ['Công an xã; Văn phòng HĐND & UBND xã', ['Công an xã', 'Văn phòng HĐND & UBND xã']],
    ['Các phòng, ban, ngành, đơn vị thuộc xã và các thôn', ['Các phòng, ban, ngành, đơn vị thuộc xã', 'các thôn']],
    [
      'Các phòng, ban, ngành, đơn vị thuộc xã; Ủy ban MTTQ xã, các tổ chức chính trị - xã hội xã',
      ['Các phòng, ban, ngành, đơn vị thuộc xã', 'Ủy ban MTTQ xã, các tổ chức chính trị - xã hội xã'],
    ],
    [
      'Ủy ban MTTQ xã, các tổ chức chính trị - xã hội xã; các thôn, khu dân cư',
      ['Ủy ban MTTQ xã, các tổ chức chính trị - xã hội xã', 'các thôn, khu dân cư'],
    ],
    ['Phòng Kinh tế xã, các thôn, KDC', ['Phòng Kinh tế xã', 'các thôn, KDC']],
    ['Các trường THCS, Tiểu học, Mầm non trên địa bàn xã', ['Các trường THCS, Tiểu học, Mầm non trên địa bàn xã']],
    [
      'Các cơ quan Đảng, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội xã, các đơn vị liên quan',
      ['Các cơ quan Đảng', 'Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội xã', 'các đơn vị liên quan'],
    ],
    ['Phòng Văn hóa - Xã hội và các cơ quan, đơn vị liên quan', ['Phòng Văn hóa - Xã hội', 'các cơ quan, đơn vị liên quan']],
    [
      'Trung tâm Văn hoá - Thể thao và Truyền thông xã, đơn vị có liên quan',
      ['Trung tâm Văn hoá - Thể thao và Truyền thông xã', 'đơn vị có liên quan'],
    ],
    ['Các phòng, ban, ngành, đơn vị có liên quan', ['Các phòng, ban, ngành, đơn vị có liên quan']],
    ['Các cơ quan, đơn vị trên địa bàn xã', ['Các cơ quan, đơn vị trên địa bàn xã']],
    ['Văn phòng HĐND – UBND xã', ['Văn phòng HĐND – UBND xã']],
    ['Hội Nông dân và Hội Cựu chiến binh', ['Hội Nông dân', 'Hội Cựu chiến binh']],
    ['Phòng Văn hóa - Xã hội, Hội Người cao tuổi, Hội Chăn nuôi', ['Phòng Văn hóa - Xã hội', 'Hội Người cao tuổi', 'Hội Chăn nuôi']],
    ['Sở Khoa học và Công nghệ', ['Sở Khoa học và Công nghệ']],
    ['- Phòng VH-XH\n- Công an xã', ['Phòng VH-XH', 'Công an xã']],
    ['Trung tâm Văn hoá - Thể thao và\nTruyền thông xã', ['Trung tâm Văn hoá - Thể thao và\nTruyền thông xã']],
    ['  ;  ', []],
    ['', []],
  ];
  it.each(cases)('%j', (cell, names) => {
    expect(splitAgencies(cell)).toEqual(names);
  });

  it('returns names exactly as written in the cell, so a fix can replace them', () => {
    const cell = 'Phòng Văn hoá – Xã hội xã; Phòng kinh tế xã';
    for (const name of splitAgencies(cell)) expect(cell.includes(name)).toBe(true);
  });
});

describe('seed plans', () => {
  const cells = [...seedAgencyCells('cam-giang-ke-hoach.txt'), ...seedAgencyCells('quang-son-ke-hoach.txt')];
  // Page-break fragments ("Trung tâm phục vụ hành" + "chính công") are joined by the reader before matching.
  const fragments = new Set([
    'Các phòng, ban, ngành, đơn vị có',
    'liên quan',
    'Trung tâm Văn hoá - Thể thao và',
    'Truyền thông xã, đơn vị có liên quan',
    'Trung tâm phục vụ hành',
    'chính công',
    'Các cơ quan, đơn vị trên',
    'địa bàn xã',
    '– UBND xã',
    'Văn phòng HĐND',
  ]);

  it('finds the agency cells', () => {
    expect(cells.length).toBeGreaterThan(150);
  });

  it('every agency name in the seed tables is in the catalog (bodies) or recognised as collective', () => {
    const missed: string[] = [];
    for (const cell of cells) {
      if (fragments.has(cell)) continue;
      for (const name of splitAgencies(cell)) {
        const m = matchAgency(name);
        if (m.kind !== 'catalog') missed.push(name);
      }
    }
    expect(missed).toEqual([]);
  });

  it('the joined fragments match too', () => {
    expect(matchAgency('Văn phòng HĐND – UBND xã').id).toBe('van-phong-hdnd-ubnd');
    expect(splitAgencies('Trung tâm Văn hoá - Thể thao và Truyền thông xã, đơn vị có liên quan').map((n) => matchAgency(n).id)).toEqual([
      'trung-tam-van-hoa-the-thao-truyen-thong',
      'cac-don-vi-lien-quan',
    ]);
    expect(matchAgency('Trung tâm phục vụ hành chính công').id).toBe('trung-tam-phuc-vu-hanh-chinh-cong');
    expect(isCollective('Các phòng, ban, ngành, đơn vị có liên quan')).toBe(true);
  });
});

describe('agencyVariants', () => {
  it('maps variant spellings to the canonical one, leaving canonical names, abbreviations, collectives and unknowns out', () => {
    const names = [
      'Phòng VH- XH xã',
      'Phòng Văn hóa - Xã hội',
      'Văn phòng HĐND-UBND xã',
      'Công an xã',
      'UBND xã',
      'Các phòng, ban, ngành, đơn vị có liên quan',
      'Sở Khoa học và Công nghệ',
      'Trung tâm phục vụ hành chính công',
    ];
    const v = agencyVariants(names);
    expect(Object.fromEntries(v)).toEqual({
      'Phòng VH- XH xã': { canonical: 'Phòng Văn hóa - Xã hội xã', id: 'phong-van-hoa-xa-hoi' },
      'Văn phòng HĐND-UBND xã': { canonical: 'Văn phòng HĐND và UBND xã', id: 'van-phong-hdnd-ubnd' },
      'Trung tâm phục vụ hành chính công': { canonical: 'Trung tâm Phục vụ hành chính công', id: 'trung-tam-phuc-vu-hanh-chinh-cong' },
    });
  });

  it("offers the plan's most frequent spelling for names outside the catalog", () => {
    const v = agencyVariants(['Hội Chăn nuôi', 'Hội Chăn nuôi', 'Hội chăn nuôi']);
    expect(Object.fromEntries(v)).toEqual({ 'Hội chăn nuôi': { canonical: 'Hội Chăn nuôi' } });
  });
});
