// Legacy TCVN3/VNI text: the tables letter by letter, known samples, the fixtures' own text, and no false conversion.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeLegacy, detectLegacy, encodeLegacy, encodingFromFont } from '../../../core/text/legacy/index.ts';
import { fixture, SEEDS } from '../../support/paths.ts';

const TCVN3 = { encoding: 'tcvn3' } as const;
const TCVN3_CAPS = { encoding: 'tcvn3', capitals: true } as const;
const VNI = { encoding: 'vni' } as const;

/** The 67 lower-case letters Vietnamese adds to ASCII, typed out (toned rows in the order huyền, hỏi, ngã, sắc, nặng). */
const LOWER = ['ăâêôơưđ', 'àảãáạ', 'ằẳẵắặ', 'ầẩẫấậ', 'èẻẽéẹ', 'ềểễếệ', 'ìỉĩíị', 'òỏõóọ', 'ồổỗốộ', 'ờởỡớợ', 'ùủũúụ', 'ừửữứự', 'ỳỷỹýỵ'].join(
  '',
);
const LOWER_LETTERS = [...LOWER];
const UPPER_LETTERS = LOWER_LETTERS.map((c) => c.toUpperCase());
/** TCVN3 bytes of LOWER, from UniKey's table (0xAD, the byte of ư, is a soft hyphen in Latin-1). */
const LOWER_TCVN3 =
  '¨©ª«¬\u00ad®' + 'µ¶·¸¹' + '»¼½¾Æ' + 'ÇÈÉÊË' + 'ÌÎÏÐÑ' + 'ÒÓÔÕÖ' + '×ØÜÝÞ' + 'ßáâãä' + 'åæçèé' + 'êëìíî' + 'ïñòóô' + 'õö÷øù' + 'úûüýþ';
/** VNI spellings of LOWER, from UniKey's VNI Windows table. */
const LOWER_VNI = (
  'aê aâ eâ oâ ô ö ñ aø aû aõ aù aï aè aú aü aé aë aà aå aã aá aä eø eû eõ eù eï eà eå eã eá eä ì æ ó í ò ' +
  'oø oû oõ où oï oà oå oã oá oä ôø ôû ôõ ôù ôï uø uû uõ uù uï öø öû öõ öù öï yø yû yõ yù î'
).split(' ');
/** The only capitals with a TCVN3 byte of their own. */
const TCVN3_CAPITALS = 'ĂÂÊÔƠƯĐ';

