/**
 * The closed-loop demo (src/demo/closed-loop.ts) as a visitor finds it: worked examples of
 * 济政发〔2025〕3号 第十八至二十七条 on the pilot project carried over from the earlier register.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TEST_DB_KINDS, openTestDbOf } from '../db/testing.js';
import type { DbHandle } from '../db/client.js';
import {
  accounts, applications, auditLog, buybackContracts, buybackPayments, exitApplications, multiUnitObligations, notifications, titles,
  transferOffers, unitCases, vacatingItems,
} from '../db/schema.js';
import { randomFieldCrypto } from '../crypto/index.js';
import { verifyAuditChain } from '../audit/index.js';
import { fixedClock, type Actor, type CommandContext } from '../commands/context.js';
import { exitBoard, myHome } from '../commands/exits/index.js';
import { myTransferOffers } from '../commands/transfers/index.js';
import { listObligations } from '../commands/unit-events/index.js';
import { buybackContractPdf } from '../commands/buybacks/index.js';
import { demoProvider, seedDemo } from './seed.js';
import { PILOT_FAMILIES } from './closed-loop-families.js';

const TODAY = '2026-11-24';

const counts = async (h: DbHandle) => ({
  titles: (await h.db.select().from(titles)).map((t) => `${t.certificateNo}:${t.supersededOn}`).sort(),
  exits: (await h.db.select().from(exitApplications)).map((e) => `${e.exitNo}:${e.status}:${e.version}`).sort(),
  audit: await h.db.$count(auditLog), notifications: await h.db.$count(notifications), offers: await h.db.$count(transferOffers),
  apps: await h.db.$count(applications), accounts: await h.db.$count(accounts),
});

describe.each(TEST_DB_KINDS)('the closed-loop demo on %s', (kind) => {
  it('第十八至二十七条 as a visitor finds them: one exit overdue, one contracted, an inheritance with its deadline, an open transfer offer; a second seed changes nothing', async () => {
    const h = await openTestDbOf(kind);
    try {
      const crypto = randomFieldCrypto();
      expect(await seedDemo(h, { crypto, today: TODAY })).toMatchObject({ saleProjects: 2, closedLoopProjects: 1 });
      const clock = fixedClock(TODAY);
      const ctxOf = async (username: string): Promise<CommandContext> => {
        const [a] = await h.db.select().from(accounts).where(eq(accounts.username, username));
        const actor: Actor = { accountId: a!.id, role: a!.role as Actor['role'], ...(a!.districtCode ? { districtCode: a!.districtCode } : {}) };
        return { db: h.db, clock, crypto, dataChecks: demoProvider(() => clock.now()), actor };
      };

      // The import: one audit row per carried-over unit, saying so.
      const imports = (await h.db.select().from(auditLog)).filter((r) => r.action === 'postsale.import');
      expect(imports).toHaveLength(PILOT_FAMILIES.length);
      expect(JSON.stringify(imports[0]!.detail)).toContain('原保障性住房配售登记');

      // 第二十四条: family13 has held its title since 2024-06-18, so it may apply today.
      const home = await myHome(await ctxOf('family13'));
      expect(home.units).toHaveLength(1);
      expect(home.units[0]).toMatchObject({ unit: { number: '101' }, title: { issuedOn: '2024-06-18' }, earliestExitOn: '2026-06-18', exits: [] });
      expect(home.units[0]!.eligibility.buyback.value).toMatchObject({ eligible: true, reasons: [] });
      expect((await myHome(await ctxOf('family15'))).obligations).toMatchObject([{ status: 'open', daysLeft: 10, unitsHeld: 2 }]);

      // 第二十六条: the board shows family16's exit overdue first and family14's contracted, due in about five months.
      const board = await exitBoard(await ctxOf('city'));
      expect(board.filter((e) => e.overdue)).toHaveLength(1);
      expect(board[0]).toMatchObject({ status: 'accepted', overdue: true });
      const signed = board.filter((e) => e.status === 'contracted');
      expect(signed).toHaveLength(1);
      expect(signed[0]!.dueOn! > '2027-04-01' && signed[0]!.dueOn! < '2027-05-31').toBe(true);

      // 第二十九条: the loan exceeds the first payment, so the first payment went to the lender; three vacating items done.
      const [contract] = await h.db.select().from(buybackContracts);
      expect(contract).toMatchObject({ status: 'signed' });
      const pays = await h.db.select().from(buybackPayments);
      expect(pays.map((p) => `${p.stage}:${p.payee}`)).toEqual(['first:lender']);
      expect(contract!.outstandingLoanFen).toBeGreaterThan(pays[0]!.amountFen);
      expect(await h.db.$count(vacatingItems)).toBe(3);
      expect((await buybackContractPdf(await ctxOf('city'), contract!.id)).pdf.length).toBeGreaterThan(1000);

      // 第二十二条: family15 inherited 201; its deadline is ten days away and the 30-day reminder was sent; a lease case is open on 102.
      const [o] = await h.db.select().from(multiUnitObligations);
      expect(o).toMatchObject({ status: 'open', unitsHeld: 2, deadlineOn: '2026-12-04', remindersSent: [30] });
      expect((await listObligations(await ctxOf('city'))).length).toBe(1);
      expect((await h.db.select().from(unitCases)).map((c) => `${c.kind}:${c.status}`)).toEqual(['lease:open']);

      // 第二十四条: family17's unit is offered at the ceiling; family7 (admitted, 槐荫区) may take it.
      const [offer] = await h.db.select().from(transferOffers);
      expect(offer).toMatchObject({ status: 'open', closesOn: '2026-12-04' });
      expect(offer!.priceFen).toBe(offer!.ceilingFen);
      const mine = await myTransferOffers(await ctxOf('family7'));
      expect(mine).toMatchObject({ eligible: true });
      expect(mine.items).toHaveLength(1);

      expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
      const before = await counts(h);
      expect(await seedDemo(h, { crypto, today: TODAY })).toEqual({ accountsCreated: 0, applicationsCreated: 0, lapsed: 0, saleProjects: 0, closedLoopProjects: 0 });
      expect(await counts(h)).toEqual(before);
    } finally {
      await h.close();
    }
  });
});
