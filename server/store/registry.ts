// The plan registry (issue 16): the plans communes submit to, each under one canonical key (upper case), looked up
// case-insensitively; created by an admin or a consolidator, or seeded at start (PHULUC_PLANS), never by a push.
import { sql, type Kysely } from 'kysely';
import { canonicalPlanKey, type PlanEntry } from '../../core/api/index.ts';
import type { DB } from '../db/schema.ts';
import { yearOfKey } from '../db/migrations.ts';
import { uniqueViolation } from './errors.ts';

export { yearOfKey } from '../db/migrations.ts';

/** A plan to register: the key in any case. */
export interface PlanSeed {
  key: string;
  name: string;
  year: number;
  dueDate?: string | null;
}

// Entries found, by database: plans are never deleted nor re-keyed, so a key once found stays found. Unknown keys
// always ask the database (another process may have just created the plan).
const found = new WeakMap<object, Map<string, PlanEntry>>();

function toEntry(r: { key: string; name: string; year: number; due_date: string | null; created_at: Date | string }): PlanEntry {
  return { key: r.key, name: r.name, year: r.year, dueDate: r.due_date, createdAt: new Date(r.created_at).toISOString() };
}

/**
 * Every registered plan, newest year first, then by key.
 * @example (await listPlanEntries(db)).map((p) => p.key) // ['NQ57-2026', 'NQ57-2025']
 */
export async function listPlanEntries(db: Kysely<DB>): Promise<PlanEntry[]> {
  const rows = await db
    .selectFrom('plan_registry')
    .select(['key', 'name', 'year', 'due_date', 'created_at'])
    .orderBy('year', 'desc')
    // Byte order, the same on every server: a locale's collation would sort "NQ57-2026" and "NQ572026" by its own rules.
    .orderBy(sql`key collate "C"`)
    .execute();
  return rows.map(toEntry);
}

/**
 * The registered plan a key names, in any case and with spaces around it; undefined when there is none.
 * @example (await findPlanEntry(db, 'nq57-2026'))?.key // 'NQ57-2026'
 */
export async function findPlanEntry(db: Kysely<DB>, key: string): Promise<PlanEntry | undefined> {
  const canonical = canonicalPlanKey(key);
  if (canonical === null) return undefined;
  const cache = found.get(db);
  const hit = cache?.get(canonical);
  if (hit) return hit;
  const row = await db
    .selectFrom('plan_registry')
    .select(['key', 'name', 'year', 'due_date', 'created_at'])
    .where('key', '=', canonical)
    .executeTakeFirst();
  if (!row) return undefined;
  const entry = toEntry(row);
  if (cache) cache.set(canonical, entry);
  else found.set(db, new Map([[canonical, entry]]));
  return entry;
}

/**
 * Register a plan under its canonical key; `exists` (with the plan that has the key) when the key is taken in any case.
 * @example await registerPlan(db, { key: 'nq57-2026', name: 'Kế hoạch …', year: 2026 }, 'token:abc')
 */
export async function registerPlan(
  db: Kysely<DB>,
  seed: PlanSeed,
  createdBy: string,
): Promise<{ created: PlanEntry } | { exists: PlanEntry } | { invalid: string }> {
  const key = canonicalPlanKey(seed.key);
  if (key === null) return { invalid: seed.key };
  const before = await findPlanEntry(db, key);
  if (before) return { exists: before };
  try {
    const row = await db
      .insertInto('plan_registry')
      .values({ key, name: seed.name.trim(), year: seed.year, due_date: seed.dueDate ?? null, created_by: createdBy })
      .returning(['key', 'name', 'year', 'due_date', 'created_at'])
      .executeTakeFirstOrThrow();
    return { created: toEntry(row) };
  } catch (err) {
    // Two creators at once: the other one won.
    if (uniqueViolation(err) === null) throw err;
    return { exists: (await findPlanEntry(db, key))! };
  }
}

/**
 * Register the plans that are not yet registered (start-up seeding, tests); existing entries are left as they are.
 * @example await seedPlans(db, parsePlanSeeds('NQ57-2026=Kế hoạch NQ57 năm 2026'), 'PHULUC_PLANS')
 */
export async function seedPlans(db: Kysely<DB>, seeds: readonly PlanSeed[], createdBy: string): Promise<void> {
  const rows = seeds.map((s) => ({
    key: canonicalPlanKey(s.key)!,
    name: s.name.trim(),
    year: s.year,
    due_date: s.dueDate ?? null,
    created_by: createdBy,
  }));
  if (rows.some((r) => r.key === null)) throw new Error('seedPlans: invalid key');
  if (rows.length === 0) return;
  await db
    .insertInto('plan_registry')
    .values(rows)
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/**
 * PHULUC_PLANS: plans to register at start, "KEY=Tên kế hoạch" entries separated by ";" or new lines; a name may end
 * with "|yyyy-mm-dd" (the due date). The year is the key's 4-digit year, else the name's, else this year.
 * Throws a Vietnamese and English message naming the bad entry.
 * @example parsePlanSeeds('NQ57-2026=Kế hoạch thực hiện NQ57 năm 2026|2026-03-31')
 * // [{ key: 'NQ57-2026', name: 'Kế hoạch thực hiện NQ57 năm 2026', year: 2026, dueDate: '2026-03-31' }]
 */
export function parsePlanSeeds(text: string | undefined): PlanSeed[] {
  const out: PlanSeed[] = [];
  for (const raw of (text ?? '').split(/[;\n]/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const eq = entry.indexOf('=');
    const keyText = (eq < 0 ? entry : entry.slice(0, eq)).trim();
    const key = canonicalPlanKey(keyText);
    if (key === null)
      throw new Error(
        `PHULUC_PLANS: mã kế hoạch “${keyText}” không hợp lệ (chữ, số, . _ -, tối đa 64 ký tự) / invalid plan key "${keyText}".`,
      );
    let name = eq < 0 ? key : entry.slice(eq + 1).trim() || key;
    let dueDate: string | null = null;
    const due = /\|\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(name);
    if (due) {
      dueDate = due[1]!;
      name = name.slice(0, due.index).trim() || key;
    }
    const year = /(?:^|\D)(20\d\d)(?!\d)/.test(key) ? yearOfKey(key) : yearOfKey(name);
    out.push({ key, name, year, dueDate });
  }
  return out;
}