describe('tables', () => {
  it('cover the 134 letters', () => {
    expect(new Set(LOWER_LETTERS).size).toBe(67);
    expect(new Set(UPPER_LETTERS).size).toBe(67);
    expect(LOWER_LETTERS.every((c) => c === c.normalize('NFC') && c !== c.toUpperCase())).toBe(true);
    expect(LOWER_VNI).toHaveLength(67);
  });

  it('VNI spells every letter, both cases, as UniKey does, and reads it back', () => {
    LOWER_LETTERS.forEach((c, i) => {
      expect(encodeLegacy(c, VNI)).toBe(LOWER_VNI[i]);
      expect(encodeLegacy(UPPER_LETTERS[i]!, VNI)).toBe(LOWER_VNI[i]!.toUpperCase());
    });
    for (const c of [...LOWER_LETTERS, ...UPPER_LETTERS]) expect(decodeLegacy(encodeLegacy(c, VNI), VNI)).toBe(c);
  });

  it("VNI reads a capital base with a small mark (Word's Change Case) as the capital", () => {
    expect(decodeLegacy('Aùo Ñaûng', VNI)).toBe('Áo Đảng');
    expect(decodeLegacy('VIEÄT NAM', VNI)).toBe('VIỆT NAM');
  });

  it('TCVN3 gives every lower-case letter and the seven plain capitals their own byte', () => {
    expect(encodeLegacy(LOWER, TCVN3)).toBe(LOWER_TCVN3);
    expect(encodeLegacy(TCVN3_CAPITALS, TCVN3)).toBe('¡¢£¤¥¦§');
    for (const c of [...LOWER_LETTERS, ...TCVN3_CAPITALS]) expect(decodeLegacy(encodeLegacy(c, TCVN3), TCVN3)).toBe(c);
  });

  it('TCVN3 has no toned capitals: they take the lower-case byte, and an "H" font reads them as capitals', () => {
    UPPER_LETTERS.forEach((C, i) => {
      expect(encodeLegacy(C, TCVN3_CAPS)).toBe(LOWER_TCVN3[i]);
      expect(decodeLegacy(encodeLegacy(C, TCVN3_CAPS), TCVN3_CAPS)).toBe(C);
    });
    // Without capitals, UniKey's behaviour: the capital is lost, .VnTime shows the lower-case letter.
    expect(encodeLegacy('Ủ', TCVN3)).toBe('ñ');
    expect(decodeLegacy('®', TCVN3_CAPS)).toBe('Đ');
  });

  it('accepts bytes 0x80–0x9F as C1 code points or Windows-1252 characters, and writes the latter', () => {
    expect(decodeLegacy('\u0080 \u008a \u0093x\u0094', TCVN3)).toBe('€ Š “x”');
    expect(decodeLegacy('€ Š “x”', VNI)).toBe('€ Š “x”');
    expect(encodeLegacy('\u0096 ViÖt', TCVN3)).toBe('– ViÖt');
  });

  it('leaves ASCII alone and returns NFC', () => {
    expect(decodeLegacy('03/KH-UBND ngay 07', TCVN3)).toBe('03/KH-UBND ngay 07');
    expect(decodeLegacy('Vieät', VNI)).toBe('Vi\u1ec7t');
    expect(encodeLegacy('Vie\u0323\u0302t', VNI)).toBe('Vieät');
  });
});

describe('known samples', () => {
  const samples: [string, string, string][] = [
    ['Việt Nam', 'ViÖt Nam', 'Vieät Nam'],
    ['Hà Nội', 'Hµ Néi', 'Haø Noäi'],
    ['Đảng ủy', '§¶ng ñy', 'Ñaûng uûy'],
    ['Phòng Văn hóa - Xã hội', 'Phßng V¨n hãa - X· héi', 'Phoøng Vaên hoùa - Xaõ hoäi'],
  ];
  it.each(samples)('%s', (text, tcvn3, vni) => {
    expect(encodeLegacy(text, TCVN3)).toBe(tcvn3);
    expect(encodeLegacy(text, VNI)).toBe(vni);
    expect(decodeLegacy(tcvn3, TCVN3)).toBe(text);
    expect(decodeLegacy(vni, VNI)).toBe(text);
  });

  it('Ủy ban nhân dân xã Cẩm Giàng (a toned capital: exact in VNI, through an H font in TCVN3)', () => {
    const text = 'Ủy ban nhân dân xã Cẩm Giàng';
    expect(encodeLegacy(text, VNI)).toBe('UÛy ban nhaân daân xaõ Caåm Giaøng');
    expect(decodeLegacy(encodeLegacy(text, VNI), VNI)).toBe(text);
    expect(encodeLegacy(text, TCVN3)).toBe('ñy ban nh©n d©n x· CÈm Giµng');
    expect(decodeLegacy(encodeLegacy(text, TCVN3_CAPS), TCVN3_CAPS)).toBe(text.toUpperCase());
  });

  it('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', () => {
    const text = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
    expect(encodeLegacy(text, TCVN3_CAPS)).toBe('CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM');
    expect(decodeLegacy('CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM', TCVN3_CAPS)).toBe(text);
    expect(decodeLegacy('céng hßa x· héi chñ nghÜa viÖt nam', TCVN3_CAPS)).toBe(text);
    expect(encodeLegacy(text, VNI)).toBe('COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM');
    expect(decodeLegacy(encodeLegacy(text, VNI), VNI)).toBe(text);
  });
});

