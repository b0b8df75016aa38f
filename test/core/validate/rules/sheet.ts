// What the per-rule tests share: a small sheet validated as `phuluc check` does, its issues as [where, code, severity]
// (where: the cell, else the row, else null), and a clean task table to plant one problem in.
import type { Merge } from '../../../../core/model/grid.ts';
import { gridFromValues, type CellValue, type Grid } from '../../../../core/model/grid.ts';
import type { ValidateOptions } from '../../../../core/validate/context.ts';
import type { Issue } from '../../../../core/validate/issue.ts';
import { allIssues } from '../../../../core/validate/report.ts';
import { validateGrids } from '../../../../core/validate/validate.ts';

/** The header of a task table with every column a task needs or should have. */
export const H: CellValue[] = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả', 'Thời gian hoàn thành'];

/** Task texts that are not near duplicates of one another. */
export const TEXTS = [
  'Tổ chức tuyên truyền về chuyển đổi số trên hệ thống truyền thanh xã',
  'Xây dựng kế hoạch phát triển hạ tầng số của xã giai đoạn mới',
  'Lắp đặt hệ thống camera giám sát an ninh tại các thôn',
  'Số hóa hồ sơ, tài liệu lưu trữ của xã',
  'Tập huấn kỹ năng số cho cán bộ, công chức',
  'Triển khai thanh toán không dùng tiền mặt tại chợ',
  'Cập nhật dữ liệu đất đai vào hệ thống',
] as const;

interface TaskCells {
  lead: CellValue;
  partners: CellValue;
  result: CellValue;
  deadline: CellValue;
}

/** A task row under H that no rule reports, unless a field is overridden. */
export function task(tt: CellValue, content: CellValue, over: Partial<TaskCells> = {}): CellValue[] {
  const c: TaskCells = { lead: 'Công an xã', partners: 'Phòng Kinh tế', result: 'Báo cáo kết quả', deadline: 'Quý III/2026', ...over };
  return [tt, content, c.lead, c.partners, c.result, c.deadline];
}

export type Found = [string | number | null, string, string];

/** Every issue of a report, in report order, as [cell ?? row ?? null, code, severity]. */
export function found(issues: Issue[]): Found[] {
  return issues.map((i) => [i.cell ?? i.row ?? null, i.code, i.severity]);
}

/** Validate grids as `phuluc check` does; the issues and the report. */
export function check(grids: Grid[], opts: ValidateOptions = {}) {
  const { report, plan } = validateGrids(grids, opts);
  const issues = allIssues(report);
  return { report, plan, issues, found: found(issues) };
}

/** Validate one sheet "S" built from values (and merges); its issues as [where, code, severity]. */
export function issuesOf(values: CellValue[][], opts: ValidateOptions & { merges?: Merge[] } = {}): Found[] {
  const { merges, ...rest } = opts;
  return check([gridFromValues('S', values, merges ?? [])], rest).found;
}
