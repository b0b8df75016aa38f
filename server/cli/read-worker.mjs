// Worker entry for reading workbooks in parallel: workers do not inherit the main thread's TypeScript loader.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
