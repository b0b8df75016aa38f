// `phuluc fix FILE -o OUT [--only code,…]`: write a repaired copy (formatting kept), print what changed.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fixAll } from '../../core/fix/index.ts';
import { CATALOG } from '../../core/validate/index.ts';
import type { IssueCode } from '../../core/validate/index.ts';
import { fixedCopy } from '../../workbook/fix/apply-package.ts';
import { CopyRefusedError } from '../../workbook/xlsx/edit/workbook.ts';
import { deflateRawNative, inflateRawNative } from '../../workbook/xlsx/inflate-native.ts';
import type { Lang } from '../labels.ts';
import { loadPlan, PlanLoadError } from '../load-plan.ts';

export interface FixOptions {
  out: string;
  only?: string[];
  lang: Lang;
}

/**
 * Repair FILE into OUT. Exit 0 when written, 2 when it could not run (the input is never overwritten).
 * @example await fixCommand('x.xlsx', { out: 'x.da-sua.xlsx', lang: 'vi' })
 */
export async function fixCommand(file: string, opts: FixOptions): Promise<number> {
  const vi = opts.lang !== 'en';
  if (path.resolve(opts.out) === path.resolve(file)) {
    process.stderr.write(
      vi ? `Không ghi đè tệp gốc “${file}”; hãy chọn tên khác cho -o.\n` : `Will not overwrite the input "${file}"; choose another -o.\n`,
    );
    return 2;
  }
  if (existsSync(opts.out) && path.extname(opts.out).toLowerCase() !== '.xlsx') {
    process.stderr.write(vi ? `Tệp đích “${opts.out}” phải có đuôi .xlsx.\n` : `Output "${opts.out}" must end in .xlsx.\n`);
    return 2;
  }
  const unknown = (opts.only ?? []).filter((c) => !(c in CATALOG));
  if (unknown.length > 0) {
    process.stderr.write(
      vi
        ? `Không có quy tắc “${unknown.join('”, “')}”; xem danh sách mã quy tắc trong docs/rules.md.\n`
        : `No rule "${unknown.join('", "')}"; see the rule codes in docs/rules.md.\n`,
    );
    return 2;
  }
  let loaded;
  try {
    loaded = await loadPlan(file);
  } catch (err) {
    if (!(err instanceof PlanLoadError)) throw err;
    process.stderr.write(`${vi ? err.message : err.messageEn}\n`);
    return 2;
  }
  if (!loaded.xlsx) {
    process.stderr.write(
      vi
        ? `“${file}” là văn bản, không phải bảng tính: không có bản sửa để ghi. Dùng “phuluc check” để xem các chỗ cần sửa.\n`
        : `"${file}" is text, not a spreadsheet: there is no copy to write. Use "phuluc check" to see what to fix.\n`,
    );
    return 2;
  }
  const { rounds } = fixAll(loaded.grids, opts.only ? { only: opts.only } : {});
  const counts = new Map<string, { sheet: string; spot: string }[]>();
  for (const round of rounds) {
    for (const p of round) {
      const where = p.ops.flatMap((op) =>
        op.op === 'delete-rows'
          ? op.rows.map((r) => ({ sheet: op.sheet, spot: `${vi ? 'Dòng' : 'Row'} ${r}` }))
          : op.edits.map((e) => ({ sheet: op.sheet, spot: `${vi ? 'Ô' : 'Cell'} ${e.cell}` })),
      );
      counts.set(p.code, [...(counts.get(p.code) ?? []), ...where]);
    }
  }
  // The fixes go into the workbook's own package: every part they do not touch (charts, images, pivot tables,
  // comments, names, validations, formats, print settings) is copied as it was. What a fix cannot carry without
  // loss is refused, and nothing is written.
  let copy;
  try {
    copy = fixedCopy(loaded.xlsx, rounds, { inflate: inflateRawNative, deflate: deflateRawNative });
  } catch (err) {
    if (!(err instanceof CopyRefusedError)) throw err;
    const deleting = [
      ...new Set(
        rounds
          .flat()
          .filter((p) => p.ops.some((op) => op.op === 'delete-rows' || op.op === 'merge-rows'))
          .map((p) => p.code),
      ),
    ];
    const others = [...counts.keys()].filter((c) => !deleting.includes(c));
    process.stderr.write(
      vi
        ? `Chưa ghi bản sửa (tệp gốc không đổi): ${err.message}${others.length ? `\nĐể sửa phần còn lại: “phuluc fix ${file} -o ${opts.out} --only ${others.join(',')}”` : ''}\n`
        : `Nothing written (the input is unchanged): ${err.messageEn}${others.length ? `\nTo fix the rest: phuluc fix ${file} -o ${opts.out} --only ${others.join(',')}` : ''}\n`,
    );
    return 2;
  }
  await writeFile(opts.out, copy.bytes);
  const total = [...counts.values()].reduce((n, xs) => n + xs.length, 0);
  const sheets = new Set([...counts.values()].flat().map((w) => w.sheet));
  for (const [code, where] of counts) {
    const title = CATALOG[code as IssueCode]?.title[vi ? 'vi' : 'en'] ?? code;
    // The sheet is named only when the fixes touch several.
    const spots = where.map((w) => (sheets.size > 1 ? `${w.sheet} · ${w.spot}` : w.spot));
    const shown = spots.slice(0, 8).join(', ') + (spots.length > 8 ? ` … (+${spots.length - 8})` : '');
    // English keeps the rule's code: it is what --only takes.
    process.stdout.write(
      vi ? `${title}: ${where.length} chỗ (${shown})\n` : `${code.padEnd(24)} ${String(where.length).padStart(4)}  ${title}: ${shown}\n`,
    );
  }
  process.stdout.write(
    vi ? `Đã sửa ${total} chỗ; đã ghi “${opts.out}”.\n` : `Fixed ${total} place(s) in ${rounds.length} round(s); wrote "${opts.out}".\n`,
  );
  return 0;
}
