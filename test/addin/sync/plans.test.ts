// The pane's side of issue 16's sync changes, against the real app in-process: sign in before choosing, the plans
// listed, keys canonical, an unknown key answered with the list, an identical push "unchanged", a commune mismatch
// held until confirmed (or dropped).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCommune } from '../../../core/dvhc.ts';
import { backend, notice, pane, SERVER, type Backend } from './support.ts';

let be: Backend;
let tokenQuangSon = '';
let tokenCamGiang = '';

beforeAll(async () => {
  be = await backend();
  tokenQuangSon = await be.token('editor', '05674', 'Cán bộ A');
  tokenCamGiang = await be.token('editor', '10903', 'Cán bộ Cẩm Giàng');
}, 60_000);
afterAll(() => be?.close());

async function revisionsOf(commune: string, planKey: string): Promise<number> {
  const admin = await be.token('consolidator', findCommune(commune)!.provinceCode, 'Tỉnh');
  const res = await be.fetch(`${SERVER}/api/communes/${commune}/plans/${planKey}/revisions`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  return res.status === 404 ? 0 : ((await res.json()) as { revisions: unknown[] }).revisions.length;
}

describe('plans, commune and answers of a push', () => {
  it('signs in before the workbook is bound, lists the plans, fixes the editor’s commune, keeps the key canonical', async () => {
    const a = await pane(be);
    expect(a.store.get().sync.plans).toBeNull();
    a.sync.setServer(`${SERVER}/`);
    await a.sync.useToken(tokenQuangSon);
    const { auth, plans, server } = a.store.get().sync;
    expect(server).toBe(SERVER);
    expect(auth).toMatchObject({ kind: 'token', role: 'editor', commune: '05674', province: null });
    expect(plans?.find((p) => p.key === 'NQ57-2026')).toMatchObject({
      name: 'Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026',
      year: 2026,
    });
    await a.sync.bind({ server: SERVER, commune: '05674', planKey: ' nq57-2026', table: null });
    expect(a.store.get().sync.binding).toEqual({ server: SERVER, commune: '05674', planKey: 'NQ57-2026', table: null, baseSeq: 0 });
  });

  it('says "Không có thay đổi" when the same content is sent again, and stores nothing', async () => {
    const a = await pane(be);
    a.sync.setServer(SERVER);
    await a.sync.useToken(tokenQuangSon);
    await a.sync.bind({ server: SERVER, commune: '05674', planKey: 'NQ57-2025', table: null });
    await a.sync.push('anyway');
    expect(await notice(a)).toBe('Sent (submission 1).');
    await a.sync.push('anyway');
    expect(await notice(a)).toBe('No changes: the server already has exactly this (submission 1); nothing stored.');
    expect(a.store.get().notice?.intent).toBe('info');
    expect(a.store.get().sync.binding?.baseSeq).toBe(1);
    expect(await revisionsOf('05674', 'NQ57-2025')).toBe(1);
  });

  it('a bound key the server does not list: the error shows the plans to choose from', async () => {
    const a = await pane(be);
    a.sync.setServer(SERVER);
    await a.sync.useToken(tokenQuangSon);
    await a.sync.bind({ server: SERVER, commune: '05674', planKey: 'NQ57-2030', table: null });
    a.store.set((st) => ({ sync: { ...st.sync, plans: null } }));
    await a.sync.pull();
    expect(a.store.get().notice?.intent).toBe('error');
    expect(a.store.get().sync.plans?.map((p) => p.key)).toContain('NQ57-2026');
  });

  it('a plan whose title names another commune waits for the user: dropped, nothing is stored; confirmed, stored with a warning', async () => {
    const a = await pane(be);
    a.sync.setServer(SERVER);
    await a.sync.useToken(tokenCamGiang);
    await a.sync.bind({ server: SERVER, commune: '10903', planKey: 'Q1', table: null });
    await a.sync.push('anyway');
    const held = a.store.get().sync.mismatch!;
    expect(held.details).toEqual({
      fileCommune: expect.stringContaining('Quang Sơn') as string,
      fileCommuneCode: '05674',
      targetCommune: { code: '10903', name: 'Xã Cẩm Giàng', provinceName: 'Thành phố Hải Phòng' },
    });
    expect(a.store.get().sync.queue.map((q) => [q.key, q.state])).toEqual([[held.key, 'error']]);
    a.sync.dropMismatch();
    expect([a.store.get().sync.mismatch, a.store.get().sync.queue]).toEqual([null, []]);
    expect(await revisionsOf('10903', 'Q1')).toBe(0);

    await a.sync.push('anyway');
    expect(a.store.get().sync.mismatch).not.toBeNull();
    await a.sync.confirmCommune();
    expect([a.store.get().sync.mismatch, a.store.get().sync.queue]).toEqual([null, []]);
    expect(a.store.get().notice?.intent).toBe('warning');
    expect(await notice(a)).toBe(
      'Sent (submission 1). Stored as the sender confirmed. The file says it is from Xã Quang Sơn (Tỉnh Thái Nguyên), but it is being sent for Xã Cẩm Giàng (Thành phố Hải Phòng).',
    );
    expect(await revisionsOf('10903', 'Q1')).toBe(1);
  });
});
