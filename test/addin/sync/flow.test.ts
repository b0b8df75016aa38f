// Push, pull, merge, conflict and the offline queue, driven through the sync actions against the real app in-process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, cell, notice, pane, signIn, TASKS, type Backend } from './support.ts';

let be: Backend;
let tokenA = '';
let tokenB = '';

beforeAll(async () => {
  be = await backend();
  tokenA = await be.token('editor', '05674', 'Cán bộ A');
  tokenB = await be.token('editor', '05674', 'Cán bộ B');
}, 60_000);
afterAll(() => be?.close());

describe('sync actions (in-process server)', () => {
  it('first push writes ids into a hidden column; a colleague pulls; disjoint edits merge both ways', async () => {
    const a = await pane(be);
    await signIn(a, tokenA);
    await a.sync.push('anyway');
    expect(await notice(a)).toBe('Sent (submission 1).');
    expect(a.fake.workbook.cell(TASKS, 'G5').value).toBe('phuluc-id');
    expect(a.fake.workbook.columnHidden(TASKS, 'G')).toBe(true);
    expect(String(a.fake.workbook.cell(TASKS, 'G11').value)).toMatch(/^t-/);
    expect(a.store.get().sync.binding?.baseSeq).toBe(1);

    const b = await pane(be);
    await signIn(b, tokenB);
    await b.sync.pull();
    expect(await notice(b)).toMatch(/^Got submission 1: /);
    expect(b.fake.workbook.cell(TASKS, 'G11').value).toBe(a.fake.workbook.cell(TASKS, 'G11').value);

    a.fake.workbook.userSetValue(TASKS, 'C11', 'Công an xã');
    await a.sync.push('anyway');
    expect(await notice(a)).toBe('Sent (submission 2).');
    b.fake.workbook.userSetValue(TASKS, 'C57', 'Phòng Kinh tế');
    await b.sync.push('anyway');
    expect(await notice(b)).toBe('Sent and merged with others’ edits (submission 3).');
    expect(cell(b, 'C11')).toBe('Công an xã');
    await a.sync.pull();
    expect(cell(a, 'C57')).toBe('Phòng Kinh tế');
    expect(cell(a, 'C11')).toBe('Công an xã');
  }, 60_000);

  it('the same cell edited both ways: B sees the conflict, picks a value, pushes again; A pulls and both converge', async () => {
    const a = await pane(be);
    await signIn(a, tokenA, 'conflict');
    await a.sync.push('anyway');
    const b = await pane(be);
    await signIn(b, tokenB, 'conflict');
    await b.sync.pull();
    a.fake.workbook.userSetValue(TASKS, 'E20', 'Kết quả của A');
    await a.sync.push('anyway');
    b.fake.workbook.userSetValue(TASKS, 'E20', 'Kết quả của B');
    await b.sync.push('anyway');
    const c = b.store.get().sync.conflict;
    expect(c?.conflicts.map((x) => [x.field, x.theirs, x.mine])).toEqual([['result', 'Kết quả của A', 'Kết quả của B']]);
    const { conflictKey } = await import('../../../addin/src/sync/resolve.ts');
    await b.sync.resolve(new Map([[conflictKey(c!.conflicts[0]!), { kind: 'value', value: 'Kết quả chung' }]]));
    expect(b.store.get().sync.conflict).toBeNull();
    expect(await notice(b)).toMatch(/^Sent /);
    expect(cell(b, 'E20')).toBe('Kết quả chung');
    await a.sync.pull();
    expect(cell(a, 'E20')).toBe('Kết quả chung');
    expect(a.store.get().sync.binding?.baseSeq).toBe(b.store.get().sync.binding?.baseSeq);
  }, 60_000);

  it('offline: the push is queued (persisted), survives a pane reload, and is delivered exactly once', async () => {
    const a = await pane(be);
    await signIn(a, tokenA, 'offline');
    await a.sync.push('anyway');
    const before = be.requests.filter((r) => r.method === 'POST').length;
    be.offline = true;
    a.fake.workbook.userSetValue(TASKS, 'F30', 'Quý IV/2026');
    await a.sync.push('anyway');
    expect(a.store.get().sync.queue.map((q) => q.state)).toEqual(['error']);
    expect(a.storage.data.get('phuluc.queue')).toContain('Quý IV/2026');
    // The pane is closed and opened again on the same workbook and the same user's storage.
    const again = await pane(be, { snapshot: a.fake.workbook.snapshot(), storage: a.storage });
    expect(again.store.get().sync.queue.length).toBe(1);
    be.offline = false;
    await again.sync.retryNow();
    expect(again.store.get().sync.queue).toEqual([]);
    const posts = be.requests.filter((r) => r.method === 'POST').slice(before);
    expect(posts.length).toBe(1);
    // Sending the same key again is answered from the stored revision, not stored twice.
    const res = await be.fetch(`http://phuluc.test/api/communes/05674/plans/offline/revisions`, {
      headers: { authorization: `Bearer ${tokenA}` },
    });
    const { revisions } = (await res.json()) as { revisions: { seq: number; idempotencyKey: string | null }[] };
    expect(revisions.filter((r) => r.idempotencyKey === posts[0]!.key).length).toBe(1);
  }, 60_000);

  it('an answer lost on the way back: the retry with the same key is answered from the stored revision (one revision)', async () => {
    const a = await pane(be);
    await signIn(a, tokenA, 'lost-answer');
    await a.sync.push('anyway');
    a.fake.workbook.userSetValue(TASKS, 'F31', 'Quý I/2027');
    be.loseAnswers = true;
    await a.sync.push('anyway');
    be.loseAnswers = false;
    expect(a.store.get().sync.queue.map((q) => q.state)).toEqual(['error']);
    await a.sync.retryNow();
    expect(a.store.get().sync.queue).toEqual([]);
    expect(a.store.get().sync.last).toMatchObject({ action: 'push', seq: 2, status: 'replayed' });
    await a.sync.openHistory();
    expect(a.store.get().sync.history!.revisions.map((r) => r.seq)).toEqual([2, 1]);
    expect(cell(a, 'F31')).toBe('Quý I/2027');
  }, 60_000);

  it('a key already used for another body: the server refuses (422), the pane makes a new key and sends again — it never writes back the other answer', async () => {
    const a = await pane(be);
    await signIn(a, tokenA, 'key-reused');
    await a.sync.push('anyway');
    be.offline = true;
    a.fake.workbook.userSetValue(TASKS, 'F32', 'Quý II/2027');
    await a.sync.push('anyway');
    be.offline = false;
    const queued = a.store.get().sync.queue[0]!;
    // Meanwhile the same key (same user, same plan) was used for another body — a copied queue, a bug elsewhere.
    const other = structuredClone(queued.plan);
    other.appendices.flatMap((x) => x.rows).find((r) => r.kind === 'task')!.fields.result = 'Nội dung của yêu cầu khác';
    const path = '/api/communes/05674/plans/key-reused';
    const stolen = await be.fetch(`http://phuluc.test${path}/revisions`, {
      method: 'POST',
      body: JSON.stringify({ plan: other }),
      headers: {
        authorization: `Bearer ${tokenA}`,
        'content-type': 'application/json',
        'idempotency-key': queued.key,
        'if-match': `"${queued.baseSeq}"`,
      },
    });
    expect(stolen.status).toBe(201);
    const before = be.requests.length;
    await a.sync.retryNow();
    const posts = be.requests.slice(before).filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.key === queued.key)).toEqual([true, false]);
    expect(a.store.get().sync.queue).toEqual([]);
    // Written back: the pane's own push (a new revision merged onto the other one), not the other request's answer.
    expect(a.store.get().sync.last).toMatchObject({ action: 'push', seq: 3, status: 'merged' });
    expect(cell(a, 'F32')).toBe('Quý II/2027');
    const res = await be.fetch(`http://phuluc.test${path}/revisions`, { headers: { authorization: `Bearer ${tokenA}` } });
    const { revisions } = (await res.json()) as { revisions: { idempotencyKey: string | null }[] };
    expect(revisions.filter((r) => r.idempotencyKey === queued.key)).toHaveLength(1);
    expect(revisions.filter((r) => r.idempotencyKey === posts[1]!.key)).toHaveLength(1);
  }, 60_000);

  it('a revoked token: signing in with it says so in the server’s words, and nothing is remembered', async () => {
    const { findTokenByHash, hashToken, revokeToken } = await import('../../../server/store/tokens.ts');
    const secret = await be.token('editor', '05674', 'Cán bộ nghỉ việc');
    const t = (await findTokenByHash(be.database.db, hashToken(secret)))!;
    await revokeToken(be.database.db, t.id, 'test');
    const a = await pane(be);
    await a.sync.bind({ server: 'http://phuluc.test', commune: '05674', planKey: 'revoked', table: null });
    await a.sync.useToken(secret);
    expect(await notice(a)).toMatch(/This token was revoked/);
    expect(a.store.get().sync.auth).toBeNull();
    expect([...a.storage.data.values()].join()).not.toContain(secret);
  });

  it('an answer whose fingerprint is not the body sent is never written back', async () => {
    const { createApi } = await import('../../../addin/src/sync/api.ts');
    const { sha256Hex, sha256 } = await import('../../../addin/src/sync/fingerprint.ts');
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const long = 'Nhiệm vụ '.repeat(500);
    expect(Buffer.from(sha256(new TextEncoder().encode(long))).toString('hex')).toBe(await sha256Hex(long));
    const answer = (fingerprint: string | undefined, replayed: boolean) => async () =>
      new Response(
        JSON.stringify({ status: 'created', revision: { seq: 4 }, plan: { appendices: [] }, ...(fingerprint ? { fingerprint } : {}) }),
        {
          status: 201,
          headers: { 'content-type': 'application/json', ...(replayed ? { 'idempotent-replayed': 'true' } : {}) },
        },
      );
    const body = { plan: { appendices: [] } };
    const fp = await sha256Hex(JSON.stringify(body));
    const api = (f: () => Promise<Response>) => createApi({ server: 'http://x', token: async () => 't', fetch: f as typeof fetch });
    await expect(api(answer(fp, true)).push('05674', 'K', body, 0, 'k')).resolves.toMatchObject({ replayed: true, fingerprint: fp });
    await expect(api(answer('0'.repeat(64), true)).push('05674', 'K', body, 0, 'k')).rejects.toMatchObject({
      code: 'fingerprint-mismatch',
    });
    // A replay that cannot be checked (a server without fingerprints) is not trusted either.
    await expect(api(answer(undefined, true)).push('05674', 'K', body, 0, 'k')).rejects.toMatchObject({ code: 'fingerprint-mismatch' });
    await expect(api(answer(await sha256Hex('restore 2'), true)).restore('05674', 'K', 2, 'k')).resolves.toMatchObject({ replayed: true });
    await expect(api(answer(await sha256Hex('restore 3'), true)).restore('05674', 'K', 2, 'k')).rejects.toMatchObject({
      code: 'fingerprint-mismatch',
    });
  });

  it('pull: local edits since the base stay; the same cell changed both ways asks, and the choice is written into the sheet', async () => {
    const a = await pane(be);
    await signIn(a, tokenA, 'pull');
    await a.sync.push('anyway');
    const b = await pane(be);
    await signIn(b, tokenB, 'pull');
    await b.sync.pull();
    a.fake.workbook.userSetValue(TASKS, 'D12', 'Các thôn, tổ dân phố');
    a.fake.workbook.userSetValue(TASKS, 'E12', 'Báo cáo của A');
    await a.sync.push('anyway');
    b.fake.workbook.userSetValue(TASKS, 'C13', 'Trạm Y tế xã');
    b.fake.workbook.userSetValue(TASKS, 'E12', 'Báo cáo của B');
    await b.sync.pull();
    const c = b.store.get().sync.conflict!;
    expect(c.origin).toBe('pull');
    expect(c.conflicts.map((x) => x.field)).toEqual(['result']);
    const { conflictKey } = await import('../../../addin/src/sync/resolve.ts');
    await b.sync.resolve(new Map([[conflictKey(c.conflicts[0]!), { kind: 'value', value: 'Báo cáo của A' }]]));
    expect([cell(b, 'D12'), cell(b, 'E12'), cell(b, 'C13')]).toEqual(['Các thôn, tổ dân phố', 'Báo cáo của A', 'Trạm Y tế xã']);
    expect(b.store.get().sync.binding?.baseSeq).toBe(2);
    // B's own edit (C13) is still to be pushed: it lands on top of A's revision.
    await b.sync.push('anyway');
    expect(await notice(b)).toMatch(/submission 3/);
  }, 60_000);

  it('history lists revisions with author; a revision’s changes by task; restore brings an old revision back into the sheet', async () => {
    const a = await pane(be);
    await signIn(a, tokenA, 'history');
    await a.sync.push('anyway');
    a.fake.workbook.userSetValue(TASKS, 'B7', 'Nội dung đã sửa');
    await a.sync.push('anyway');
    await a.sync.openHistory();
    const h = a.store.get().sync.history!;
    expect(h.revisions.map((r) => [r.seq, r.authorName])).toEqual([
      [2, 'Cán bộ A'],
      [1, 'Cán bộ A'],
    ]);
    await a.sync.showRevision(2);
    expect(a.store.get().sync.history!.changes!.map((c) => [c.change, c.fields?.map((f) => f.field)])).toEqual([['changed', ['content']]]);
    await a.sync.restore(1);
    expect(cell(a, 'B7')).toMatch(/^Xây dựng kế hoạch phát động/);
    expect(a.store.get().sync.binding?.baseSeq).toBe(3);
    expect(a.store.get().sync.history!.revisions[0]).toMatchObject({ seq: 3, kind: 'restore' });
  }, 60_000);

  it('errors found before a push: nothing is sent until the user chooses; a draft carries a message', async () => {
    const a = await pane(be);
    await signIn(a, tokenA, 'draft');
    // A task without its content is an error.
    a.fake.workbook.userSetValue(TASKS, 'B8', null);
    const posts = be.requests.filter((r) => r.method === 'POST').length;
    await a.sync.push();
    expect(a.store.get().sync.confirm?.errors).toBeGreaterThan(0);
    expect(be.requests.filter((r) => r.method === 'POST').length).toBe(posts);
    await a.sync.push('draft');
    await a.sync.openHistory();
    expect(a.store.get().sync.history!.revisions[0]!.message).toMatch(/^Bản nháp/);
  }, 60_000);

  it('the province pulls the consolidated table and its statistics into two new sheets', async () => {
    const { findCommune } = await import('../../../core/dvhc.ts');
    const { TASK_COLUMNS } = await import('../../../core/consolidate/index.ts');
    const province = findCommune('05674')!.provinceCode;
    const p = await pane(be);
    await signIn(p, await be.token('consolidator', province, 'Sở Nội vụ'));
    await p.sync.pullConsolidated(province);
    expect(await notice(p)).toMatch(/Sheets added: Tổng hợp, Thống kê/);
    const values = p.fake.workbook.values('Tổng hợp');
    // The same columns as the server's consolidated workbook (one spec, core/consolidate/columns.ts).
    expect(values[0]).toEqual(TASK_COLUMNS.map((c) => c.header.vi));
    expect(values[0]!.slice(0, 6)).toEqual(['Mã xã', 'Xã/phường', 'Nhóm NQ57', 'Nhóm (theo kế hoạch)', 'TT', 'Nội dung']);
    expect(values.length).toBe(54);
    expect(p.fake.workbook.values('Thống kê').at(-1)![1]).toBe('Cả tỉnh');
  }, 60_000);

  it('a binding to one table pushes only that table (partial) and writes back only there', async () => {
    const a = await pane(be);
    await a.sync.bind({ server: 'http://phuluc.test', commune: '05674', planKey: 'one-table', table: 'tasks:pl ii nhiem vu' });
    await a.sync.useToken(tokenA);
    await a.sync.push('anyway');
    expect(await notice(a)).toBe('Sent (submission 1).');
    expect(a.fake.workbook.cell(TASKS, 'G5').value).toBe('phuluc-id');
    expect(a.fake.workbook.cell('PL I - Chỉ tiêu', 'F5').value).toBeNull();
    const res = await be.fetch('http://phuluc.test/api/communes/05674/plans/one-table', { headers: { authorization: `Bearer ${tokenA}` } });
    const { plan } = (await res.json()) as { plan: { appendices: { sheet: string }[] } };
    expect(plan.appendices.map((x) => x.sheet)).toEqual([TASKS]);
  }, 60_000);
});
