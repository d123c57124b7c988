/**
 * The pilot project carried over from the earlier register (济政发〔2025〕3号 第十八、十九条 as it
 * finds them): 泉城安居·槐荫苑 was sold in 2024, before the measure took effect (2025-03-31), so
 * nothing of its sale can be told by the platform's commands. What the earlier register holds is
 * written as found — the project (ended), its building, the approved prices, the households'
 * applications (`purchased`, with their encrypted approved forms, so documents can print names),
 * signed selections and contracts (delivered), titles (第十八条) and maintenance-fund accounts with
 * their deposits (第十九条) — and ONE audit row per unit (`postsale.import`) says it was carried over.
 *
 * Reading: the contract and approval numbers are the earlier register's own (not the platform's
 * sequences); the contracts' 第十三条 down-payment check is recorded as "not made by the platform".
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Tx } from '../db/client.js';
import {
  salePlans, applicationRevisions, applications, buildings, contracts, maintenanceFundAccounts, maintenanceFundEntries, priceApprovals, projects,
  selections, titles, units,
} from '../db/schema.js';
import { AAD, type FieldCrypto } from '../crypto/index.js';
import { appendAudit } from '../audit/index.js';
import { maskId, maskName } from '../rules/core/mask.js';
import { fixedClock, type Actor, type CommandContext } from '../commands/context.js';
import { memberFacts } from '../commands/applications/form.js';
import { addEvent, holdPersons, nextRegCode, writeMembers } from '../commands/applications/store.js';
import { holderColumns } from '../commands/titles/holder.js';
import { SimulatedProvider } from '../datachecks/index.js';
import { coefficient } from './sale-projects.js';
import { PILOT, PILOT_FAMILIES, type PilotFamily } from './closed-loop-families.js';

/** What the earlier register says of this import (audit detail, history entries). */
export const EARLIER_REGISTER = '由原保障性住房配售登记（2024年，济政发〔2025〕3号施行前）迁入（演示数据）';

/** One imported unit: the family, its application, contract and title. */
export type Imported = { family: PilotFamily; accountId: string; applicationId: string; regCode: string; unitId: string; contractId: string; titleId: string };

const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);
/** 面积 × 基准价 × 系数, to the yuan. */
function unitPriceFen(area: string, coef: string): number {
  const cents = Math.round(Number(area) * 100);
  const milli = Math.round(Number(coef) * 1000);
  return Math.round((cents * PILOT.basePricePerM2Fen * milli) / 100 / 1000 / 100) * 100;
}

/** The household's application as the earlier register admitted it, now purchased. */
async function importApplication(tx: Tx, crypto: FieldCrypto, f: PilotFamily, accountId: string, city: Actor) {
  const admittedOn = '2023-10-20';
  const now = at(f.signedOn);
  const regCode = await nextRegCode(tx, admittedOn);
  const a = f.form.members.find((m) => m.relation === 'applicant')!;
  const [app] = await tx.insert(applications).values({
    regCode, accountId, districtCode: f.form.districtCode, status: 'purchased', category: 'wage_family', priority: [],
    maskedApplicantName: maskName(a.name), maskedApplicantId: maskId(a.idNumber), submittedAt: at('2023-09-05'), admittedOn,
    purchasedOn: f.signedOn, createdAt: now, updatedAt: now,
  }).returning();
  const [rev] = await tx.insert(applicationRevisions).values({
    applicationId: app!.id, seq: 1, kind: 'initial', status: 'approved', formEnc: crypto.encryptJson(f.form, AAD.revisionForm(app!.id)),
    createdAt: now, updatedAt: now, submittedAt: now, decidedAt: now, decisionReason: EARLIER_REGISTER,
  }).returning();
  const blinds = f.form.members.map((m) => crypto.blindIndex(m.idNumber));
  await writeMembers(tx, rev!.id, f.form.members.map((m, i) => ({ relation: m.relation, idBlind: blinds[i]!, ...memberFacts(m), hukouType: m.hukou.type, hukouCity: m.hukou.city })));
  await holdPersons(tx, app!.id, blinds, now);
  const ctx: CommandContext = { db: tx as never, clock: fixedClock(f.signedOn), crypto, dataChecks: new SimulatedProvider({}), actor: city };
  await addEvent(tx, ctx, { applicationId: app!.id, kind: 'imported', to: 'purchased', reason: EARLIER_REGISTER });
  return app!;
}

