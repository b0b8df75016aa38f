// Legacy-encoded text (TCVN3, VNI) as it arrives damaged: cut mid-letter, re-cased, salted with other bytes, mixed with
// numbers. Decoding never throws; a column's verdict ignores cells without letters; what is decoded reads back.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridFromValues } from '../../core/model/index.ts';
import { PlanSchema } from '../../core/model/index.ts';
import { readPlan, textGrid } from '../../core/read/index.ts';
import { decodeLegacy, detectLegacy, encodeLegacy } from '../../core/text/index.ts';
import { SEEDS } from '../support/paths.ts';
import { fuzz } from './support/fuzz.ts';

const LINES = readdirSync(SEEDS)
  .flatMap((f) => readFileSync(path.join(SEEDS, f), 'utf8').split('\n'))
  .map((l) => l.replace(/\t/g, ' ').trim())
  .filter((l) => /\p{L}{3}/u.test(l));
const encodingArb = fc.constantFrom('tcvn3' as const, 'vni' as const);
const lineArb = fc.constantFrom(...LINES);
/** Cells with no letters: they neither show nor contradict an encoding. */
const letterlessArb = fc.oneof(
  fc.constantFrom('', '-', '…', '2025', '31/12/2025', '12,5%', '1.2', '(1)', '≥ 95%', '1.250.000'),
  fc.integer().map(String),
);

describe('legacy text', () => {
  it('decoding, encoding and detection never throw on any string, and decoding gives NFC', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 })),
        encodingArb,
        fc.boolean(),
        (s, encoding, capitals) => {
          const d = decodeLegacy(s, { encoding, capitals });
          expect(d).toBe(d.normalize('NFC'));
          encodeLegacy(s, { encoding, capitals });
          const v = detectLegacy([s, s.toUpperCase(), d]);
          expect(v.confidence).toBeGreaterThanOrEqual(0);
          expect(v.confidence).toBeLessThanOrEqual(1);
        },
      ),
      fuzz(0x5706, 1000),
    );
  });

  it('damaged legacy text — cut mid-letter, re-cased, salted — is read into a well-formed plan', () => {
    const damage = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (s: string) => s.slice(0, Math.floor(at * s.length))),
      fc.constant((s: string) => s.toUpperCase()),
      fc.constant((s: string) => s.toLowerCase()),
      fc.string({ unit: 'binary', maxLength: 5 }).map((x) => (s: string) => `${x}${s}${x}`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(lineArb, damage), { minLength: 3, maxLength: 12 }),
        encodingArb,
        fc.boolean(),
        (cells, encoding, font) => {
          const header = ['TT', 'Nội dung', 'Cơ quan chủ trì'].map((s) => encodeLegacy(s, { encoding }));
          const g = gridFromValues('S', [
            header,
            ...cells.map(([l, d], i) => [i + 1, d(encodeLegacy(l, { encoding })), d(encodeLegacy('Ủy ban nhân dân xã', { encoding }))]),
          ]);
          if (font)
            for (const r of g.rows)
              for (const c of r) if (c && typeof c.v === 'string') c.font = encoding === 'tcvn3' ? '.VnTime' : 'VNI-Times';
          const { plan } = readPlan([g]);
          expect(PlanSchema.safeParse(plan).success).toBe(true);
        },
      ),
      fuzz(0x5707, 200),
    );
  });

  it('cells without letters never change a column verdict, and a decided column reads back as the original text', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 4, maxLength: 15 }),
        fc.array(letterlessArb, { maxLength: 10 }),
        encodingArb,
        fc.nat(),
        (lines, noise, encoding, seed) => {
          const encoded = lines.map((l) => encodeLegacy(l, { encoding }));
          const verdict = detectLegacy(encoded);
          // Spread the letterless cells through the column, remembering where the text cells went.
          const mixed: { v: string; line?: number }[] = encoded.map((v, line) => ({ v, line }));
          noise.forEach((n, i) => mixed.splice((seed + i * 7) % (mixed.length + 1), 0, { v: n }));
          expect(detectLegacy(mixed.map((m) => m.v))).toEqual(verdict);
          if (verdict.encoding !== encoding) return;
          const tg = textGrid(
            gridFromValues(
              'S',
              mixed.map((m) => [m.v]),
            ),
          );
          // TCVN3 has no toned capitals: those come back lower-cased, the rest exactly (core/text/legacy/codec.ts).
          mixed.forEach((m, i) => {
            if (m.line !== undefined) expect(tg.text(i + 1, 1)).toBe(decodeLegacy(encoded[m.line]!, { encoding }));
          });
        },
      ),
      fuzz(0x5708, 150),
    );
  });
});
