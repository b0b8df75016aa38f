// Issue 17's progress reports on the sync server with embedded PGlite (loaded from the migrated template).
import { freshPglite } from '../../support/db.ts';
import { progressSuite } from './progress.case.ts';

progressSuite('PGlite', freshPglite);
