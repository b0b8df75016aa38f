// The spreadsheets officials have that are not .xlsx (.xls, .ods) converted to .xlsx by LibreOffice, when installed.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkbookErrorCode } from './errors.ts';
import { DEFAULT_LIMITS, formatBytes } from './limits.ts';

export type ConvertibleExt = 'xls' | 'ods';

/** The reader's refusals that a conversion answers: the file is a spreadsheet, only not an .xlsx. */
export const CONVERTIBLE: Partial<Record<WorkbookErrorCode, ConvertibleExt>> = { 'legacy-xls': 'xls', ods: 'ods' };

export type ConvertErrorCode = 'no-libreoffice' | 'too-large' | 'timeout' | 'failed';

export interface ConvertOptions {
  /** Stop LibreOffice after this long (default 60 s: a fresh profile and a large sheet take a few seconds). */
  timeoutMs?: number;
  /** The LibreOffice binary; findSoffice() when left out. */
  soffice?: string;
  /** Refuse larger inputs before starting LibreOffice (default: the .xlsx reader's file limit). */
  maxBytes?: number;
}

export const DEFAULT_CONVERT_TIMEOUT_MS = 60_000;

// The file's kind as a sentence starts it and within a sentence.
const KIND: Record<ConvertibleExt, { vi: string; en: string; viIn: string; enIn: string }> = {
  xls: { vi: 'Tệp .xls (Excel 97-2003)', en: 'An .xls file (Excel 97-2003)', viIn: 'tệp .xls (Excel 97-2003)', enIn: 'the .xls file' },
  ods: {
    vi: 'Tệp .ods (bảng tính OpenDocument)',
    en: 'An .ods file (OpenDocument spreadsheet)',
    viIn: 'tệp .ods (bảng tính OpenDocument)',
    enIn: 'the .ods file',
  },
};

// The way out that needs no LibreOffice here: the official saves the file as .xlsx themselves.
const SAVE_AS = {
  vi: 'mở tệp trong Excel hoặc LibreOffice, chọn Lưu thành… (Save As) → Sổ làm việc Excel (.xlsx).',
  en: 'open it in Excel or LibreOffice, choose Save As… → Excel Workbook (.xlsx).',
};

function messages(code: ConvertErrorCode, ext: ConvertibleExt, detail: string): { vi: string; en: string } {
  const k = KIND[ext];
  switch (code) {
    case 'no-libreoffice':
      return { vi: `${k.vi} cần chuyển sang .xlsx: ${SAVE_AS.vi}`, en: `${k.en} needs converting to .xlsx: ${SAVE_AS.en}` };
    case 'too-large':
      return {
        vi: `${k.vi} quá lớn để chuyển sang .xlsx an toàn (${detail}). Hãy tách bớt dữ liệu, hoặc ${SAVE_AS.vi}`,
        en: `${k.en} is too large to convert to .xlsx safely (${detail}). Remove unused data, or ${SAVE_AS.en}`,
      };
    case 'timeout':
      return {
        vi: `Chuyển ${k.viIn} sang .xlsx mất quá ${detail} giây nên đã dừng. Hãy ${SAVE_AS.vi}`,
        en: `Converting ${k.enIn} to .xlsx took more than ${detail} s and was stopped. Please ${SAVE_AS.en}`,
      };
    case 'failed':
      return {
        vi: `LibreOffice không chuyển được ${k.viIn} sang .xlsx (tệp hỏng, có mật khẩu hoặc không phải bảng tính). Hãy ${SAVE_AS.vi}`,
        en: `LibreOffice could not convert ${k.enIn} to .xlsx (damaged, password-protected or not a spreadsheet). Please ${SAVE_AS.en}`,
      };
  }
}

/** Why a file could not be converted: a stable code, a Vietnamese message that says what to do, and English. */
export class ConvertError extends Error {
  readonly messageEn: string;
  constructor(
    readonly code: ConvertErrorCode,
    readonly ext: ConvertibleExt,
    detail = '',
  ) {
    const m = messages(code, ext, detail);
    super(m.vi);
    this.messageEn = m.en;
    this.name = 'ConvertError';
  }
}

const WELL_KNOWN = [
  '/usr/bin/soffice',
  '/usr/local/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The LibreOffice binary: $PHULUC_SOFFICE when set (as given, even if it does not exist: the caller asked for it),
 * else soffice or libreoffice on the PATH, else the usual install places; undefined when there is none.
 * @example findSoffice() // '/usr/bin/soffice'
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PHULUC_SOFFICE) return env.PHULUC_SOFFICE;
  const exe = process.platform === 'win32' ? '.exe' : '';
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      const file = path.join(dir, name + exe);
      if (executable(file)) return file;
    }
  }
  return WELL_KNOWN.find(executable);
}

