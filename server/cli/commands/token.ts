// `phuluc token create --role editor --commune 10903`: create a server token straight in the database, print it once.
import { openDatabase } from '../../db/connect.ts';
import { ApiError } from '../../http/errors.ts';
import { tokenScope } from '../../routes/tokens.ts';
import { audit } from '../../store/audit.ts';
import { createToken } from '../../store/tokens.ts';

export interface TokenCommandOptions {
  role: string;
  commune?: string;
  province?: string;
  label?: string;
  dataDir: string;
  databaseUrl?: string;
  json?: boolean;
  lang: 'vi' | 'en';
}

/** @example await tokenCreateCommand({ role: 'editor', commune: '10903', dataDir: 'data', lang: 'vi' }) */
export async function tokenCreateCommand(opts: TokenCommandOptions): Promise<number> {
  if (opts.role !== 'editor' && opts.role !== 'consolidator' && opts.role !== 'admin') {
    process.stderr.write(opts.lang === 'en' ? `--role must be editor, consolidator or admin.\n` : `--role phải là editor, consolidator hoặc admin.\n`);
    return 2;
  }
  let scope;
  try {
    scope = tokenScope(opts.role, opts.commune, opts.province);
  } catch (err) {
    if (err instanceof ApiError) {
      process.stderr.write(`${opts.lang === 'en' ? err.messageEn : err.message}\n`);
      return 2;
    }
    throw err;
  }
  let database;
  try {
    database = await openDatabase(opts.databaseUrl ? { url: opts.databaseUrl } : { dataDir: opts.dataDir });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  try {
    const t = await createToken(database.db, { role: opts.role, communeCode: scope.communeCode, provinceCode: scope.provinceCode, label: opts.label ?? scope.label, createdBy: 'cli' });
    await audit(database.db, 'cli', 'token-create', `token:${t.id}`, { role: t.role, commune: t.communeCode, province: t.provinceCode });
    if (opts.json) process.stdout.write(`${JSON.stringify(t)}\n`);
    else process.stdout.write(`${t.secret}\n`);
    process.stderr.write(opts.lang === 'en' ? `Token for ${t.role} (${t.label}); shown once, keep it safe.\n` : `Token ${t.role} (${t.label}); chỉ hiện một lần, hãy cất giữ.\n`);
    return 0;
  } finally {
    await database.close();
  }
}
