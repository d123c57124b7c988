/**
 * Notices to the selling family during a buyback (济政发〔2025〕3号 第二十八、二十九条), written in the
 * command's transaction (src/notify outbox). A holder outside the scheme (an heir, 第二十二条) has
 * no account on the platform and gets none; staff tell them in person.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applications, buildings, projects, units } from '../../db/schema.js';
import { enqueue, type TemplateName } from '../../notify/index.js';
import type { ExitRow } from '../exits/store.js';

/** "泉城安居·历下苑 1号楼101室". */
export async function unitLabel(tx: Tx, unitId: string): Promise<string> {
  const [r] = await tx.select({ project: projects.name, building: buildings.name, number: units.number }).from(units)
    .innerJoin(projects, eq(projects.id, units.projectId)).innerJoin(buildings, eq(buildings.id, units.buildingId)).where(eq(units.id, unitId));
  return r ? `${r.project} ${r.building}${r.number}室` : unitId;
}

/** Enqueue `template` for the exit's family, if it has an account. */
export async function notifyFamily(tx: Tx, exit: ExitRow, template: TemplateName, params: Record<string, unknown>, now: Date): Promise<void> {
  if (!exit.applicationId) return;
  const [app] = await tx.select({ accountId: applications.accountId }).from(applications).where(eq(applications.id, exit.applicationId));
  if (app) await enqueue(tx, { accountId: app.accountId, template, params: { exitNo: exit.exitNo, ...params } }, now);
}
