/**
 * 第十一条 under concurrency: the database, not the process, makes a payment count once.
 * Real concurrency needs real connections: PostgreSQL only.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.js';
import { openTestDb } from '../../db/testing.js';
import { depositLedger, gatewayCallbacks, registrations } from '../../db/schema.js';
import { depositBalance } from '../deposits/ledger.js';
import { saleWorld, type SaleWorld } from '../sale/testing.js';
import { handlePaymentCallback, registerForProject, startPayment } from './index.js';
import { emptyDb, worldBank } from './testing.js';

describe.skipIf(!process.env.DATABASE_URL)('认购金 under concurrency (PostgreSQL, 20 connections)', () => {
  let h: DbHandle; let w: SaleWorld;
  beforeAll(async () => { h = await openTestDb({ poolSize: 25 }); });
  beforeEach(async () => {
    await emptyDb(h);
    w = await saleWorld(h, { families: 2 });
  });
  afterAll(() => h?.close());

  const publicCtx = () => w.ctxAs({ accountId: '', role: 'public' });

  it('one callback replayed from 20 connections at once: exactly one `paid` row, 19 duplicates', async () => {
    const bank = worldBank(w);
    const fam = w.ctxAs(w.families[0]!.actor);
    const reg = await registerForProject(fam, { projectId: w.project.id });
    const order = await startPayment(fam, bank, { registrationId: reg.id });
    const [cb] = bank.pay(order.orderNo);
    const out = await Promise.all(Array.from({ length: 20 }, () => handlePaymentCallback(publicCtx(), bank, { rawBody: cb!.rawBody, signature: cb!.signature })));
    expect(out.filter((o) => o.outcome === 'booked')).toHaveLength(1);
    expect(out.filter((o) => o.outcome === 'duplicate')).toHaveLength(19);
    const rows = await h.db.select().from(depositLedger).where(eq(depositLedger.registrationId, reg.id));
    expect(rows.map((r) => r.kind)).toEqual(['paid']);
    expect(await h.db.select().from(gatewayCallbacks)).toHaveLength(20);
  });

  it('20 different bank transactions for one registration at once: one counts, 19 are refunded, one 认购金 is held', async () => {
    const bank = worldBank(w);
    const fam = w.ctxAs(w.families[0]!.actor);
    const reg = await registerForProject(fam, { projectId: w.project.id });
    const order = await startPayment(fam, bank, { registrationId: reg.id });
    const cbs = bank.pay(order.orderNo, { times: 20 });
    const out = await Promise.all(cbs.map((cb) => handlePaymentCallback(publicCtx(), bank, { rawBody: cb.rawBody, signature: cb.signature })));
    expect(out.filter((o) => o.outcome === 'booked')).toHaveLength(1);
    expect(out.filter((o) => o.outcome === 'refunded')).toHaveLength(19);
    expect(await depositBalance(h.db as never, reg.id)).toEqual({ paid: 40_000_000, credited: 0, refunded: 38_000_000, held: 2_000_000 });
  });

  it('one family registering from 20 connections at once gets one registration', async () => {
    const fam = w.ctxAs(w.families[1]!.actor);
    const out = await Promise.all(Array.from({ length: 20 }, () => registerForProject(fam, { projectId: w.project.id })));
    expect(new Set(out.map((r) => r.id)).size).toBe(1);
    expect(await h.db.select().from(registrations)).toHaveLength(1);
  });
});
