/**
 * Demo data of the sale of a project (issue 3, 济政发〔2025〕3号 第十至十七条), told like the
 * waiting list in seed.ts: only the real commands, each under a clock set to the day and hour it
 * happened, so the audit chain, notices, ledgers and the lottery bundle are what the platform
 * itself would have written.
 *
 * - 泉城安居·历下苑 (JN-2026-001, district level, 现房): published, registration open today
 *   (opened two days ago, closes in seven); family8 has registered and paid.
 * - 泉城安居·高新苑 (JN-2026-002, city level, 预售): registration closed last week, the five
 *   admitted families paid, the list was frozen and drawn, batch 1 (every entrant) is open now;
 *   family6 chose a unit and signed; the implementer recorded 资本金 and 开发贷款 (第十七条).
 *   The families the browser test uses (family1, family7) and family8 (whose 第八条 reminder is
 *   near) stay in the waiting list; family1 has its turn in the open batch.
 *
 * Each project is told in one transaction (the commands' own transactions become savepoints),
 * so a failed load leaves no half-told project and the next seed tells it again. A project whose
 * code exists is left alone: running the seed twice changes nothing.
 *
 * Time: the batch window is the plan's window_minutes, at most one day (sale-plans/schema.ts), so
 * the batch is opened shortly before the demo is loaded (`now`) and stays open for about a day.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db, DbHandle } from '../db/client.js';
import { accounts, applications, projects } from '../db/schema.js';
import type { FieldCrypto } from '../crypto/index.js';
import { addDays, todayInShanghai } from '../rules/core/dates.js';
import type { Actor, Clock, CommandContext } from '../commands/context.js';
import { SimulatedBank } from '../payments/index.js';
import { addBuilding, addUnit, createProject } from '../commands/projects/index.js';
import { approvePrices, submitPrices } from '../commands/pricing/index.js';
import { approvePlan, createPlan, publishPlan, submitPlan } from '../commands/sale-plans/index.js';
import { handlePaymentCallback, registerForProject, startPayment } from '../commands/registrations/index.js';
import { drawLottery, freezeList } from '../commands/draws/index.js';
import { openNextBatch, selectUnit } from '../commands/selection/index.js';
import { generateContract, signContract } from '../commands/contracts/index.js';
import { recordFund } from '../commands/funds/index.js';
import { SimulatedProvider } from '../datachecks/index.js';
import { DEMO_SIM_RECORDS } from './families.js';
import { coefficient, demoA, demoB, unitsOf, type DemoProject } from './sale-projects.js';

/**
 * The simulated bank the platform serves (src/cli/commands/start.ts). While the demo pays 认购金
 * of earlier days its clock is held at the story's time; otherwise it runs on the platform's
 * clock. Being the same bank, it can later refund what the demo paid (until the process ends:
 * the simulated bank keeps its books in memory).
 */
export type DemoBank = { gateway: SimulatedBank; hold(now: (() => Date) | null): void };

/** A simulated bank with the given key on `clock`, whose time the demo can hold. */
export function demoBank(key: Buffer, clock: { now(): Date }): DemoBank {
  let held: (() => Date) | null = null;
  const gateway = new SimulatedBank({ key, now: () => (held ? held() : clock.now()) });
  return { gateway, hold: (now) => { held = now; } };
}

export type SaleDemoDeps = { crypto: FieldCrypto; today: string; now?: Date; bank: DemoBank; log?: (s: string) => void };

/** The story's clock: set to a day and a Shanghai wall time, or to an instant. */
function storyClock(start: Date) {
  let at = start;
  return {
    now: () => at,
    today: () => todayInShanghai(at),
    at(day: string, time: string) { at = new Date(`${day}T${time}:00+08:00`); },
    set(d: Date) { at = d; },
    later(minutes: number) { at = new Date(at.getTime() + minutes * 60_000); },
  };
}
type Story = { db: Db; crypto: FieldCrypto; clock: ReturnType<typeof storyClock> & Clock; bank: DemoBank; actors: Record<string, Actor> };

