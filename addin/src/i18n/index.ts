// The pane's two languages: pick the strings, remember the choice (localStorage may be blocked: then it is not kept).
import { en } from './en.ts';
import { vi, type Strings } from './vi.ts';

export type Lang = 'vi' | 'en';
export type { Strings } from './vi.ts';

const KEY = 'phuluc.lang';

/** @example stringsFor('en').tabCheck // 'Check' */
export function stringsFor(lang: Lang): Strings {
  return lang === 'en' ? en : vi;
}

/** The saved language, Vietnamese unless English was chosen before. */
export function savedLang(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): Lang {
  try {
    return storage?.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function saveLang(lang: Lang, storage: Pick<Storage, 'setItem'> | undefined = safeStorage()): void {
  try {
    storage?.setItem(KEY, lang);
  } catch {
    // Storage disabled by policy: the choice lasts for this session only.
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
