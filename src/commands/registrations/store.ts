/**
 * Reads and locks shared by the registration commands (第十一条): the registration, its plan,
 * whether the plan's list is frozen, and the words a family reads about its money.
 */
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { draws, projects, registrations, salePlans } from '../../db/schema.js';
import { fenToYuan } from '../../rules/core/money.js';
import { DomainError, notFound } from '../errors.js';

export type Registration = typeof registrations.$inferSelect;
export type Plan = typeof salePlans.$inferSelect;

/** Statuses in which a registration is alive (may still pay, be drawn, select). */
export const LIVE_REGISTRATION = ['pending_payment', 'registered'] as const;

/** The registration, locked FOR UPDATE; every writer of a registration or its ledger takes this lock first. */
export async function lockRegistration(tx: Tx, registrationId: string): Promise<Registration> {
  if (!/^[0-9a-f-]{36}$/i.test(registrationId)) throw notFound('认购登记', 'registration');
  const [r] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for('update');
  if (!r) throw notFound('认购登记', 'registration');
  return r;
}

/** The project's published plan of the latest round, or undefined. */
export async function publishedPlan(tx: Tx, projectId: string): Promise<Plan | undefined> {
  const [p] = await tx.select().from(salePlans).where(and(eq(salePlans.projectId, projectId), eq(salePlans.status, 'published')))
    .orderBy(desc(salePlans.round)).limit(1);
  return p;
}

/** A plan by id. */
export async function planOf(tx: Tx, planId: string): Promise<Plan> {
  const [p] = await tx.select().from(salePlans).where(eq(salePlans.id, planId));
  if (!p) throw notFound('配售方案', 'sale plan');
  return p;
}

/** The project's name for messages. */
export async function projectName(tx: Tx, projectId: string): Promise<string> {
  const [p] = await tx.select({ name: projects.name }).from(projects).where(eq(projects.id, projectId));
  return p?.name ?? '';
}

/** True once a draw of the plan's round is frozen and not void: the lottery list is fixed (QLOT-1 section 1). */
export async function listFrozen(tx: Tx, plan: Plan): Promise<boolean> {
  const [d] = await tx.select({ id: draws.id }).from(draws)
    .where(and(eq(draws.projectId, plan.projectId), eq(draws.round, plan.round), ne(draws.status, 'void'))).limit(1);
  return d !== undefined;
}

/** Registration is open at `now`: from the opening instant, until (not including) the closing one. */
export function windowOpen(plan: Plan, now: Date): boolean {
  return now.getTime() >= plan.registrationOpensAt.getTime() && now.getTime() < plan.registrationClosesAt.getTime();
}

/** ¥ with two decimals. */
export const yuan = (fen: number) => `¥${fenToYuan(fen)}`;

/** Next registration number, e.g. R2026000123 (the QLOT-1 entrant_id: ^[A-Za-z0-9_-]{1,64}$). */
export async function nextRegNo(tx: Tx, today: string): Promise<string> {
  const res = (await tx.execute(sql`select nextval('registration_seq')::text as n`)) as unknown as { rows: Array<{ n: string }> };
  return `R${today.slice(0, 4)}${res.rows[0]!.n.padStart(6, '0')}`;
}

/** 409 for a registration whose state does not allow the action. */
export const regState = (status: string, action_zh: string, action_en: string) =>
  new DomainError('INVALID_STATE', 409, `认购登记当前状态（${status}）下不能${action_zh}。`, `Cannot ${action_en} while the registration is ${status}.`, undefined, { status });
