/**
 * Demo data of closed-loop management after the sale (issue 4, 济政发〔2025〕3号 第十八至三十一条),
 * told like the sale (src/demo/sale.ts): the real commands, each under a clock set to the day and
 * hour it happened, in ONE transaction, so a failed load leaves nothing half-told; a second seed
 * finds the pilot project and changes nothing.
 *
 * The honest problem: the measure is in force from 2025-03-31 and "today" is less than two years
 * later, so no title registered under it has reached 第二十四条's two-year mark. As seed.ts did for
 * its lapsed family, the pilot project 泉城安居·槐荫苑 (JN-2024-001), sold in 2024, is carried over
 * from the earlier register (src/demo/closed-loop-import.ts, one `postsale.import` audit row per
 * unit). Everything after the import is told with the commands (days counted from "today" T):
 *
 * - family13 holds 101, title 2024-06-18, no exit: eligible to apply today (the browser test does).
 * - family16 applied to exit 301 by buyback at T−215; accepted at T−200 → overdue (第二十六条).
 * - family14 applied for 202 at T−40; checks and two inspections; accepted T−35 (rule valuation);
 *   buyback contract with an outstanding loan larger than the first payment, signed; the first
 *   payment booked (all to the lender); three of five vacating items done → 已签约, due in ~5 months.
 * - family15 holds 102 and inherited 201 from its mother (family18) who died at T−50 → a 第二十二条
 *   obligation due at T+10; the reminder job ran at T−20 (30 days before); a lease on 102 reported.
 * - family17 applied for an internal transfer of 302; accepted; the offer opened at T−4 at the
 *   ceiling, closing at T+10: a waiting family (family7, 槐荫区) can express interest.
 *
 * Time: the story needs T−215 to be two years after 301's title (2024-03-26); earlier "todays" skip it.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db, DbHandle, Tx } from '../db/client.js';
import { accounts, exitApplications, projects } from '../db/schema.js';
import type { FieldCrypto } from '../crypto/index.js';
import { addDays, addYears, todayInShanghai } from '../rules/core/dates.js';
import type { Actor, Clock, CommandContext } from '../commands/context.js';
import { registerApplicant } from '../commands/accounts/register.js';
import { acceptExit, applyToExit, recordInspection, refreshDataChecks } from '../commands/exits/index.js';
import { generateBuybackContract, recordBuybackPayment, recordVacatingItem, signBuybackContract } from '../commands/buybacks/index.js';
import { recordUnitEvent } from '../commands/unit-events/index.js';
import { openTransferOffer } from '../commands/transfers/index.js';
import { transferCeiling } from '../commands/transfers/ceiling.js';
import { watchMultiUnitDeadlines } from '../jobs/multi-unit.js';
import { SimulatedProvider } from '../datachecks/index.js';
import { DEMO_PASSWORD } from './accounts.js';
import { DEMO_SIM_RECORDS } from './families.js';
import { PILOT, PILOT_CODE, PILOT_FAMILIES } from './closed-loop-families.js';
import { importPilot, type Imported } from './closed-loop-import.js';

export type ClosedLoopDemoDeps = { crypto: FieldCrypto; today: string; log?: (s: string) => void };

type StoryClock = Clock & { at(day: string, time: string): void };
function storyClock(): StoryClock {
  let t = new Date(0);
  return { now: () => t, today: () => todayInShanghai(t), at(day, time) { t = new Date(`${day}T${time}:00+08:00`); } };
}
type Story = { tx: Tx; crypto: FieldCrypto; clock: StoryClock; actors: Record<string, Actor>; T: string; units: Map<string, Imported> };

const as = (s: Story, actor: Actor): CommandContext =>
  ({ db: s.tx as unknown as Db, clock: s.clock, crypto: s.crypto, dataChecks: new SimulatedProvider(DEMO_SIM_RECORDS, () => s.clock.now()), actor });
const family = (s: Story, unit: string): Actor => ({ accountId: s.units.get(unit)!.accountId, role: 'applicant' });

/** Apply (family), refresh the 第二十五条 data checks and record the two inspections (city), accept: days before T. */
async function toAccepted(s: Story, unit: string, route: 'buyback' | 'internal_transfer', d: { apply: number; accept: number }) {
  const t = (n: number, time: string) => s.clock.at(addDays(s.T, -n), time);
  const city = as(s, s.actors.city!);
  t(d.apply, '09:20');
  const exit = await applyToExit(as(s, family(s, unit)), { unitId: s.units.get(unit)!.unitId, route });
  t(d.apply - 2, '10:00');
  await refreshDataChecks(city, { exitId: exit.id });
  t(d.apply - 3, '15:30');
  const inspectedOn = addDays(s.T, -(d.apply - 3));
  for (const [item, note] of [['use_unchanged', '现场核查：房屋用于自住，未改变居住用途'], ['structure_unaltered', '现场核查：承重墙、梁柱完好，未见拆改']] as const) {
    await recordInspection(city, { exitId: exit.id, item, ok: true, inspector: '市住房城乡建设局 周明、槐荫区住建局 韩晓', inspectedOn, reportNo: `HY-XC-${inspectedOn.replaceAll('-', '')}-${unit}`, note });
  }
  t(d.accept, '16:00');
  await acceptExit(city, { exitId: exit.id });
  return exit.id;
}

