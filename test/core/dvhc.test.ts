// Administrative units after the July 2025 reform: counts, codes, and lookups by code and folded name.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMUNES, DVHC_SOURCE, findCommune, findCommunesByName, findProvince, PROVINCES, searchCommunes } from '../../core/dvhc.ts';
import { REPO_ROOT } from '../support/paths.ts';

describe('dvhc dataset', () => {
  it('has 34 provinces and 3,321 communes with unique codes', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(COMMUNES).toHaveLength(3321);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
    expect(new Set(COMMUNES.map((c) => c.code)).size).toBe(3321);
    for (const p of PROVINCES) expect(p.code).toMatch(/^\d{2}$/);
    for (const c of COMMUNES) expect(c.code).toMatch(/^\d{5}$/);
  });

  it('keeps the source line, and the bundled module is the JSON file in core/data', () => {
    expect(DVHC_SOURCE).toMatch(/thanglequoc\/vietnamese-provinces-database \(MIT License\)/);
    const file = JSON.parse(readFileSync(path.join(REPO_ROOT, 'core/data/dvhc-2025.json'), 'utf8')) as {
      provinces: { communes: unknown[] }[];
    };
    expect(file.provinces).toHaveLength(34);
    expect(file.provinces.reduce((n, p) => n + p.communes.length, 0)).toBe(3321);
  });
});

describe('findCommune', () => {
  it('10903 is Xã Cẩm Giàng, Thành phố Hải Phòng', () => {
    expect(findCommune('10903')).toEqual({ code: '10903', name: 'Xã Cẩm Giàng', provinceCode: '31', provinceName: 'Thành phố Hải Phòng' });
    expect(findCommune(10903)?.name).toBe('Xã Cẩm Giàng');
    expect(findCommune(' 10903 ')?.code).toBe('10903');
  });

  it('zero-pads short codes', () => {
    expect(findCommune('2008')).toMatchObject({ code: '02008', name: 'Xã Cẩm Giàng', provinceName: 'Tỉnh Thái Nguyên' });
    expect(findCommune(4)).toMatchObject({ code: '00004', name: 'Phường Ba Đình', provinceCode: '01' });
  });

  it('returns undefined for unknown or malformed codes', () => {
    expect(findCommune('99999')).toBeUndefined();
    expect(findCommune('123456')).toBeUndefined();
    expect(findCommune('1090a')).toBeUndefined();
    expect(findCommune('')).toBeUndefined();
  });
});

describe('findCommunesByName', () => {
  it('finds a name with or without its unit type, with or without diacritics', () => {
    for (const q of ['xã Cẩm Giàng', 'Cẩm Giàng', 'Xa Cam Giang', 'XÃ CẨM GIÀNG']) {
      const codes = findCommunesByName(q).map((c) => c.code);
      expect(codes, q).toContain('10903');
      expect(codes, q).toContain('02008');
    }
  });

  it('returns every commune of a repeated name, each with its province, exact spellings first', () => {
    const found = findCommunesByName('Cẩm Giàng');
    expect(new Set(found.map((c) => c.provinceCode)).size).toBeGreaterThan(1);
    expect(found.slice(0, 2).map((c) => c.name)).toEqual(['Xã Cẩm Giàng', 'Xã Cẩm Giàng']);
    // Folding drops tone marks, so "Cẩm Giang" (Hải Phòng) answers too, after the exact spellings.
    expect(found.map((c) => c.code)).toEqual(['02008', '10903', '10888']);
  });

  it('finds wards and names repeated across several provinces', () => {
    const tayHo = findCommunesByName('Phường Tây Hồ');
    expect(tayHo.map((c) => c.provinceCode).sort()).toEqual(['01', '48']);
    expect(findCommunesByName('Không Có Xã Này')).toEqual([]);
  });
});

describe('names whose first word looks like a unit type', () => {
  it('every commune is found by its name with and without its unit type', () => {
    const missed = COMMUNES.filter((c) => {
      const bare = c.name.replace(/^(?:Xã|Phường|Đặc khu|Thị trấn)\s+/, '');
      return !findCommunesByName(bare).includes(c) || !findCommunesByName(c.name).includes(c);
    }).map((c) => `${c.code} ${c.name}`);
    expect(missed).toEqual([]);
  });

  it('"Phương Liệt" and "Xà Phiên" keep their first word; "Xa Dung" typed plainly still finds Xã Xa Dung', () => {
    expect(findCommunesByName('Phương Liệt').map((c) => c.code)).toEqual(['00352']);
    expect(findCommunesByName('Phường Phương Liệt').map((c) => c.code)).toEqual(['00352']);
    expect(findCommunesByName('Xà Phiên').map((c) => c.code)).toEqual(['31495']);
    expect(findCommunesByName('Xa Dung').map((c) => c.code)).toEqual(['03208']);
    expect(findCommunesByName('Phuong Liet').map((c) => c.code)).toEqual(['00352']);
    expect(searchCommunes('phuong liet', { limit: 1 }).map((c) => c.name)).toEqual(['Phường Phương Liệt']);
  });
});

describe('findProvince', () => {
  it('by code or name', () => {
    expect(findProvince('31')).toEqual({ code: '31', name: 'Thành phố Hải Phòng' });
    expect(findProvince(1)?.name).toBe('Thành phố Hà Nội');
    expect(findProvince('Thái Nguyên')?.code).toBe('19');
    expect(findProvince('tinh thai nguyen')?.code).toBe('19');
    expect(findProvince('TP Hồ Chí Minh')?.code).toBe('79');
    expect(findProvince('Thanh Hóa')?.code).toBe('38');
    expect(findProvince('99')).toBeUndefined();
    expect(findProvince('Atlantis')).toBeUndefined();
  });
});

describe('searchCommunes', () => {
  it('finds communes by folded name, exact spellings and whole names first, each with its province', () => {
    const found = searchCommunes('cẩm giàng');
    expect(found.slice(0, 3).map((c) => [c.code, c.name, c.provinceName])).toEqual(
      findCommunesByName('Cẩm Giàng').map((c) => [c.code, c.name, c.provinceName]),
    );
    expect(searchCommunes('cam giang, hai phong').map((c) => c.code)).toEqual(['10888', '10903']);
    expect(searchCommunes('cam giang', { provinceCode: '19' }).map((c) => c.code)).toEqual(['02008']);
  });

  it('finds by code prefix and answers nothing for an empty query', () => {
    expect(searchCommunes('10903').map((c) => c.code)).toEqual(['10903']);
    expect(searchCommunes('  ')).toEqual([]);
    expect(searchCommunes('xa', { limit: 3 })).toHaveLength(3);
  });
});
