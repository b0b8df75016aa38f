// The storage suite on the real PostgreSQL at 127.0.0.1:5432 (a fresh database per run, dropped afterwards).
import { freshPostgres } from '../../support/db.ts';
import { storageSuite } from './storage.case.ts';

storageSuite('PostgreSQL', freshPostgres);
