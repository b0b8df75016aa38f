// CPU time of processes from /proc (user + system), to tell the cost of a request apart from the machine's load.
import { readdir, readFile } from 'node:fs/promises';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU milliseconds used so far by a process; 0 where /proc is missing. */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * TICK_MS;
}

/** CPU milliseconds of every process whose command name is `comm` (e.g. all PostgreSQL backends). */
export async function cpuMsByName(comm: string): Promise<number> {
  let total = 0;
  for (const d of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(d)) continue;
    const name = (await readFile(`/proc/${d}/comm`, 'utf8').catch(() => '')).trim();
    if (name === comm) total += await cpuMs(Number(d));
  }
  return total;
}
