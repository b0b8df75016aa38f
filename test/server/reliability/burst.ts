// A burst of concurrent pushes over real HTTP, each editing its own task: who got a 2xx, and with which key.
import type { Plan } from '../../../core/model/index.ts';
import { planOf, type RowSpec } from '../../core/merge/plan-of.ts';

/** A plan of `n` tasks in one group. */
export function bigPlan(n: number): Plan {
  const rows: RowSpec[] = [['I', 'Chuyển đổi số']];
  for (let i = 1; i <= n; i++)
    rows.push([
      i,
      `Nhiệm vụ số ${i}: triển khai nội dung chuyển đổi số thứ ${i} trên địa bàn`,
      'Văn phòng HĐND và UBND',
      'Công an xã',
      'Báo cáo',
      'Quý IV/2026',
    ]);
  return planOf(rows);
}

/** Set task `tt`'s result in a copy of the plan. */
export function withResult(plan: Plan, tt: number, result: string): Plan {
  const copy = structuredClone(plan);
  copy.appendices[0]!.rows.find((r) => r.kind === 'task' && r.tt === String(tt))!.fields.result = result;
  return copy;
}

export interface BurstResult {
  acknowledged: { key: string; tt: number; result: string; seq: number }[];
  failed: number;
}

/**
 * `count` pushes, `concurrency` at a time, spread over `urls` (several servers), each on base revision `base`.
 * @example await burst({ urls: [a.url, b.url], token, path, plan: v1, base: 1, count: 40, concurrency: 8 })
 */
export async function burst(o: {
  urls: string[];
  token: string;
  path: string;
  plan: Plan;
  base: number;
  count: number;
  concurrency: number;
  keyPrefix: string;
  onAck?: (n: number) => void;
}): Promise<BurstResult> {
  const acknowledged: BurstResult['acknowledged'] = [];
  let failed = 0;
  let next = 0;
  const worker = async (w: number) => {
    for (;;) {
      const i = next++;
      if (i >= o.count) return;
      const tt = i + 1;
      const key = `${o.keyPrefix}-${i}`;
      const result = `Kết quả ${o.keyPrefix} ${i}`;
      try {
        const res = await fetch(`${o.urls[(i + w) % o.urls.length]}${o.path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${o.token}`,
            'content-type': 'application/json',
            'if-match': `"${o.base}"`,
            'idempotency-key': key,
          },
          body: JSON.stringify({ plan: withResult(o.plan, tt, result) }),
        });
        const body = (await res.json()) as { revision?: { seq: number } };
        if (res.status >= 200 && res.status < 300) {
          acknowledged.push({ key, tt, result, seq: body.revision!.seq });
          o.onAck?.(acknowledged.length);
        } else failed++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, (_, w) => worker(w)));
  return { acknowledged, failed };
}
