// Progress end to end (issue 17) with the server on embedded PGlite in a fresh folder.
import { progressE2eSuite } from './progress-e2e.case.ts';

progressE2eSuite('pglite');
