/**
 * The sale demo (src/demo/sale.ts) as a visitor finds it: worked examples of 济政发〔2025〕3号
 * 第十至十七条 on the data the seed tells with the real commands.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TEST_DB_KINDS, openTestDbOf } from '../db/testing.js';
import type { DbHandle } from '../db/client.js';
import {
  accounts, auditLog, contracts, depositLedger, draws, fundLedger, gatewayCallbacks, projects, registrations, selectionBatches, units,
} from '../db/schema.js';
import { randomFieldCrypto } from '../crypto/index.js';
import { verifyAuditChain } from '../audit/index.js';
import { verifyBundle } from '../lottery/index.js';
import { randomSimBankKey } from '../payments/index.js';
import { fixedClock, type Actor, type CommandContext } from '../commands/context.js';
import { currentPlan } from '../commands/sale-plans/index.js';
import { bundleFiles, currentDraw, listPublicProjects } from '../commands/draws/index.js';
import { reconcile, registerForProject } from '../commands/registrations/index.js';
import { mySelectionTurn, selectUnit } from '../commands/selection/index.js';
import { listFunds } from '../commands/funds/index.js';
import { demoProvider, seedDemo } from './seed.js';
import { demoBank } from './sale.js';
import { CODE_A, CODE_B } from './sale-projects.js';

const TODAY = '2026-11-24';
/** The seed's moment when none is given: 10:00 in 济南 on "today". */
const NOW = new Date(`${TODAY}T10:00:00+08:00`);

const counts = async (h: DbHandle) => {
  const n = (t: Parameters<DbHandle['db']['$count']>[0]) => h.db.$count(t);
  return {
    projects: await n(projects), units: (await h.db.select().from(units)).map((u) => `${u.id}:${u.status}:${u.version}`).sort(),
    registrations: (await h.db.select().from(registrations)).map((r) => `${r.regNo}:${r.status}:${r.version}`).sort(),
    ledger: await n(depositLedger), funds: await n(fundLedger), contracts: await n(contracts), draws: await n(draws),
    batches: await n(selectionBatches), callbacks: await n(gatewayCallbacks), audit: await n(auditLog),
  };
};

describe.each(TEST_DB_KINDS)('the sale demo on %s', (kind) => {
  it('第十至十七条 as a visitor finds them: one project open for registration, one drawn with family1 called to choose; a second seed changes nothing', async () => {
    const h = await openTestDbOf(kind);
    try {
      const crypto = randomFieldCrypto();
      const bank = demoBank(randomSimBankKey(), { now: () => NOW });
      expect(await seedDemo(h, { crypto, today: TODAY, bank })).toMatchObject({ saleProjects: 2 });
      const clock = fixedClock(TODAY);
      const actor = async (username: string): Promise<Actor> => {
        const [a] = await h.db.select().from(accounts).where(eq(accounts.username, username));
        return { accountId: a!.id, role: a!.role as Actor['role'], ...(a!.districtCode ? { districtCode: a!.districtCode } : {}) };
      };
      const ctxOf = async (username: string): Promise<CommandContext> =>
        ({ db: h.db, clock, crypto, dataChecks: demoProvider(() => clock.now()), actor: await actor(username) });
      const [a] = await h.db.select().from(projects).where(eq(projects.code, CODE_A));
      const [b] = await h.db.select().from(projects).where(eq(projects.code, CODE_B));

      // 第十条: A's sale notice is published and its registration window holds today.
      const planA = await currentPlan(h.db, a!.id);
      expect(a).toMatchObject({ status: 'selling', level: 'district', saleMode: 'completed' });
      expect(planA?.noticeNo).toMatch(/^配售通告〔2026〕\d+号$/);
      expect(planA!.registrationOpensAt.getTime()).toBeLessThan(NOW.getTime());
      expect(planA!.registrationClosesAt.getTime()).toBeGreaterThan(NOW.getTime());
      expect((await h.db.select().from(units).where(eq(units.projectId, a!.id))).every((u) => u.status === 'available' && u.priceFen! > 0)).toBe(true);
      expect((await listPublicProjects({ db: h.db })).map((p) => p.code).sort()).toEqual(['JN-2024-001', CODE_A, CODE_B]);

      // 第十一条: every 认购金 came through the bank's signed callback and was booked.
      expect((await h.db.select().from(gatewayCallbacks)).map((c) => c.outcome)).toEqual(Array(6).fill('booked'));
      const anju = await ctxOf('anju');
      expect(await reconcile(anju, a!.id)).toMatchObject({ paid: 2_000_000, held: 2_000_000, credited: 0, refunded: 0, balanced: true });

      // 第四、六、七条: B's draw is drawn and its published bundle verifies.
      const draw = await currentDraw(h.db, b!.id);
      expect(draw).toMatchObject({ status: 'drawn', entrantCount: 5 });
      expect(draw!.beacon).toMatch(/^20261118-公证处现场摇号-\d{6}$/);
      const files = await bundleFiles({ db: h.db }, draw!.id);
      expect(verifyBundle({ entrantsTsv: files.entrantsTsv, lotteryJson: files.lotteryJson! })).toMatchObject({ ok: true, entrants: 5 });

      // 第十一条: family1 is called in the open batch 1 and its turn lasts about a day.
      const turn = await mySelectionTurn(await ctxOf('family1'));
      expect(turn).toMatchObject({ projectId: b!.id, open: true, outcome: 'waiting', batch: { batchNo: 1 } });
      expect(turn!.closesAt.getTime() - NOW.getTime()).toBeGreaterThan(20 * 3_600_000);

      // 第十一、十四、十七条: family6 signed; the 认购金 balance to the fen; the fund ledger shows 资本金, 开发贷款 and the down payment.
      const recB = await reconcile(anju, b!.id);
      expect(recB).toMatchObject({ paid: 10_000_000, credited: 2_000_000, refunded: 0, held: 8_000_000, heldByRegistrations: 8_000_000, balanced: true });
      expect((await h.db.select().from(contracts).where(eq(contracts.projectId, b!.id))).map((c) => c.status)).toEqual(['signed']);
      const funds = await listFunds(anju, b!.id);
      expect(funds.entries.map((e) => e.source).sort()).toEqual(['capital', 'development_loan', 'sales_proceeds']);

      expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
      const before = await counts(h);
      expect(await seedDemo(h, { crypto, today: TODAY, bank })).toMatchObject({ saleProjects: 0, applicationsCreated: 0 });
      expect(await counts(h)).toEqual(before);

      // What the visitor can do next: family1 registers for A, and chooses a unit in B.
      const family1 = await ctxOf('family1');
      await expect(registerForProject(family1, { projectId: a!.id })).resolves.toMatchObject({ status: 'pending_payment' });
      const free = turn!.grid.flatMap((g) => g.units).find((u) => u.status === 'available')!;
      await expect(selectUnit(family1, { unitId: free.id })).resolves.toMatchObject({ status: 'locked' });
    } finally {
      await h.close();
    }
  });
});
