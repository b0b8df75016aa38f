// Hostile uploads on a real server process with PostgreSQL (a fresh database, dropped afterwards).
import { freshPostgres } from '../../support/db.ts';
import { hostileUploadSuite } from './hostile-uploads.case.ts';

hostileUploadSuite('PostgreSQL', async () => {
  const db = await freshPostgres();
  // The server runs the migrations itself; this process only keeps the database to drop it.
  return { store: { kind: 'postgres', databaseUrl: db.url }, cleanup: () => db.close() };
});
