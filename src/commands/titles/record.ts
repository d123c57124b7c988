/**
 * 第二十一条: the unit dossier (动态管理档案) for staff and the project's implementer — unit,
 * project, building, purchase contract, current title and its history, maintenance fund with its
 * movements, events, cases and exit applications.
 *
 * Reading on personal data: staff (and the auditor) see the holder's name, so each read is an
 * audited read (`unit.record.read`); the implementer sees its own projects with the holder masked
 * as on public lists, and its reads are audited too (it still learns who holds which unit).
 */
import { appendAudit } from '../../audit/index.js';
import type { CommandContext } from '../context.js';
import { assertUnitAccess, loadUnitScope, seesNames } from './access.js';
import { earliestExitOn, loadDossier, type Dossier } from './dossier.js';
import { holderInFull } from './holder.js';
import { titleView, type TitleView } from './title.js';

/** One exit application in short. */
export type ExitSummary = {
  id: string; exitNo: string; route: string; origin: string; status: string; submittedOn: string;
  acceptedOn: string | null; dueOn: string | null; priceFen: number | null; completedOn: string | null;
};

/** The exit applications of a dossier in short. */
export const exitSummaries = (d: Dossier): ExitSummary[] => d.exits.map((e) => ({
  id: e.id, exitNo: e.exitNo, route: e.route, origin: e.origin, status: e.status, submittedOn: e.submittedOn,
  acceptedOn: e.acceptedOn, dueOn: e.dueOn, priceFen: e.priceFen, completedOn: e.completedOn,
}));

/** Staff and implementer view of a unit. */
export async function unitRecord(ctx: CommandContext, unitId: string) {
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  return ctx.db.transaction(async (tx) => {
    const scope = await loadUnitScope(tx, unitId);
    assertUnitAccess(ctx.actor, scope.project, 'read');
    const d = await loadDossier(tx, scope);
    const names = seesNames(ctx.actor);
    const full = names && d.title ? await holderInFull(tx, ctx, d.title) : null;
    const title: (TitleView & { holderName?: string | null }) | null = d.title ? { ...titleView(d.title), ...(names ? { holderName: full?.name ?? null } : {}) } : null;
    const caseNoByEvent = new Map(d.cases.map((c) => [c.eventId, c.caseNo]));
    await appendAudit(tx, {
      actor: ctx.actor, action: 'unit.record.read', targetType: 'unit', targetId: unitId, at: now,
      detail: { certificateNo: d.title?.certificateNo ?? null, holderNamed: Boolean(full), requestId: ctx.requestId ?? null },
    });
    return {
      unit: { id: d.unit.id, building: d.building.name, floor: d.unit.floor, number: d.unit.number, area: d.unit.area, layout: d.unit.layout, orientation: d.unit.orientation, status: d.unit.status },
      project: { id: d.project.id, code: d.project.code, name: d.project.name, districtCode: d.project.districtCode, level: d.project.level, address: d.project.address },
      building: { id: d.building.id, name: d.building.name, completedOn: d.building.completedOn },
      contract: d.contract ? {
        id: d.contract.id, contractNo: d.contract.contractNo, status: d.contract.status, priceFen: d.contract.priceFen, loanType: d.contract.loanType,
        downPaymentFen: d.contract.downPaymentFen, loanFen: d.contract.loanFen, signedAt: d.contract.signedAt?.toISOString() ?? null,
        deliveredOn: d.contract.deliveredOn, maintenanceFundDueFen: d.contract.maintenanceFundDueFen,
        buyer: d.buyer ? { regCode: d.buyer.regCode, maskedName: d.buyer.maskedApplicantName } : null,
      } : null,
      title,
      titleHistory: d.history.map(titleView),
      earliestExitOn: earliestExitOn(d.title, today),
      fund: d.balance && d.account ? {
        id: d.account.id, accountNo: d.account.accountNo, bank: d.account.bank, openedOn: d.account.openedOn,
        depositsFen: d.balance.depositsFen, refundsFen: d.balance.refundsFen, balanceFen: d.balance.balanceFen,
        entries: d.entries.map((e) => ({ id: e.id, kind: e.kind, amountFen: e.amountFen, occurredOn: e.occurredOn, reference: e.reference, memo: e.memo })),
      } : null,
      events: d.events.map((e) => ({
        id: e.id, kind: e.kind, occurredOn: e.occurredOn, evidence: e.evidence as unknown[], note: e.note, newTitleId: e.newTitleId, caseNo: caseNoByEvent.get(e.id) ?? null,
      })),
      cases: d.cases.map((c) => ({ id: c.id, caseNo: c.caseNo, unitId: c.unitId, kind: c.kind, status: c.status, openedOn: c.openedOn, closedOn: c.closedOn, resolution: c.resolution })),
      exits: exitSummaries(d),
    };
  });
}
export type UnitRecord = Awaited<ReturnType<typeof unitRecord>>;
