// Issue 16 on the sync server with PostgreSQL (a fresh database, dropped afterwards).
import { freshPostgres } from '../../support/db.ts';
import { issue16Suite } from './issue16.case.ts';

issue16Suite('PostgreSQL', freshPostgres);
