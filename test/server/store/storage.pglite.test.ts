// The storage suite on embedded PGlite (loaded from the migrated template).
import { freshPglite } from '../../support/db.ts';
import { storageSuite } from './storage.case.ts';

storageSuite('PGlite', freshPglite);
