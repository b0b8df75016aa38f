// Issue 16 on the sync server with embedded PGlite (loaded from the migrated template).
import { freshPglite } from '../../support/db.ts';
import { issue16Suite } from './issue16.case.ts';

issue16Suite('PGlite', freshPglite);
