// The page language: Vietnamese first, English on request (remembered), and the message catalog for it.
import { formatDateTime } from '../../../core/i18n/index.ts';
import { en } from './en.ts';
import { vi, type Messages } from './vi.ts';

export type Lang = 'vi' | 'en';
export type { Messages };

const KEY = 'phuluc.lang';
let current: Lang = readStored();
const listeners = new Set<() => void>();

function readStored(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/**
 * The current language.
 * @example lang() // 'vi'
 */
export function lang(): Lang {
  return current;
}

/**
 * The catalog of the current language.
 * @example t().check.title
 */
export function t(): Messages {
  return current === 'en' ? en : vi;
}

/**
 * Switch language, remember it, and let the page re-render.
 * @example setLang('en')
 */
export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // Private mode without storage: the switch still works for this page.
  }
  document.documentElement.lang = next;
  for (const fn of listeners) fn();
}

/**
 * Run `fn` after every language switch.
 * @example onLangChange(draw)
 */
export function onLangChange(fn: () => void): void {
  listeners.add(fn);
}

/**
 * Locale for Intl formatting.
 * @example n.toLocaleString(locale())
 */
export function locale(): string {
  return current === 'en' ? 'en-GB' : 'vi-VN';
}

/**
 * A count in the page's locale.
 * @example num(1234) // '1.234' (vi)
 */
export function num(n: number): string {
  return n.toLocaleString(locale());
}

/**
 * A timestamp as an official writes it, in Vietnam's time (the glossary's format, the same on every surface).
 * @example dateTime('2026-12-05T10:49:00Z') // '05/12/2026 17:49'
 */
export function dateTime(iso: string): string {
  return formatDateTime(iso);
}

/**
 * Pick the message of a `{ message, messageEn }` pair for the current language.
 * @example pick(issue) // issue.message in Vietnamese
 */
export function pick(m: { message: string; messageEn: string }): string {
  return current === 'en' ? m.messageEn : m.message;
}
