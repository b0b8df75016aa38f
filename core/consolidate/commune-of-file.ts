// Which commune a plan file belongs to: the code its name starts with, else the commune its title block names. Pure
// (no Node): the read workers resolve it beside the plan, so a plan's rows are worked out where it is read.
import { bareName, findCommune, findCommunesByName, findProvince, type Commune } from '../dvhc.ts';

/** The file's name without its folders (either separator). */
const baseName = (file: string): string => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/**
 * The 5-digit commune code a file's name starts with ("10903-cam-giang.xlsx" → "10903"), or undefined.
 * @example fileCode('/x/10903-cam-giang.xlsx') // '10903'
 */
export function fileCode(file: string): string | undefined {
  return /^(\d{5})(?:\D|$)/.exec(baseName(file))?.[1];
}

/**
 * The commune a workbook belongs to: a 5-digit code at the start of its file name ("10903-cam-giang.xlsx"), else the
 * commune named in its title block, looked for in the province first (when given), then anywhere: a commune of
 * another province is returned as such, for the caller to say so (not "not in the list").
 * @example communeOfFile('10903-cam-giang.xlsx', plan) // Xã Cẩm Giàng, Hải Phòng
 */
export function communeOfFile(file: string, communeName: string | undefined, province?: string): Commune | { error: string } {
  const code = fileCode(file);
  if (code) return findCommune(code) ?? { error: `mã xã ${code} (ở đầu tên tệp) không có trong danh mục xã, phường năm 2025` };
  if (!communeName) return { error: 'không có mã xã ở đầu tên tệp, và tiêu đề phụ lục không nêu tên xã' };
  const named = findCommunesByName(communeName);
  // "Quang Sơn" and "Quảng Sơn" fold alike; a title block spelled with its tone marks means the exact spelling.
  const exact = named.filter((c) => bareName(c.name) === bareName(communeName));
  const all = exact.length > 0 ? exact : named;
  const found = province ? all.filter((c) => c.provinceCode === province) : all;
  if (found.length === 1) return found[0]!;
  if (all.length === 0)
    return { error: `không tìm thấy xã “${communeName}” (tên trong tiêu đề phụ lục) trong danh mục xã, phường năm 2025` };
  // None in the province: one elsewhere is that commune (the caller says it is of another province).
  if (found.length === 0 && all.length === 1) return all[0]!;
  const list = (found.length > 0 ? found : all).map((c) => `${c.code} ${c.provinceName}`).join(', ');
  if (found.length === 0) {
    const p = findProvince(province!)?.name ?? province;
    return { error: `${p} không có xã “${communeName}”; có ${all.length} xã tên này ở tỉnh khác (${list})` };
  }
  return {
    error: `có ${found.length} xã tên “${communeName}” (${list}); hãy đặt mã xã ở đầu tên tệp, ví dụ ${found[0]!.code}-${baseName(file)}${province ? '' : ', hoặc dùng --province'}`,
  };
}
