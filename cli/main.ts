// phuluc CLI: commands wired with commander; each command lives in commands/ and returns an exit code.
import { Command, CommanderError } from 'commander';
// Commands are imported when run: `phuluc --help` or `consolidate` need not load exceljs, Hono and PGlite.

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_CANNOT_RUN = 2;

/**
 * Run the CLI with argv (without node and script) and return the exit code.
 * Exit codes: 0 = ok, 1 = errors found in the plans, 2 = could not run.
 * @example await main(['inspect', 'phu-luc.xlsx', '--json'])
 */
export async function main(argv: string[]): Promise<number> {
  let code = EXIT_OK;
  const program = new Command('phuluc')
    .description(
      'Điền, kiểm tra và tổng hợp phụ lục kế hoạch thực hiện Nghị quyết 57-NQ/TW (cấp xã).\nFill, validate and consolidate commune appendices of Resolution 57-NQ/TW plans.',
    )
    .option('--lang <lang>', 'ngôn ngữ thông báo: vi | en (language of messages)', 'vi')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  const lang = (): 'vi' | 'en' => (program.opts<{ lang: string }>().lang === 'en' ? 'en' : 'vi');

  program
    .command('inspect')
    .description('Đọc phụ lục và in mô hình: bảng, dòng tiêu đề, cột, các dòng (read appendices and print the model)')
    .argument('<files...>', 'tệp .xlsx, .txt hoặc .md')
    .option('--json', 'in một tài liệu JSON (xem docs/inspect-json.md)')
    .action(async (files: string[], opts: { json?: boolean }) => {
      code = await (await import('./commands/inspect.ts')).inspectCommand(files, { json: opts.json === true, lang: lang() });
    });

  program
    .command('check')
    .description('Kiểm tra phụ lục trước khi nộp (validate appendices): mã thoát 0 = không lỗi, 1 = có lỗi, 2 = không chạy được')
    .argument('<inputs...>', 'tệp .xlsx hoặc thư mục')
    .option('--format <format>', 'text | json | xlsx', 'text')
    .option('--out <path>', 'ghi kết quả vào tệp/thư mục này')
    .option('--as-of <date>', 'ngày đối chiếu thời hạn (YYYY-MM-DD)')
    .action(async (inputs: string[], opts: { format: string; out?: string; asOf?: string }) => {
      if (!['text', 'json', 'xlsx'].includes(opts.format)) {
        process.stderr.write(`--format phải là text, json hoặc xlsx (nhận được “${opts.format}”).\n`);
        code = EXIT_CANNOT_RUN;
        return;
      }
      code = await (
        await import('./commands/check.ts')
      ).checkCommand(inputs, {
        format: opts.format as 'text' | 'json' | 'xlsx',
        ...(opts.out ? { out: opts.out } : {}),
        ...(opts.asOf ? { asOf: opts.asOf } : {}),
        lang: lang(),
      });
    });

  program
    .command('fix')
    .description('Ghi bản đã sửa các lỗi an toàn, giữ định dạng (write a repaired copy)')
    .argument('<file>', 'tệp .xlsx')
    .requiredOption('-o, --out <path>', 'tệp kết quả (không ghi đè tệp gốc)')
    .option('--only <codes>', 'chỉ sửa các mã lỗi này, cách nhau bằng dấu phẩy')
    .action(async (file: string, opts: { out: string; only?: string }) => {
      code = await (
        await import('./commands/fix.ts')
      ).fixCommand(file, {
        out: opts.out,
        ...(opts.only
          ? {
              only: opts.only
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : {}),
        lang: lang(),
      });
    });

  program
    .command('template')
    .description('Tạo phụ lục mẫu trống (blank standard appendix)')
    .requiredOption('--kind <kind>', 'tasks | indicators')
    .requiredOption('-o, --out <path>', 'tệp .xlsx')
    .action(async (opts: { kind: string; out: string }) => {
      if (opts.kind !== 'tasks' && opts.kind !== 'indicators') {
        process.stderr.write(`--kind phải là tasks hoặc indicators (nhận được “${opts.kind}”).\n`);
        code = EXIT_CANNOT_RUN;
        return;
      }
      code = await (await import('./commands/template.ts')).templateCommand(opts.kind, opts.out, lang());
    });

  program
    .command('consolidate')
    .description('Tổng hợp phụ lục của nhiều xã thành bảng của tỉnh (.xlsx: Tổng hợp, Thống kê, Chỉ tiêu)')
    .argument('<inputs...>', 'thư mục hoặc tệp .xlsx; mã xã 5 chữ số ở đầu tên tệp (10903-….xlsx) hoặc tên xã trong tiêu đề')
    .requiredOption('-o, --out <path>', 'tệp .xlsx kết quả')
    .option('--plan-key <key>', 'khóa kế hoạch', `NQ57-${new Date().getFullYear()}`)
    .option('--as-of <date>', 'ngày đối chiếu thời hạn (YYYY-MM-DD)', new Date().toISOString().slice(0, 10))
    .option('--province <code>', 'chỉ lấy các xã của tỉnh này (mã 2 chữ số)')
    .action(async (inputs: string[], opts: { out: string; planKey: string; asOf: string; province?: string }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
        process.stderr.write(`--as-of phải là ngày dạng YYYY-MM-DD (nhận được “${opts.asOf}”).\n`);
        code = EXIT_CANNOT_RUN;
        return;
      }
      code = await (
        await import('./commands/consolidate.ts')
      ).consolidateCommand(inputs, {
        out: opts.out,
        planKey: opts.planKey,
        asOf: opts.asOf,
        ...(opts.province ? { province: opts.province } : {}),
        lang: lang(),
      });
    });

  const env = process.env;
  program
    .command('serve')
    .description('Chạy máy chủ đồng bộ (sync server): PGlite trong thư mục dữ liệu, hoặc PostgreSQL qua DATABASE_URL')
    .option('--port <port>', 'cổng (PORT)', env.PORT ?? '8787')
    .option('--host <host>', 'địa chỉ lắng nghe (HOST)', env.HOST ?? '127.0.0.1')
    .option('--data <dir>', 'thư mục dữ liệu PGlite (PHULUC_DATA_DIR)', env.PHULUC_DATA_DIR ?? 'data')
    .action(async (opts: { port: string; host: string; data: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`--port phải là số cổng 0–65535 (nhận được “${opts.port}”).\n`);
        code = EXIT_CANNOT_RUN;
        return;
      }
      let entra;
      try {
        entra = await entraFromEnv();
      } catch (err) {
        process.stderr.write(`phuluc: cấu hình Microsoft Entra ID không hợp lệ / invalid Entra ID settings: ${(err as Error).message}\n`);
        code = EXIT_CANNOT_RUN;
        return;
      }
      code = await (
        await import('./commands/serve.ts')
      ).serveCommand({ port, host: opts.host, dataDir: opts.data, ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}), entra });
    });

  const token = program.command('token').description('Quản lý token máy chủ (server tokens): create, list, revoke');
  // PostgreSQL (DATABASE_URL): straight in the database, also while the server runs. PGlite: only while it is stopped,
  // or through the running server with --server and an admin --token.
  const target = (c: Command) =>
    c
      .option('--data <dir>', 'thư mục dữ liệu PGlite (PHULUC_DATA_DIR)', env.PHULUC_DATA_DIR ?? 'data')
      .option('--server <url>', 'làm qua API của máy chủ đang chạy (PHULUC_SERVER)', env.PHULUC_SERVER)
      .option('--token <token>', 'token quản trị cho --server (PHULUC_ADMIN_TOKEN)', env.PHULUC_ADMIN_TOKEN)
      .option('--json', 'in JSON');
  type Target = { data: string; server?: string; token?: string; json?: boolean };
  const targetOf = (o: Target) => ({
    dataDir: o.data,
    ...(o.server ? { server: o.server } : {}),
    ...(o.token ? { token: o.token } : {}),
    json: o.json === true,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    lang: lang(),
  });
  target(
    token
      .command('create')
      .description('Tạo token và in ra một lần: --role editor --commune 10903 | --role consolidator --province 31 | --role admin')
      .requiredOption('--role <role>', 'editor | consolidator | admin')
      .option('--commune <code>', 'mã xã/phường (editor)')
      .option('--province <code>', 'mã tỉnh/thành phố (consolidator)')
      .option('--label <text>', 'người giữ token, ví dụ "Nguyễn Văn A, cán bộ VP"')
      .option('--expires <when>', 'hạn dùng: 90d, 12w, 1y hoặc YYYY-MM-DD (mặc định 180 ngày; admin 365 ngày; tối đa 5 năm)'),
  ).action(async (opts: Target & { role: string; commune?: string; province?: string; label?: string; expires?: string }) => {
    code = await (
      await import('./commands/token.ts')
    ).tokenCreateCommand({
      ...targetOf(opts),
      role: opts.role,
      ...(opts.commune ? { commune: opts.commune } : {}),
      ...(opts.province ? { province: opts.province } : {}),
      ...(opts.label ? { label: opts.label } : {}),
      ...(opts.expires ? { expires: opts.expires } : {}),
    });
  });
  target(
    token
      .command('list')
      .description('Liệt kê token: mã, quyền, phạm vi, người giữ, trạng thái, hạn dùng, lần dùng cuối (không bao giờ in mã bí mật)'),
  ).action(async (opts: Target) => {
    code = await (await import('./commands/token.ts')).tokenListCommand(targetOf(opts));
  });
  target(
    token
      .command('revoke')
      .description('Thu hồi token theo mã (xem token list); máy chủ từ chối token đó (401)')
      .argument('<id>', 'mã token'),
  ).action(async (id: string, opts: Target) => {
    code = await (await import('./commands/token.ts')).tokenRevokeCommand(id, targetOf(opts));
  });

  program
    .command('help', { isDefault: true })
    .description('In hướng dẫn (print help)')
    .action(() => {
      program.outputHelp();
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT_OK : EXIT_CANNOT_RUN;
    throw err;
  }
  return code;
}

/** Entra ID verification when PHULUC_ENTRA_TENANT_ID is set (see README); null otherwise. */
async function entraFromEnv(): Promise<import('../server/auth/authenticate.ts').EntraVerify | null> {
  const { createEntraVerifier, entraConfigFromEnv } = await import('../server/auth/entra.ts');
  const cfg = entraConfigFromEnv(process.env);
  return cfg ? createEntraVerifier(cfg) : null;
}
