/**
 * How a contract is shown to its family and to the project's staff: amounts in fen, the unit by its
 * labels, and 第三十条's maintenance fund the buyer of a resold unit pays in (0 on a first sale).
 */
import { desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { applications, buildings, contracts, projects, units } from '../../db/schema.js';

export interface ContractView {
  id: string;
  contractNo: string;
  status: 'generated' | 'signed' | 'lapsed' | 'rescinded';
  selectionId: string;
  applicationId: string;
  project: { id: string; code: string; name: string };
  unit: { id: string; building: string; floor: number; number: string; area: string; layout: string; orientation: string };
  priceFen: number;
  loanType: 'provident_fund' | 'commercial' | 'none';
  downPaymentFen: number;
  loanFen: number;
  depositCreditedFen: number;
  /** 第三十条: on a resale, the maintenance fund the buyer pays in (the amount refunded at buyback); 0 otherwise. */
  maintenanceFundDueFen: number;
  /** housing.down-payment's minimum for this loan type (第十三条). */
  minimumDownPaymentFen: number;
  deadlineOn: string;
  generatedAt: Date;
  signedAt: Date | null;
  pdfSha256: string | null;
  /** Staff lists only: the buyer as the public lists show it. */
  buyer?: { regCode: string; maskedName: string | null };
}

const columns = {
  c: contracts, projectCode: projects.code, projectName: projects.name, building: buildings.name, floor: units.floor, number: units.number,
  area: units.area, layout: units.layout, orientation: units.orientation, regCode: applications.regCode, maskedName: applications.maskedApplicantName,
};

/** Contracts matching `where`, newest first. */
export async function contractViews(tx: Tx, where: SQL | undefined, opts: { withBuyer?: boolean } = {}): Promise<ContractView[]> {
  const rows = await tx.select(columns).from(contracts)
    .innerJoin(projects, eq(projects.id, contracts.projectId)).innerJoin(units, eq(units.id, contracts.unitId))
    .innerJoin(buildings, eq(buildings.id, units.buildingId)).innerJoin(applications, eq(applications.id, contracts.applicationId))
    .where(where).orderBy(desc(contracts.generatedAt), desc(contracts.contractNo));
  return rows.map((r) => ({
    id: r.c.id, contractNo: r.c.contractNo, status: r.c.status as ContractView['status'], selectionId: r.c.selectionId, applicationId: r.c.applicationId,
    project: { id: r.c.projectId, code: r.projectCode, name: r.projectName },
    unit: { id: r.c.unitId, building: r.building, floor: r.floor, number: r.number, area: r.area, layout: r.layout, orientation: r.orientation },
    priceFen: r.c.priceFen, loanType: r.c.loanType as ContractView['loanType'], downPaymentFen: r.c.downPaymentFen, loanFen: r.c.loanFen,
    depositCreditedFen: r.c.depositCreditedFen, maintenanceFundDueFen: r.c.maintenanceFundDueFen, minimumDownPaymentFen: (r.c.downPaymentCheck as { value: { minimum: number } }).value.minimum,
    deadlineOn: r.c.deadlineOn, generatedAt: r.c.generatedAt, signedAt: r.c.signedAt, pdfSha256: r.c.pdfSha256,
    ...(opts.withBuyer ? { buyer: { regCode: r.regCode, maskedName: r.maskedName } } : {}),
  }));
}

/** One contract's view. */
export async function contractView(tx: Tx, id: string): Promise<ContractView> {
  const [v] = await contractViews(tx, inArray(contracts.id, [id]));
  if (!v) throw new Error(`contract ${id} missing`);
  return v;
}
