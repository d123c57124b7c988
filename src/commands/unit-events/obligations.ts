/**
 * Multi-unit obligations (济政发〔2025〕3号 第二十二条: 因继承、婚姻状况变化等方式取得其他保障性住房的，
 * 保障家庭可保留其中1套，超出1套的应在相关情形发生变化之日起60日内按规定申请退出其中1套住房).
 * open → met (an exit application for one of the holder's units) | withdrawn; overdue = open and
 * the deadline before today.
 *
 * Readings: the obligation is opened when the count of the holder's current titles, after the
 * change, is more than one; the deadline comes from rule housing.multi-unit-deadline. A holder with
 * three units still needs one exit per extra unit, but 第二十二条 speaks of "其中1套": one obligation
 * per event, met by one exit application.
 * Scope (as for events and cases, titles/access.ts assertUnitAccess): a city-level project's
 * obligations are the city's — listed for city staff and the auditor, never for the staff of the
 * district it lies in; the staff who hear of them (a person holder's notices, the overdue notice)
 * are the city's too.
 */
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/index.js';
import type { Tx } from '../../db/client.js';
import { accounts, applications, buildings, exitApplications, multiUnitObligations, projects, titles, unitEvents, units } from '../../db/schema.js';
import { daysBetween } from '../../rules/core/dates.js';
import { multiUnitDeadline } from '../../rules/housing/multi-unit-deadline.js';
import { staffDistrict } from '../authz.js';
import type { Actor, CommandContext } from '../context.js';
import type { ResolvedHolder } from './holder.js';
import { unitsHeld } from './holder.js';
import { KIND_LABEL, districtStaffAccounts, notifyAll } from './store.js';

type ProjectLevel = Pick<typeof projects.$inferSelect, 'level' | 'districtCode'>;

type ObligationRow = typeof multiUnitObligations.$inferSelect;

/**
 * After a transfer: counts the new holder's units and, when more than one, opens the obligation
 * and tells the family (or, for a person outside the scheme, the project's staff, who write to
 * the person). Returns the row, or null when the holder holds one unit. `districtCode` is not read:
 * the staff are found from the event's project and its level (obligationStaff).
 */
export async function openObligationIfMany(tx: Tx, ctx: CommandContext, a: {
  holder: ResolvedHolder; eventId: string; kind: string; changeOn: string; districtCode: string; unitLabel: string;
}): Promise<ObligationRow | null> {
  const held = await unitsHeld(tx, a.holder);
  if (held <= 1) return null;
  const rule = multiUnitDeadline({ changeOn: a.changeOn }, ctx.clock.today());
  const now = ctx.clock.now();
  const [row] = await tx.insert(multiUnitObligations).values({
    holderApplicationId: a.holder.applicationId, holderIdBlind: a.holder.applicationId ? null : a.holder.idBlind,
    holderMaskedName: a.holder.maskedName, eventId: a.eventId, changeOn: a.changeOn, deadlineOn: rule.value.deadline, unitsHeld: held, status: 'open',
  }).returning();
  const params = { kindLabel: KIND_LABEL[a.kind], unitsHeld: held, deadline: rule.value.deadline, changeOn: a.changeOn, holder: a.holder.maskedName ?? '', daysLeft: daysBetween(ctx.clock.today(), rule.value.deadline) };
  const to = await holderAccounts(tx, row!);
  await notifyAll(tx, to.accounts, { template: to.family ? 'multi_unit_obligation' : 'multi_unit_reminder', params }, now);
  await appendAudit(tx, {
    actor: ctx.actor, action: 'obligation.open', targetType: 'multi_unit_obligation', targetId: row!.id, at: now,
    detail: { eventId: a.eventId, changeOn: a.changeOn, deadlineOn: rule.value.deadline, unitsHeld: held, rule: { id: 'housing.multi-unit-deadline', trace: rule.trace }, article: '第二十二条' },
  });
  return row!;
}

/**
 * 第二十二条 withdrawn: the previous holder of a unit that passed on (inheritance, divorce) is back to
 * one unit, so its open obligations end as `withdrawn` (audited). Returns the ids withdrawn.
 */
