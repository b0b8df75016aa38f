// Why a file could not be opened, in plain words: "Không tìm thấy tệp …" instead of ENOENT and a stack trace.

const WORDS: Record<string, { vi: (f: string) => string; en: (f: string) => string }> = {
  ENOENT: { vi: (f) => `Không tìm thấy tệp “${f}”.`, en: (f) => `File not found: "${f}".` },
  ENOTDIR: { vi: (f) => `Không tìm thấy tệp “${f}”.`, en: (f) => `File not found: "${f}".` },
  EACCES: { vi: (f) => `Không có quyền đọc tệp “${f}”.`, en: (f) => `No permission to read "${f}".` },
  EPERM: { vi: (f) => `Không có quyền đọc tệp “${f}”.`, en: (f) => `No permission to read "${f}".` },
  EISDIR: {
    vi: (f) => `“${f}” là một thư mục, không phải tệp.`,
    en: (f) => `"${f}" is a folder, not a file.`,
  },
  EBUSY: {
    vi: (f) => `Tệp “${f}” đang bị chương trình khác giữ; hãy đóng tệp rồi thử lại.`,
    en: (f) => `"${f}" is held by another program; close it and try again.`,
  },
  EMFILE: {
    vi: (f) => `Đang mở quá nhiều tệp cùng lúc nên chưa đọc được “${f}”; hãy thử lại.`,
    en: (f) => `Too many files open to read "${f}"; try again.`,
  },
};

/**
 * The plain words for a failed open or read of `file` (the errno code stays out of them).
 * @example fileProblem('x.xlsx', { code: 'ENOENT' }).vi // 'Không tìm thấy tệp “x.xlsx”.'
 */
export function fileProblem(file: string, err: unknown): { vi: string; en: string } {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  const w = WORDS[code];
  if (w) return { vi: w.vi(file), en: w.en(file) };
  return { vi: `Không đọc được tệp “${file}”.`, en: `Cannot read "${file}".` };
}

/**
 * The plain words for a failed write of `file`; undefined for an error that is not about the file system (a bug).
 * @example fileWriteProblem('ra/tong-hop.xlsx', { code: 'ENOENT' })?.vi // 'Không ghi được “ra/tong-hop.xlsx”: không có thư mục “ra”.'
 */
export function fileWriteProblem(file: string, err: unknown): { vi: string; en: string } | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  const dir = file.includes('/') || file.includes('\\') ? file.replace(/[\\/][^\\/]*$/, '') : '.';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { vi: `Không ghi được “${file}”: không có thư mục “${dir}”.`, en: `Cannot write "${file}": there is no folder "${dir}".` };
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return { vi: `Không có quyền ghi tệp “${file}”.`, en: `No permission to write "${file}".` };
    case 'EISDIR':
      return {
        vi: `“${file}” là một thư mục; hãy nêu tên tệp .xlsx sẽ ghi.`,
        en: `"${file}" is a folder; give the name of the .xlsx file to write.`,
      };
    case 'EBUSY':
      return {
        vi: `Tệp “${file}” đang mở trong chương trình khác; hãy đóng tệp rồi thử lại.`,
        en: `"${file}" is open in another program; close it and try again.`,
      };
    case 'ENOSPC':
      return { vi: `Ổ đĩa đã đầy, không ghi được “${file}”.`, en: `The disk is full; cannot write "${file}".` };
    default:
      return undefined;
  }
}
