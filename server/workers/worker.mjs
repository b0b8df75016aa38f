// Worker entry: worker threads do not inherit the main thread's TypeScript loader, so register tsx first.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
