/**
 * Which sale actions the console offers to the signed-in account on a project. The server
 * decides (src/server/authz/policies.ts and the commands check again); this only hides buttons
 * that would certainly be refused, so the page shows each role its own work.
 */
import type { Account } from '../../api/types';
import type { PriceApproval, Project, SalePlan } from '../../api/sale';

/** What the console offers on one project. */
export interface SaleAbilities {
  /** 项目实施主体: buildings, units, import (projects.write). */
  editCatalogue: boolean;
  /** 第十二条: the implementer measures and submits prices. */
  submitPrices: boolean;
  /** The implementer drafts and submits the plan (plans.write). */
  writePlans: boolean;
  /** Staff of the project's level approve its plan (第十条 报同级政府同意). */
  approvePlans: boolean;
  /** Staff freeze the list, draw and void (draws.manage). */
  manageDraws: boolean;
  /** Implementer and staff call batches and record outcomes (selection.manage). */
  manageSelection: boolean;
  /** Implementer and staff start the rolling sale and end the sale (sale.manage). */
  manageSale: boolean;
  /** 第十六条: staff decide a conversion (units.convert). */
  convertUnits: boolean;
  /** 第十七条: the implementer keeps the fund ledger (funds.write). */
  writeFunds: boolean;
}

const inDistrict = (me: Account, p: Project) => me.role === 'city_staff' || (me.role === 'district_staff' && me.districtCode === p.districtCode);

/** The abilities of `me` on project `p`; an auditor (or anyone else) only reads. */
export function abilities(me: Account | null | undefined, p: Project): SaleAbilities {
  const impl = me?.role === 'implementer';
  const staff = Boolean(me && inDistrict(me, p));
  const levelStaff = Boolean(me && ((p.level === 'city' && me.role === 'city_staff') || (p.level !== 'city' && me.role === 'district_staff' && me.districtCode === p.districtCode)));
  return {
    editCatalogue: impl,
    submitPrices: impl,
    writePlans: impl,
    approvePlans: levelStaff,
    manageDraws: staff,
    manageSelection: impl || staff,
    manageSale: impl || staff,
    // 第十六条 经同级政府批准: a city project's unit on the city's decision
    convertUnits: staff && (p.level !== 'city' || me?.role === 'city_staff'),
    writeFunds: impl,
  };
}

/**
 * Whether `me` may decide a price approval at its present stage (第十二条): a city project is
 * approved by the city; a district project first by its district's staff (submitted →
 * district_approved), then confirmed by the city (→ approved).
 */
export function canDecidePrice(me: Account | null | undefined, p: Project, a: PriceApproval): boolean {
  if (!me) return false;
  if (a.status === 'submitted') {
    return p.level === 'city' ? me.role === 'city_staff' : me.role === 'district_staff' && me.districtCode === p.districtCode;
  }
  if (a.status === 'district_approved') return p.level !== 'city' && me.role === 'city_staff';
  return false;
}

/** The stage the approval waits for, in words (第十二条). */
export function priceStageText(p: Project, a: PriceApproval): string {
  if (a.status === 'submitted') return p.level === 'city' ? '待市住房城乡建设部门审核，报市政府确定' : '待区县审批';
  if (a.status === 'district_approved') return '区县已审批，待报市政府审定';
  if (a.status === 'approved') return '已审定，价格已写入房源';
  return a.rejectedReason ? `已驳回：${a.rejectedReason}` : '已驳回';
}

/** Plan actions on offer at the plan's status. */
export function planActions(ab: SaleAbilities, plan: SalePlan): ('submit' | 'approve' | 'reject' | 'publish')[] {
  const out: ('submit' | 'approve' | 'reject' | 'publish')[] = [];
  if ((plan.status === 'draft' || plan.status === 'rejected') && ab.writePlans) out.push('submit');
  if (plan.status === 'submitted' && ab.approvePlans) out.push('approve', 'reject');
  // 第十条: after the government of its level agrees, the sale notice is published (by the
  // implementer, under the housing department's guidance); the server holds who may.
  if (plan.status === 'approved' && (ab.writePlans || ab.approvePlans)) out.push('publish');
  return out;
}