const as = (s: Story, actor: Actor): CommandContext =>
  ({ db: s.db, clock: s.clock, crypto: s.crypto, dataChecks: new SimulatedProvider(DEMO_SIM_RECORDS, () => s.clock.now()), actor });
const PUBLIC: Actor = { accountId: '', role: 'public' };
const FAMILIES = ['family1', 'family6', 'family7', 'family8', 'family11'];
const PEOPLE = [...FAMILIES, 'anju', 'lixia', 'city'];

async function actorsOf(db: Db): Promise<Record<string, Actor>> {
  const rows = await db.select().from(accounts).where(inArray(accounts.username, PEOPLE));
  return Object.fromEntries(rows.map((a) => [a.username, {
    accountId: a.id, role: a.role as Actor['role'], ...(a.districtCode ? { districtCode: a.districtCode } : {}),
  }]));
}

/** Why the demo cannot be told (an account missing, a family no longer in the waiting list), else null. */
async function notReady(db: Db, actors: Record<string, Actor>): Promise<string | null> {
  for (const username of PEOPLE) if (!actors[username]) return `${username} is missing`;
  for (const username of FAMILIES) {
    const apps = await db.select().from(applications).where(eq(applications.accountId, actors[username]!.accountId));
    if (!apps.some((a) => a.status === 'admitted')) return `${username} is not in the waiting list`;
  }
  return null;
}

/** Catalogue, prices (第十二条) and the plan up to its publication (第十条), each step on its day. */
async function prepare(s: Story, p: DemoProject, t: (days: number, time: string) => void): Promise<{ id: string; units: Map<string, string> }> {
  const anju = as(s, s.actors.anju!);
  t(p.days.created, '09:30');
  const project = await createProject(anju, p.project);
  const units = new Map<string, string>();
  const coefficients: Array<{ unitId: string; coefficient: string }> = [];
  for (const b of p.buildings) {
    const building = await addBuilding(anju, { projectId: project.id, name: b.name, floors: b.floors, ...(b.completedOn ? { completedOn: b.completedOn } : {}) });
    for (const u of unitsOf(b)) {
      const row = await addUnit(anju, { projectId: project.id, buildingId: building.id, ...u });
      units.set(`${b.name} ${u.number}`, row.id);
      coefficients.push({ unitId: row.id, coefficient: coefficient(u.floor, b.floors, u.orientation) });
    }
  }
  t(p.days.pricesSubmitted, '10:00');
  const approval = await submitPrices(anju, { projectId: project.id, basePricePerM2Fen: p.basePricePerM2Fen, floatRange: '0.05', coefficients });
  for (const [who, day] of p.priceApprovers) {
    t(day, '15:00');
    await approvePrices(as(s, s.actors[who]!), { approvalId: approval.id, note: who === 'city' ? '经审定，同意该项目配售价格' : '经审核，价格测算符合规定，报市级审定' });
  }
  t(p.days.planDrafted, '11:00');
  const plan = await createPlan(anju, { projectId: project.id, ...p.plan });
  t(p.days.planSubmitted, '09:00');
  await submitPlan(anju, { planId: plan.id });
  t(p.days.planApproved, '16:00');
  await approvePlan(as(s, s.actors[p.planApprover]!), { planId: plan.id, note: '同意该配售方案' });
  t(p.days.published, '09:00');
  await publishPlan(anju, { planId: plan.id });
  return { id: project.id, units };
}

/** The family registers and pays its 认购金 through the simulated bank, whose signed callback books it (第十一条). */
async function registerAndPay(s: Story, username: string, projectId: string): Promise<void> {
  const family = as(s, s.actors[username]!);
  const reg = await registerForProject(family, { projectId });
  s.clock.later(4);
  const order = await startPayment(family, s.bank.gateway, { registrationId: reg.id });
  s.clock.later(3);
  const [cb] = s.bank.gateway.pay(order.orderNo);
  const r = await handlePaymentCallback(as(s, PUBLIC), s.bank.gateway, { rawBody: cb!.rawBody, signature: cb!.signature });
  if (r.outcome !== 'booked') throw new Error(`demo: the 认购金 of ${username} was not booked (${r.outcome})`);
}

