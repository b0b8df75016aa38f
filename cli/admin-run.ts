// What the administration commands (`token`, `plan`) share: failures already worded for the user, exit code 2 for
// them, and the database opened for one command (or a worded hint to go through the running server instead).
import { ApiError } from '../core/api/index.ts';
import { DataDirLockedError, openDatabase, type Database } from '../server/db/connect.ts';

/** A failure already worded for the user (exit code 2). */
export class Refused extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(vi);
  }
}

/** Where an administration command works: the database (folder or URL), or a running server with a token. */
export interface AdminTarget {
  dataDir: string;
  databaseUrl?: string;
  /** A running server's address: the command goes through its API (needed for PGlite while the server runs). */
  server?: string;
  /** A token for --server (an admin's; for `plan`, a consolidator's too). */
  token?: string;
  json?: boolean;
  lang: 'vi' | 'en';
}

/** A message in the user's language, on stderr. */
export const say = (lang: 'vi' | 'en', vi: string, en: string) => process.stderr.write(`${lang === 'en' ? en : vi}\n`);

/**
 * Run `work` and turn a worded failure (Refused, or an API error of the contract or the server, with its two messages) into exit code 2 with its
 * message; anything else is said as "Lỗi: …".
 * @example return runGuarded(o.lang, async () => { …; return 0; })
 */
export async function runGuarded(lang: 'vi' | 'en', work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof Refused) say(lang, err.vi, err.en);
    else if (err instanceof ApiError) say(lang, err.message, err.messageEn);
    else say(lang, `Lỗi: ${(err as Error).message}`, `Error: ${(err as Error).message}`);
    return 2;
  }
}

/**
 * Open the database for `work` and close it after; when a server holds the PGlite folder, refuse with the command's
 * own hint (`locked`, given the folder) on how to go through that server.
 * @example await withDatabase(o, (dir) => ({ vi: `… ${dir} …`, en: `… ${dir} …` }), ({ db }) => listTokens(db))
 */
export async function withDatabase<T>(
  o: AdminTarget,
  locked: (dir: string) => { vi: string; en: string },
  work: (db: Database) => Promise<T>,
): Promise<T> {
  let database: Database;
  try {
    database = await openDatabase(o.databaseUrl ? { url: o.databaseUrl } : { dataDir: o.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      const hint = locked(err.dir);
      throw new Refused(hint.vi, hint.en);
    }
    throw new Refused(`Không mở được cơ sở dữ liệu: ${(err as Error).message}`, `Cannot open the database: ${(err as Error).message}`);
  }
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
