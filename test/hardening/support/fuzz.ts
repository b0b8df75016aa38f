// fast-check settings for the hardening suites: fixed seeds and run counts sized for CI, scalable for a long hunt.

/**
 * Parameters for fc.assert: the given seed and runs, unless PHULUC_FUZZ_SEED (a number) or PHULUC_FUZZ_SCALE (a factor)
 * say otherwise — `PHULUC_FUZZ_SCALE=20 PHULUC_FUZZ_SEED=$RANDOM npx vitest run test/hardening` hunts longer.
 * On failure fast-check prints the seed and path that replay the counterexample.
 * @example fc.assert(prop, fuzz(0x5701, 150))
 */
export function fuzz(seed: number, numRuns: number): { seed: number; numRuns: number } {
  const envSeed = Number(process.env.PHULUC_FUZZ_SEED);
  const scale = Number(process.env.PHULUC_FUZZ_SCALE ?? 1);
  return {
    seed: Number.isInteger(envSeed) && process.env.PHULUC_FUZZ_SEED ? envSeed : seed,
    numRuns: Math.max(1, Math.round(numRuns * (scale > 0 ? scale : 1))),
  };
}
