// The PGlite data folder lock (data/phuluc.lock): a lock left by a dead server whose pid now belongs to another live
// process is stale and the server starts; a real second server on the folder is refused with a Vietnamese message and
// no stack trace. Waits are for events (the server's "listening" line, its exit).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockHeld, parseLock, processStart } from '../../../server/db/connect.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const c of children) c.kill('SIGKILL');
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'phuluc-lock-'));
  dirs.push(d);
  return d;
}

/** A live process that is not a phuluc server (`sleep`), resolved once it runs. */
async function unrelated(): Promise<number> {
  const c = spawn('sleep', ['600'], { stdio: 'ignore' });
  children.push(c);
  await new Promise<void>((resolve, reject) => {
    c.once('spawn', () => resolve());
    c.once('error', reject);
  });
  return c.pid!;
}

const bootId = async () => (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim();

// Each start initialises a fresh PGlite folder (seconds, more on a loaded machine): bounded by the server's own events.
describe('stale lock detection', { timeout: 240_000 }, () => {
  it('tells a reused pid from the process that wrote the lock', async () => {
    const pid = await unrelated();
    const start = await processStart(pid);
    expect(start).toMatch(/^\d+$/);
    const mine = { pid: process.pid, boot: await bootId(), host: os.hostname() };
    const lock = { pid, start, boot: mine.boot, host: mine.host };
    expect(await lockHeld(lock, mine)).toBe(true);
    expect(await lockHeld({ ...lock, start: String(Number(start) - 1) }, mine)).toBe(false);
    expect(await lockHeld({ ...lock, boot: 'another-boot' }, mine)).toBe(false);
    expect(await lockHeld({ ...lock, host: 'may-khac' }, mine)).toBe(true);
    // An old lock (a bare pid) naming a process that is not Node: stale; naming a Node process: held.
    expect(await lockHeld(parseLock(String(pid))!, mine)).toBe(false);
    expect(await lockHeld(parseLock(String(process.ppid))!, mine)).toBe(
      /node/i.test(await readFile(`/proc/${process.ppid}/cmdline`, 'utf8')),
    );
    expect(parseLock('')).toBeNull();
    expect(parseLock('{"pid":-3,"host":"x"}')).toBeNull();
  });

  it('starts when the lock names a live unrelated pid (pid reuse after a crash)', async () => {
    const dir = await tempDir();
    const pid = await unrelated();
    const start = await processStart(pid);
    // What a killed server left behind, its pid since taken by `sleep`: same pid, another start time.
    await writeFile(
      path.join(dir, 'phuluc.lock'),
      JSON.stringify({
        pid,
        start: String(Number(start) - 500),
        boot: await bootId(),
        host: os.hostname(),
        since: '2026-01-01T00:00:00.000Z',
      }),
    );
    const s = await startServerProcess({ dataDir: dir });
    servers.push(s);
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    const lock = parseLock(await readFile(path.join(dir, 'phuluc.lock'), 'utf8'))!;
    expect(lock.pid).toBe(s.proc.pid);
    expect(lock.start).toBe(await processStart(s.proc.pid!));
    await s.stop();
  });

  it('starts over an old-format lock (a bare pid) naming a live process that is not a server', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'phuluc.lock'), String(await unrelated()));
    const s = await startServerProcess({ dataDir: dir });
    servers.push(s);
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    await s.stop();
  });

  it('refuses a second server on the same folder with a Vietnamese message, never a stack trace', async () => {
    const dir = await tempDir();
    const first = await startServerProcess({ dataDir: dir });
    servers.push(first);
    const second = await startServerProcess({ dataDir: dir }).then(
      (s) => {
        servers.push(s);
        return null;
      },
      (err: Error) => err.message,
    );
    expect(second).toMatch(/exited with 2/);
    expect(second).toMatch(new RegExp(`Thư mục dữ liệu .* đang được tiến trình ${first.proc.pid} trên máy`));
    expect(second).toMatch(/Hãy dừng tiến trình đó/);
    expect(second).not.toMatch(/\n\s+at /);
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    await first.stop();
  });
});
