// What `phuluc consolidate` says when done: the files it skipped and why, the file it kept for a commune sent twice,
// the files of another province, the communes that have not submitted, and what it wrote.
import { term } from '../core/i18n/index.ts';
import type { Commune, Province } from '../core/dvhc.ts';
import type { Lang } from './labels.ts';

export interface ConsolidateOutcome {
  /** The file used for each commune (by code), in the order read. */
  used: Map<string, { file: string; commune: Commune }>;
  /** Files that could not be used: unreadable, or no commune could be told. */
  skipped: { file: string; why: string }[];
  /** A second file for a commune already read: dropped, `kept` is the one used. */
  duplicates: { file: string; commune: Commune; kept: string }[];
  /** Files of a commune outside --province: left out on purpose. */
  elsewhere: { file: string; commune: Commune }[];
}

export interface ReportContext {
  lang: Lang;
  out: string;
  province: Province | undefined;
  notSubmitted: readonly Commune[] | undefined;
}

const who = (c: Commune) => `${c.name} (${c.code})`;

/**
 * The report, one item a line, ending with a newline; `counts` when a table was written.
 * @example consolidateReport(outcome, { lang: 'vi', out: 'tong-hop.xlsx', province, notSubmitted }, { tasks: 34, indicators: 0 })
 */
export function consolidateReport(
  o: ConsolidateOutcome,
  ctx: ReportContext,
  counts: { tasks: number; indicators: number } | undefined,
): string {
  const vi = ctx.lang !== 'en';
  const lines: string[] = [];
  if (o.skipped.length > 0) {
    lines.push(vi ? `Bỏ qua ${o.skipped.length} tệp:` : `Skipped ${o.skipped.length} file(s):`);
    for (const s of o.skipped) lines.push(`  ${s.file}: ${s.why}`);
  }
  if (o.duplicates.length > 0) {
    lines.push(
      vi
        ? `Trùng xã, phường (mỗi xã chỉ lấy một tệp: tệp đứng trước theo tên; bỏ ${o.duplicates.length} tệp):`
        : `Same commune twice (one file per commune: the first by name; ${o.duplicates.length} file(s) dropped):`,
    );
    for (const d of o.duplicates) {
      lines.push(vi ? `  ${who(d.commune)}: dùng ${d.kept}, bỏ ${d.file}` : `  ${who(d.commune)}: used ${d.kept}, dropped ${d.file}`);
    }
  }
  if (o.elsewhere.length > 0 && ctx.province) {
    lines.push(
      vi
        ? `Không thuộc ${ctx.province.name}, không tính vào bảng (${o.elsewhere.length} tệp):`
        : `Not in ${ctx.province.name}, left out (${o.elsewhere.length} file(s)):`,
    );
    for (const e of o.elsewhere) {
      lines.push(
        vi
          ? `  ${e.file}: ${who(e.commune)} thuộc ${e.commune.provinceName}.`
          : `  ${e.file}: ${who(e.commune)} is in ${e.commune.provinceName}.`,
      );
    }
  }
  if (ctx.notSubmitted && ctx.province && counts) {
    const n = ctx.notSubmitted.length;
    lines.push(
      vi
        ? `${term('notSubmitted', 'vi')}: ${n} xã, phường của ${ctx.province.name} (danh sách ở trang tính “${term('notSubmitted', 'vi')}”).`
        : `${term('notSubmitted', 'en')}: ${n} commune(s) of ${ctx.province.name} (listed on the "${term('notSubmitted', 'en')}" sheet).`,
    );
  }
  const used = o.used.size;
  if (counts) {
    lines.push(
      vi
        ? `Đã tổng hợp ${used} xã, phường: ${counts.tasks} ${term('task', 'vi')}, ${counts.indicators} ${term('indicator', 'vi')} → ${ctx.out}.`
        : `Consolidated ${used} commune(s): ${counts.tasks} task(s), ${counts.indicators} indicator(s) → ${ctx.out}.`,
    );
  } else if (used === 0) {
    lines.push(vi ? `Không có tệp nào dùng được; chưa ghi “${ctx.out}”.` : `No file could be used; "${ctx.out}" was not written.`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
