// Province-wide reads: the head revision of every commune's plan for one plan key, with or without plan bodies.
import { sql, type Kysely } from 'kysely';
import type { Plan } from '../../core/model/index.ts';
import type { DB, RevisionSummary } from '../db/schema.ts';

export interface CommuneHead {
  communeCode: string;
  communeName: string;
  seq: number;
  createdAt: string;
  author: string;
  authorName: string | null;
  summary: RevisionSummary;
  plan?: Plan;
}

/** A head row as both queries select it. */
interface HeadRow {
  commune_code: string;
  commune_name: string;
  seq: number;
  created_at: Date | string;
  author: string;
  author_name: string | null;
  summary: RevisionSummary;
}

/** A head row as the API answers it (ISO time). */
function headOf(r: HeadRow): CommuneHead {
  return {
    communeCode: r.commune_code,
    communeName: r.commune_name,
    seq: r.seq,
    createdAt: new Date(r.created_at).toISOString(),
    author: r.author,
    authorName: r.author_name,
    summary: r.summary,
  };
}

/**
 * Every commune of the province that has pushed `planKey`, with its head (one query, DISTINCT ON per plan).
 * @example await provinceHeads(db, '31', 'NQ57-2026', { withPlans: true })
 */
export async function provinceHeads(
  db: Kysely<DB>,
  provinceCode: string | null,
  planKey: string,
  opts: { withPlans?: boolean } = {},
): Promise<CommuneHead[]> {
  let q = db
    .selectFrom('revisions as r')
    .innerJoin('plans as p', 'p.id', 'r.plan_id')
    .innerJoin('communes as c', 'c.code', 'p.commune_code')
    .select(['c.code as commune_code', 'c.name as commune_name', 'r.seq', 'r.created_at', 'r.author', 'r.author_name', 'r.summary'])
    .where('p.plan_key', '=', planKey)
    .distinctOn('r.plan_id')
    .orderBy('r.plan_id')
    .orderBy('r.seq', 'desc');
  if (provinceCode !== null) q = q.where('c.province_code', '=', provinceCode);
  const rows = opts.withPlans ? await q.select(sql<Plan>`r.plan`.as('plan')).execute() : await q.execute();
  return rows
    .map((r) => {
      const out: CommuneHead = headOf(r);
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

/**
 * The heads with their plans, by commune code, `pageSize` at a time: a national export holds one page of plans,
 * never all 3,321 (keyset pages on (commune, key), the head found per plan through the (plan, seq) index).
 * @example for await (const page of headsInPages(db, null, 'NQ57-2026')) for (const h of page) use(h.plan)
 */
export async function* headsInPages(
  db: Kysely<DB>,
  provinceCode: string | null,
  planKey: string,
  pageSize = 50,
): AsyncGenerator<(CommuneHead & { plan: Plan })[]> {
  let after = '';
  for (;;) {
    // The page's plans are chosen first, then each one's head is read: with the LIMIT outside, the planner (without
    // statistics on a fresh PGlite) read the head of every plan after `after` and sorted them all, for every page.
    const { rows } = await sql<HeadRow & { plan: Plan }>`
      SELECT p.commune_code, c.name AS commune_name, h.seq, h.created_at, h.author, h.author_name, h.summary, h.plan
      FROM (
        SELECT p.id, p.commune_code FROM plans p
        ${provinceCode === null ? sql`` : sql`JOIN communes pc ON pc.code = p.commune_code AND pc.province_code = ${provinceCode}`}
        WHERE p.plan_key = ${planKey} AND p.commune_code > ${after}
        ORDER BY p.commune_code
        LIMIT ${pageSize}
      ) p
      JOIN communes c ON c.code = p.commune_code
      LEFT JOIN LATERAL (SELECT seq, created_at, author, author_name, summary, plan FROM revisions r WHERE r.plan_id = p.id ORDER BY seq DESC LIMIT 1) h ON true
      ORDER BY p.commune_code`.execute(db);
    // A plan without a revision (none is stored so, but a short page must mean the last page) is left out.
    const heads = rows.filter((r) => r.seq !== null).map((r) => ({ ...headOf(r), plan: r.plan }));
    if (heads.length > 0) yield heads;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.commune_code;
  }
}