/**
 * The .xlsx LibreOffice makes of an .xls or .ods, run headless with a profile of its own (so it neither waits for nor
 * disturbs a LibreOffice the user has open), killed after `timeoutMs`; its temporary folder is always removed. Throws
 * ConvertError: no LibreOffice (the message says how to save as .xlsx by hand), too large, timed out, or failed. The
 * result is an ordinary .xlsx: read it with readWorkbook, behind the same guards as any other.
 * @example const xlsx = await convertToXlsx(await readFile('phu-luc.xls'), 'xls')
 */
export async function convertToXlsx(bytes: Uint8Array, ext: ConvertibleExt, opts: ConvertOptions = {}): Promise<Uint8Array> {
  const maxBytes = opts.maxBytes ?? DEFAULT_LIMITS.maxFileBytes;
  if (bytes.length > maxBytes) throw new ConvertError('too-large', ext, `${formatBytes(bytes.length)} > ${formatBytes(maxBytes)}`);
  const soffice = opts.soffice ?? findSoffice();
  if (!soffice) throw new ConvertError('no-libreoffice', ext);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_CONVERT_TIMEOUT_MS;
  const out = await sofficeConvert(soffice, bytes, {
    input: `bang-tinh.${ext}`,
    filter: 'xlsx:Calc MS Excel 2007 XML',
    output: 'bang-tinh.xlsx',
    timeoutMs,
    maxBytes,
  });
  if (out.kind === 'missing') throw new ConvertError('no-libreoffice', ext);
  if (out.kind === 'timeout') throw new ConvertError('timeout', ext, String(Math.max(1, Math.ceil(timeoutMs / 1000))));
  if (out.kind === 'no-output') throw new ConvertError('failed', ext);
  if (out.kind === 'too-large') throw new ConvertError('too-large', ext, `.xlsx ${formatBytes(out.size)} > ${formatBytes(maxBytes)}`);
  return out.bytes;
}

/** What a LibreOffice conversion gave: the output's bytes, or why there are none. */
export type SofficeOutcome =
  | { kind: 'ok'; bytes: Uint8Array }
  | { kind: 'missing' }
  | { kind: 'timeout' }
  | { kind: 'no-output' }
  | { kind: 'too-large'; size: number };

/**
 * Convert bytes with LibreOffice in a private temporary folder (its own profile and TMPDIR, all removed after), as
 * .xls/.ods to .xlsx and .doc to .docx both need. An output larger than `maxBytes` is not read.
 * @example await sofficeConvert(soffice, bytes, { input: 'a.doc', filter: 'docx:MS Word 2007 XML', output: 'a.docx', timeoutMs, maxBytes })
 */
export async function sofficeConvert(
  soffice: string,
  bytes: Uint8Array,
  o: { input: string; filter: string; output: string; timeoutMs: number; maxBytes: number },
): Promise<SofficeOutcome> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-lo-'));
  try {
    const input = path.join(dir, o.input);
    const outDir = path.join(dir, 'out');
    // LibreOffice leaves files of its own in the temporary folder: given ours, they go when it goes.
    const tmp = path.join(dir, 'tmp');
    await mkdir(tmp);
    await writeFile(input, bytes);
    const args = [
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--nologo',
      '--nodefault',
      `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--convert-to',
      o.filter,
      '--outdir',
      outDir,
      input,
    ];
    const ran = await run(soffice, args, o.timeoutMs, { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp });
    if (ran === 'missing') return { kind: 'missing' };
    if (ran === 'timeout') return { kind: 'timeout' };
    // LibreOffice exits 0 even when it could not load the file: the output file is the only answer.
    const output = path.join(outDir, o.output);
    const size = await stat(output).then(
      (s) => s.size,
      () => -1,
    );
    if (size <= 0) return { kind: 'no-output' };
    if (size > o.maxBytes) return { kind: 'too-large', size };
    return { kind: 'ok', bytes: new Uint8Array(await readFile(output)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Run the binary and wait for it (and its output) to end: 'ok' whatever its exit code, 'missing' when it cannot be
 * started, 'timeout' when it was killed. It runs in a process group of its own so a timeout kills soffice.bin, which
 * the soffice script starts, too.
 */
function run(file: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv): Promise<'ok' | 'missing' | 'timeout'> {
  return new Promise((resolve) => {
    const group = process.platform !== 'win32';
    const child = spawn(file, args, { stdio: 'ignore', detached: group, windowsHide: true, env });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (group && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.once('error', () => {
      clearTimeout(timer);
      resolve('missing');
    });
    child.once('close', () => {
      clearTimeout(timer);
      resolve(timedOut ? 'timeout' : 'ok');
    });
  });
}

/** The same guarded LibreOffice run for the .docx reader's conversion of an old .doc (workbook/docx/convert.ts). */
