// The storage suite, run against every database we support (PGlite and PostgreSQL): one behaviour, two engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/model/index.ts';
import type { Database } from '../../../server/db/connect.ts';
import { sql } from 'kysely';
import { migrate } from '../../../server/db/connect.ts';
import { ensurePlan, findPlan } from '../../../server/store/plans.ts';
import { findPlanEntry, listPlanEntries, registerPlan, seedPlans } from '../../../server/store/registry.ts';
import { headRevision, listRevisions } from '../../../server/store/revisions.ts';
import { provinceHeads } from '../../../server/store/status.ts';
import { createToken, findTokenByHash, hashToken } from '../../../server/store/tokens.ts';
import { canonicalJson } from '../../../server/sync/canonical.ts';
import { pushRevision, type PushInput } from '../../../server/sync/push.ts';
import { planOf } from '../../core/merge/plan-of.ts';

const base = (): Plan =>
  planOf([
    ['I', 'Nâng cao nhận thức'],
    [1, 'Tuyên truyền Nghị quyết 57 đến cán bộ, đảng viên', 'Phòng Văn hóa - Xã hội', 'Ủy ban MTTQ xã', 'Báo cáo', 'Quý I/2026'],
    [
      2,
      'Tổ chức hội nghị quán triệt Nghị quyết 57 cho cán bộ chủ chốt',
      'Văn phòng HĐND và UBND',
      'Các phòng, ban',
      'Hội nghị',
      'Quý II/2026',
    ],
    [
      3,
      'Xây dựng chuyên mục chuyển đổi số trên cổng thông tin của xã',
      'Văn phòng HĐND và UBND',
      'Công an xã',
      'Chuyên mục',
      'Tháng 9/2026',
    ],
  ]);

function edit(plan: Plan, tt: number, field: 'lead' | 'deadline' | 'result', value: string): Plan {
  const copy = structuredClone(plan);
  const row = copy.appendices[0]!.rows.find((r) => r.kind === 'task' && r.tt === String(tt))!;
  row.fields[field] = value;
  return copy;
}

const push = (over: Partial<PushInput> & { plan: Plan }): PushInput => ({
  communeCode: '10903',
  planKey: 'NQ57-2026',
  baseSeq: 0,
  idempotencyKey: null,
  author: 'token:t1',
  authorName: 'Cán bộ A',
  kind: 'push',
  ...over,
});

