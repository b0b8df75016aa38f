// Limits from the environment, the Vietnam day of the per-day quota, token expiry parsing, and start-up failures told
// in words.
import { describe, expect, it } from 'vitest';
import { startFailure } from '../../../cli/commands/serve.ts';
import { DataDirLockedError } from '../../../server/db/connect.ts';
import { DEFAULT_LIMITS, formatBytes, limitsFromEnv, vietnamDayStart } from '../../../server/limits.ts';
import { parseExpiry } from '../../../server/store/tokens.ts';

describe('limits', () => {
  it('reads each limit from its variable, keeps the defaults, refuses anything but a whole number ≥ 0', () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(limitsFromEnv({ PHULUC_MAX_PLAN_ROWS: ' 8000 ', PHULUC_MAX_COMMUNE_BYTES: '0', PHULUC_AUTH_FAILURES: '' })).toMatchObject({
      planRows: 8000,
      communeBytes: 0,
      authFailures: 20,
    });
    for (const bad of ['-1', '1.5', 'nhiều', '1e400'])
      expect(() => limitsFromEnv({ PHULUC_MAX_REVISIONS_PER_DAY: bad })).toThrow(/PHULUC_MAX_REVISIONS_PER_DAY phải là số nguyên/);
  });

  it('counts the day in Vietnam time (UTC+7)', () => {
    expect(vietnamDayStart(new Date('2026-06-30T16:59:59Z')).toISOString()).toBe('2026-06-29T17:00:00.000Z');
    expect(vietnamDayStart(new Date('2026-06-30T17:00:00Z')).toISOString()).toBe('2026-06-30T17:00:00.000Z');
    expect(vietnamDayStart(new Date('2026-01-01T03:00:00Z')).toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('formats sizes for messages', () => {
    expect([formatBytes(200 * 1024 * 1024), formatBytes(150_000), formatBytes(12)]).toEqual(['200 MB', '146 KB', '12 B']);
  });
});

describe('token expiry', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('accepts days, weeks, years, a date (end of that day, Vietnam time) or an ISO time', () => {
    expect(parseExpiry('90d', now).toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(parseExpiry('2w', now).toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(parseExpiry('1y', now).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(parseExpiry('2026-12-31', now).toISOString()).toBe('2026-12-31T16:59:59.999Z');
    expect(parseExpiry('2026-03-01T08:00:00+07:00', now).toISOString()).toBe('2026-03-01T01:00:00.000Z');
  });

  it('refuses nonsense, the past, an impossible date and more than five years, in Vietnamese and English', () => {
    expect(() => parseExpiry('mai', now)).toThrow(/không hợp lệ.*Invalid expiry/);
    expect(() => parseExpiry('2025-12-31', now)).toThrow(/đã qua/);
    expect(() => parseExpiry('2026-02-30', now)).toThrow(/không hợp lệ/);
    expect(() => parseExpiry('6y', now)).toThrow(/tối đa 5 năm/);
    expect(() => parseExpiry('0d', now)).toThrow(/đã qua/);
  });
});

describe('start-up failures', () => {
  const opts = { port: 8787, host: '127.0.0.1' };
  it('are told in words: a busy port, a held data folder, an unreachable PostgreSQL', () => {
    expect(startFailure(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' }), opts)).toMatch(
      /^Cổng 8787 trên 127.0.0.1 đang được chương trình khác dùng/,
    );
    const locked = new DataDirLockedError('/srv/data', {
      pid: 4242,
      start: '1',
      boot: null,
      host: 'may-chu',
      since: '2026-06-30T01:00:00.000Z',
    });
    expect(startFailure(locked, opts)).toMatch(/đang được tiến trình 4242 trên máy “may-chu”.*xóa tệp \/srv\/data\/phuluc.lock/s);
    expect(
      startFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), { ...opts, databaseUrl: 'postgres://x' }),
    ).toMatch(/Không kết nối được PostgreSQL/);
  });
});