export async function withdrawIfBackToOne(tx: Tx, ctx: CommandContext, prev: { applicationId: string | null; idBlind: string | null }): Promise<string[]> {
  if (!prev.applicationId && !prev.idBlind) return [];
  if ((await unitsHeld(tx, prev)) > 1) return [];
  const by = prev.applicationId ? eq(multiUnitObligations.holderApplicationId, prev.applicationId)
    : and(isNull(multiUnitObligations.holderApplicationId), eq(multiUnitObligations.holderIdBlind, prev.idBlind!));
  const rows = await tx.update(multiUnitObligations).set({ status: 'withdrawn', version: sql`${multiUnitObligations.version} + 1` })
    .where(and(by, eq(multiUnitObligations.status, 'open'))).returning({ id: multiUnitObligations.id });
  for (const r of rows) {
    await appendAudit(tx, { actor: ctx.actor, action: 'obligation.withdraw', targetType: 'multi_unit_obligation', targetId: r.id, at: ctx.clock.now(), detail: { reason: 'back_to_one_unit', article: '第二十二条' } });
  }
  return rows.map((r) => r.id);
}

/**
 * Staff of a project's level: a district-level project's district staff, a city-level project's
 * city staff (all of them: the city has no districts to pick from).
 */
export async function projectStaffAccounts(tx: Tx, project: ProjectLevel): Promise<string[]> {
  if (project.level !== 'city') return districtStaffAccounts(tx, project.districtCode);
  const rows = await tx.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.role, 'city_staff'), isNull(accounts.disabledAt)));
  return rows.map((r) => r.id);
}

/** The staff of the project of the obligation's event (who list it, hear of it overdue, write to a person holder). */
export async function obligationStaff(tx: Tx, o: Pick<ObligationRow, 'eventId'>): Promise<string[]> {
  const [p] = await tx.select({ level: projects.level, districtCode: projects.districtCode }).from(unitEvents)
    .innerJoin(units, eq(units.id, unitEvents.unitId)).innerJoin(projects, eq(projects.id, units.projectId))
    .where(eq(unitEvents.id, o.eventId));
  return p ? projectStaffAccounts(tx, p) : [];
}

/** Who hears of an obligation: the holder family's account, or, for a person, the staff of the project's level. */
export async function holderAccounts(tx: Tx, o: Pick<ObligationRow, 'holderApplicationId' | 'eventId'>): Promise<{ family: boolean; accounts: string[] }> {
  if (o.holderApplicationId) {
    const [a] = await tx.select({ accountId: applications.accountId }).from(applications).where(eq(applications.id, o.holderApplicationId));
    if (a) return { family: true, accounts: [a.accountId] };
  }
  return { family: false, accounts: await obligationStaff(tx, o) };
}

/**
 * 第二十二条 met: an exit application was filed for a unit of this holder. Called by src/commands/exits
 * in its transaction; marks every open obligation of the holder met by `exitId` on `on` and audits
 * it. Returns the ids met (none when the holder had no open obligation — a retry finds them met).
 */
export async function markObligationMet(tx: Tx, a: {
  holderApplicationId?: string | null; holderIdBlind?: string | null; exitId: string; on: string; actor: Actor; at: Date;
}): Promise<string[]> {
  const by = a.holderApplicationId ? eq(multiUnitObligations.holderApplicationId, a.holderApplicationId)
    : a.holderIdBlind ? and(isNull(multiUnitObligations.holderApplicationId), eq(multiUnitObligations.holderIdBlind, a.holderIdBlind)) : undefined;
  if (!by) return [];
  const met = await tx.update(multiUnitObligations)
    .set({ status: 'met', metByExitId: a.exitId, metOn: a.on, version: sql`${multiUnitObligations.version} + 1` })
    .where(and(by, eq(multiUnitObligations.status, 'open'))).returning({ id: multiUnitObligations.id, deadlineOn: multiUnitObligations.deadlineOn });
  for (const m of met) {
    await appendAudit(tx, {
      actor: a.actor, action: 'obligation.met', targetType: 'multi_unit_obligation', targetId: m.id, at: a.at,
      detail: { exitId: a.exitId, on: a.on, deadlineOn: m.deadlineOn, inTime: a.on <= m.deadlineOn, article: '第二十二条' },
    });
  }
  return met.map((m) => m.id);
}

