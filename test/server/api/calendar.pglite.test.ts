// The calendar feed on the sync server with embedded PGlite (loaded from the migrated template).
import { freshPglite } from '../../support/db.ts';
import { calendarSuite } from './calendar.case.ts';

calendarSuite('PGlite', freshPglite);
