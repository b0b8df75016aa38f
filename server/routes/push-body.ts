// The body of a push (POST …/revisions): its own module so that a pool worker can validate a large one
// (server/workers/jobs.ts) without loading the routes and the database.
import { z } from '@hono/zod-openapi';
import { PlanSchema } from '../../core/model/appendix.ts';
import { StoredText } from './params.ts';

export const PushBody = z.object({
  plan: PlanSchema,
  message: StoredText(500).optional(),
  /** The plan holds only some appendices; the others stay as they are on the server. */
  partial: z.boolean().optional(),
}).openapi('PushBody');
export type PushBody = z.infer<typeof PushBody>;