/** A row of the obligations list. */
export type ObligationView = {
  id: string; status: string; holder: { kind: 'family' | 'person'; applicationId: string | null; regCode: string | null; maskedName: string | null };
  unitsHeld: number; units: Array<{ unitId: string; label: string; certificateNo: string; origin: string }>;
  changeOn: string; deadlineOn: string; daysLeft: number; overdue: boolean; remindersSent: number[];
  event: { id: string; kind: string; unitId: string }; met: { exitId: string; exitNo: string | null; on: string | null } | null;
};

/** The list for staff of the project's level (district staff: district-level projects of their district; city: all) and the auditor; `overdue` keeps the open ones past their deadline. */
export async function listObligations(ctx: CommandContext, q: { overdue?: boolean; status?: string } = {}): Promise<ObligationView[]> {
  const district = staffDistrict(ctx.actor);
  const today = ctx.clock.today();
  const rows = await ctx.db.select({ o: multiUnitObligations, ev: unitEvents, districtCode: projects.districtCode, regCode: applications.regCode, exitNo: exitApplications.exitNo })
    .from(multiUnitObligations).innerJoin(unitEvents, eq(unitEvents.id, multiUnitObligations.eventId))
    .innerJoin(units, eq(units.id, unitEvents.unitId)).innerJoin(projects, eq(projects.id, units.projectId))
    .leftJoin(applications, eq(applications.id, multiUnitObligations.holderApplicationId))
    .leftJoin(exitApplications, eq(exitApplications.id, multiUnitObligations.metByExitId))
    .where(and(
      district ? and(eq(projects.districtCode, district), eq(projects.level, 'district')) : undefined,
      q.overdue ? and(eq(multiUnitObligations.status, 'open'), lt(multiUnitObligations.deadlineOn, today)) : undefined,
      q.status ? eq(multiUnitObligations.status, q.status) : undefined,
    )).orderBy(asc(multiUnitObligations.deadlineOn), asc(multiUnitObligations.id));
  const held = await heldUnits(ctx, rows.map((r) => r.o));
  return rows.map(({ o, ev, regCode, exitNo }) => ({
    id: o.id, status: o.status,
    holder: { kind: o.holderApplicationId ? 'family' : 'person', applicationId: o.holderApplicationId, regCode: regCode ?? null, maskedName: o.holderMaskedName },
    unitsHeld: o.unitsHeld, units: held.get(o.id) ?? [], changeOn: o.changeOn, deadlineOn: o.deadlineOn,
    daysLeft: daysBetween(today, o.deadlineOn), overdue: o.status === 'open' && o.deadlineOn < today, remindersSent: [...o.remindersSent].sort((x, y) => y - x),
    event: { id: ev.id, kind: ev.kind, unitId: ev.unitId },
    met: o.metByExitId ? { exitId: o.metByExitId, exitNo: exitNo ?? null, on: o.metOn } : null,
  }));
}

/** The units each obligation's holder holds now (current titles). */
async function heldUnits(ctx: CommandContext, os: ObligationRow[]) {
  const apps = os.map((o) => o.holderApplicationId).filter((x): x is string => !!x);
  const blinds = os.filter((o) => !o.holderApplicationId).map((o) => o.holderIdBlind!);
  const out = new Map<string, ObligationView['units']>();
  if (!os.length) return out;
  const ts = await ctx.db.select({ t: titles, number: units.number, building: buildings.name, project: projects.name }).from(titles)
    .innerJoin(units, eq(units.id, titles.unitId)).innerJoin(buildings, eq(buildings.id, units.buildingId)).innerJoin(projects, eq(projects.id, units.projectId))
    .where(and(isNull(titles.supersededOn), sql`(${apps.length ? inArray(titles.holderApplicationId, apps) : sql`false`} or ${blinds.length ? and(eq(titles.holderKind, 'person'), inArray(titles.holderIdBlind, blinds)) : sql`false`})`))
    .orderBy(asc(titles.issuedOn));
  for (const o of os) {
    out.set(o.id, ts.filter(({ t }) => (o.holderApplicationId ? t.holderApplicationId === o.holderApplicationId : t.holderKind === 'person' && t.holderIdBlind === o.holderIdBlind))
      .map(({ t, number, building, project }) => ({ unitId: t.unitId, label: `${project} ${building}${number}室`, certificateNo: t.certificateNo, origin: t.origin })));
  }
  return out;
}