/** family14: accepted, contract signed with the loan paid first, first payment booked, three vacating items done. */
async function contracted(s: Story): Promise<void> {
  const t = (n: number, time: string) => s.clock.at(addDays(s.T, -n), time);
  const exitId = await toAccepted(s, '202', 'buyback', { apply: 40, accept: 35 });
  const city = as(s, s.actors.city!);
  const [exit] = await s.tx.select().from(exitApplications).where(eq(exitApplications.id, exitId));
  t(33, '10:00');
  // About 90% of the 2024 provident-fund loan is still owed: more than the 10% first payment (第二十九条).
  const loan = Math.round((s.units.get('202')!.family.loanShare * exit!.priceFen!) * 0.9 / 100) * 100;
  const c = await generateBuybackContract(city, { exitId, outstandingLoanFen: loan, lender: '济南住房公积金中心', vacateByOn: addDays(exit!.dueOn!, -15) });
  t(30, '14:30');
  await signBuybackContract(city, { id: c.id });
  t(28, '11:00');
  await recordBuybackPayment(city, { contractId: c.id, stage: 'first', paidOn: addDays(s.T, -28), reference: `HG${addDays(s.T, -28).replaceAll('-', '')}0202` });
  for (const [n, item, ref] of [[20, 'utilities', '水电结清 SD-0202'], [15, 'heating', '供暖费结清 GN-0202'], [10, 'property_fees', '物业费结清 WY-0202']] as const) {
    t(n, '09:40');
    await recordVacatingItem(city, { exitId, item, doneOn: addDays(s.T, -n), evidence: { ref, note: '凭证已核验' } });
  }
}

/** family15: inherits 201 (第二十二条), the reminder job runs 30 days before the deadline, a lease on 102 is reported. */
async function inherited(s: Story): Promise<void> {
  const t = (n: number, time: string) => s.clock.at(addDays(s.T, -n), time);
  const city = as(s, s.actors.city!);
  const issuedOn = addDays(s.T, -46);
  t(45, '10:30');
  await recordUnitEvent(city, {
    unitId: s.units.get('201')!.unitId, kind: 'inheritance', occurredOn: addDays(s.T, -50),
    evidence: [
      { kind: 'document', ref: `(${issuedOn.slice(0, 4)})鲁济南槐荫证字第1206号`, note: '继承权公证书：钱桂芝的房产由其女赵红梅继承' },
      { kind: 'document', ref: `居民死亡医学证明 HY${addDays(s.T, -50).replaceAll('-', '')}07` },
    ],
    newHolder: { regCode: s.units.get('102')!.regCode },
    newTitle: { certificateNo: `鲁(${issuedOn.slice(0, 4)})济南市不动产权第7300201号`, issuedOn },
    note: '产权人钱桂芝去世，由其女赵红梅（已持有本项目102室）继承',
  });
  t(20, '08:00');
  await watchMultiUnitDeadlines({ db: s.tx as unknown as Db, clock: s.clock, crypto: s.crypto, dataChecks: new SimulatedProvider(DEMO_SIM_RECORDS, () => s.clock.now()) });
  t(20, '15:10');
  await recordUnitEvent(city, {
    unitId: s.units.get('102')!.unitId, kind: 'lease', occurredOn: addDays(s.T, -25),
    evidence: [{ kind: 'inspection', ref: `HY-WG-${addDays(s.T, -20).replaceAll('-', '')}-102`, note: '社区网格员走访：102室出租给他人居住，租客称已住约一个月' }],
  });
}

