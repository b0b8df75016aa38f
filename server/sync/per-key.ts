// Calls run one at a time per key (per plan), in arrival order, within this process.

const tails = new Map<string, Promise<unknown>>();

/**
 * Run `fn` after every earlier call with the same key has settled; `waited` says whether it had to wait (then any
 * state read before the call is stale). A rejected call never blocks the next one.
 * @example await serialized('10903/NQ57-2026', (waited) => pushOnce(waited ? undefined : known))
 */
export async function serialized<T>(key: string, fn: (waited: boolean) => Promise<T>): Promise<T> {
  const prev = tails.get(key);
  const run = prev ? prev.then(() => fn(true)) : fn(false);
  const tail = run.catch(() => {});
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    // The last call of a burst removes its key: the map holds only plans being pushed right now.
    if (tails.get(key) === tail) tails.delete(key);
  }
}
