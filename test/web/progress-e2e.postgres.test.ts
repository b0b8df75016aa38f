// Progress end to end (issue 17) with the server on the real PostgreSQL (a fresh database, dropped afterwards).
import { progressE2eSuite } from './progress-e2e.case.ts';

progressE2eSuite('postgres');
