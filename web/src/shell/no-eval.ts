// Imported first by every page: zod (used by core's models) would otherwise probe `new Function` to compile fast
// parsers, which the pages' CSP (no 'unsafe-eval') reports as a violation. Interpreted parsing is fast enough here.
import { config } from 'zod';

config({ jitless: true });
