// For the province: the consolidated table and its statistics, added as two sheets in one write batch.
import type { SyncContext } from './context.ts';
import { consolidatedSheets } from './consolidated-sheets.ts';
import type { Credentials } from './credentials.ts';

/** @example await pullConsolidated(ctx, creds, '19') // province code, from the commune's by default */
export async function pullConsolidated(ctx: SyncContext, creds: Credentials, province: string): Promise<void> {
  const { api: a, b } = creds.bound();
  const data = await a.consolidated(province, b.planKey);
  const names = await ctx.port.addSheets(consolidatedSheets(data, ctx.store.get().lang));
  ctx.say('success', (s) => s.consolidatedPulled(names.join(', ')));
}
