// Bytes 0x80–0x9F as Excel shows them: Windows-1252 characters, though some readers hand over C1 control codes.

/** Windows-1252 characters for bytes 0x80–0x9F; the five bytes it leaves undefined keep their C1 code point. */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Replace C1 control characters (U+0080–U+009F) by the Windows-1252 character of the same byte,
 * so a legacy string reads the same whichever way the byte reached us.
 * @example c1ToCp1252('\u0080') // '€'
 */
export function c1ToCp1252(s: string): string {
  return s.replace(/[\u0080-\u009f]/g, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
}
