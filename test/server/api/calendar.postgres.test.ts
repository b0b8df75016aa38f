// The calendar feed on the sync server with PostgreSQL (a fresh database, dropped afterwards).
import { freshPostgres } from '../../support/db.ts';
import { calendarSuite } from './calendar.case.ts';

calendarSuite('PostgreSQL', freshPostgres);
