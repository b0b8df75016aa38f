// The province's progress view on the sync server with PostgreSQL (a fresh database, dropped afterwards).
import { freshPostgres } from '../../support/db.ts';
import { provinceProgressSuite } from './province-progress.case.ts';

provinceProgressSuite('PostgreSQL', freshPostgres);
