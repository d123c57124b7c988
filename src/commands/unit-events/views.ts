/**
 * Views of unit events with their case, new title and obligation (济政发〔2025〕3号 第二十、二十二、
 * 二十三条). Holders appear masked; staff read the full record through the unit dossier (audited).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import { applications, auditLog, multiUnitObligations, titles, unitCases, unitEvents } from '../../db/schema.js';
import { notFound } from '../errors.js';
import { KIND_ARTICLE, type Evidence } from './store.js';

export type CaseSummary = { id: string; caseNo: string; kind: string; status: string; openedOn: string; closedOn: string | null; resolution: string | null };

/** One recorded event. */
export type UnitEventView = {
  id: string; unitId: string; kind: string; article: string; occurredOn: string;
  evidence: Evidence; note: string | null; recordedAt: string;
  /** Inheritance and divorce division: the new title and who holds it. */
  newTitle: null | {
    id: string; certificateNo: string; origin: string; nature: string; landNature: string; issuedOn: string;
    holder: { kind: string; applicationId: string | null; regCode: string | null; maskedName: string | null; maskedId: string | null };
    /** True when a person named by ID number was found to be a member of a housed family, and the unit went to that family. */
    resolvedToFamily: boolean;
  };
  obligation: null | { id: string; status: string; unitsHeld: number; changeOn: string; deadlineOn: string };
  case: CaseSummary | null;
};

const newTitles = alias(titles, 'new_title');

/** Events of `where`, oldest first. */
async function eventViews(tx: Tx, by: { id?: string; unitId?: string }): Promise<UnitEventView[]> {
  const rows = await tx.select({ e: unitEvents, t: newTitles, regCode: applications.regCode, c: unitCases, o: multiUnitObligations })
    .from(unitEvents)
    .leftJoin(newTitles, eq(newTitles.id, unitEvents.newTitleId))
    .leftJoin(applications, eq(applications.id, newTitles.holderApplicationId))
    .leftJoin(unitCases, eq(unitCases.eventId, unitEvents.id))
    .leftJoin(multiUnitObligations, eq(multiUnitObligations.eventId, unitEvents.id))
    .where(by.id ? eq(unitEvents.id, by.id) : eq(unitEvents.unitId, by.unitId!))
    .orderBy(asc(unitEvents.occurredOn), asc(unitEvents.recordedAt));
  const audits = rows.length ? await resolvedFlags(tx, [...new Set(rows.map((r) => r.e.unitId))]) : new Set<string>();
  return rows.map(({ e, t, regCode, c, o }) => ({
    id: e.id, unitId: e.unitId, kind: e.kind, article: KIND_ARTICLE[e.kind]!, occurredOn: e.occurredOn,
    evidence: e.evidence as Evidence, note: e.note, recordedAt: e.recordedAt.toISOString(),
    newTitle: t ? {
      id: t.id, certificateNo: t.certificateNo, origin: t.origin, nature: t.nature, landNature: t.landNature, issuedOn: t.issuedOn,
      holder: { kind: t.holderKind, applicationId: t.holderApplicationId, regCode: regCode ?? null, maskedName: t.holderMaskedName, maskedId: t.holderMaskedId },
      resolvedToFamily: audits.has(e.id),
    } : null,
    obligation: o ? { id: o.id, status: o.status, unitsHeld: o.unitsHeld, changeOn: o.changeOn, deadlineOn: o.deadlineOn } : null,
    case: c ? { id: c.id, caseNo: c.caseNo, kind: c.kind, status: c.status, openedOn: c.openedOn, closedOn: c.closedOn, resolution: c.resolution } : null,
  }));
}

/** Events whose new holder, named as a person, was resolved to a housed family (kept in the event's audit row). */
async function resolvedFlags(tx: Tx, unitIds: string[]): Promise<Set<string>> {
  const rows = await tx.select({ detail: auditLog.detail }).from(auditLog)
    .where(and(eq(auditLog.targetType, 'unit'), inArray(auditLog.targetId, unitIds), eq(auditLog.action, 'unit.event')));
  const set = new Set<string>();
  for (const r of rows) {
    const d = r.detail as { eventId?: string; resolvedFromPerson?: boolean };
    if (d.eventId && d.resolvedFromPerson) set.add(d.eventId);
  }
  return set;
}

/** One event; 404 when absent. */
export async function unitEventView(tx: Tx, id: string): Promise<UnitEventView> {
  const [v] = await eventViews(tx, { id });
  if (!v) throw notFound('事项', 'event');
  return v;
}

/** Every event of the unit, oldest first (the unit dossier lists them). No authorization: the caller's. */
export const listUnitEvents = (tx: Tx, unitId: string): Promise<UnitEventView[]> => eventViews(tx, { unitId });
