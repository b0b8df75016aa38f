// Whether a word is one well-formed Vietnamese syllable: what tells decoded legacy text from accented foreign words.

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ACUTE_OR_DOT = /[\u0301\u0323]/;

/** Vowel clusters a syllable may have, glides included (oa, uy, uyê…); longest first so the regex tries them first. */
const NUCLEI = (
  'iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu ' +
  'ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê ' +
  'a ă â e ê i o ô ơ u ư y'
).split(' ');

const SYLLABLE = new RegExp(`^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?(?:${NUCLEI.join('|')})(ch|ng|nh|[cmnpt])?$`);

/**
 * Whether `word` (letters only, any case, NFC or NFD) is a single Vietnamese syllable: an initial consonant,
 * a vowel cluster, a final consonant, at most one tone — and after c, ch, p, t only sắc or nặng.
 * @example isVietnameseSyllable('Nghiệp') // true
 * @example isVietnameseSyllable('José') // false
 */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONE_MARKS) ?? [];
  if (tones.length > 1) return false;
  const m = SYLLABLE.exec(nfd.replace(TONE_MARKS, '').normalize('NFC'));
  if (!m) return false;
  const stopFinal = m[1] === 'c' || m[1] === 'ch' || m[1] === 'p' || m[1] === 't';
  // A syllable closed by c, ch, p or t carries sắc or nặng: "cac" or "cảc" is no Vietnamese word.
  return !stopFinal || (tones.length === 1 && ACUTE_OR_DOT.test(tones[0]!));
}

/**
 * Whether a word has a Vietnamese vowel at all (toned or not); a word without one ("Đ/c", "KH") says nothing.
 * @example hasVowel('đ') // false
 */
export function hasVowel(word: string): boolean {
  return /[aăâeêioôơuưy]/.test(word.toLowerCase().normalize('NFD').replace(TONE_MARKS, '').normalize('NFC'));
}
