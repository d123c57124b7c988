/**
 * The data a contract PDF prints (src/documents/contract.ts renders it), gathered from the
 * contract, its unit, project, plan, price approval and the family's application.
 *
 * Reading on names: the contract is between the implementer and the buyer family, so the copy
 * the family or the parties' staff download carries the applicant's full name, decrypted from
 * the application's current (last approved) revision; the ID number is printed masked, since
 * the registration office takes it from the ID card itself (第十八条). A purchased application
 * admits no more changes (第九条 applies to families still waiting), so the name a signed
 * contract prints stays the one it was signed with.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { accounts, applications, buildings, priceApprovals, projects, registrations, resaleOffers, salePlans, units } from '../../db/schema.js';
import { AAD } from '../../crypto/index.js';
import { districtName } from '../../db/reference/districts.js';
import { maskId } from '../../rules/core/mask.js';
import { todayInShanghai } from '../../rules/core/dates.js';
import type { ContractDocumentData, LoanType } from '../../documents/contract.js';
import type { ApplicationForm } from '../applications/form.js';
import { revisionBySeq } from '../applications/store.js';
import type { CommandContext } from '../context.js';
import { depositBalance } from '../deposits/ledger.js';
import type { ContractRow, SelectionRow, UnitRow } from './store.js';

type DownPaymentCheck = { value: { minimum: number; ratio: string } };

/** The applicant's full name and masked ID (from the current revision), or the masked forms when no revision is readable. */
async function buyerOf(tx: Tx, ctx: CommandContext, applicationId: string) {
  const [app] = await tx.select().from(applications).where(eq(applications.id, applicationId));
  if (!app) throw new Error(`application ${applicationId} missing`);
  const rev = await revisionBySeq(tx, app.id, app.currentRevision);
  if (rev) {
    const form = ctx.crypto.decryptJson<ApplicationForm>(rev.formEnc, AAD.revisionForm(app.id));
    const applicant = form.members.find((m) => m.relation === 'applicant');
    if (applicant) return { name: applicant.name, maskedId: maskId(applicant.idNumber), regCode: app.regCode };
  }
  return { name: app.maskedApplicantName ?? '—', maskedId: app.maskedApplicantId ?? '—', regCode: app.regCode };
}

/**
 * The resale offer (第三十条) this contract sells, if any: the offer that names it, or the unit's
 * current offer when the contract was drawn up after that offer's approval (a contract of the
 * unit's first sale stays what it was, whatever became of the unit later).
 */
async function resaleOfferOf(tx: Tx, c: ContractRow, unit: UnitRow) {
  const [named] = await tx.select({ id: resaleOffers.id }).from(resaleOffers).where(eq(resaleOffers.contractId, c.id));
  if (named) return named;
  if (!unit.resaleOfferId) return undefined;
  const [current] = await tx.select({ id: resaleOffers.id, approvedAt: resaleOffers.approvedAt }).from(resaleOffers).where(eq(resaleOffers.id, unit.resaleOfferId));
  return current?.approvedAt && current.approvedAt.getTime() <= c.generatedAt.getTime() ? current : undefined;
}

/** Everything the PDF prints for this contract in its current state. */
export async function contractDocumentData(tx: Tx, ctx: CommandContext, c: ContractRow, sel: SelectionRow): Promise<ContractDocumentData> {
  const [unit]: UnitRow[] = await tx.select().from(units).where(eq(units.id, c.unitId));
  const [building] = await tx.select().from(buildings).where(eq(buildings.id, unit!.buildingId));
  const [project] = await tx.select().from(projects).where(eq(projects.id, c.projectId));
  const [seller] = await tx.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, project!.implementerAccountId));
  const [approval] = unit!.priceApprovalId ? await tx.select().from(priceApprovals).where(eq(priceApprovals.id, unit!.priceApprovalId)) : [];
  const [reg] = sel.registrationId ? await tx.select().from(registrations).where(eq(registrations.id, sel.registrationId)) : [];
  // A round's contract names the plan the family registered under; a rolling sale the latest published one.
  const [plan] = reg
    ? await tx.select({ noticeNo: salePlans.noticeNo }).from(salePlans).where(eq(salePlans.id, reg.planId))
    : await tx.select({ noticeNo: salePlans.noticeNo }).from(salePlans)
      .where(and(eq(salePlans.projectId, c.projectId), eq(salePlans.status, 'published'))).orderBy(desc(salePlans.round)).limit(1);
  const deposit = c.status === 'signed' ? c.depositCreditedFen : reg ? (await depositBalance(tx, reg.id)).held : 0;
  const check = c.downPaymentCheck as DownPaymentCheck;
  const resale = await resaleOfferOf(tx, c, unit!);
  return {
    contractNo: c.contractNo,
    status: c.status as ContractDocumentData['status'],
    generatedOn: todayInShanghai(c.generatedAt),
    deadlineOn: c.deadlineOn,
    signedOn: c.signedAt ? todayInShanghai(c.signedAt) : null,
    seller: { name: seller?.name ?? '项目实施主体' },
    buyer: await buyerOf(tx, ctx, c.applicationId),
    project: {
      code: project!.code, name: project!.name, address: project!.address, districtName: districtName(project!.districtCode) ?? project!.districtCode,
      saleMode: project!.saleMode, noticeNo: plan?.noticeNo ?? null, deliveryOn: project!.deliveryOn, propertyService: project!.propertyService,
    },
    unit: { building: building!.name, floor: unit!.floor, number: unit!.number, area: unit!.area, layout: unit!.layout, orientation: unit!.orientation },
    // A resale is priced by its approved offer (第三十条), not by the first sale's base price and coefficient.
    price: resale ? { basePricePerM2Fen: null, coefficient: null, priceFen: c.priceFen, approvalNo: null }
      : { basePricePerM2Fen: approval?.basePricePerM2Fen ?? null, coefficient: unit!.coefficient, priceFen: c.priceFen, approvalNo: approval?.approvalNo ?? null },
    payment: {
      loanType: c.loanType as LoanType, downPaymentFen: c.downPaymentFen, loanFen: c.loanFen, depositFen: deposit,
      minimumFen: check.value.minimum, minimumRatio: check.value.ratio,
    },
    selection: { kind: sel.kind === 'rolling' ? 'rolling' : 'round', regNo: reg?.regNo ?? null },
    ...(resale ? { resale: { maintenanceFundDueFen: c.maintenanceFundDueFen } } : {}),
  };
}
