// The text report of `phuluc check`: errors first, then warnings, notes counted behind one line unless asked for; each
// issue by its place in words ("Phụ lục I · Dòng 5") and its rule's title. Rule codes only in English mode (they are
// what `fix --only` takes); the JSON output keeps them always.
import { term } from '../core/i18n/index.ts';
import {
  allIssues,
  issueTitle,
  issueWhere,
  orderIssues,
  SEVERITIES,
  SEVERITY_LABEL,
  type Issue,
  type FileNote,
  type Report,
} from '../core/validate/index.ts';
import type { Lang } from './labels.ts';

export interface CheckTextOptions {
  lang: Lang;
  /** List the notes one by one too. */
  notes: boolean;
  /** Parts of the file that could not be read (a Word table nested in a cell): said first; the file is not valid. */
  unread?: FileNote[];
}

/**
 * @example renderCheckText('x.xlsx', report, { lang: 'vi', notes: false })
 * // '# x.xlsx\nLỗi (1)\n  Phụ lục I · Ô E41  Thiếu thời gian hoàn thành — Nhiệm vụ chưa có thời gian hoàn thành.\n…'
 */
export function renderCheckText(file: string, report: Report, opts: CheckTextOptions): string {
  const { lang } = opts;
  const vi = lang !== 'en';
  const issues = orderIssues(allIssues(report));
  const unread = opts.unread ?? [];
  const lines = [`# ${file}`, ...unread.map((n) => `  ${vi ? n.message : n.messageEn}`)];
  const width = Math.max(0, ...issues.map((i) => issueWhere(i, lang, true).length));
  for (const severity of SEVERITIES) {
    const some = issues.filter((i) => i.severity === severity);
    if (some.length === 0) continue;
    if (severity === 'info' && !opts.notes) {
      lines.push(vi ? `${some.length} lưu ý (dùng --notes để xem)` : `${some.length} note(s) (use --notes to list them)`);
      continue;
    }
    lines.push(`${SEVERITY_LABEL[severity][lang]} (${some.length})`);
    for (const i of some) lines.push(`  ${issueWhere(i, lang, true).padEnd(width)}  ${line(i, lang)}`);
  }
  const s = report.stats;
  const valid = report.valid && unread.length === 0;
  const fixable =
    s.fixable > 0
      ? vi
        ? ` ${s.fixable} chỗ có thể sửa an toàn bằng “phuluc fix”.`
        : ` ${s.fixable} can be fixed safely with "phuluc fix".`
      : '';
  lines.push(
    vi
      ? `Tóm tắt: ${s.tables} bảng, ${s.tasks} ${term('task', 'vi')}, ${s.indicators} ${term('indicator', 'vi')}; ${s.errors} lỗi, ${s.warnings} cảnh báo, ${s.infos} lưu ý.${fixable} ${valid ? 'Hợp lệ.' : 'Chưa hợp lệ.'}`
      : `Summary: ${s.tables} table(s), ${s.tasks} task(s), ${s.indicators} indicator(s); ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s).${fixable} ${valid ? 'Valid.' : 'Not valid.'}`,
    '',
  );
  return `${lines.join('\n')}\n`;
}

function line(i: Issue, lang: Lang): string {
  const title = issueTitle(i.code, lang);
  const message = lang === 'en' ? i.messageEn : i.message;
  const safe = i.fix?.safe ? (lang === 'en' ? ' (safe fix)' : ' (có thể sửa an toàn)') : '';
  const code = lang === 'en' ? ` [${i.code}]` : '';
  // A message that only repeats the title ("Không có bảng phụ lục") is shown once.
  const text = message.startsWith(title) ? message : `${title} — ${message}`;
  return `${text}${safe}${code}`;
}
