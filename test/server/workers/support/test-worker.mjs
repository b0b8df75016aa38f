// A pool worker for the pool's own tests: jobs that answer, spin, hog memory or exit, by name.
import process from 'node:process';
import { parentPort, workerData } from 'node:worker_threads';

parentPort.on('message', (job) => {
  if (job.kind === 'echo') parentPort.postMessage({ echo: job.value });
  else if (job.kind === 'spin') {
    const end = Date.now() + job.ms;
    while (Date.now() < end);
    parentPort.postMessage({ spun: job.ms });
  } else if (job.kind === 'hog') {
    const keep = [];
    for (;;) keep.push(Array.from({ length: 100_000 }, (_, i) => ({ i })));
  } else if (job.kind === 'exit') process.exit(3);
});
// A preloading worker takes 600 ms to load, as a worker loading the readers does.
if (workerData?.preload) {
  const end = Date.now() + 600;
  while (Date.now() < end);
}
parentPort.postMessage({ ready: true });
