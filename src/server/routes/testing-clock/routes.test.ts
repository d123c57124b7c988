import { describe, expect, it } from 'vitest';
import { offsetClock } from '../../../commands/context.js';
import { buildTestApp } from '../../testing.js';

describe('the test clock route exists only on a server started with QC_TEST_CLOCK=1', () => {
  it('a normal server has no /api/testing/clock', async () => {
    const t = await buildTestApp('pglite');
    try {
      expect((await t.app.inject({ method: 'POST', url: '/api/testing/clock', payload: { advanceDays: 3 } })).statusCode).toBe(404);
    } finally { await t.close(); }
  });

  it('with a movable clock, advancing three days moves today by three days and never backwards', async () => {
    const clock = offsetClock();
    const t = await buildTestApp('pglite', { clock, clockControl: clock });
    try {
      const before = clock.now().getTime();
      const res = await t.app.inject({ method: 'POST', url: '/api/testing/clock', payload: { advanceDays: 3, advanceMinutes: 30 } });
      expect(res.statusCode).toBe(200);
      expect(res.json().offsetMinutes).toBe(3 * 1440 + 30);
      expect(clock.now().getTime() - before).toBeGreaterThanOrEqual((3 * 1440 + 30) * 60_000);
      expect((await t.app.inject({ method: 'POST', url: '/api/testing/clock', payload: { advanceDays: -1 } })).statusCode).toBe(400);
      expect(clock.offsetMs()).toBe((3 * 1440 + 30) * 60_000);
    } finally { await t.close(); }
  });
});