describe('encodingFromFont', () => {
  it.each([
    ['.VnTime', { encoding: 'tcvn3' }],
    ['.VnArial', { encoding: 'tcvn3' }],
    ['.VnCentury Schoolbook', { encoding: 'tcvn3' }],
    ['.VnTimeH', { encoding: 'tcvn3', capitals: true }],
    ['.VnArialH', { encoding: 'tcvn3', capitals: true }],
    [' .vnarial narrowh ', { encoding: 'tcvn3', capitals: true }],
    ['.VnTimeH Bold', { encoding: 'tcvn3', capitals: true }],
    ['VNI-Times', { encoding: 'vni' }],
    ['VNI-Helve', { encoding: 'vni' }],
    ['VNI-Times Bold', { encoding: 'vni' }],
    ['vni times', { encoding: 'vni' }],
    ['Times New Roman', null],
    ['Arial', null],
    ['', null],
    [undefined, null],
  ])('%s', (font, expected) => {
    expect(encodingFromFont(font)).toEqual(expected);
  });
});

/** Every string cell's text in both fixture workbooks (NFC), column by column. */
async function fixtureColumns(): Promise<string[][]> {
  const columns: string[][] = [];
  for (const name of ['cam-giang-phu-luc.xlsx', 'quang-son-phu-luc.xlsx']) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixture(name));
    wb.eachSheet((ws) => {
      const byCol = new Map<number, string[]>();
      ws.eachRow((row) =>
        row.eachCell((cell, col) => {
          const text = cell.text.normalize('NFC');
          if (typeof cell.value === 'number' || text.trim() === '') return;
          byCol.set(col, [...(byCol.get(col) ?? []), text]);
        }),
      );
      columns.push(...byCol.values());
    });
  }
  return columns;
}

describe("the fixtures' own text", () => {
  let columns: string[][] = [];
  let all: string[] = [];
  beforeAll(async () => {
    columns = await fixtureColumns();
    all = [...new Set(columns.flat())];
  });

  it('has a real corpus', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((s) => /[ệộươđ]/i.test(s)).length).toBeGreaterThan(50);
  });

  it('round-trips through VNI exactly', () => {
    for (const s of all) expect(decodeLegacy(encodeLegacy(s, VNI), VNI)).toBe(s);
  });

  it('round-trips through TCVN3: exactly when TCVN3 can spell it, upper-cased through an H font otherwise', () => {
    // TCVN3 has no byte for a toned capital (Ộ, Ụ…): a string holding one cannot survive .VnTime, only .VnTimeH,
    // which shows everything in capitals. So those strings are compared upper-cased; all strings are also tried that way.
    const spellable = all.filter((s) => [...s].every((c) => c === c.toLowerCase() || c < '\x80' || TCVN3_CAPITALS.includes(c)));
    expect(spellable.length).toBeGreaterThan(all.length / 2);
    for (const s of spellable) expect(decodeLegacy(encodeLegacy(s, TCVN3), TCVN3)).toBe(s);
    for (const s of all.map((x) => x.toUpperCase())) expect(decodeLegacy(encodeLegacy(s, TCVN3_CAPS), TCVN3_CAPS)).toBe(s);
  });

  it('is detected as TCVN3 / VNI once encoded, as a whole and column by column', () => {
    expect(detectLegacy(all).encoding).toBeNull();
    expect(detectLegacy(all.map((s) => encodeLegacy(s, TCVN3))).encoding).toBe('tcvn3');
    expect(detectLegacy(all.map((s) => encodeLegacy(s, VNI))).encoding).toBe('vni');
    // Columns with enough Vietnamese to judge: at least five different cells with toned letters.
    const wordy = columns.filter((c) => new Set(c.filter((s) => /[^\p{ASCII}]/u.test(s))).size >= 5);
    expect(wordy.length).toBeGreaterThan(3);
    for (const col of wordy) {
      expect(detectLegacy(col).encoding).toBeNull();
      expect(detectLegacy(col.map((s) => encodeLegacy(s, TCVN3)))).toMatchObject({ encoding: 'tcvn3' });
      expect(detectLegacy(col.map((s) => encodeLegacy(s, VNI)))).toMatchObject({ encoding: 'vni' });
    }
  });
});