/** 泉城安居·历下苑: published, registration open today; family8 registered and paid yesterday. */
async function tellA(s: Story, today: string): Promise<void> {
  const t = (days: number, time: string) => s.clock.at(addDays(today, days), time);
  const { id } = await prepare(s, demoA(today), t);
  t(-1, '15:20');
  await registerAndPay(s, 'family8', id);
}

/** 泉城安居·高新苑: paid, frozen, drawn; batch 1 open since shortly before `now`; family6 chose and signed. */
async function tellB(s: Story, today: string, now: Date): Promise<void> {
  const t = (days: number, time: string) => s.clock.at(addDays(today, days), time);
  const b = demoB(today);
  const { id, units } = await prepare(s, b, t);
  const anju = as(s, s.actors.anju!);
  t(-58, '10:30');
  await recordFund(anju, { projectId: id, source: 'capital', direction: 'in', amountFen: 2_000_000_000, occurredOn: addDays(today, -58),
    memo: '项目资本金到位（济南安居置业有限公司自有资金）', reference: 'ZBJ-JN2026002-01' });
  t(-40, '14:00');
  await recordFund(anju, { projectId: id, source: 'development_loan', direction: 'in', amountFen: 3_500_000_000, occurredOn: addDays(today, -40),
    memo: '保障性住房开发贷款首笔放款（济南农商银行，期限五年）', reference: 'KFDK-2026-0387' });
  const payDays: Array<[string, number, string]> = [['family7', -19, '10:12'], ['family1', -18, '20:05'], ['family11', -16, '12:41'], ['family8', -13, '09:27'], ['family6', -10, '18:33']];
  for (const [username, day, time] of payDays) {
    t(day, time);
    await registerAndPay(s, username, id);
  }
  t(-7, '10:00');
  const city = as(s, s.actors.city!);
  const frozen = await freezeList(city, { projectId: id });
  t(-6, '09:30');
  await drawLottery(city, { drawId: frozen.id, beacon: `${addDays(today, -6).replaceAll('-', '')}-公证处现场摇号-381946` });
  s.clock.set(new Date(now.getTime() - 90 * 60_000));
  await openNextBatch(anju, { drawId: frozen.id, batchNo: 1 });
  s.clock.later(15);
  const buyer = as(s, s.actors.family6!);
  const chosen = await selectUnit(buyer, { unitId: units.get(b.sold!)! });
  s.clock.later(10);
  const downPaymentFen = Math.ceil((chosen.unit.priceFen! * 3) / 10 / 10_000) * 10_000;
  const contract = await generateContract(buyer, { selectionId: chosen.id, loanType: 'provident_fund', downPaymentFen });
  s.clock.later(15);
  await signContract(buyer, { contractId: contract.id });
}

/** Tells both projects (each once, B first: it began earlier); returns how many were told now. */
export async function seedSaleDemo(handle: DbHandle, deps: SaleDemoDeps): Promise<{ projects: number }> {
  const now = deps.now && todayInShanghai(deps.now) === deps.today ? deps.now : new Date(`${deps.today}T10:00:00+08:00`);
  const stories = [{ p: demoB(deps.today), tell: (s: Story) => tellB(s, deps.today, now) }, { p: demoA(deps.today), tell: (s: Story) => tellA(s, deps.today) }];
  const todo = [];
  for (const x of stories) {
    if (!(await handle.db.select({ id: projects.id }).from(projects).where(eq(projects.code, x.p.project.code))).length) todo.push(x);
  }
  if (!todo.length) return { projects: 0 };
  const actors = await actorsOf(handle.db);
  const why = await notReady(handle.db, actors);
  if (why) {
    deps.log?.(`demo: sale projects not loaded (${why})`);
    return { projects: 0 };
  }
  for (const { p, tell } of todo) {
    await handle.db.transaction(async (tx) => {
      const clock = storyClock(now);
      deps.bank.hold(() => clock.now());
      try {
        await tell({ db: tx as unknown as Db, crypto: deps.crypto, clock, bank: deps.bank, actors });
      } finally {
        deps.bank.hold(null);
      }
    });
    deps.log?.(`demo: sale project ${p.project.code} ${p.project.name}`);
  }
  return { projects: todo.length };
}
