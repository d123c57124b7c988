/**
 * POST /api/testing/clock: moves the server's clock forward, for browser tests of processes that
 * span days (a 认购 window of at least three days, 第十一条; a 选房 window; a contract deadline).
 * Registered only when the server was started with QC_TEST_CLOCK=1 (e2e/run.ts does); a
 * production server has no such route and answers 404.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';

const Body = z.object({
  advanceMinutes: z.number().int().min(0).max(60 * 24 * 400).optional(),
  advanceDays: z.number().int().min(0).max(400).optional(),
});
const Now = z.object({ now: z.string(), today: z.string(), offsetMinutes: z.number() });

/** Registers the route when the deps carry a movable clock. */
export function testingClockRoutes(app: FastifyInstance, deps: AppDeps): void {
  const control = deps.clockControl;
  if (!control) return;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => ({ now: deps.clock.now().toISOString(), today: deps.clock.today(), offsetMinutes: Math.round(control.offsetMs() / 60_000) });
  r.get('/api/testing/clock', { schema: { hide: true, response: { 200: Now } } }, async () => now());
  r.post('/api/testing/clock', { schema: { hide: true, body: Body, response: { 200: Now } } }, async (req) => {
    control.advance(((req.body.advanceDays ?? 0) * 1440 + (req.body.advanceMinutes ?? 0)) * 60_000);
    return now();
  });
}
