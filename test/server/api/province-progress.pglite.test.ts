// The province's progress view on the sync server with embedded PGlite (loaded from the migrated template).
import { freshPglite } from '../../support/db.ts';
import { provinceProgressSuite } from './province-progress.case.ts';

provinceProgressSuite('PGlite', freshPglite);
