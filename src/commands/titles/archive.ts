/**
 * 第二十一条 (动态管理档案 … 实行全国联网): the unit's archive as a `unit-archive` 1.x JSON document
 * (src/archive/unit-archive.v1.schema.json, docs/archive.md), validated against the published
 * schema before it is returned; an export that does not validate is an error of ours, never sent.
 *
 * Readings on personal data (docs/archive.md): a masked name and ID identify no one in another
 * city, and our HMAC blind index is keyed per system, so it matches nothing elsewhere and would
 * only be a stable pseudonym leaking across exports — it is never exported. The default export is
 * masked (enough to move a dossier); the full names and ID numbers a receiving authority needs
 * to match its own records come only with `full`, for city staff (the level that exchanges with
 * other cities), and each export is audited with the mode it used.
 */
import { appendAudit } from '../../audit/index.js';
import { ARCHIVE_LABELS } from '../../archive/labels.js';
import { UNIT_ARCHIVE_VERSION, validateUnitArchive } from '../../archive/validate.js';
import { districtName } from '../../db/reference/districts.js';
import { todayInShanghai } from '../../rules/core/dates.js';
import { fenToYuan } from '../../rules/core/money.js';
import { forbidden } from '../errors.js';
import type { CommandContext } from '../context.js';
import { assertUnitAccess, loadUnitScope } from './access.js';
import { loadDossier, type Dossier } from './dossier.js';
import { familyApplicant, holderInFull } from './holder.js';
import type { Tx } from '../../db/client.js';

/** The authority that keeps the archive (第三条: 市住房城乡建设部门 leads). */
export const ARCHIVE_AUTHORITY = '济南市住房和城乡建设局';

const money = (name: string, fen: number) => ({ [`${name}Fen`]: fen, [`${name}Yuan`]: fenToYuan(fen) });

async function buyers(tx: Tx, ctx: CommandContext, d: Dossier, full: boolean) {
  const out: Record<string, unknown>[] = [];
  if (d.contract && d.buyer) {
    const person = full ? (await familyApplicant(tx, ctx, d.buyer.id)).person : undefined;
    out.push({ role: 'purchaser', holderKind: 'family', maskedName: d.buyer.maskedApplicantName, maskedId: d.buyer.maskedApplicantId, ...(person ? { name: person.name, idNumber: person.idNumber } : {}) });
  }
  const t = d.title;
  if (t && !(t.holderKind === 'family' && t.holderApplicationId === d.buyer?.id)) {
    const person = full ? await holderInFull(tx, ctx, t) : null;
    out.push({ role: 'holder', holderKind: t.holderKind, maskedName: t.holderMaskedName, maskedId: t.holderMaskedId, ...(person ? { name: person.name, idNumber: person.idNumber } : {}) });
  }
  return out;
}