/** Register the suite for one engine. */
export function storageSuite(engine: string, open: () => Promise<Database>): void {
  describe(`storage on ${engine}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await open();
    });
    afterAll(async () => {
      await database?.close();
    });

    it('has the 34 provinces and 3,321 communes after migration', async () => {
      const { db } = database;
      expect((await db.selectFrom('provinces').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n).toEqual(expect.anything());
      const n = Number((await db.selectFrom('communes').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      expect(n).toBe(3321);
    });

    it('creates a plan once, even when asked twice at the same time', async () => {
      const [a, b] = await Promise.all([ensurePlan(database.db, '10903', 'P-once', 'x'), ensurePlan(database.db, '10903', 'P-once', 'y')]);
      expect(a.id).toBe(b.id);
    });

    it('stores on the head, merges onto a newer head, refuses a conflict and stores nothing', async () => {
      const { db } = database;
      const key = 'NQ57-merge';
      const first = await pushRevision(db, push({ planKey: key, plan: base(), baseSeq: 0 }));
      expect(first.status).toBe('created');
      const r1 = first.status === 'created' ? first.revision : null;
      // Server-assigned ids come back: clients edit those.
      const v1 = r1!.plan!;
      expect(v1.appendices[0]!.rows.filter((r) => r.kind === 'task').every((r) => typeof r.id === 'string')).toBe(true);

      const a = await pushRevision(db, push({ planKey: key, plan: edit(v1, 1, 'lead', 'Phòng Kinh tế'), baseSeq: 1 }));
      expect(a.status).toBe('created');
      const b = await pushRevision(
        db,
        push({ planKey: key, plan: edit(v1, 3, 'deadline', 'Tháng 12/2026'), baseSeq: 1, author: 'token:t2' }),
      );
      expect(b.status).toBe('merged');
      const merged = b.status === 'merged' ? b.revision.plan! : null;
      const task = (tt: string) => merged!.appendices[0]!.rows.find((r) => r.tt === tt)!;
      expect(task('1').fields.lead).toBe('Phòng Kinh tế');
      expect(task('3').fields.deadline).toBe('Tháng 12/2026');

      const c = await pushRevision(db, push({ planKey: key, plan: edit(v1, 1, 'lead', 'Công an xã'), baseSeq: 1 }));
      expect(c.status).toBe('conflict');
      if (c.status === 'conflict')
        expect(c.conflicts[0]).toMatchObject({
          field: 'lead',
          base: 'Phòng Văn hóa - Xã hội',
          theirs: 'Phòng Kinh tế',
          mine: 'Công an xã',
        });
      const plan = await ensurePlan(db, '10903', key, 'x');
      expect((await listRevisions(db, plan.id)).map((r) => r.seq)).toEqual([3, 2, 1]);
    });

    it('replays an idempotency key instead of storing twice, and refuses a base from the future', async () => {
      const { db } = database;
      const key = 'NQ57-idem';
      const one = await pushRevision(db, push({ planKey: key, plan: base(), idempotencyKey: 'k-1' }));
      const again = await pushRevision(db, push({ planKey: key, plan: base(), idempotencyKey: 'k-1' }));
      expect(one.status).toBe('created');
      expect(again.status).toBe('replayed');
      expect(await pushRevision(db, push({ planKey: key, plan: base(), baseSeq: 9 }))).toEqual({ status: 'bad-base', headSeq: 1 });
      const plan = await ensurePlan(db, '10903', key, 'x');
      expect((await listRevisions(db, plan.id)).length).toBe(1);
    });

    it('keeps every one of many concurrent pushes on one plan (no lost update)', async () => {
      const { db } = database;
      const key = 'NQ57-race';
      const first = await pushRevision(db, push({ planKey: key, plan: base() }));
      const v1 = first.status === 'created' ? first.revision.plan! : base();
      const edits = [
        edit(v1, 1, 'result', 'Báo cáo năm'),
        edit(v1, 2, 'result', 'Nghị quyết'),
        edit(v1, 3, 'result', 'Chuyên mục mới'),
        edit(v1, 1, 'deadline', 'Quý IV/2026'),
        edit(v1, 2, 'deadline', 'Tháng 5/2026'),
      ];
      const outcomes = await Promise.all(
        edits.map((plan, i) => pushRevision(db, push({ planKey: key, plan, baseSeq: 1, idempotencyKey: `race-${i}` }))),
      );
      expect(outcomes.every((o) => o.status === 'created' || o.status === 'merged')).toBe(true);
      const plan = await ensurePlan(db, '10903', key, 'x');
      const head = (await headRevision(db, plan.id))!;
      expect(head.seq).toBe(6);
      const tasks = head.plan!.appendices[0]!.rows.filter((r) => r.kind === 'task');
      expect(tasks.map((r) => [r.fields.result, r.fields.deadline])).toEqual([
        ['Báo cáo năm', 'Quý IV/2026'],
        ['Nghị quyết', 'Tháng 5/2026'],
        ['Chuyên mục mới', 'Tháng 9/2026'],
      ]);
    });

    it('stores tokens as hashes and finds them by the secret’s hash', async () => {
      const t = await createToken(database.db, { role: 'editor', communeCode: '10903', label: 'Cẩm Giàng', createdBy: 'test' });
      expect(t.secret).toMatch(/^phl_/);
      const row = await database.db.selectFrom('tokens').selectAll().where('id', '=', t.id).executeTakeFirstOrThrow();
      expect(row.hash).toBe(hashToken(t.secret));
      expect(JSON.stringify(row)).not.toContain(t.secret);
      expect(await findTokenByHash(database.db, hashToken(t.secret))).toMatchObject({ role: 'editor', communeCode: '10903' });
      expect(await findTokenByHash(database.db, hashToken(`${t.secret}x`))).toBeUndefined();
    });

    it('lists the head of every commune of a province for a plan key', async () => {
      const { db } = database;
      await pushRevision(db, push({ communeCode: '10888', planKey: 'NQ57-prov', plan: base() }));
      await pushRevision(db, push({ communeCode: '10903', planKey: 'NQ57-prov', plan: base() }));
      await pushRevision(
        db,
        push({ communeCode: '10903', planKey: 'NQ57-prov', plan: edit(base(), 2, 'result', 'Hai hội nghị'), baseSeq: 1 }),
      );
      await pushRevision(db, push({ communeCode: '00004', planKey: 'NQ57-prov', plan: base() }));
      const heads = await provinceHeads(db, '31', 'NQ57-prov', { withPlans: true });
      expect(heads.map((h) => [h.communeCode, h.seq])).toEqual([
        ['10888', 1],
        ['10903', 2],
      ]);
      expect(heads[0]!.summary.tasks).toBe(3);
      expect(heads[0]!.plan!.appendices.length).toBe(1);
    });

    it('stores nothing for the head’s own content, however its keys are ordered or its file named (issue 16)', async () => {
      const { db } = database;
      const first = await pushRevision(db, push({ planKey: 'NQ57-same', plan: base() }));
      if (first.status !== 'created') throw new Error(first.status);
      // The same plan with every object's keys in reverse order, and another file name.
      const reversed = (v: unknown): unknown =>
        Array.isArray(v)
          ? v.map(reversed)
          : v !== null && typeof v === 'object'
            ? Object.fromEntries(
                Object.keys(v)
                  .reverse()
                  .map((k) => [k, reversed((v as Record<string, unknown>)[k])]),
              )
            : v;
      const same = { ...(reversed(first.revision.plan) as Plan), source: { file: 'khac.xlsx' } };
      const again = await pushRevision(db, push({ planKey: 'NQ57-same', plan: same, baseSeq: 1 }));
      // The head answered, with the plan as sent (its canonical text: the same keys in sorted order, the new file name).
      expect(again).toEqual({
        status: 'unchanged',
        revision: { ...first.revision, plan: same },
        fingerprint: expect.any(String),
        planJson: canonicalJson(same),
        planBytes: Buffer.byteLength(canonicalJson(same)),
      });
      expect(JSON.parse((again as { planJson: string }).planJson)).toEqual(same);
      expect((await listRevisions(db, (await findPlan(db, '10903', 'NQ57-same'))!.id)).map((r) => r.seq)).toEqual([1]);
    });

    it('registers plans under their canonical key, finds them in any case, lists them newest year first (issue 16)', async () => {
      const { db } = database;
      expect(await registerPlan(db, { key: ' kh-2030 ', name: 'Kế hoạch 2030', year: 2030, dueDate: '2030-01-31' }, 'token:a')).toEqual({
        created: { key: 'KH-2030', name: 'Kế hoạch 2030', year: 2030, dueDate: '2030-01-31', createdAt: expect.any(String) },
      });
      expect(await registerPlan(db, { key: 'Kh-2030', name: 'Khác', year: 2030 }, 'token:b')).toEqual({
        exists: expect.objectContaining({ key: 'KH-2030', name: 'Kế hoạch 2030' }),
      });
      expect(await registerPlan(db, { key: 'a b', name: 'X', year: 2030 }, 'token:b')).toEqual({ invalid: 'a b' });
      expect((await findPlanEntry(db, 'kh-2030'))?.key).toBe('KH-2030');
      expect(await findPlanEntry(db, 'kh-2031')).toBeUndefined();
      await seedPlans(
        db,
        [
          { key: 'kh-2030', name: 'Không đổi tên', year: 2030 },
          { key: 'kh.2029', name: 'Kế hoạch 2029', year: 2029 },
        ],
        'seed',
      );
      const keys = (await listPlanEntries(db)).map((p) => [p.key, p.name]);
      expect(keys.slice(0, 2)).toEqual([
        ['KH-2030', 'Kế hoạch 2030'],
        ['KH.2029', 'Kế hoạch 2029'],
      ]);
    });

    it('migration 0004 makes stored keys canonical and registers them; one plan under two spellings keeps both (issue 16)', async () => {
      // A database as 0003 left it: plans typed freely, no registry.
      const old = await open();
      try {
        const { db } = old;
        // Later migrations undone first (the migrator runs them again after 0004).
        for (const table of ['progress_periods', 'progress_versions', 'progress_reviews', 'calendar_links'])
          await sql`DROP TABLE ${sql.table(table)}`.execute(db);
        await sql`DROP TABLE plan_registry`.execute(db);
        await sql`ALTER TABLE tokens DROP COLUMN holder`.execute(db);
        await sql`DELETE FROM kysely_migration WHERE name >= '0004'`.execute(db);
        for (const [commune, key] of [
          ['10903', 'nq57-2026'],
          ['10888', 'NQ57-2026'],
          ['10888', 'nq57-2026'],
          ['00004', 'Ke-Hoach.Rieng'],
          ['00004', 'KH-NAM'],
        ])
          await db.insertInto('plans').values({ commune_code: commune!, plan_key: key!, created_by: 'old' }).execute();
        await migrate(db);
        const plans = await db.selectFrom('plans').select(['commune_code', 'plan_key']).orderBy('id').execute();
        expect(plans.map((p) => `${p.commune_code}/${p.plan_key}`)).toEqual([
          '10903/NQ57-2026',
          '10888/NQ57-2026',
          '10888/NQ57-2026.CASE2',
          '00004/KE-HOACH.RIENG',
          '00004/KH-NAM',
        ]);
        const thisYear = new Date().getUTCFullYear();
        expect((await listPlanEntries(db)).map((p) => [p.key, p.name, p.year, p.dueDate])).toEqual(
          [
            ['NQ57-2026', 'NQ57-2026', 2026, null],
            ['NQ57-2026.CASE2', 'NQ57-2026 (bản gửi dưới mã “nq57-2026”)', 2026, null],
            ['KE-HOACH.RIENG', 'KE-HOACH.RIENG', thisYear, null],
            ['KH-NAM', 'KH-NAM', thisYear, null],
          ].sort((a, b) => (b[2] as number) - (a[2] as number) || ((a[0] as string) < (b[0] as string) ? -1 : 1)),
        );
      } finally {
        await old.close();
      }
    });
  });
}
