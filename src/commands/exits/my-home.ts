/**
 * The family's home page (济政发〔2025〕3号 第十八、十九、二十二、二十四条): the units it holds now, with the
 * title, since when it holds them, the first day it may exit (第二十四条: 取得不动产权证满2年后), the rule's
 * preview for each route as of today, its exit applications and its open 第二十二条 obligations.
 * The family sees its own only; nothing here names another person.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { buildings, exitApplications, multiUnitObligations, projects, titles, units } from '../../db/schema.js';
import { daysBetween } from '../../rules/core/dates.js';
import { requireRole } from '../authz.js';
import type { CommandContext } from '../context.js';
import { fundBalance } from '../titles/fund.js';
import { evaluateEligibility, type Eligibility } from './eligibility.js';
import { platformRegister } from './register.js';
import { myApplicationIds } from './store.js';
import { exitViews, type ExitRoute, type ExitView } from './view.js';

export type HomeUnit = {
  unit: { id: string; building: string; floor: number; number: string; area: string; layout: string };
  project: { id: string; code: string; name: string };
  title: { id: string; certificateNo: string; issuedOn: string; origin: string; nature: string; landNature: string };
  holdingSince: string;
  earliestExitOn: string;
  eligibility: Record<ExitRoute, Eligibility>;
  maintenanceFund: { accountNo: string; bank: string; balanceFen: number } | null;
  exits: ExitView[];
};
export type HomeObligation = { id: string; status: string; changeOn: string; deadlineOn: string; daysLeft: number; overdue: boolean; unitsHeld: number };
export type MyHome = { today: string; units: HomeUnit[]; obligations: HomeObligation[] };

/** The units my family holds now, with the exit preview and obligations. */
export async function myHome(ctx: CommandContext): Promise<MyHome> {
  requireRole(ctx.actor, ['applicant']);
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const apps = await myApplicationIds(tx, ctx.actor.accountId);
    if (!apps.length) return { today, units: [], obligations: [] };
    const held = await tx.select({ t: titles, u: units, p: projects, b: buildings }).from(titles)
      .innerJoin(units, eq(units.id, titles.unitId)).innerJoin(projects, eq(projects.id, units.projectId)).innerJoin(buildings, eq(buildings.id, units.buildingId))
      .where(and(inArray(titles.holderApplicationId, apps), isNull(titles.supersededOn))).orderBy(asc(titles.issuedOn), asc(titles.certificateNo));
    const out: HomeUnit[] = [];
    for (const { t, u, p, b } of held) {
      // Holding since: the first title of this family on this unit (a re-issued certificate does not restart it).
      const mine = await tx.select({ issuedOn: titles.issuedOn }).from(titles)
        .where(and(eq(titles.unitId, u.id), eq(titles.holderApplicationId, t.holderApplicationId!))).orderBy(asc(titles.issuedOn)).limit(1);
      const facts = await platformRegister.lookup(tx, { unitId: u.id, title: t });
      const eligibility = {
        buyback: evaluateEligibility(t, 'buyback', facts, today),
        internal_transfer: evaluateEligibility(t, 'internal_transfer', facts, today),
      };
      const fund = await fundBalance(tx, u.id);
      out.push({
        unit: { id: u.id, building: b.name, floor: u.floor, number: u.number, area: u.area, layout: u.layout },
        project: { id: p.id, code: p.code, name: p.name },
        title: { id: t.id, certificateNo: t.certificateNo, issuedOn: t.issuedOn, origin: t.origin, nature: t.nature, landNature: t.landNature },
        holdingSince: mine[0]?.issuedOn ?? t.issuedOn,
        earliestExitOn: eligibility.buyback.value.earliestDate,
        eligibility,
        maintenanceFund: fund ? { accountNo: fund.accountNo, bank: fund.bank, balanceFen: fund.balanceFen } : null,
        exits: (await exitViews(tx, and(eq(exitApplications.unitId, u.id), inArray(exitApplications.applicationId, apps)), today))
          .sort((x, y) => (x.submittedOn < y.submittedOn ? 1 : -1)),
      });
    }
    const obligations = await tx.select().from(multiUnitObligations)
      .where(and(inArray(multiUnitObligations.holderApplicationId, apps), eq(multiUnitObligations.status, 'open'))).orderBy(asc(multiUnitObligations.deadlineOn));
    return {
      today, units: out,
      obligations: obligations.map((o) => {
        const daysLeft = daysBetween(today, o.deadlineOn);
        return { id: o.id, status: o.status, changeOn: o.changeOn, deadlineOn: o.deadlineOn, daysLeft, overdue: daysLeft < 0, unitsHeld: o.unitsHeld };
      }),
    };
  });
}

/** My family's exit applications, newest first. */
export async function myExits(ctx: CommandContext): Promise<ExitView[]> {
  requireRole(ctx.actor, ['applicant']);
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const apps = await myApplicationIds(tx, ctx.actor.accountId);
    if (!apps.length) return [];
    return (await exitViews(tx, inArray(exitApplications.applicationId, apps), today))
      .sort((a, b) => (a.submittedOn === b.submittedOn ? b.exitNo.localeCompare(a.exitNo) : a.submittedOn < b.submittedOn ? 1 : -1));
  });
}
