// Province-wide reads: the head revision of every commune's plan for one plan key, with or without plan bodies.
import { sql, type Kysely } from 'kysely';
import type { Plan } from '../../core/model/appendix.ts';
import type { DB, RevisionSummary } from '../db/schema.ts';

export interface CommuneHead {
  communeCode: string;
  communeName: string;
  seq: number;
  createdAt: string;
  author: string;
  summary: RevisionSummary;
  plan?: Plan;
}

/**
 * Every commune of the province that has pushed `planKey`, with its head (one query, DISTINCT ON per plan).
 * @example await provinceHeads(db, '31', 'NQ57-2026', { withPlans: true })
 */
export async function provinceHeads(db: Kysely<DB>, provinceCode: string | null, planKey: string, opts: { withPlans?: boolean } = {}): Promise<CommuneHead[]> {
  let q = db.selectFrom('revisions as r')
    .innerJoin('plans as p', 'p.id', 'r.plan_id')
    .innerJoin('communes as c', 'c.code', 'p.commune_code')
    .select(['c.code as commune_code', 'c.name as commune_name', 'r.seq', 'r.created_at', 'r.author', 'r.summary'])
    .where('p.plan_key', '=', planKey)
    .distinctOn('r.plan_id')
    .orderBy('r.plan_id')
    .orderBy('r.seq', 'desc');
  if (provinceCode !== null) q = q.where('c.province_code', '=', provinceCode);
  const rows = opts.withPlans ? await q.select(sql<Plan>`r.plan`.as('plan')).execute() : await q.execute();
  return rows
    .map((r) => {
      const out: CommuneHead = { communeCode: r.commune_code, communeName: r.commune_name, seq: r.seq, createdAt: new Date(r.created_at).toISOString(), author: r.author, summary: r.summary };
      const plan = (r as { plan?: Plan }).plan;
      if (plan) out.plan = plan;
      return out;
    })
    .sort((a, b) => (a.communeCode < b.communeCode ? -1 : 1));
}

/** The communes of a province, by code. */
export async function provinceCommunes(db: Kysely<DB>, provinceCode: string): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('communes').select(['code', 'name']).where('province_code', '=', provinceCode).orderBy('code').execute();
}