/** family17: internal transfer accepted; the offer opened four days ago at the ceiling, closing in ten days. */
async function offered(s: Story): Promise<void> {
  const exitId = await toAccepted(s, '302', 'internal_transfer', { apply: 30, accept: 25 });
  const opensOn = addDays(s.T, -4);
  s.clock.at(opensOn, '09:00');
  const [exit] = await s.tx.select().from(exitApplications).where(eq(exitApplications.id, exitId));
  const ceiling = await transferCeiling(s.tx, exit!, opensOn, {});
  await openTransferOffer(as(s, s.actors.city!), { exitId, priceFen: ceiling.value.price, opensOn, closesOn: addDays(s.T, 10) });
}

async function ensureAccounts(tx: Tx, crypto: FieldCrypto): Promise<Record<string, string>> {
  const names = PILOT_FAMILIES.map((f) => f.username);
  const have = async () => Object.fromEntries((await tx.select().from(accounts).where(inArray(accounts.username, names))).map((a) => [a.username, a.id]));
  const got = await have();
  for (const f of PILOT_FAMILIES) {
    if (!got[f.username]) await registerApplicant({ db: tx as unknown as Db, crypto }, { username: f.username, password: DEMO_PASSWORD, displayName: f.displayName, phone: f.phone });
  }
  return have();
}

/** Tells the closed-loop story once; returns how many projects were told now (0 or 1). */
export async function seedClosedLoopDemo(handle: DbHandle, deps: ClosedLoopDemoDeps): Promise<{ projects: number }> {
  const T = deps.today;
  if ((await handle.db.select({ id: projects.id }).from(projects).where(eq(projects.code, PILOT_CODE))).length) return { projects: 0 };
  const earliest = PILOT_FAMILIES.map((f) => f.titleIssuedOn).sort()[0]!;
  if (addYears(earliest, 2) > addDays(T, -215)) {
    deps.log?.(`demo: closed-loop story not loaded (${T} is too early: 第二十四条's two years of ${earliest} are not over 215 days before)`);
    return { projects: 0 };
  }
  const staff = await handle.db.select().from(accounts).where(inArray(accounts.username, ['anju', 'city']));
  const actors = Object.fromEntries(staff.map((a) => [a.username, { accountId: a.id, role: a.role as Actor['role'] }]));
  if (!actors.anju || !actors.city) {
    deps.log?.('demo: closed-loop story not loaded (staff accounts missing)');
    return { projects: 0 };
  }
  await handle.db.transaction(async (tx) => {
    const ids = await ensureAccounts(tx, deps.crypto);
    const importedOn = new Date(`${addDays(T, -260) < '2025-04-15' ? '2025-04-15' : addDays(T, -260)}T09:00:00+08:00`);
    const imported = await importPilot(tx, deps.crypto, { accounts: ids, anju: actors.anju!, city: actors.city!, importedOn });
    const s: Story = { tx, crypto: deps.crypto, clock: storyClock(), actors, T, units: new Map(imported.map((i) => [i.family.unit, i])) };
    await toAccepted(s, '301', 'buyback', { apply: 215, accept: 200 });
    await inherited(s);
    await offered(s);
    await contracted(s);
  });
  deps.log?.(`demo: closed-loop project ${PILOT.code} ${PILOT.name}`);
  return { projects: 1 };
}
