// The words an official must never see in Vietnamese mode: internal codes (issue codes, API error codes, error
// names) and English system words. Every surface's test runs its visible text through `englishLeaks`.
import { CATALOG } from '../../core/validate/index.ts';

/** English system words and internals, matched as whole words, case-insensitively. Add to it when one slips through. */
export const SYSTEM_WORDS: readonly string[] = [
  'token',
  'tokens',
  'revision',
  'revisions',
  'commit',
  'push',
  'pull',
  'sync',
  'merge',
  'merged',
  'upload',
  'uploaded',
  'plan key',
  'planKey',
  'idempotency',
  'fingerprint',
  'payload',
  'endpoint',
  'request',
  'response',
  'network',
  'error',
  'warning',
  'info',
  'null',
  'undefined',
  'NaN',
  '[object Object]',
  'true',
  'false',
  'editor',
  'consolidator',
  'admin',
  'draft',
  'status',
  'created',
  'ENOENT',
  'EACCES',
  'EISDIR',
  'ENOTDIR',
  'EPERM',
  'EBUSY',
  'EMFILE',
  'ENOSPC',
  'EPIPE',
  'EROFS',
  'stack',
  'exception',
  'TypeError',
  'usage',
  'option',
  'argument',
  'arguments',
  'required',
  'not specified',
  'too many',
  'unknown command',
  // commander's own words, should its help or errors slip through untranslated
  'options',
  'command',
  'commands',
  'default',
  'choices',
  'Did you mean',
  'Lượt',
  'Bên kia',
  'Quên token',
  'Khóa kế hoạch',
  'phiên bản gốc',
  'Mã lỗi',
  'binding',
  'Lưu liên kết',
  'Sửa liên kết',
];

/** Internal codes: every issue code of the catalog (kebab-case, so they cannot be ordinary words). */
export const INTERNAL_CODES: readonly string[] = Object.keys(CATALOG);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${SYSTEM_WORDS.map(escape).join('|')})(?![\\p{L}\\p{N}_-])`, 'giu');
const CODE = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${INTERNAL_CODES.map(escape).join('|')})(?![\\p{L}\\p{N}_-])`, 'gu');

/**
 * The system words and internal codes found in a user-visible text (empty when it is clean).
 * @example englishLeaks('Mã lỗi: network') // ['Mã lỗi', 'network']
 */
export function englishLeaks(text: string): string[] {
  return [...(text.match(WORD) ?? []), ...(text.match(CODE) ?? [])];
}
