// Issue 17's progress reports on the sync server with PostgreSQL (a fresh database, dropped afterwards).
import { freshPostgres } from '../../support/db.ts';
import { progressSuite } from './progress.case.ts';

progressSuite('PostgreSQL', freshPostgres);
