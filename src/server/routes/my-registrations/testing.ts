/**
 * HTTP test support for the sale's money: the app on a fresh database with a simulated bank on
 * the test clock, a `saleWorld` in it, and signed-in agents for any of its accounts.
 */
import { SimulatedBank } from '../../../payments/simulated-bank.js';
import { randomSimBankKey } from '../../../payments/key.js';
import { createSession } from '../../../commands/accounts/session.js';
import { saleWorld } from '../../../commands/sale/testing.js';
import { Agent, buildTestApp, type TestApp } from '../../testing.js';

/** The app with a bank, the world, and `as(accountId)` → a signed-in Agent. The clock stands at 2026-03-02 10:00 Shanghai. */
export async function saleApp(kind: 'pglite' | 'postgres') {
  let t: TestApp | undefined;
  const bank = new SimulatedBank({ key: randomSimBankKey(), now: () => t!.clock.now() });
  t = await buildTestApp(kind, { gateway: bank });
  t.clock.current = new Date('2026-03-02T02:00:00Z');
  const w = await saleWorld(t.handle, { families: 4 });
  const as = async (accountId: string) => {
    const a = new Agent(t!.app);
    a.cookie = (await createSession({ db: t!.handle.db, clock: t!.clock }, accountId)).token;
    return a;
  };
  return { t, w, bank, as };
}
