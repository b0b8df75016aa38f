// The progress routes as the pane uses them: core's one client, with the plan push's rule on top — an answer to a
// report is used only if it is for the body sent (its fingerprint), and a report with no head yet is "none".
import {
  ApiError,
  createApiClient,
  type CommuneProgress,
  type ProgressHead,
  type ProgressPushAnswer,
  type ProgressPushBody,
} from '../../../core/api/index.ts';
import { sha256Hex } from '../sync/fingerprint.ts';

export interface ProgressApiOptions {
  server: string;
  token(): Promise<string>;
  fetch: typeof fetch;
}

export type ProgressDelivered = ProgressPushAnswer & { replayed: boolean };
export type ProgressApi = ReturnType<typeof createProgressApi>;

const OFFLINE = { message: 'Không kết nối được máy chủ đồng bộ.', messageEn: 'The sync server cannot be reached.' };

/** @example const api = createProgressApi({ server, token, fetch }); await api.periods('05674', 'NQ57-2026') */
export function createProgressApi(opts: ProgressApiOptions) {
  const client = createApiClient({
    server: opts.server,
    fetch: (url, init) => opts.fetch(url, init),
    bearer: () => opts.token(),
    offline: OFFLINE,
  });
  return {
    /** Every period of the province with where this commune's report stands. */
    periods: async (commune: string, planKey: string): Promise<CommuneProgress['periods']> =>
      (await client.communeProgress(commune, planKey)).periods,
    /** The head report of a period; null when nothing was sent yet. */
    async head(commune: string, planKey: string, period: string): Promise<ProgressHead | null> {
      try {
        return await client.progressHead(commune, planKey, period);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404 && err.code === 'progress-none') return null;
        throw err;
      }
    },
    /** Send a report; the answer is checked to be for these exact bytes (else 'fingerprint-mismatch', sent again with a new key). */
    async send(commune: string, planKey: string, period: string, body: ProgressPushBody, key: string): Promise<ProgressDelivered> {
      const text = JSON.stringify(body);
      const fingerprint = await sha256Hex(text);
      const r = await client.sendProgress(commune, planKey, period, text, { key });
      if (r.body.fingerprint !== fingerprint)
        throw new ApiError(
          422,
          'fingerprint-mismatch',
          'Câu trả lời của máy chủ không phải cho báo cáo vừa gửi; không ghi gì vào bảng, sẽ gửi lại với khóa mới.',
          "The server's answer is not for the report just sent; nothing written to the sheet, sending again with a new key.",
          { expected: fingerprint, got: r.body.fingerprint },
        );
      return { ...r.body, replayed: r.replayed };
    },
  };
}