/** Letters only Unicode has (ă đ ơ ư ĩ ũ, the U+1EA0 block): what rules legacy out at once. */
const UNICODE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

function batches<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

describe('no false conversion', () => {
  const seedLines = ['cam-giang-ke-hoach.txt', 'cao-minh-ke-hoach-hanh-dong.txt', 'quang-son-ke-hoach.txt']
    .flatMap((f) => readFileSync(path.join(SEEDS, f), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter((l) => l !== '');

  it('real Unicode Vietnamese: every seed line, in batches of 20 and all together', () => {
    expect(seedLines.length).toBeGreaterThan(900);
    for (const batch of batches(seedLines, 20)) expect(detectLegacy(batch)).toEqual({ encoding: null, confidence: 1 });
    expect(detectLegacy(seedLines).encoding).toBeNull();
  });

  it('Unicode Vietnamese with every word holding ă đ ơ ư ệ… removed, so the statistics alone decide', () => {
    const latin1Only = seedLines
      .map((l) =>
        l
          .normalize('NFC')
          .split(/\s+/)
          .filter((w) => !UNICODE_ONLY.test(w))
          .join(' '),
      )
      .filter((l) => /[^\p{ASCII}]/u.test(l));
    expect(latin1Only.length).toBeGreaterThan(500);
    for (const batch of batches(latin1Only, 20)) expect(detectLegacy(batch).encoding).toBeNull();
    expect(detectLegacy(latin1Only).encoding).toBeNull();
    expect(detectLegacy(latin1Only.map((s) => s.toUpperCase())).encoding).toBeNull();
  });

  it('English, with a few accented Latin names', () => {
    const english = englishCorpus(400);
    expect(english.filter((s) => /[^\p{ASCII}]/u.test(s)).length).toBeGreaterThan(30);
    for (const batch of batches(english, 20)) expect(detectLegacy(batch).encoding).toBeNull();
    expect(detectLegacy(english).encoding).toBeNull();
    expect(detectLegacy(NAMES).encoding).toBeNull();
    expect(detectLegacy(FRENCH).encoding).toBeNull();
  });

  it('numbers, dates and codes', () => {
    const codes = [
      '03/KH-UBND',
      '57-NQ/TW',
      '22/12/2024',
      '2025',
      '1.250.000',
      '12,5%',
      'x',
      '≥ 95%',
      '01/01/2026 – 31/12/2030',
      'TT',
      'I.1',
      'Q3/2025',
    ];
    expect(detectLegacy(codes)).toEqual({ encoding: null, confidence: 1 });
    expect(detectLegacy([])).toEqual({ encoding: null, confidence: 1 });
  });

  it('short or ambiguous samples', () => {
    expect(detectLegacy(['ViÖt Nam']).encoding).toBeNull();
    expect(detectLegacy(['Hµ Néi', 'Hµ Néi', 'Hµ Néi']).encoding).toBeNull();
    expect(detectLegacy(['Thaï', 'Thaï', 'Thaï food']).encoding).toBeNull();
    // One real Unicode cell rules the column out, however legacy the rest looks.
    expect(detectLegacy(['Céng hoµ x· héi chñ nghÜa', 'ViÖt Nam', 'Hà Nội']).encoding).toBeNull();
    expect(detectLegacy(['Céng hoµ x· héi chñ nghÜa', 'ViÖt Nam'])).toEqual({ encoding: 'tcvn3', confidence: 1 });
  });
});

const NAMES = [
  'José Álvarez',
  'Müller GmbH',
  'Café Central',
  'François Dupont',
  'Zoë Smith',
  'naïve approach',
  'Peña Nieto',
  'São Paulo',
  'Björk',
  'Ångström units',
  'résumé',
  'Dvořák',
  'Gaëlle',
  'Raphaël',
  'crème brûlée',
  'déjà vu',
  'Renée',
  'Chloé',
  'Señor Ramírez',
  'Curaçao',
  'Köln',
  'Zürich',
  'Málaga',
  'Bogotá',
  'Düsseldorf',
  'Hélène',
  'Noël',
  'Jürgen',
  'Søren',
  'Øresund',
  'Thaïs',
  'Nuñez',
  'Jökull',
  'Łódź',
  'Gómez',
  'Ibáñez',
  'Çelik',
  'Mañana Ltd',
];
const FRENCH = [
  'Où est la gare ?',
  'Il a dû partir',
  'Cuisine thaï',
  'Noël à Paris',
  'Ça va très bien',
  'Le café est fermé',
  'Hôtel de ville',
  "L'été à Nice",
  'Être ou ne pas être',
  'Sûr et certain',
  'Déjà fait',
  'À bientôt',
];
const WORDS = (
  'the plan report budget project district commune committee meeting target progress review annual quarter ' +
  'digital transformation science technology innovation training staff office department public service data ' +
  'system network security cloud platform online portal citizens households farmers schools health centre road ' +
  'bridge water supply electricity internet coverage rate percent complete ongoing delayed approved submitted ' +
  'draft final version update deadline responsible agency lead support coordinate monitor evaluate implement ' +
  'improve increase reduce build upgrade install deploy connect share publish collect analyse store backup ' +
  'and of for with in on to by from at as is are was be will should must may new old local national provincial'
).split(' ');

/** Deterministic English-like strings (a seeded generator), one in ten with an accented name. */
function englishCorpus(n: number): string[] {
  let seed = 57;
  const next = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  return Array.from({ length: n }, (_, i) => {
    const words = Array.from({ length: 3 + next(10) }, () => WORDS[next(WORDS.length)]!);
    if (i % 10 === 0) words.splice(next(words.length), 0, NAMES[next(NAMES.length)]!);
    const s = words.join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + (next(3) === 0 ? '.' : '');
  });
}

describe('properties', () => {
  const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:-/()%"\'!?';
  const vietnamese = (alphabet: string[]) => fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((a) => a.join(''));
  const FULL = [...ASCII, ...LOWER_LETTERS, ...UPPER_LETTERS];
  const TCVN3_SPELLABLE = [...ASCII, ...LOWER_LETTERS, ...TCVN3_CAPITALS];

  it('VNI round-trips any Vietnamese text', () => {
    fc.assert(fc.property(vietnamese(FULL), (s) => decodeLegacy(encodeLegacy(s, VNI), VNI) === s));
  });

  it('TCVN3 round-trips what it can spell, and the rest upper-cased through an H font', () => {
    fc.assert(fc.property(vietnamese(TCVN3_SPELLABLE), (s) => decodeLegacy(encodeLegacy(s, TCVN3), TCVN3) === s));
    fc.assert(
      fc.property(vietnamese(FULL), (s) => {
        const upper = s.toUpperCase();
        return decodeLegacy(encodeLegacy(upper, TCVN3_CAPS), TCVN3_CAPS) === upper;
      }),
    );
  });

  it('round-trips decomposed input to NFC', () => {
    fc.assert(
      fc.property(vietnamese(FULL), (s) => {
        const nfd = s.normalize('NFD');
        return (
          decodeLegacy(encodeLegacy(nfd, VNI), VNI) === s &&
          decodeLegacy(encodeLegacy(nfd.toUpperCase(), TCVN3_CAPS), TCVN3_CAPS) === s.toUpperCase()
        );
      }),
    );
  });

  it('decoding ASCII is the identity', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii' }), (s) => decodeLegacy(s, TCVN3) === s && decodeLegacy(s, VNI) === s));
  });

  it('never calls a column legacy when one cell is real Unicode Vietnamese', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), vietnamese(FULL), (others, s) => {
        fc.pre(UNICODE_ONLY.test(s));
        return detectLegacy([...others.map((o) => encodeLegacy(o, TCVN3)), s]).encoding === null;
      }),
    );
  });
});

describe('capitals', () => {
  it('stay NFC when upper-casing decomposes a character (found by test/hardening/fuzz-legacy-text)', () => {
    const out = decodeLegacy('\u1fd2', { encoding: 'tcvn3', capitals: true });
    expect(out).toBe(out.normalize('NFC'));
  });
});
