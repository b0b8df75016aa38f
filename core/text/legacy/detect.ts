// Whether a column of strings is legacy TCVN3 or VNI text, decided from the whole column, never word by word.
import type { LegacyEncoding } from '../../model/appendix.ts';
import { decodeLegacy, encodeLegacy } from './codec.ts';
import { isVietnameseLetter } from './letters.ts';
import { hasVowel, isVietnameseSyllable } from './syllable.ts';

/** Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, the U+1EA0 block) and combining marks: no legacy byte reads as one. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|\p{M}/u;
/** Word separators: whitespace, digits, ASCII and typographic punctuation — never a legacy letter in either table. */
const SEPARATORS = /[\s\d!-/:-@[-`{-~\u2013\u2014\u2018-\u201e\u2026]+/;
const EDGES = /^\P{L}+|\P{L}+$/gu;

/** Minimum evidence: it is worse to convert real Unicode than to leave legacy text garbled. */
const MIN_STRONG = 3;
/** Different legacy words: one foreign word repeated down a column ("Thaï" reads as VNI "Thạ") is not enough. */
const MIN_WORDS = 3;
const MIN_SHARE = 0.3;
const MIN_PRECISION = 0.8;

interface Evidence {
  /** Words that decode to a Vietnamese syllable and are none as they stand. */
  legacy: number;
  /** Words with non-ASCII letters the encoding cannot have produced, or that decode to no syllable. */
  against: number;
  /** Characters in `legacy` words that are no Vietnamese letter (µ Ö ä ø…): the signature of the encoding. */
  strong: number;
  /** Samples with at least one legacy word and no more words against. */
  samples: number;
  /** The different legacy words, lower-cased. */
  words: Set<string>;
}

function evidence(samples: string[], encoding: LegacyEncoding): Evidence {
  const ev: Evidence = { legacy: 0, against: 0, strong: 0, samples: 0, words: new Set() };
  for (const sample of samples) {
    let legacy = 0;
    let against = 0;
    for (const word of sample.normalize('NFC').split(SEPARATORS)) {
      if (!/[^\p{ASCII}]/u.test(word)) continue;
      const decoded = decodeLegacy(word, { encoding });
      const letters = decoded.replace(EDGES, '');
      // A character the table did not consume comes back changed (or invalid): the word is not in this encoding.
      const consumed = encodeLegacy(decoded, { encoding }).toLowerCase() === word.toLowerCase();
      if (consumed && !hasVowel(letters)) continue;
      if (!consumed || !isVietnameseSyllable(letters)) {
        against++;
      } else if (!isVietnameseSyllable(word.replace(EDGES, ''))) {
        legacy++;
        ev.words.add(letters.toLowerCase());
        ev.strong += [...word].filter((c) => c > '\x7f' && !isVietnameseLetter(c)).length;
      }
    }
    ev.legacy += legacy;
    ev.against += against;
    if (legacy > 0 && legacy >= against) ev.samples++;
  }
  return ev;
}

/** 0–1: the share of samples with legacy traits, weighed by how few words argue against. */
function score(ev: Evidence, total: number): number {
  const precision = ev.legacy / Math.max(1, ev.legacy + ev.against);
  const share = ev.samples / Math.max(1, total);
  const enough = ev.strong >= MIN_STRONG && ev.words.size >= MIN_WORDS && share >= MIN_SHARE && precision >= MIN_PRECISION;
  return enough ? precision * share : 0;
}

/**
 * Decide whether a whole column (or sheet) of strings is TCVN3 or VNI text read as Latin-1.
 * Any real Unicode Vietnamese (ệ ư đ…, combining marks) rules legacy out. Otherwise each word with non-ASCII
 * characters is decoded both ways: it counts for an encoding when it decodes to a Vietnamese syllable but is none
 * as it stands, against when the decoding is no syllable. An encoding wins with ≥ 3 signature characters, ≥ 3
 * different legacy words, ≥ 30% of the samples with letters showing it, ≥ 80% of the telling words for it,
 * and twice the other encoding's score.
 * `confidence` is for the verdict given: for null, 1 minus the best candidate's score.
 * @example detectLegacy(['Céng hoµ x· héi', 'ViÖt Nam']) // { encoding: 'tcvn3', confidence: 1 }
 * @example detectLegacy(['Hà Nội', 'José']) // { encoding: null, confidence: 1 }
 */
export function detectLegacy(samples: string[]): { encoding: LegacyEncoding | null; confidence: number } {
  if (samples.some((s) => UNICODE_VIETNAMESE.test(s.normalize('NFC')))) return { encoding: null, confidence: 1 };
  // Numbers, dates and lone dashes neither show nor contradict an encoding: only samples with letters are counted.
  const texts = samples.filter((s) => /[\p{L}\u00a0-\u00ff]/u.test(s));
  const tcvn3 = score(evidence(texts, 'tcvn3'), texts.length);
  const vni = score(evidence(texts, 'vni'), texts.length);
  const [best, other, encoding] = tcvn3 >= vni ? [tcvn3, vni, 'tcvn3' as const] : [vni, tcvn3, 'vni' as const];
  if (best === 0 || best < 2 * other) return { encoding: null, confidence: round(1 - best) };
  return { encoding, confidence: round(best) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