/** The document of a loaded dossier (not yet validated). */
export async function archiveDocument(tx: Tx, ctx: CommandContext, d: Dossier, full: boolean): Promise<Record<string, unknown>> {
  const c = d.contract;
  const exitNo = new Map(d.exits.map((e) => [e.id, e.exitNo]));
  return {
    format: 'unit-archive', version: UNIT_ARCHIVE_VERSION, exportedAt: ctx.clock.now().toISOString(),
    exporter: { system: '泉城安居', authority: ARCHIVE_AUTHORITY, measure: '济政发〔2025〕3号', article: '第二十一条' },
    personalData: full ? 'full' : 'masked',
    unit: { id: d.unit.id, building: d.building.name, floor: d.unit.floor, number: d.unit.number, area: d.unit.area, layout: d.unit.layout, orientation: d.unit.orientation, status: d.unit.status },
    project: {
      id: d.project.id, code: d.project.code, name: d.project.name, level: d.project.level, districtCode: d.project.districtCode,
      districtName: districtName(d.project.districtCode) ?? null, address: d.project.address, buildingCompletedOn: d.building.completedOn,
    },
    buyers: await buyers(tx, ctx, d, full),
    contract: c ? {
      contractNo: c.contractNo, status: c.status, ...money('price', c.priceFen), loanType: c.loanType, ...money('downPayment', c.downPaymentFen),
      ...money('loan', c.loanFen), signedOn: c.signedAt ? todayInShanghai(c.signedAt) : null, deliveredOn: c.deliveredOn,
    } : null,
    titles: d.history.map((t) => ({
      certificateNo: t.certificateNo, nature: t.nature, landNature: t.landNature, origin: t.origin, holderKind: t.holderKind,
      holderMaskedName: t.holderMaskedName, issuedOn: t.issuedOn, supersededOn: t.supersededOn, current: t.supersededOn === null,
    })),
    maintenanceFund: d.balance && d.account ? {
      accountNo: d.account.accountNo, bank: d.account.bank, openedOn: d.account.openedOn,
      ...money('deposits', d.balance.depositsFen), ...money('refunds', d.balance.refundsFen), ...money('balance', d.balance.balanceFen),
      entries: d.entries.map((e) => ({ kind: e.kind, ...money('amount', e.amountFen), occurredOn: e.occurredOn, reference: e.reference, memo: e.memo })),
    } : null,
    payments: {
      purchase: c ? { ...money('price', c.priceFen), ...money('downPayment', c.downPaymentFen), ...money('depositCredited', c.depositCreditedFen), ...money('loan', c.loanFen) } : null,
      buyback: d.buybacks.map((b) => ({
        contractNo: b.contractNo, exitNo: exitNo.get(b.exitId) ?? '', ...money('price', b.priceFen), ...money('outstandingLoan', b.outstandingLoanFen),
        status: b.status, vacateByOn: b.vacateByOn,
        payments: d.payments.filter((p) => p.contractId === b.id).map((p) => ({ stage: p.stage, payee: p.payee, ...money('amount', p.amountFen), paidOn: p.paidOn, reference: p.reference })),
      })),
    },
    events: d.events.map((e) => ({ kind: e.kind, occurredOn: e.occurredOn, note: e.note, evidence: e.evidence })),
    cases: d.cases.map((k) => ({ caseNo: k.caseNo, kind: k.kind, status: k.status, openedOn: k.openedOn, closedOn: k.closedOn, resolution: k.resolution })),
    exits: d.exits.map((e) => ({
      exitNo: e.exitNo, route: e.route, origin: e.origin, status: e.status, submittedOn: e.submittedOn, acceptedOn: e.acceptedOn, dueOn: e.dueOn,
      completedOn: e.completedOn, priceFen: e.priceFen, priceYuan: e.priceFen === null ? null : fenToYuan(e.priceFen),
    })),
    labels: ARCHIVE_LABELS,
  };
}

/** 第二十一条: the unit's archive export (masked; `full` for city staff only), validated and audited. */
export async function unitArchive(ctx: CommandContext, unitId: string, opts: { full?: boolean } = {}): Promise<Record<string, unknown>> {
  const full = Boolean(opts.full);
  return ctx.db.transaction(async (tx) => {
    const scope = await loadUnitScope(tx, unitId);
    assertUnitAccess(ctx.actor, scope.project, 'read');
    if (full && ctx.actor.role !== 'city_staff') throw forbidden('只有市级工作人员可以导出含完整身份信息的档案。', 'Only city staff may export the archive with full names and ID numbers.');
    const doc = await archiveDocument(tx, ctx, await loadDossier(tx, scope), full);
    const v = validateUnitArchive(doc);
    if (!v.ok) throw new Error(`unit archive ${unitId} does not validate: ${JSON.stringify(v.problems.slice(0, 5))}`);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'unit.archive.export', targetType: 'unit', targetId: unitId, at: ctx.clock.now(),
      detail: { personalData: doc.personalData, version: UNIT_ARCHIVE_VERSION, requestId: ctx.requestId ?? null },
    });
    return doc;
  });
}
