// phuluc CLI: commands wired with commander; each command lives in commands/ and returns an exit code.
import { CommanderError, type Command } from 'commander';
import { packageVersion } from '../server/version.ts';
import { FRAME, helpText } from './help-text.ts';
import type { Lang } from './labels.ts';
import { cliLang } from './lang.ts';
import { LocalCommand, localHelp } from './program.ts';
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
  const { lang: chosen, bad } = cliLang(argv, process.env);
  if (bad !== undefined) {
    process.stderr.write(`Ngôn ngữ phải là vi hoặc en (nhận được “${bad}”). / The language must be vi or en (got "${bad}").\n`);
    return EXIT_CANNOT_RUN;
  }
  const lang = (): Lang => chosen;
  const H = helpText(chosen);
  let code = EXIT_OK;
  const usage = (vi: string, en: string) => {
    process.stderr.write(`${chosen === 'en' ? en : vi}\n`);
    code = EXIT_CANNOT_RUN;
  };
  const program = localHelp(new LocalCommand(chosen, 'phuluc'), chosen)
    .description(H.program)
    .version(packageVersion(), ...H.version)
    .helpOption(...H.help)
    .helpCommand(...H.helpCommand)
    // Read before commander runs (cliLang); declared so that it is accepted and shown under every command.
    .option(...H.lang)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  program
    .command('inspect')
    .description(H.inspect.description)
    .argument(...H.inspect.files)
    .option(...H.inspect.json)
    .action(async (files: string[], opts: { json?: boolean }) => {
      code = await (await import('./commands/inspect.ts')).inspectCommand(files, { json: opts.json === true, lang: lang() });
    });

  program
    .command('check')
    .description(H.check.description)
    .argument(...H.check.inputs)
    .option(...H.check.format, 'text')
    .option(...H.check.out)
    .option(...H.check.asOf)
    .option(...H.check.notes)
    .action(async (inputs: string[], opts: { format: string; out?: string; asOf?: string; notes?: boolean }) => {
      if (!['text', 'json', 'xlsx'].includes(opts.format)) {
        usage(
          `--format phải là text, json hoặc xlsx (nhận được “${opts.format}”).`,
          `--format must be text, json or xlsx (got "${opts.format}").`,
        );
        return;
      }
      code = await (
        await import('./commands/check.ts')
      ).checkCommand(inputs, {
        format: opts.format as 'text' | 'json' | 'xlsx',
        ...(opts.out ? { out: opts.out } : {}),
        ...(opts.asOf ? { asOf: opts.asOf } : {}),
        notes: opts.notes === true,
        lang: lang(),
      });
    });

  program
    .command('fix')
    .description(H.fix.description)
    .argument(...H.fix.file)
    .requiredOption(...H.fix.out)
    .option(...H.fix.only)
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
    .command('import')
    .description(H.import.description)
    .argument(...H.import.file)
    .requiredOption(...H.import.out)
    .action(async (file: string, opts: { out: string }) => {
      code = await (await import('./commands/import.ts')).importCommand(file, { out: opts.out, lang: lang() });
    });

  program
    .command('template')
    .description(H.template.description)
    .requiredOption(...H.template.kind)
    .requiredOption(...H.template.out)
    .option(...H.template.year)
    .option(...H.template.planKey)
    .action(async (opts: { kind: string; out: string; year?: string; planKey?: string }) => {
      if (opts.kind !== 'tasks' && opts.kind !== 'indicators') {
        usage(
          `--kind phải là tasks hoặc indicators (nhận được “${opts.kind}”).`,
          `--kind must be tasks or indicators (got "${opts.kind}").`,
        );
        return;
      }
      code = await (
        await import('./commands/template.ts')
      ).templateCommand(opts.kind, opts.out, lang(), {
        year: opts.year,
        planKey: opts.planKey,
      });
    });

  program
    .command('consolidate')
    .description(H.consolidate.description)
    .argument(...H.consolidate.inputs)
    .requiredOption(...H.consolidate.out)
    .option(...H.consolidate.planKey, `NQ57-${new Date().getFullYear()}`)
    .option(...H.consolidate.asOf, new Date().toISOString().slice(0, 10))
    .option(...H.consolidate.province)
    .action(async (inputs: string[], opts: { out: string; planKey: string; asOf: string; province?: string }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
        usage(
          `--as-of phải là ngày dạng YYYY-MM-DD (nhận được “${opts.asOf}”).`,
          `--as-of must be a date YYYY-MM-DD (got "${opts.asOf}").`,
        );
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

  program
    .command('report')
    .description(H.report.description)
    .argument(...H.report.file)
    .requiredOption(...H.report.period)
    .option(...H.report.out)
    .option(...H.report.asOf)
    .action(async (file: string, opts: { period: string; out?: string; asOf?: string }) => {
      if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
        usage(
          `--as-of phải là ngày dạng YYYY-MM-DD (nhận được “${opts.asOf}”).`,
          `--as-of must be a date YYYY-MM-DD (got "${opts.asOf}").`,
        );
        return;
      }
      code = await (
        await import('./commands/report.ts')
      ).reportCommand(file, {
        period: opts.period,
        ...(opts.out ? { out: opts.out } : {}),
        ...(opts.asOf ? { asOf: opts.asOf } : {}),
        lang: lang(),
      });
    });

  const env = process.env;
  program
    .command('serve')
    .description(H.serve.description)
    .option(...H.serve.port, env.PORT ?? '8787')
    .option(...H.serve.host, env.HOST ?? '127.0.0.1')
    .option(...H.serve.data, env.PHULUC_DATA_DIR ?? 'data')
    .action(async (opts: { port: string; host: string; data: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        usage(`--port phải là số cổng 0–65535 (nhận được “${opts.port}”).`, `--port must be a port number 0–65535 (got "${opts.port}").`);
        return;
      }
      let entra;
      try {
        entra = await entraFromEnv();
      } catch (err) {
        usage(
          `Cấu hình đăng nhập Microsoft Entra ID không hợp lệ: ${(err as Error).message}`,
          `Invalid Microsoft Entra ID settings: ${(err as Error).message}`,
        );
        return;
      }
      code = await (
        await import('./commands/serve.ts')
      ).serveCommand({ port, host: opts.host, dataDir: opts.data, ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}), entra });
    });

  // Backup and restore: PGlite (--data) or PostgreSQL (--database-url, DATABASE_URL); a --data typed on the command line
  // wins over a DATABASE_URL from the environment, so `… | phuluc restore --data new-folder` does what it says.
  const store = (c: Command, B: { data: readonly [string, string]; databaseUrl: readonly [string, string] }) =>
    c.option(...B.data, env.PHULUC_DATA_DIR ?? 'data').addOption(c.createOption(...B.databaseUrl).env('DATABASE_URL'));
  type Store = { data: string; databaseUrl?: string };
  const storeOf = (c: Command, o: Store) => {
    const dataTyped = c.getOptionValueSource('data') === 'cli';
    if (dataTyped && c.getOptionValueSource('databaseUrl') === 'cli') {
      usage('Chỉ nêu một trong --data và --database-url.', 'Give only one of --data and --database-url.');
      return null;
    }
    return { dataDir: o.data, ...(o.databaseUrl && !dataTyped ? { databaseUrl: o.databaseUrl } : {}), lang: lang() };
  };
  const backup = store(program.command('backup').description(H.backup.description), H.backup).option(...H.backup.out);
  backup.action(async (opts: Store & { out?: string }) => {
    const where = storeOf(backup, opts);
    if (!where) return;
    code = await (
      await import('./commands/backup.ts')
    ).backupCommand({ ...where, ...(opts.out ? { out: opts.out } : {}), app: packageVersion() });
  });
  const restore = store(
    program
      .command('restore')
      .description(H.restore.description)
      .argument(...H.restore.file),
    H.restore,
  );
  restore.action(async (file: string | undefined, opts: Store) => {
    const where = storeOf(restore, opts);
    if (!where) return;
    code = await (await import('./commands/backup.ts')).restoreCommand(file, where);
  });

  const T = H.token;
  const token = program.command('token').description(T.description);
  // PostgreSQL (DATABASE_URL): straight in the database, also while the server runs. PGlite: only while it is stopped,
  // or through the running server with --server and an admin --token.
  // Read from the environment by commander, never shown as a default in the help (an admin token is a secret).
  const target = (c: Command) =>
    c
      .option(...T.data, env.PHULUC_DATA_DIR ?? 'data')
      .addOption(c.createOption(...T.server).env('PHULUC_SERVER'))
      .addOption(c.createOption(...T.adminToken).env('PHULUC_ADMIN_TOKEN'))
      .option(...T.json);
  type Target = { data: string; server?: string; token?: string; json?: boolean };
  const targetOf = (o: Target) => ({
    dataDir: o.data,
    ...(o.server ? { server: o.server } : {}),
    ...(o.token ? { token: o.token } : {}),
    json: o.json === true,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    lang: lang(),
  });
  const plan = program.command('plan').description(H.plan.description);
  const P = H.plan;
  target(
    plan
      .command('add')
      .description(P.add.description)
      .argument(...P.add.key)
      .requiredOption(...P.add.name)
      .option(...P.add.year)
      .option(...P.add.due),
  ).action(async (key: string, opts: Target & { name: string; year?: string; due?: string }) => {
    code = await (
      await import('./commands/plan.ts')
    ).planAddCommand({
      ...targetOf(opts),
      key,
      name: opts.name,
      ...(opts.year ? { year: opts.year } : {}),
      ...(opts.due ? { due: opts.due } : {}),
    });
  });
  target(plan.command('list').description(P.list.description)).action(async (opts: Target) => {
    code = await (await import('./commands/plan.ts')).planListCommand(targetOf(opts));
  });

  const create = token
    .command('create')
    .description(T.create.description)
    .requiredOption(...T.create.role)
    .option(...T.create.commune)
    .option(...T.create.province)
    .option(...T.create.label)
    .option(...T.create.expires);
  const F = FRAME[chosen];
  const width = Math.max(...T.create.examples.map(([line]) => line.length));
  create.addHelpText(
    'after',
    `\n${F.examples}\n${T.create.examples.map(([line, who]) => `  ${line.padEnd(width)}  (${who})`).join('\n')}\n`,
  );
  target(create).action(async (opts: Target & { role: string; commune?: string; province?: string; label?: string; expires?: string }) => {
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
  target(token.command('list').description(T.list.description)).action(async (opts: Target) => {
    code = await (await import('./commands/token.ts')).tokenListCommand(targetOf(opts));
  });
  target(
    token
      .command('revoke')
      .description(T.revoke.description)
      .argument(...T.revoke.id),
  ).action(async (id: string, opts: Target) => {
    code = await (await import('./commands/token.ts')).tokenRevokeCommand(id, targetOf(opts));
  });

  // Nothing to do: the help, as a first look (not an error).
  if (argv.filter((a, i) => a !== '--lang' && argv[i - 1] !== '--lang' && !a.startsWith('--lang=')).length === 0) {
    program.outputHelp();
    return EXIT_OK;
  }
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
