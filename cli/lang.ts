// The language of the CLI's words, known before commander parses anything (its help and errors are built in it):
// --lang on the command line, else $PHULUC_LANG, else Vietnamese.
import type { Lang } from './labels.ts';

/**
 * @example cliLang(['check', 'x.xlsx', '--lang', 'en'], {}) // { lang: 'en' }
 * @example cliLang(['--lang=fr'], {}) // { lang: 'vi', bad: 'fr' }
 */
export function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv): { lang: Lang; bad?: string } {
  let given: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') given = argv[i + 1] ?? '';
    else if (a.startsWith('--lang=')) given = a.slice('--lang='.length);
  }
  const from = given ?? env.PHULUC_LANG;
  if (from === undefined || from === '') return { lang: 'vi' };
  const v = from.trim().toLowerCase();
  if (v === 'vi' || v === 'en') return { lang: v };
  return { lang: 'vi', bad: from };
}
