/**
 * Test support for contracts: the sale world (src/commands/sale/testing.ts) taken to the point
 * where a family holds a unit — a registration with its 认购金 paid (a `paid` ledger row, as the
 * bank callback would book it), a locked selection and the unit reserved — plus a second
 * selling project for the same families (第十一条: several registrations, one purchase) and a
 * readable application revision so the contract can print the buyer's full name.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { AAD } from '../../crypto/index.js';
import {
  applicationRevisions, buildings, priceApprovals, projects, registrations, salePlans, selections, units,
} from '../../db/schema.js';
import { familyForm, idFor } from '../applications/fixtures.js';
import { postDeposit } from '../deposits/ledger.js';
import { SALE_PRICE_PER_M2_FEN, type SaleWorld } from '../sale/testing.js';
import { type DomainError, isDomainError } from '../errors.js';

type ProjectRow = typeof projects.$inferSelect;
type PlanRow = typeof salePlans.$inferSelect;
let regSeq = 0;

/** Registers family `i` for the plan with its 认购金 paid (unless `paid: false`). */
export async function paidRegistration(h: DbHandle, w: SaleWorld, i: number, at: { project: ProjectRow; plan: PlanRow }, opts: { paid?: boolean } = {}) {
  const f = w.families[i]!;
  const [reg] = await h.db.insert(registrations).values({
    regNo: `R2026${String(++regSeq).padStart(6, '0')}`, projectId: at.project.id, planId: at.plan.id, applicationId: f.applicationId,
    accountId: f.actor.accountId, status: opts.paid === false ? 'pending_payment' : 'registered', pools: ['GEN'], depositFen: at.plan.depositFen,
    registeredAt: w.clock.now(), paidAt: opts.paid === false ? null : w.clock.now(),
  }).returning();
  if (opts.paid !== false) {
    await h.db.transaction((tx) => postDeposit(tx, {
      projectId: at.project.id, registrationId: reg!.id, kind: 'paid', amountFen: at.plan.depositFen, reference: `SIMTX-${reg!.regNo}`,
      reason: '认购金缴纳（测试）', at: w.clock.now(),
    }));
  }
  return reg!;
}

/** Family `i` holds unit `unitId`: a locked selection and the unit reserved; `registrationId` null = rolling sale (第十六条). */
export async function holdUnit(h: DbHandle, w: SaleWorld, i: number, unitId: string, registrationId: string | null, lockedAt = w.clock.now()) {
  const [unit] = await h.db.update(units).set({ status: 'reserved' }).where(eq(units.id, unitId)).returning();
  const [sel] = await h.db.insert(selections).values({
    projectId: unit!.projectId, unitId, applicationId: w.families[i]!.applicationId, registrationId, kind: registrationId ? 'round' : 'rolling',
    status: 'locked', lockedAt,
  }).returning();
  return sel!;
}

/** Family `i` registered and paid in the world's project, holding its unit `unitIdx`. */
export async function familyHolding(h: DbHandle, w: SaleWorld, i: number, unitIdx = i) {
  const reg = await paidRegistration(h, w, i, { project: w.project, plan: w.plan });
  const sel = await holdUnit(h, w, i, w.unitIds[unitIdx]!, reg.id);
  return { reg, sel };
}

/** A second selling project (JN-2026-002) of the same implementer, two units priced like the first, 认购金 1万元. */
export async function secondProject(h: DbHandle, w: SaleWorld) {
  const [project] = await h.db.insert(projects).values({
    code: 'JN-2026-002', name: '泉城安居·历城府', level: 'district', districtCode: '370102', saleMode: 'presale', address: '济南市历下区花园路 2 号',
    implementerAccountId: w.implementer.accountId, status: 'selling', deliveryOn: '2027-06-30', updatedAt: w.clock.now(),
  }).returning();
  const [building] = await h.db.insert(buildings).values({ projectId: project!.id, name: '2号楼', floors: 18 }).returning();
  const ids = [randomUUID(), randomUUID()];
  const [approval] = await h.db.insert(priceApprovals).values({
    projectId: project!.id, basePricePerM2Fen: SALE_PRICE_PER_M2_FEN, floatRange: '0.050000', status: 'approved',
    schedule: ids.map((unitId) => ({ unitId, coefficient: '1.000000', priceFen: SALE_PRICE_PER_M2_FEN * 90 })), scheduleSha256: 'fixture',
    submittedBy: w.implementer.accountId, submittedAt: w.clock.now(), cityApprovedBy: w.actors.city.accountId, cityApprovedAt: w.clock.now(), approvalNo: '价批-JN-2026-002',
  }).returning();
  await h.db.insert(units).values(ids.map((id, k) => ({
    id, projectId: project!.id, buildingId: building!.id, floor: 3, number: `30${k + 1}`, area: '90.00', layout: '三室一厅', orientation: '南',
    coefficient: '1.000000', priceFen: SALE_PRICE_PER_M2_FEN * 90, priceApprovalId: approval!.id, status: 'available', offeredOn: '2026-03-01',
  })));
  const [plan] = await h.db.insert(salePlans).values({
    projectId: project!.id, round: 1, registrationOpensAt: new Date('2026-02-28T16:00:00Z'), registrationClosesAt: new Date('2026-03-10T16:00:00Z'),
    drawOn: '2026-03-12', depositFen: 1_000_000, pools: [{ label: 'GEN', quota: 'all', eligibility: 'all' }], batchSize: 4, windowMinutes: 30,
    contractDeadlineDays: 10, status: 'published', noticeNo: '配售通告〔2026〕2号', publishedAt: w.clock.now(),
  }).returning();
  return { project: project!, plan: plan!, unitIds: ids };
}

/** Gives family `i` an approved revision whose applicant is `name`, so documents can print the full name. */
export async function withApplicantName(h: DbHandle, w: SaleWorld, i: number, name: string): Promise<string> {
  const f = w.families[i]!;
  const idNumber = idFor('1988-04-12', String(101 + 2 * i).padStart(3, '0'));
  const form = familyForm({ applicant: idNumber });
  form.members[0]!.name = name;
  await h.db.insert(applicationRevisions).values({
    applicationId: f.applicationId, seq: 1, kind: 'initial', status: 'approved', formEnc: w.crypto.encryptJson(form, AAD.revisionForm(f.applicationId)),
  });
  return idNumber;
}

/** The DomainError a call throws (fails the test when it does not throw one). */
export async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (isDomainError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