/** Writes the pilot project and its sold units; `accounts` maps each family's username to its account id. */
export async function importPilot(tx: Tx, crypto: FieldCrypto, a: { accounts: Record<string, string>; anju: Actor; city: Actor; importedOn: Date }): Promise<Imported[]> {
  const created = at('2023-06-01');
  const [project] = await tx.insert(projects).values({
    code: PILOT.code, name: PILOT.name, level: PILOT.level, districtCode: PILOT.districtCode, saleMode: PILOT.saleMode, address: PILOT.address,
    implementerAccountId: a.anju.accountId, status: 'ended', deliveryOn: PILOT.deliveryOn, propertyService: PILOT.propertyService,
    saleEndedOn: PILOT.saleEndedOn, createdAt: created, updatedAt: at(PILOT.saleEndedOn),
  }).returning();
  const [building] = await tx.insert(buildings).values({ projectId: project!.id, ...PILOT.building }).returning();
  const plan = Array.from({ length: PILOT.building.floors }, (_, fl) => PILOT.stack.map((s, k) => ({
    id: randomUUID(), floor: fl + 1, number: `${fl + 1}${String(k + 1).padStart(2, '0')}`, ...s,
    coefficient: coefficient(fl + 1, PILOT.building.floors, s.orientation),
  }))).flat().map((u) => ({ ...u, priceFen: unitPriceFen(u.area, u.coefficient) }));
  const schedule = plan.map((u) => ({ unitId: u.id, coefficient: u.coefficient, priceFen: u.priceFen }));
  const [approval] = await tx.insert(priceApprovals).values({
    projectId: project!.id, basePricePerM2Fen: PILOT.basePricePerM2Fen, floatRange: '0.05', status: 'approved', schedule,
    scheduleSha256: createHash('sha256').update(JSON.stringify(schedule)).digest('hex'), submittedBy: a.anju.accountId, submittedAt: at('2023-08-10'),
    cityApprovedBy: a.city.accountId, cityApprovedAt: at('2023-08-25', '15:00'), approvalNo: PILOT.approvalNo,
  }).returning();
  // The pilot was sold under its own published plan; carried over with it, the project appears in the
  // public and rolling-sale lists like any other when a bought-back unit is resold (第十六、三十条).
  await tx.insert(salePlans).values({
    projectId: project!.id, round: 1, registrationOpensAt: at('2023-12-01', '09:00'), registrationClosesAt: at('2023-12-08', '17:00'),
    drawOn: '2023-12-12', depositFen: 2_000_000, pools: [{ label: 'GEN', quota: 'all', eligibility: 'all' }], batchSize: 6, windowMinutes: 60,
    contractDeadlineDays: 7, documents: EARLIER_REGISTER, status: 'published', approvedBy: a.city.accountId, approvedAt: at('2023-11-20', '15:00'),
    noticeNo: `配售通告〔2023〕试点${PILOT.code}号`, publishedAt: at('2023-11-24', '09:00'), createdAt: at('2023-11-10'),
  });
  const out: Imported[] = [];
  for (const u of plan) {
    const f = PILOT_FAMILIES.find((x) => x.unit === u.number);
    if (!f) throw new Error(`demo: no household for ${PILOT.code} ${u.number}`);
    await tx.insert(units).values({
      id: u.id, projectId: project!.id, buildingId: building!.id, floor: u.floor, number: u.number, area: u.area, layout: u.layout,
      orientation: u.orientation, coefficient: u.coefficient, priceFen: u.priceFen, priceApprovalId: approval!.id, status: 'sold', offeredOn: '2023-12-01',
    });
    const accountId = a.accounts[f.username]!;
    const app = await importApplication(tx, crypto, f, accountId, a.city);
    const signedAt = at(f.signedOn, '10:30');
    const [sel] = await tx.insert(selections).values({
      projectId: project!.id, unitId: u.id, applicationId: app.id, kind: 'round', status: 'signed', lockedAt: at(f.signedOn, '09:30'), signedAt,
    }).returning();
    const loanFen = Math.round((u.priceFen * f.loanShare) / 10_000) * 10_000;
    const contractNo = `槐荫安居合〔2024〕HY${u.number}号`;
    const [c] = await tx.insert(contracts).values({
      contractNo, selectionId: sel!.id, projectId: project!.id, unitId: u.id, applicationId: app.id, priceFen: u.priceFen, loanType: f.loanType,
      downPaymentFen: u.priceFen - loanFen, loanFen, downPaymentCheck: { importedFrom: EARLIER_REGISTER, checkedByPlatform: false },
      status: 'signed', deadlineOn: f.signedOn, generatedAt: at(f.signedOn, '09:45'), signedAt, deliveredOn: PILOT.deliveryOn, deliveredBy: a.anju.accountId,
    }).returning();
    const titleId = randomUUID();
    const certificateNo = `鲁(2024)济南市不动产权第${String(7_200_000 + Number(u.number)).padStart(7, '0')}号`;
    await tx.insert(titles).values({
      id: titleId, unitId: u.id, certificateNo, ...(await holderColumns(tx, { crypto }, titleId, { kind: 'family', applicationId: app.id })),
      origin: 'first_sale', contractId: c!.id, issuedOn: f.titleIssuedOn, recordedBy: a.city.accountId, recordedAt: a.importedOn,
    });
    const fundFen = Math.round(Number(u.area) * PILOT.fundPerM2Fen);
    const [acct] = await tx.insert(maintenanceFundAccounts).values({
      unitId: u.id, accountNo: `WX370104HY${u.number}`, bank: PILOT.fundBank, openedOn: PILOT.deliveryOn, recordedBy: a.city.accountId, recordedAt: a.importedOn,
    }).returning();
    await tx.insert(maintenanceFundEntries).values({
      accountId: acct!.id, kind: 'deposit', amountFen: fundFen, occurredOn: PILOT.deliveryOn, reference: contractNo, titleId,
      memo: '首次缴存维修资金（原登记迁入）', recordedBy: a.city.accountId, recordedAt: a.importedOn,
    });
    await appendAudit(tx, {
      actor: a.city, action: 'postsale.import', targetType: 'unit', targetId: u.id, at: a.importedOn,
      detail: {
        register: EARLIER_REGISTER, projectCode: PILOT.code, unit: `${PILOT.building.name} ${u.number}`, regCode: app.regCode, contractNo,
        priceFen: u.priceFen, signedOn: f.signedOn, deliveredOn: PILOT.deliveryOn, certificateNo, titleIssuedOn: f.titleIssuedOn,
        fundAccountNo: acct!.accountNo, fundDepositFen: fundFen,
      },
    });
    out.push({ family: f, accountId, applicationId: app.id, regCode: app.regCode, unitId: u.id, contractId: c!.id, titleId });
  }
  return out;
}
